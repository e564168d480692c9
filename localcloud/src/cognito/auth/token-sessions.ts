import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { StoreOp } from '../../store/group-commit.js';
import { type CognitoContext, nowSeconds } from '../context.js';
import type { AppClientRecord, TokenSessionRecord, UserPoolRecord, UserRecord } from '../records.js';
import { del, put } from '../store/cognito-store.js';
import { Keys } from '../store/keys.js';
import { nameKey } from '../users/usernames.js';

function hashOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Starts the token session of a fresh authentication: a new `origin_jti`, `event_id` and
 * `auth_time`, and a refresh token. The refresh token is opaque to clients, as Cognito's is; here
 * it names its session and carries a secret of which only the hash is stored.
 */
export function newTokenSession(
  context: CognitoContext,
  client: AppClientRecord,
  user: UserRecord,
): { session: TokenSessionRecord; refreshToken: string } {
  const originJti = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  const session: TokenSessionRecord = {
    originJti,
    poolId: client.poolId,
    clientId: client.clientId,
    username: user.username,
    refreshHash: hashOf(secret),
    authTime: nowSeconds(context),
    eventId: randomUUID(),
    expiresAt: context.now() + client.refreshTokenSeconds * 1000,
  };
  return { session, refreshToken: `${originJti}.${secret}` };
}

/** The writes that store a token session and its entry in the user's index. */
export function saveTokenSessionOps(pool: UserPoolRecord, session: TokenSessionRecord): StoreOp[] {
  return [
    put(Keys.tokenSession(session.originJti), session),
    put(
      Keys.userTokenSession(pool.id, nameKey(pool, session.username), session.originJti),
      session.originJti,
    ),
  ];
}

/** The writes that end a token session: its refresh token and every token from it stop working. */
export function deleteTokenSessionOps(pool: UserPoolRecord, session: TokenSessionRecord): StoreOp[] {
  return [
    del(Keys.tokenSession(session.originJti)),
    del(Keys.userTokenSession(pool.id, nameKey(pool, session.username), session.originJti)),
  ];
}

/** The token session an `origin_jti` names, or undefined once it is revoked. */
export function findTokenSession(
  context: CognitoContext,
  originJti: string,
): Promise<TokenSessionRecord | undefined> {
  return context.store.get<TokenSessionRecord>(Keys.tokenSession(originJti));
}

/** The token session a refresh token belongs to, or undefined if it names none. */
export async function sessionOfRefreshToken(
  context: CognitoContext,
  refreshToken: string,
): Promise<TokenSessionRecord | undefined> {
  const dot = refreshToken.indexOf('.');
  if (dot < 0) return undefined;
  const session = await findTokenSession(context, refreshToken.slice(0, dot));
  if (!session) return undefined;
  const expected = Buffer.from(session.refreshHash, 'hex');
  const actual = Buffer.from(hashOf(refreshToken.slice(dot + 1)), 'hex');
  return timingSafeEqual(expected, actual) ? session : undefined;
}

/** Every token session of a user. */
export async function tokenSessionsOfUser(
  context: CognitoContext,
  pool: UserPoolRecord,
  user: UserRecord,
): Promise<TokenSessionRecord[]> {
  const entries = await context.store.scan<string>(
    Keys.userTokenSessions(pool.id, nameKey(pool, user.username)),
  );
  const sessions: TokenSessionRecord[] = [];
  for (const entry of entries) {
    const session = await findTokenSession(context, entry.value);
    if (session) sessions.push(session);
  }
  return sessions;
}

/** The writes that end every token session of a user (GlobalSignOut, disabling, deleting). */
export async function revokeAllOps(
  context: CognitoContext,
  pool: UserPoolRecord,
  user: UserRecord,
): Promise<StoreOp[]> {
  const sessions = await tokenSessionsOfUser(context, pool, user);
  return sessions.flatMap((session) => deleteTokenSessionOps(pool, session));
}
