import { handler as api } from '../api/handler.js';
import type { HttpApiEvent } from '../api/lambda-adapter.js';
import {
  pathFor,
  type RouteBody,
  type RouteDefinition,
  type RouteParams,
  type RouteResponse,
} from '../contracts/api.js';

/** A route's call as someone signed in: its parameters, body and extra headers. */
export interface RouteCall<R extends RouteDefinition> {
  params: RouteParams<R>;
  body?: RouteBody<R>;
  headers?: Record<string, string>;
}

/**
 * Calls a route of the HTTP API as `idToken`'s holder, through the API's own Lambda handler in this
 * runtime, with the payload 2.0 event API Gateway would send: the same module, clients and caches
 * that serve the users. Answers the route's response, and throws on any status but the route's
 * success, with the error body.
 */
export async function callRoute<R extends RouteDefinition>(
  route: R,
  idToken: string,
  call: RouteCall<R>,
): Promise<RouteResponse<R>> {
  const rawPath = pathFor(route, call.params);
  const event: HttpApiEvent = {
    version: '2.0',
    rawPath,
    headers: {
      host: 'localhost',
      authorization: `Bearer ${idToken}`,
      'content-type': 'application/json',
      ...call.headers,
    },
    requestContext: { domainName: 'localhost', http: { method: route.method, path: rawPath } },
    ...(call.body !== undefined && { body: JSON.stringify(call.body) }),
  };
  const result = await api(event);
  if (result.statusCode !== route.status)
    throw new Error(`${route.method} ${rawPath} answered ${result.statusCode}: ${result.body}`);
  return JSON.parse(result.body) as RouteResponse<R>;
}
