import type { CognitoContext } from '../context.js';
import { CognitoError } from '../errors.js';
import { requireUserPool } from '../pools/user-pools.js';
import type { AppClientRecord } from '../records.js';
import { deleteTokenSessionOps, revokeAllOps, sessionOfRefreshToken } from './token-sessions.js';
import { verifyAccessToken } from './verify-access-token.js';

/**
 * GlobalSignOut: ends every token session of the access token's user, so all their refresh
 * tokens stop working and their access tokens are refused by the user pools API.
 */
export async function globalSignOut(context: CognitoContext, accessToken: string): Promise<void> {
  const { pool, user } = await verifyAccessToken(context, accessToken);
  await context.store.exclusive(async () => {
    await context.store.write(await revokeAllOps(context, pool, user));
  });
}

/**
 * RevokeToken: ends the token session of one refresh token, and with it the access and ID tokens
 * issued from it. An unknown token is already as revoked as it can be, so that succeeds.
 */
export async function revokeRefreshToken(
  context: CognitoContext,
  client: AppClientRecord,
  refreshToken: string,
): Promise<void> {
  if (!client.enableTokenRevocation) {
    throw new CognitoError(
      'UnsupportedOperationException',
      'Token revocation is not enabled for this client',
    );
  }
  const pool = await requireUserPool(context, client.poolId);
  const session = await sessionOfRefreshToken(context, refreshToken);
  if (!session) return;
  if (session.clientId !== client.clientId) {
    throw new CognitoError('UnauthorizedException', 'The token was not issued to this client');
  }
  await context.store.write(deleteTokenSessionOps(pool, session));
}
