import { decodeJwt, errors, jwtVerify } from 'jose';
import type { CognitoContext } from '../context.js';
import { CognitoError, notAuthorized } from '../errors.js';
import { findUserPool } from '../pools/user-pools.js';
import type { TokenSessionRecord, UserPoolRecord, UserRecord } from '../records.js';
import { findUser } from '../users/user-directory.js';
import { SIGNING_ALGORITHM } from './signing-keys.js';
import { findTokenSession } from './token-sessions.js';

/** Who an access token speaks for. */
export interface AccessTokenHolder {
  pool: UserPoolRecord;
  user: UserRecord;
  session: TokenSessionRecord;
}

/**
 * Checks an access token as the user pools API does for GetUser and GlobalSignOut: signed by its
 * pool, not expired, an access token, its session not revoked, its user still there and enabled.
 */
export async function verifyAccessToken(context: CognitoContext, token: string): Promise<AccessTokenHolder> {
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(token);
  } catch {
    throw notAuthorized('Invalid Access Token');
  }
  const poolId = typeof claims.iss === 'string' ? claims.iss.slice(claims.iss.lastIndexOf('/') + 1) : '';
  const pool = await findUserPool(context, poolId);
  if (!pool || claims.token_use !== 'access') throw notAuthorized('Invalid Access Token');
  try {
    await jwtVerify(token, await context.keys.publicKey(pool), {
      algorithms: [SIGNING_ALGORITHM],
      currentDate: new Date(context.now()),
    });
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw notAuthorized('Access Token has expired');
    throw notAuthorized('Invalid Access Token');
  }
  const session =
    typeof claims.origin_jti === 'string' ? await findTokenSession(context, claims.origin_jti) : undefined;
  if (!session) throw notAuthorized('Access Token has been revoked');
  const user =
    typeof claims.username === 'string' ? await findUser(context, pool, claims.username) : undefined;
  if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
  if (!user.enabled) throw notAuthorized('User is disabled.');
  return { pool, user, session };
}
