import { newSigningKey } from '../auth/signing-keys.js';
import type { CognitoContext } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import type { FirstAuthFactor, MessageTemplate, PasswordPolicy, UserPoolRecord } from '../records.js';
import { put } from '../store/cognito-store.js';
import { Keys } from '../store/keys.js';
import { passwordPolicyFrom } from './password-policy.js';
import { newUserPoolId, userPoolArn } from './pool-ids.js';

/** What a new pool is made of; everything but the name has Cognito's default. */
export interface NewUserPool {
  name: string;
  /** The region in the pool's ID; the service's region if not given. */
  region?: string;
  passwordPolicy?: Partial<PasswordPolicy>;
  /** Choice-based sign-in factors; `PASSWORD` must be among them. Default `['PASSWORD']`. */
  allowedFirstAuthFactors?: FirstAuthFactor[];
  /** `email` and/or `phone_number` instead of a username: users get their `sub` as username. */
  usernameAttributes?: string[];
  /** Attributes users may also sign in with once verified. */
  aliasAttributes?: string[];
  autoVerifiedAttributes?: string[];
  /** Whether usernames (and aliases) match case-sensitively. Default true, as in the API. */
  caseSensitive?: boolean;
  verificationMessage?: Partial<MessageTemplate>;
  tier?: string;
}

/** The sign-up verification email of a pool that sets none. */
export const DEFAULT_VERIFICATION_MESSAGE: MessageTemplate = {
  subject: 'Your verification code',
  message: 'Your verification code is {####}.',
};

const USERNAME_ATTRIBUTES = new Set(['email', 'phone_number']);
const ALIAS_ATTRIBUTES = new Set(['email', 'phone_number', 'preferred_username']);
const VERIFIABLE_ATTRIBUTES = new Set(['email', 'phone_number']);
const FIRST_AUTH_FACTORS = new Set<string>(['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN']);

function checkSubset(field: string, values: string[], allowed: ReadonlySet<string>): void {
  for (const value of values) {
    if (!allowed.has(value)) {
      throw invalidParameter(
        `1 validation error detected: Value '[${values.join(', ')}]' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${[...allowed].join(', ')}]`,
      );
    }
  }
}

/** Creates a pool with a fresh signing key. */
export async function createUserPool(context: CognitoContext, spec: NewUserPool): Promise<UserPoolRecord> {
  if (spec.name.length < 1 || spec.name.length > 128) {
    throw invalidParameter('PoolName must be between 1 and 128 characters long');
  }
  const usernameAttributes = spec.usernameAttributes ?? [];
  const aliasAttributes = spec.aliasAttributes ?? [];
  const autoVerifiedAttributes = spec.autoVerifiedAttributes ?? [];
  const factors = spec.allowedFirstAuthFactors ?? ['PASSWORD'];
  checkSubset('usernameAttributes', usernameAttributes, USERNAME_ATTRIBUTES);
  checkSubset('aliasAttributes', aliasAttributes, ALIAS_ATTRIBUTES);
  checkSubset('autoVerifiedAttributes', autoVerifiedAttributes, VERIFIABLE_ATTRIBUTES);
  checkSubset('policies.signInPolicy.allowedFirstAuthFactors', factors, FIRST_AUTH_FACTORS);
  if (usernameAttributes.length > 0 && aliasAttributes.length > 0) {
    throw invalidParameter('Only one of the aliasAttributes or usernameAttributes can be set in a User Pool');
  }
  if (!factors.includes('PASSWORD')) {
    throw invalidParameter('AllowedFirstAuthFactors must include PASSWORD');
  }
  const policy = passwordPolicyFrom(spec.passwordPolicy);
  if (policy.MinimumLength < 6 || policy.MinimumLength > 99) {
    throw invalidParameter('Password policy MinimumLength must be between 6 and 99');
  }
  const verificationMessage = { ...DEFAULT_VERIFICATION_MESSAGE, ...spec.verificationMessage };
  if (!verificationMessage.message.includes('{####}')) {
    throw invalidParameter('The verification message must contain the {####} placeholder');
  }
  const now = context.now();
  const id = newUserPoolId(spec.region ?? context.region);
  const pool: UserPoolRecord = {
    id,
    name: spec.name,
    arn: userPoolArn(id),
    createdAt: now,
    updatedAt: now,
    passwordPolicy: policy,
    allowedFirstAuthFactors: [...new Set(factors)],
    usernameAttributes,
    aliasAttributes,
    autoVerifiedAttributes,
    caseSensitive: spec.caseSensitive ?? true,
    verificationMessage,
    ...(spec.tier !== undefined && { tier: spec.tier }),
    signingKey: await newSigningKey(),
  };
  await context.store.write([put(Keys.pool(id), pool)]);
  context.cache.pools.set(id, pool);
  return pool;
}

/** The pool with `poolId`, or undefined. */
export async function findUserPool(
  context: CognitoContext,
  poolId: string,
): Promise<UserPoolRecord | undefined> {
  const cached = context.cache.pools.get(poolId);
  if (cached) return cached;
  const pool = await context.store.get<UserPoolRecord>(Keys.pool(poolId));
  if (pool) context.cache.pools.set(poolId, pool);
  return pool;
}

/** The pool with `poolId`; `ResourceNotFoundException` if there is none. */
export async function requireUserPool(context: CognitoContext, poolId: string): Promise<UserPoolRecord> {
  const pool = await findUserPool(context, poolId);
  if (!pool) throw new CognitoError('ResourceNotFoundException', `User pool ${poolId} does not exist.`);
  return pool;
}

/** Pools in ID order, `limit` of them after the key `after`. */
export async function listUserPools(
  context: CognitoContext,
  page: { limit: number; after?: string },
): Promise<{ pools: UserPoolRecord[]; lastKey?: string }> {
  const { entries, lastKey } = await context.store.page<UserPoolRecord>(Keys.pools(), page.limit, page.after);
  return { pools: entries.map((entry) => entry.value), ...(lastKey !== undefined && { lastKey }) };
}

/** Whether `pool` lets users sign in without a password (and so sign up without one). */
export function allowsPasswordless(pool: UserPoolRecord): boolean {
  return pool.allowedFirstAuthFactors.some((factor) => factor !== 'PASSWORD');
}
