import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { RouteDefinition, RouteResponse } from '../contracts/api.js';
import { InternalError, InvalidRequestError, NotFoundError } from '../errors.js';
import { type ApiPrincipal, authorize, type TokenVerifier } from './auth.js';
import type { LambdaBindings } from './lambda-adapter.js';

/** The Hono environment of the API: the Lambda event and context behind each request. */
export interface ApiEnv {
  Bindings: Partial<LambdaBindings>;
}

/** The parsed request a route handler gets. */
export interface RouteInput<R extends RouteDefinition> {
  /** The path parameters, parsed with the route's schema. */
  params: z.output<R['params']>;
  /** The query, parsed with the route's schema (`undefined` for a route without one). */
  query: R['query'] extends z.ZodType ? z.output<R['query']> : undefined;
  /** The caller: always there on a route that needs a signed-in caller, never on an `anyone` route. */
  principal: 'anyone' extends R['access'][number] ? undefined : ApiPrincipal;
  /**
   * The body, parsed with the route's schema (`invalid-request` when it does not fit). Read on
   * demand so that a handler answers `not-found` for a missing resource before judging the body,
   * in DESIGN's order of checks (… 404 → 400 …).
   */
  body(): Promise<R['body'] extends z.ZodType ? z.output<R['body']> : undefined>;
  /** A request header, e.g. `Idempotency-Key`. */
  header(name: string): string | undefined;
}

/** A route's handler: parsed input in, the route's response out; errors are thrown, never answered. */
export type RouteHandler<R extends RouteDefinition> = (
  input: RouteInput<R>,
) => Promise<RouteResponse<R>> | RouteResponse<R>;

/** Where each service adds its routes of the {@link Api} table. */
export interface ApiRouter {
  /** Serves `route` with `handler`, behind the route's access rule. */
  add<R extends RouteDefinition>(route: R, handler: RouteHandler<R>): void;
}

/**
 * A router over a Hono app. Each route runs DESIGN's checks in order: the token and the role
 * (401, 403, see {@link authorize}); path parameters that do not fit their schema answer
 * `not-found` (no such resource can exist at that path); the query answers `invalid-request`; the
 * handler then finds its resource (404) before reading the body (400) and calling the domain. The
 * answer is checked against the route's response schema, which also strips anything the schema
 * does not list, so no internal field can leak.
 */
export function createRouter(app: Hono<ApiEnv>, verifier: () => TokenVerifier): ApiRouter {
  return {
    add(route, handler) {
      app.on(route.method, honoPath(route.path), async (c) => {
        const principal = route.access.includes('anyone')
          ? undefined
          : await authorize(c.req.header('authorization'), route.access, verifier());
        const params = route.params.safeParse(c.req.param());
        if (!params.success) throw new NotFoundError(`Nothing is at ${c.req.path}.`, { cause: params.error });
        const query = route.query ? parse(route.query, c.req.query(), 'The query') : undefined;
        let body: Promise<unknown> | undefined;
        const input = {
          params: params.data,
          query,
          principal,
          body: () => {
            body ??= readBody(c, route.body);
            return body;
          },
          header: (name: string) => c.req.header(name),
        };
        const result = await handler(input as RouteInput<typeof route>);
        const answer = route.response.safeParse(result);
        if (!answer.success)
          throw new InternalError(`The answer of ${route.method} ${route.path} breaks its schema.`, {
            cause: answer.error,
          });
        return c.json(answer.data as object, route.status);
      });
    },
  };
}

/** `/api/shops/{shopId}/config` → `/api/shops/:shopId/config`. */
function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

function parse(schema: z.ZodType, input: unknown, what: string): unknown {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw InvalidRequestError.fromZod(parsed.error, what);
  return parsed.data;
}

/** The JSON body parsed with `schema`; an empty body is `undefined` (valid for optional bodies). */
async function readBody(c: Context<ApiEnv>, schema: z.ZodType | undefined): Promise<unknown> {
  if (!schema) return undefined;
  const text = await c.req.text();
  let json: unknown;
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new InvalidRequestError('The body is not valid JSON.', { cause: error });
    }
  }
  if (json === undefined) {
    const parsed = schema.safeParse(undefined);
    if (!parsed.success)
      throw new InvalidRequestError('The request needs a JSON body.', { cause: parsed.error });
    return parsed.data;
  }
  return parse(schema, json, 'The body');
}
