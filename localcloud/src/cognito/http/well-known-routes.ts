import { handleCors } from '../../edge/cors.js';
import { type EdgeRoute, sendJson } from '../../edge/edge-route.js';
import { jwksOf, SIGNING_ALGORITHM } from '../auth/signing-keys.js';
import { type CognitoContext, issuerOf } from '../context.js';
import { isUserPoolId } from '../pools/pool-ids.js';
import { findUserPool } from '../pools/user-pools.js';
import type { UserPoolRecord } from '../records.js';

type Document = (context: CognitoContext, pool: UserPoolRecord) => unknown;

/** The JSON Web Key Set that verifies a pool's tokens. */
const jwks: Document = (_context, pool) => jwksOf(pool);

/** The pool's OpenID Provider metadata: enough for OIDC libraries to find the issuer and keys. */
const openIdConfiguration: Document = (context, pool) => {
  const issuer = issuerOf(context, pool.id);
  return {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
    response_types_supported: ['code', 'token'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    claims_supported: ['sub', 'email', 'email_verified', 'cognito:username', 'cognito:groups'],
  };
};

/** A `GET /{userPoolId}/.well-known/{name}` route serving a document of the pool. */
function wellKnownRoute(context: CognitoContext, name: string, document: Document): EdgeRoute {
  const pattern = new RegExp(`^/([^/]+)/\\.well-known/${name.replace('.', '\\.')}$`);
  return {
    matches: (request, url) => {
      const poolId = pattern.exec(url.pathname)?.[1];
      return (
        (request.method === 'GET' || request.method === 'OPTIONS') &&
        poolId !== undefined &&
        isUserPoolId(poolId)
      );
    },
    handle: async (request, response, url) => {
      if (handleCors(request, response)) return;
      const poolId = pattern.exec(url.pathname)?.[1] as string;
      const pool = await findUserPool(context, poolId);
      if (!pool) return sendJson(response, 404, { message: `User pool ${poolId} does not exist.` });
      sendJson(response, 200, document(context, pool), { 'cache-control': 'public, max-age=300' });
    },
  };
}

/** The routes every pool publishes: its JWKS and its OpenID configuration. */
export function wellKnownRoutes(context: CognitoContext): EdgeRoute[] {
  return [
    wellKnownRoute(context, 'jwks.json', jwks),
    wellKnownRoute(context, 'openid-configuration', openIdConfiguration),
  ];
}
