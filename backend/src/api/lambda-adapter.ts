import { InvalidRequestError } from '../errors.js';
import { toErrorResponse } from './error-mapper.js';

/**
 * The event API Gateway's HTTP API hands a Lambda integration with payload format 2.0 (the fields
 * the adapter reads). The local cloud builds the same event on its web port.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export interface HttpApiEvent {
  version: '2.0';
  rawPath: string;
  rawQueryString?: string;
  cookies?: string[];
  headers?: Record<string, string | undefined>;
  requestContext: {
    domainName?: string;
    requestId?: string;
    http: { method: string; path?: string };
  };
  body?: string;
  isBase64Encoded?: boolean;
}

/** The result a payload 2.0 integration answers with. */
export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

/** What the Hono app finds in `c.env` when it runs behind {@link toLambdaHandler}. */
export interface LambdaBindings {
  event: HttpApiEvent;
  lambdaContext: unknown;
}

/** Anything that answers a web `Request`, such as a Hono app. */
export interface FetchApp {
  fetch(request: Request, env: LambdaBindings): Response | Promise<Response>;
}

/** Response types whose bodies go back as text; any other goes back base64-encoded, as API Gateway expects. */
const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+(json|xml))/i;

/**
 * The Lambda handler of an app behind an HTTP API with payload format 2.0: the event becomes a
 * web `Request` (`https://<domain><rawPath>?<rawQueryString>`, its headers, cookies and body,
 * base64 decoded when flagged), the `Response` becomes `{ statusCode, headers, cookies, body,
 * isBase64Encoded }`.
 *
 * Written here rather than taken from `hono/aws-lambda` (deprecated, to leave Hono in v5, and
 * answering plain text when an event cannot become a request): an event that cannot become a
 * request (a broken host or path) still answers the API's JSON error shape, through the one error
 * mapper. A body on a GET or HEAD is ignored, as a web `Request` cannot carry one.
 */
export function toLambdaHandler(
  app: FetchApp,
): (event: HttpApiEvent, lambdaContext?: unknown) => Promise<HttpApiResult> {
  return async (event, lambdaContext) => {
    let request: Request;
    try {
      request = toRequest(event);
    } catch (error) {
      const answer = toErrorResponse(
        new InvalidRequestError('The request could not be read.', { cause: error }),
        {
          method: event.requestContext?.http?.method ?? '?',
          path: event.rawPath ?? '?',
          requestId: event.requestContext?.requestId,
        },
      );
      return {
        statusCode: answer.status,
        headers: { ...answer.headers, 'content-type': 'application/json' },
        body: JSON.stringify(answer.body),
        isBase64Encoded: false,
      };
    }
    return toResult(await app.fetch(request, { event, lambdaContext }));
  };
}

/** A host name or address with an optional port, and nothing else (no path, query, fragment or credentials). */
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

function toRequest(event: HttpApiEvent): Request {
  // The domain names the host only: pasted into the URL's text, a `/`, `?` or `#` in it (locally it
  // comes from the Host header) would change the path the router sees, e.g. `Host: x/api/other?`.
  const domain = event.requestContext.domainName ?? 'localhost';
  if (!HOST.test(domain)) throw new TypeError(`The domain name ${JSON.stringify(domain)} is not a host.`);
  const url = new URL(`https://${domain}`);
  url.pathname = event.rawPath;
  url.search = event.rawQueryString ?? '';
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers.set(name, value);
  }
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  const method = event.requestContext.http.method.toUpperCase();
  // A web Request cannot carry a body on GET or HEAD, and no route reads one there.
  const hasBody = event.body !== undefined && event.body !== '' && method !== 'GET' && method !== 'HEAD';
  const body = hasBody
    ? event.isBase64Encoded
      ? Buffer.from(event.body as string, 'base64')
      : Buffer.from(event.body as string, 'utf8')
    : undefined;
  return new Request(url, { method, headers, ...(body && { body }) });
}

async function toResult(response: Response): Promise<HttpApiResult> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  const text = TEXT_TYPES.test(response.headers.get('content-type') ?? 'application/json');
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    statusCode: response.status,
    headers,
    ...(cookies.length > 0 && { cookies }),
    body: bytes.toString(text ? 'utf8' : 'base64'),
    isBase64Encoded: !text,
  };
}
