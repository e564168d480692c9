import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../edge/aws-json-service.js';
import { sendJson } from '../edge/edge-route.js';
import { LambdaFunctionError, type LambdaRegistry } from '../stepfunctions/integrations/index.js';
import type { WebHandler } from './web-server.js';

/** A function's answer in the HTTP API payload format 2.0. */
interface HttpApiResult {
  statusCode?: number;
  headers?: Record<string, string | number | boolean>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

/** Content types whose bodies reach the function as text; others arrive base64-encoded. */
const TEXT_TYPES = /^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript)|[^;]*\+(json|xml))/i;

/**
 * Serves a function as an API Gateway HTTP API does on its `$default` route with payload format
 * 2.0: the request becomes the event AWS builds, the function's result becomes the response, and
 * a function error answers 500 `{"message":"Internal Server Error"}`, as API Gateway does.
 *
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
export function httpApiHandler(options: {
  lambda: LambdaRegistry;
  functionName: string;
  accountId: string;
}): WebHandler {
  return async (request, response, url) => {
    const body = await readBody(request);
    if (!body) return sendJson(response, 413, { message: 'Request Entity Too Large' });
    const event = toEvent(request, url, body, options.accountId);
    let result: unknown;
    try {
      result = await options.lambda.invoke(options.functionName, event);
    } catch (error) {
      if (!(error instanceof LambdaFunctionError)) throw error;
      console.error(`[http-api] ${options.functionName} failed: ${error.errorType}: ${error.errorMessage}`);
      return sendJson(response, 500, { message: 'Internal Server Error' });
    }
    writeResult(response, result);
  };
}

function toEvent(request: IncomingMessage, url: URL, body: Buffer, accountId: string) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'cookie')
      headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const cookies = request.headers.cookie
    ?.split(';')
    .map((cookie) => cookie.trim())
    .filter(Boolean);
  const text = body.length === 0 || TEXT_TYPES.test(request.headers['content-type'] ?? 'application/json');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies?.length && { cookies }),
    headers,
    ...(Object.keys(query).length > 0 && { queryStringParameters: query }),
    requestContext: {
      accountId,
      apiId: 'local',
      domainName: request.headers.host ?? 'localhost',
      domainPrefix: (request.headers.host ?? 'localhost').split('.')[0],
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: request.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 && { body: text ? body.toString('utf8') : body.toString('base64') }),
    isBase64Encoded: !text,
  };
}

/**
 * The response of a payload 2.0 result. A result without `statusCode` is taken as the body of a
 * 200 JSON response, as API Gateway infers it.
 */
function writeResult(response: ServerResponse, result: unknown): void {
  const structured =
    typeof result === 'object' && result !== null && 'statusCode' in result
      ? (result as HttpApiResult)
      : undefined;
  if (!structured) {
    const text = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
    return;
  }
  const body =
    structured.body === undefined
      ? Buffer.alloc(0)
      : Buffer.from(structured.body, structured.isBase64Encoded ? 'base64' : 'utf8');
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  headers['content-length'] = String(body.length);
  response.writeHead(structured.statusCode ?? 200, headers);
  response.end(body);
}
