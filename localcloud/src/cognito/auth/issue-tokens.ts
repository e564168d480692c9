import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { type CognitoContext, issuerOf, nowSeconds } from '../context.js';
import type {
  AppClientRecord,
  GroupRecord,
  TokenSessionRecord,
  UserPoolRecord,
  UserRecord,
} from '../records.js';
import { attributeClaims } from '../users/attributes.js';
import { SIGNING_ALGORITHM } from './signing-keys.js';

/** The scope of an access token from the user pools API (not the hosted OAuth endpoints). */
export const USER_POOL_API_SCOPE = 'aws.cognito.signin.user.admin';

/** The tokens of a successful sign-in (AuthenticationResultType). */
export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  /** Seconds the access token is valid. */
  ExpiresIn: number;
  TokenType: 'Bearer';
}

/** What the tokens of one issue are about. */
export interface TokenSubject {
  pool: UserPoolRecord;
  client: AppClientRecord;
  user: UserRecord;
  session: TokenSessionRecord;
  groups: GroupRecord[];
}

/**
 * The group claims: `cognito:groups`, and, when groups carry IAM roles, `cognito:roles` and the
 * role of the group with the lowest precedence as `cognito:preferred_role`.
 */
function groupClaims(groups: GroupRecord[]): Record<string, unknown> {
  if (groups.length === 0) return {};
  const roles = groups.flatMap((group) => (group.roleArn === undefined ? [] : [group.roleArn]));
  return {
    'cognito:groups': groups.map((group) => group.name),
    ...(roles.length > 0 && { 'cognito:roles': roles, 'cognito:preferred_role': roles[0] }),
  };
}

async function sign(
  context: CognitoContext,
  pool: UserPoolRecord,
  claims: Record<string, unknown>,
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: pool.signingKey.kid })
    .sign(await context.keys.privateKey(pool));
}

/**
 * Signs an access token and an ID token carrying Cognito's claims. Both share the session's
 * `origin_jti`, `event_id` and `auth_time`; each has its own `jti`.
 */
export async function signTokens(
  context: CognitoContext,
  subject: TokenSubject,
): Promise<Omit<AuthenticationResult, 'RefreshToken'>> {
  const { pool, client, user, session, groups } = subject;
  const iat = nowSeconds(context);
  const common = {
    sub: user.sub,
    ...groupClaims(groups),
    iss: issuerOf(context, pool.id),
    origin_jti: session.originJti,
    event_id: session.eventId,
    auth_time: session.authTime,
    iat,
  };
  const { sub: _sub, ...attributes } = attributeClaims(user.attributes);
  const idToken = await sign(context, pool, {
    ...common,
    ...attributes,
    'cognito:username': user.username,
    aud: client.clientId,
    token_use: 'id',
    exp: iat + client.idTokenSeconds,
    jti: randomUUID(),
  });
  const accessToken = await sign(context, pool, {
    ...common,
    client_id: client.clientId,
    token_use: 'access',
    scope: USER_POOL_API_SCOPE,
    exp: iat + client.accessTokenSeconds,
    jti: randomUUID(),
    username: user.username,
  });
  return {
    AccessToken: accessToken,
    IdToken: idToken,
    ExpiresIn: client.accessTokenSeconds,
    TokenType: 'Bearer',
  };
}
