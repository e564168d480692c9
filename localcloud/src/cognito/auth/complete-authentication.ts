import type { StoreOp } from '../../store/group-commit.js';
import type { CognitoContext } from '../context.js';
import type { AppClientRecord, UserPoolRecord, UserRecord } from '../records.js';
import { groupsOfUser } from '../users/groups.js';
import { type AuthenticationResult, signTokens } from './issue-tokens.js';
import { newTokenSession, saveTokenSessionOps } from './token-sessions.js';

/**
 * Ends a successful sign-in: starts a token session, signs the tokens and writes the session
 * together with `ops` (the sign-in's own changes, like a consumed challenge), then answers the
 * tokens with a refresh token.
 */
export async function completeAuthentication(
  context: CognitoContext,
  pool: UserPoolRecord,
  client: AppClientRecord,
  user: UserRecord,
  ops: StoreOp[] = [],
): Promise<AuthenticationResult> {
  const { session, refreshToken } = newTokenSession(context, client, user);
  const groups = await groupsOfUser(context, pool, user);
  const tokens = await signTokens(context, { pool, client, user, session, groups });
  await context.store.write([...ops, ...saveTokenSessionOps(pool, session)]);
  return { ...tokens, RefreshToken: refreshToken };
}
