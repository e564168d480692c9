import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { ApiPrincipal, TokenVerifier } from '../src/api/auth.js';
import { toErrorResponse } from '../src/api/error-mapper.js';
import { type ApiEnv, createRouter } from '../src/api/router.js';
import { type RouteDefinition, ShopParamsSchema } from '../src/contracts/api.js';
import { Role } from '../src/contracts/roles.js';
import { NotFoundError, UnauthenticatedError } from '../src/errors.js';

/** A verifier that knows three tokens by the role they carry. */
const verify: TokenVerifier = async (token) => {
  const role = Object.values(Role).find((candidate) => candidate === token);
  if (!role) throw new UnauthenticatedError();
  const groups = role === Role.Customer ? [] : [role];
  return { sub: `${role}-1`, groups, role, email: undefined } satisfies ApiPrincipal;
};

const Thing = z.object({ shopId: z.string(), size: z.int() });
const routes = {
  read: {
    method: 'GET',
    path: '/api/shops/{shopId}/thing',
    access: ['owner', 'display'],
    params: ShopParamsSchema,
    query: z.object({ size: z.coerce.number().int() }),
    response: Thing,
    status: 200,
  },
  write: {
    method: 'POST',
    path: '/api/shops/{shopId}/thing',
    access: ['barista'],
    params: ShopParamsSchema,
    body: z.strictObject({ size: z.int() }),
    response: Thing,
    status: 202,
  },
} as const satisfies Record<string, RouteDefinition>;

function appWith(handlers: {
  read?: (size: number, principal: ApiPrincipal) => unknown;
  write?: (read: () => Promise<{ size: number }>) => unknown;
}) {
  const app = new Hono<ApiEnv>();
  const router = createRouter(app, () => verify);
  router.add(
    routes.read,
    async ({ params, query, principal }) =>
      (handlers.read?.(query.size, principal) ?? { shopId: params.shopId, size: query.size }) as z.infer<
        typeof Thing
      >,
  );
  router.add(
    routes.write,
    async ({ params, body }) =>
      (handlers.write?.(body) ?? { shopId: params.shopId, ...(await body()) }) as z.infer<typeof Thing>,
  );
  app.onError((error, c) => {
    const answer = toErrorResponse(error, { method: c.req.method, path: c.req.path }, () => undefined);
    return c.json(answer.body, answer.status as ContentfulStatusCode);
  });
  return app;
}

async function call(app: Hono<ApiEnv>, method: string, path: string, token?: string, body?: string) {
  const response = await app.request(path, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body !== undefined && { body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('a route behind the router', () => {
  it('serves the handler’s answer with the route’s status', async () => {
    const app = appWith({});
    expect(await call(app, 'POST', '/api/shops/main/thing', 'barista', '{"size":2}')).toEqual({
      status: 202,
      body: { shopId: 'main', size: 2 },
    });
  });

  it.each([
    ['customer', 200],
    ['display', 200],
    ['barista', 403],
  ])('admits an owner route’s customers and the roles listed: %s → %i', async (role, status) => {
    expect((await call(appWith({}), 'GET', '/api/shops/main/thing?size=1', role)).status).toBe(status);
  });

  it('hands the handler the verified principal', async () => {
    const read = vi.fn(() => undefined);
    await call(appWith({ read }), 'GET', '/api/shops/main/thing?size=1', 'display');
    expect(read).toHaveBeenCalledWith(1, {
      sub: 'display-1',
      groups: ['display'],
      role: 'display',
      email: undefined,
    });
  });

  it('answers malformed path parameters with 404, a malformed query with 400', async () => {
    const app = appWith({});
    expect(await call(app, 'GET', '/api/shops/-bad/thing?size=1', 'display')).toMatchObject({ status: 404 });
    expect(await call(app, 'GET', '/api/shops/main/thing?size=big', 'display')).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'invalid-request',
          message: expect.stringMatching(/^The query is not valid: .*size/s),
        },
      },
    });
  });

  it('reads the body only when the handler asks, after the handler’s own 404', async () => {
    const app = appWith({
      write: () => {
        throw new NotFoundError('No such thing.');
      },
    });
    expect(await call(app, 'POST', '/api/shops/main/thing', 'barista', 'not json')).toMatchObject({
      status: 404,
    });
  });

  it.each([
    ['not JSON', '{size', 'The body is not valid JSON.'],
    ['missing', undefined, 'The request needs a JSON body.'],
    ['an unknown field', '{"size":1,"colour":"red"}', expect.stringMatching(/colour/)],
  ])('answers a body that is %s with 400 invalid-request', async (_, body, message) => {
    expect(await call(appWith({}), 'POST', '/api/shops/main/thing', 'barista', body)).toEqual({
      status: 400,
      body: { error: { code: 'invalid-request', message } },
    });
  });

  it('strips what the response schema does not list, so no internal field leaks', async () => {
    const app = appWith({ read: () => ({ shopId: 'main', size: 1, codeSecret: 's3cret' }) });
    expect((await call(app, 'GET', '/api/shops/main/thing?size=1', 'display')).body).toEqual({
      shopId: 'main',
      size: 1,
    });
  });

  it('answers 500 when the handler’s answer breaks the route’s schema', async () => {
    const app = appWith({ read: () => ({ shopId: 'main', size: 'one' }) });
    expect(await call(app, 'GET', '/api/shops/main/thing?size=1', 'display')).toMatchObject({
      status: 500,
      body: { error: { code: 'internal' } },
    });
  });
});
