import type { CognitoContext } from '../context.js';
import { notAuthorized } from '../errors.js';
import { requireUserPool } from '../pools/user-pools.js';
import type { AppClientRecord, TokenSessionRecord } from '../records.js';
import { groupsOfUser } from '../users/groups.js';
import { findUser } from '../users/user-directory.js';
import { type AuthenticationResult, signTokens } from './issue-tokens.js';
import { deleteTokenSessionOps, sessionOfRefreshToken } from './token-sessions.js';

/**
 * New access and ID tokens from a refresh token (REFRESH_TOKEN_AUTH, GetTokensFromRefreshToken).
 * They keep the session's `origin_jti` and `auth_time`, so revoking the session revokes them too;
 * the refresh token itself does not rotate. `checkCaller` runs once the session is known (the
 * client's secret check needs its username).
 */
export async function refreshTokens(
  context: CognitoContext,
  client: AppClientRecord,
  refreshToken: string,
  checkCaller: (session: TokenSessionRecord) => void = () => undefined,
): Promise<Omit<AuthenticationResult, 'RefreshToken'>> {
  const pool = await requireUserPool(context, client.poolId);
  const session = await sessionOfRefreshToken(context, refreshToken);
  if (!session || session.clientId !== client.clientId) throw notAuthorized('Invalid Refresh Token');
  checkCaller(session);
  if (context.now() >= session.expiresAt) {
    await context.store.write(deleteTokenSessionOps(pool, session));
    throw notAuthorized('Refresh Token has expired');
  }
  const user = await findUser(context, pool, session.username);
  if (!user) throw notAuthorized('User does not exist.');
  if (!user.enabled) throw notAuthorized('User is disabled.');
  const groups = await groupsOfUser(context, pool, user);
  return signTokens(context, { pool, client, user, session, groups });
}
