import type { CognitoContext } from '../context.js';
import { CognitoError, invalidParameter } from '../errors.js';
import type { AppClientRecord } from '../records.js';
import { put } from '../store/cognito-store.js';
import { Keys } from '../store/keys.js';
import { newClientId, newClientSecret } from './pool-ids.js';
import { requireUserPool } from './user-pools.js';

/** What a new app client is made of; everything but pool and name has Cognito's default. */
export interface NewAppClient {
  poolId: string;
  name: string;
  generateSecret?: boolean;
  /** `ALLOW_USER_PASSWORD_AUTH`, `ALLOW_USER_AUTH`, `ALLOW_REFRESH_TOKEN_AUTH`, ... */
  explicitAuthFlows?: string[];
  accessTokenValidity?: number;
  idTokenValidity?: number;
  refreshTokenValidity?: number;
  /** Units of the three validities: `seconds`, `minutes`, `hours` or `days`. */
  tokenValidityUnits?: { AccessToken?: string; IdToken?: string; RefreshToken?: string };
  preventUserExistenceErrors?: 'LEGACY' | 'ENABLED';
  /** Minutes a sign-in session stays valid, 3 to 15. */
  authSessionValidity?: number;
  enableTokenRevocation?: boolean;
}

/**
 * The flows of a client created without `ExplicitAuthFlows`.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
 */
export const DEFAULT_AUTH_FLOWS = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];

/** The legacy flow names and the `ALLOW_` names they mean. */
const LEGACY_FLOWS: Record<string, string> = {
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
};

const FLOWS = new Set([
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
  ...Object.keys(LEGACY_FLOWS),
]);

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/** Token lifetimes: defaults and bounds in seconds, and the unit a bare number is read in. */
const VALIDITY = {
  AccessToken: { defaultSeconds: 3600, min: 300, max: 86_400, unit: 'hours' },
  IdToken: { defaultSeconds: 3600, min: 300, max: 86_400, unit: 'hours' },
  RefreshToken: { defaultSeconds: 30 * 86_400, min: 3600, max: 3650 * 86_400, unit: 'days' },
} as const;

/** Default and bounds of `AuthSessionValidity`, in minutes. */
const AUTH_SESSION_MINUTES = { default: 3, min: 3, max: 15 } as const;

function validitySeconds(
  token: keyof typeof VALIDITY,
  value: number | undefined,
  units: NewAppClient['tokenValidityUnits'],
): number {
  const rule = VALIDITY[token];
  if (value === undefined) return rule.defaultSeconds;
  const unit = units?.[token] ?? rule.unit;
  const perUnit = UNIT_SECONDS[unit];
  if (perUnit === undefined) throw invalidParameter(`Invalid TokenValidityUnits ${token}: ${unit}`);
  const seconds = value * perUnit;
  if (!Number.isInteger(value) || seconds < rule.min || seconds > rule.max) {
    throw invalidParameter(
      `Invalid range for token validity: ${token} must be between ${rule.min} and ${rule.max} seconds`,
    );
  }
  return seconds;
}

/** Creates an app client in a pool. */
export async function createAppClient(context: CognitoContext, spec: NewAppClient): Promise<AppClientRecord> {
  await requireUserPool(context, spec.poolId);
  if (spec.name.length < 1 || spec.name.length > 128) {
    throw invalidParameter('ClientName must be between 1 and 128 characters long');
  }
  for (const flow of spec.explicitAuthFlows ?? []) {
    if (!FLOWS.has(flow)) throw invalidParameter(`Invalid ExplicitAuthFlows value: ${flow}`);
  }
  const flows =
    spec.explicitAuthFlows === undefined || spec.explicitAuthFlows.length === 0
      ? DEFAULT_AUTH_FLOWS
      : [...new Set(spec.explicitAuthFlows.map((flow) => LEGACY_FLOWS[flow] ?? flow))];
  const sessionMinutes = spec.authSessionValidity ?? AUTH_SESSION_MINUTES.default;
  if (sessionMinutes < AUTH_SESSION_MINUTES.min || sessionMinutes > AUTH_SESSION_MINUTES.max) {
    throw invalidParameter('AuthSessionValidity must be between 3 and 15 minutes');
  }
  const now = context.now();
  const client: AppClientRecord = {
    clientId: newClientId(),
    poolId: spec.poolId,
    name: spec.name,
    ...(spec.generateSecret === true && { secret: newClientSecret() }),
    explicitAuthFlows: flows,
    accessTokenSeconds: validitySeconds('AccessToken', spec.accessTokenValidity, spec.tokenValidityUnits),
    idTokenSeconds: validitySeconds('IdToken', spec.idTokenValidity, spec.tokenValidityUnits),
    refreshTokenSeconds: validitySeconds('RefreshToken', spec.refreshTokenValidity, spec.tokenValidityUnits),
    validityAsGiven: {
      ...(spec.accessTokenValidity !== undefined && { AccessTokenValidity: spec.accessTokenValidity }),
      ...(spec.idTokenValidity !== undefined && { IdTokenValidity: spec.idTokenValidity }),
      RefreshTokenValidity: spec.refreshTokenValidity ?? 30,
      ...(spec.tokenValidityUnits !== undefined && {
        TokenValidityUnits: spec.tokenValidityUnits as Record<string, string>,
      }),
    },
    preventUserExistenceErrors: spec.preventUserExistenceErrors ?? 'LEGACY',
    authSessionValidityMinutes: sessionMinutes,
    enableTokenRevocation: spec.enableTokenRevocation ?? true,
    createdAt: now,
    updatedAt: now,
  };
  await context.store.write([
    put(Keys.client(client.clientId), client),
    put(Keys.poolClient(client.poolId, client.clientId), client.clientId),
  ]);
  context.cache.clients.set(client.clientId, client);
  return client;
}

/** The client with `clientId`, or undefined. */
export async function findAppClient(
  context: CognitoContext,
  clientId: string,
): Promise<AppClientRecord | undefined> {
  const cached = context.cache.clients.get(clientId);
  if (cached) return cached;
  const client = await context.store.get<AppClientRecord>(Keys.client(clientId));
  if (client) context.cache.clients.set(clientId, client);
  return client;
}

/** The client with `clientId` (of `poolId` when given); `ResourceNotFoundException` otherwise. */
export async function requireAppClient(
  context: CognitoContext,
  clientId: string,
  poolId?: string,
): Promise<AppClientRecord> {
  const client = await findAppClient(context, clientId);
  if (!client || (poolId !== undefined && client.poolId !== poolId)) {
    throw new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
  }
  return client;
}

/** A pool's clients in ID order, one page. */
export async function listAppClients(
  context: CognitoContext,
  poolId: string,
  page: { limit: number; after?: string },
): Promise<{ clients: AppClientRecord[]; lastKey?: string }> {
  await requireUserPool(context, poolId);
  const { entries, lastKey } = await context.store.page<string>(
    Keys.poolClients(poolId),
    page.limit,
    page.after,
  );
  const clients: AppClientRecord[] = [];
  for (const entry of entries) clients.push(await requireAppClient(context, entry.value));
  return { clients, ...(lastKey !== undefined && { lastKey }) };
}

/** Throws Cognito's `InvalidParameterException` unless the client allows `flow` (`USER_AUTH`, ...). */
export function assertFlowAllowed(client: AppClientRecord, flow: string): void {
  if (!client.explicitAuthFlows.includes(`ALLOW_${flow}`)) {
    throw invalidParameter(`${flow} flow not enabled for this client`);
  }
}
