import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = 86_400;

/** Response headers a page's script may read (Amplify reads the error type). */
const EXPOSED_HEADERS = 'x-amzn-requestid, x-amzn-errortype, x-amz-date, date';

/**
 * Makes a response readable from any origin, as Cognito's endpoints are: browsers call the user
 * pools API and the JWKS cross-origin, and Amplify sends JSON with custom headers (`x-amz-target`,
 * `x-amz-user-agent`, `cache-control`), so every call is preflighted. No cookies are involved, so
 * `*` suffices.
 *
 * Call it first in a request handler: it sets the headers (they merge with those a later
 * `writeHead` sends) and answers a preflight `OPTIONS` itself, returning true when it did.
 */
export function handleCors(request: IncomingMessage, response: ServerResponse): boolean {
  response.setHeader('access-control-allow-origin', '*');
  response.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
  if (request.method !== 'OPTIONS') return false;
  const requestedHeaders = request.headers['access-control-request-headers'];
  response.writeHead(204, {
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers':
      typeof requestedHeaders === 'string' && requestedHeaders !== ''
        ? requestedHeaders
        : 'content-type, x-amz-target, x-amz-user-agent, authorization, cache-control',
    'access-control-max-age': String(PREFLIGHT_MAX_AGE),
    'content-length': '0',
  });
  response.end();
  return true;
}
