import { randomBytes } from 'node:crypto';
import type { CognitoContext } from '../context.js';
import { notAuthorized } from '../errors.js';
import type { AppClientRecord, AuthSessionRecord, SessionChallenge, UserRecord } from '../records.js';
import { put } from '../store/cognito-store.js';
import { Keys } from '../store/keys.js';

/** A sign-in session's fields besides its identity and lifetime. */
export type SessionFields = Pick<AuthSessionRecord, 'code' | 'availableChallenges'>;

/**
 * A new sign-in session waiting on `challenge`, valid for the client's `AuthSessionValidity`. Its
 * ID is the opaque `Session` string the client passes back.
 */
export function newAuthSession(
  context: CognitoContext,
  client: AppClientRecord,
  user: UserRecord,
  challenge: SessionChallenge,
  fields: SessionFields = {},
): AuthSessionRecord {
  return {
    id: randomBytes(48).toString('base64url'),
    poolId: client.poolId,
    clientId: client.clientId,
    username: user.username,
    challenge,
    ...fields,
    expiresAt: context.now() + client.authSessionValidityMinutes * 60_000,
  };
}

/** The write that stores a sign-in session. */
export function saveAuthSessionOp(session: AuthSessionRecord) {
  return put(Keys.authSession(session.id), session);
}

/**
 * The live sign-in session `sessionId` names for `client`; `NotAuthorizedException` when there is
 * none, it belongs to another client, or it has expired.
 */
export async function requireAuthSession(
  context: CognitoContext,
  client: AppClientRecord,
  sessionId: string,
): Promise<AuthSessionRecord> {
  const session = await context.store.get<AuthSessionRecord>(Keys.authSession(sessionId));
  if (!session || session.clientId !== client.clientId) throw notAuthorized('Invalid session for the user.');
  if (context.now() >= session.expiresAt)
    throw notAuthorized('Invalid session for the user, session is expired.');
  return session;
}
