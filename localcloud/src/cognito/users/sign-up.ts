import type { StoreOp } from '../../store/group-commit.js';
import { newAuthSession, saveAuthSessionOp } from '../auth/auth-sessions.js';
import { checkCode, newCode, pendingCode, SIGN_UP_CODE } from '../auth/one-time-codes.js';
import { hashPassword } from '../auth/password-hash.js';
import type { CognitoContext } from '../context.js';
import { CognitoError, invalidParameter, notAuthorized } from '../errors.js';
import { requireAppClient } from '../pools/app-clients.js';
import { assertPasswordConforms } from '../pools/password-policy.js';
import { assertSecretHash } from '../pools/secret-hash.js';
import { allowsPasswordless, requireUserPool } from '../pools/user-pools.js';
import type { AppClientRecord, UserPoolRecord, UserRecord } from '../records.js';
import { Keys } from '../store/keys.js';
import { maskEmail } from './attributes.js';
import { sendCodeMessage } from './messages.js';
import { newUserRecord } from './new-user.js';
import { aliasesOf, assertAliasesFree, findUser, resolveUser, saveUserOps } from './user-directory.js';
import { usernameKeyOf } from './usernames.js';

/** Where a code went (CodeDeliveryDetailsType). */
export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: 'EMAIL';
  AttributeName: 'email';
}

/** A SignUp request. */
export interface SignUpRequest {
  clientId: string;
  username: string;
  /** Absent for a passwordless sign-up, which the pool must allow. */
  password?: string;
  attributes: Record<string, string>;
  secretHash?: string;
}

/** A ConfirmSignUp request. */
export interface ConfirmSignUpRequest {
  clientId: string;
  username: string;
  code: string;
  forceAliasCreation?: boolean;
  secretHash?: string;
}

/** The email a pool verifies at sign-up, when it auto-verifies email and the user has one. */
function verificationEmail(pool: UserPoolRecord, user: UserRecord): string | undefined {
  return pool.autoVerifiedAttributes.includes('email') ? user.attributes.email : undefined;
}

function deliveredTo(email: string): CodeDeliveryDetails {
  return { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}

async function requireSignedUpUser(
  context: CognitoContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  loginName: string,
  secretHash: string | undefined,
): Promise<UserRecord> {
  const user = await resolveUser(context, pool, loginName);
  if (!user) throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
  assertSecretHash(client, [loginName, user.username], secretHash);
  return user;
}

/**
 * SignUp: an unconfirmed user, and a six-digit code (valid 24 hours) to the email the pool
 * verifies. Without a password the user can only sign in with one-time codes.
 */
export async function signUp(
  context: CognitoContext,
  request: SignUpRequest,
): Promise<{ UserConfirmed: boolean; UserSub: string; CodeDeliveryDetails?: CodeDeliveryDetails }> {
  const client = await requireAppClient(context, request.clientId);
  const pool = await requireUserPool(context, client.poolId);
  const user = newUserRecord(context, pool, request.username, request.attributes, 'UNCONFIRMED');
  assertSecretHash(client, [request.username, user.username], request.secretHash);
  if (request.password !== undefined) {
    assertPasswordConforms(pool.passwordPolicy, request.password);
    user.passwordHash = await hashPassword(request.password);
  } else if (!allowsPasswordless(pool)) {
    throw invalidParameter('A password is required: this user pool does not allow passwordless sign-in');
  }
  const email = verificationEmail(pool, user);
  const code = newCode(SIGN_UP_CODE.digits);
  if (email !== undefined) user.confirmation = pendingCode(code, context.now() + SIGN_UP_CODE.validityMs);
  await context.store.exclusive(async () => {
    if (await findUser(context, pool, user.username)) {
      throw new CognitoError('UsernameExistsException', 'User already exists');
    }
    await assertAliasesFree(context, pool, user, 'UsernameExistsException');
    await context.store.write(saveUserOps(pool, user));
  });
  if (email === undefined) return { UserConfirmed: false, UserSub: user.sub };
  await sendCodeMessage(context, email, pool.verificationMessage, code);
  return { UserConfirmed: false, UserSub: user.sub, CodeDeliveryDetails: deliveredTo(email) };
}

/**
 * ConfirmSignUp: checks the code, confirms the account and verifies the email it went to. The
 * answer's `Session` signs the user in once with InitiateAuth `USER_AUTH`, without another code.
 */
export async function confirmSignUp(
  context: CognitoContext,
  request: ConfirmSignUpRequest,
): Promise<{ Session: string }> {
  const client = await requireAppClient(context, request.clientId);
  const pool = await requireUserPool(context, client.poolId);
  return context.store.exclusive(async () => {
    const user = await requireSignedUpUser(context, pool, client, request.username, request.secretHash);
    if (user.status !== 'UNCONFIRMED') {
      throw notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
    }
    const expired = new CognitoError(
      'ExpiredCodeException',
      'Invalid code provided, please request a code again.',
    );
    if (!user.confirmation) throw expired;
    const check = checkCode(user.confirmation, request.code, context.now(), SIGN_UP_CODE.maxAttempts);
    const { confirmation: _spent, ...withoutCode } = user;
    switch (check.outcome) {
      case 'expired':
        throw expired;
      case 'mismatch':
        await context.store.write(saveUserOps(pool, { ...user, confirmation: check.pending }, user));
        throw new CognitoError(
          'CodeMismatchException',
          'Invalid verification code provided, please try again.',
        );
      case 'exhausted':
        await context.store.write(saveUserOps(pool, withoutCode, user));
        throw new CognitoError(
          'TooManyFailedAttemptsException',
          'Too many failed attempts. Request a new code.',
        );
      case 'ok':
        break;
    }
    const confirmed: UserRecord = {
      ...withoutCode,
      status: 'CONFIRMED',
      attributes: {
        ...user.attributes,
        ...(verificationEmail(pool, user) !== undefined && { email_verified: 'true' }),
      },
      updatedAt: context.now(),
    };
    const ops = await takeOverAliases(context, pool, confirmed, request.forceAliasCreation === true);
    const session = newAuthSession(context, client, confirmed, 'SIGN_UP');
    await context.store.write([...ops, ...saveUserOps(pool, confirmed, user), saveAuthSessionOp(session)]);
    return { Session: session.id };
  });
}

/**
 * A newly verified alias another user holds: `AliasExistsException`, or with
 * `ForceAliasCreation` the alias moves and the other user's attribute is no longer verified.
 */
async function takeOverAliases(
  context: CognitoContext,
  pool: UserPoolRecord,
  user: UserRecord,
  force: boolean,
): Promise<StoreOp[]> {
  const ops: StoreOp[] = [];
  for (const alias of aliasesOf(pool, user)) {
    const holderKey = await context.store.get<string>(Keys.alias(pool.id, alias.attribute, alias.key));
    if (holderKey === undefined || holderKey === usernameKeyOf(pool, user)) continue;
    if (!force)
      throw new CognitoError(
        'AliasExistsException',
        `An account with the given ${alias.attribute} already exists.`,
      );
    const holder = await findUser(context, pool, holderKey);
    if (holder) {
      const unverified = {
        ...holder,
        attributes: { ...holder.attributes, [`${alias.attribute}_verified`]: 'false' },
        updatedAt: context.now(),
      };
      ops.push(...saveUserOps(pool, unverified, holder));
    }
  }
  return ops;
}

/** ResendConfirmationCode: a fresh sign-up code for a user not yet confirmed. */
export async function resendConfirmationCode(
  context: CognitoContext,
  request: { clientId: string; username: string; secretHash?: string },
): Promise<{ CodeDeliveryDetails: CodeDeliveryDetails }> {
  const client = await requireAppClient(context, request.clientId);
  const pool = await requireUserPool(context, client.poolId);
  const code = newCode(SIGN_UP_CODE.digits);
  const email = await context.store.exclusive(async () => {
    const user = await requireSignedUpUser(context, pool, client, request.username, request.secretHash);
    if (user.status !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.');
    const to = verificationEmail(pool, user);
    if (to === undefined) throw invalidParameter('Auto verification not turned on.');
    const renewed = { ...user, confirmation: pendingCode(code, context.now() + SIGN_UP_CODE.validityMs) };
    await context.store.write(saveUserOps(pool, renewed, user));
    return to;
  });
  await sendCodeMessage(context, email, pool.verificationMessage, code);
  return { CodeDeliveryDetails: deliveredTo(email) };
}
