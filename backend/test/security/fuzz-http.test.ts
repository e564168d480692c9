import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type ExplicitAuthFlowsType,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api, type ErrorCode, pathFor, type RouteName } from '../../src/contracts/api.js';
import { OrderState } from '../../src/contracts/orders.js';
import { createUser, TEST_PASSWORD } from '../support/api-cloud.js';
import { connectMqtt } from '../support/mqtt-client.js';
import { arrangeShop } from '../support/order-processor-cloud.js';
import { type ShopCloud, startShopCloud } from '../support/shop-cloud.js';
import {
  type Answer,
  arrangeOrderIn,
  bodyKeys,
  type Customer,
  expectApiError,
  expectSuccess,
  keepsRouteShape,
  type OrderFixture,
  paramNames,
  type RawRequest,
  ROUTE_NAMES,
  rawPath,
  send,
  sendWithHost,
} from './support/api-probe.js';
import { anyBody, anyText, headerValue, pathSegment } from './support/arbitraries.js';
import { attackerKey, forgeriesOf, randomJwt } from './support/forged-tokens.js';
import { check, FUZZ_RUNS, InputCounter } from './support/fuzz-settings.js';

/**
 * Bad input against every route of the HTTP API (issue 8, "bad input"): whatever the path, query,
 * headers, body or token, the API answers a documented 4xx (or the route's success), never a 5xx,
 * never hangs, and still answers afterwards. Each answer is checked against DESIGN: the exact
 * error shape, the code's own status, a code the route may answer, the checks in DESIGN's order
 * (401 before 403 before anything about the input).
 */

/** The codes each route may answer to a caller it admits (DESIGN "HTTP API", per route). */
const ROUTE_CODES: Record<RouteName, readonly ErrorCode[]> = {
  getShopConfig: ['not-found'],
  setShopOpen: ['not-found', 'invalid-request'],
  setDrinkAvailability: ['not-found', 'invalid-request'],
  updateLimits: ['not-found', 'invalid-request'],
  getQrCode: ['not-found'],
  placeOrder: [
    'not-found',
    'invalid-request',
    'token-invalid',
    'token-expired',
    'token-used-up',
    'limit-reached',
    'order-open',
    'shop-closed',
    'queue-full',
  ],
  listShopOrders: ['not-found', 'invalid-request'],
  getOrder: ['not-found'],
  submitDrink: [
    'not-found',
    'invalid-request',
    'drink-unknown',
    'drink-unavailable',
    'option-invalid',
    'invalid-transition',
    'not-ready',
  ],
  makeOrder: ['not-found', 'invalid-request', 'invalid-transition'],
  unmakeOrder: ['not-found', 'invalid-request', 'invalid-transition'],
  completeOrder: ['not-found', 'invalid-request', 'invalid-transition'],
  cancelOrder: ['not-found', 'invalid-request', 'invalid-transition', 'not-ready'],
  listMyOrders: [],
  getWorkflow: [],
  getOrderHistory: ['not-found'],
  getWaitTimes: ['not-found', 'invalid-request'],
};

type Caller = 'customer' | 'barista' | 'display';
const CALLERS: readonly Caller[] = ['customer', 'barista', 'display'];

/** Whether a signed-in caller's role is admitted by the route (`owner` admits customers). */
function admits(name: RouteName, caller: Caller): boolean {
  const access: readonly string[] = Api[name].access;
  return (
    access.includes('anyone') ||
    access.includes(caller) ||
    (caller === 'customer' && access.includes('owner'))
  );
}

const SIGNED_IN_ROUTES = ROUTE_NAMES.filter(
  (name) => !(Api[name].access as readonly string[]).includes('anyone'),
);
const REFUSED = CALLERS.flatMap((caller) =>
  SIGNED_IN_ROUTES.filter((name) => !admits(name, caller)).map((name) => ({ name, caller })),
);
const REFUSED_ROUTES = SIGNED_IN_ROUTES.filter((name) => REFUSED.some((cell) => cell.name === name));
const ADMITTED = CALLERS.flatMap((caller) =>
  ROUTE_NAMES.filter((name) => admits(name, caller)).map((name) => ({ name, caller })),
);

/** Runs of the 401 and 403 properties: their answer does not depend on the input, so half suffice. */
const HALF_RUNS = Math.max(1, Math.ceil(FUZZ_RUNS / 2));

let t: ShopCloud;
let tokens: Record<Caller, string>;
let customer: Customer;
/** An order of the customer's, `CREATED`, for the customer's routes. */
let created: OrderFixture;
/** Another order of the customer's, `SUBMITTED`, for the barista's routes. */
let submitted: OrderFixture;
const inputs = new InputCounter();

beforeAll(async () => {
  t = await startShopCloud('fuzz-http');
  const [barista, display] = await Promise.all([t.idToken('barista'), t.idToken('display')]);
  customer = await t.newCustomer();
  tokens = { customer: customer.token, barista, display };
  const limits = { codeSeconds: 3600, drinksPerCode: 50, capacity: 20, dailyLimit: 5 };
  const [first, second] = await Promise.all([arrangeShop(t.db, { limits }), arrangeShop(t.db, { limits })]);
  [created, submitted] = await Promise.all([
    arrangeOrderIn(t, first, customer, { barista, display }, OrderState.Created),
    arrangeOrderIn(t, second, customer, { barista, display }, OrderState.Submitted),
  ]);
}, 60_000);

afterEach(async () => {
  // Never a crash: whatever came before, the API still answers a plain request.
  const config = await send(t.origin, {
    method: 'GET',
    path: pathFor(Api.getShopConfig, { shopId: 'main' }),
  });
  expectSuccess(Api.getShopConfig, config);
  const code = await send(t.origin, {
    method: 'GET',
    path: pathFor(Api.getQrCode, { shopId: 'main' }),
    headers: { authorization: `Bearer ${tokens.display}` },
  });
  expectSuccess(Api.getQrCode, code);
});

afterAll(async () => {
  console.info(inputs.summary('fuzz-http'));
  await t?.stop();
});

/** Path segments for every parameter name the routes use. */
const segments = fc.record({ shopId: pathSegment, drinkId: pathSegment, orderId: pathSegment });

/** A raw query string: the routes' own keys with any value, or anything at all. */
const rawQuery = fc.oneof(
  fc.constant(''),
  fc.constantFrom(...Object.values(OrderState)).map((state) => `?state=${state}`),
  anyText(20).map((text) => `?state=${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '?'))}`),
  fc.constantFrom(
    '?state',
    '?state=&state=',
    '?state=%zz',
    '?state=CREATED&state=READY',
    '?=',
    '?&&',
    '?state[]=x',
    '?windowMinutes=abc',
    '?windowMinutes=1e9',
    '?windowMinutes=-5',
    '?windowMinutes=7.5',
    '?windowMinutes=0x10',
    '?windowMinutes=',
  ),
);

/** An `Authorization` header that carries no valid ID token (or none at all). */
const badAuthorization = fc.oneof(
  fc.constant(undefined),
  headerValue,
  randomJwt.map((jwt) => `Bearer ${jwt}`),
  headerValue.map((text) => `Bearer ${text}`),
  fc.constantFrom(
    'Bearer',
    'Bearer ',
    'Basic YmFyaXN0YTpwdw==',
    'bearer null',
    'Bearer undefined',
    'Token x',
  ),
);

function request(
  name: RouteName,
  path: string,
  options: {
    authorization?: string | undefined;
    body?: string | Uint8Array;
    headers?: Record<string, string>;
  },
): RawRequest {
  const route = Api[name];
  const headers: Record<string, string> = { ...options.headers };
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  const body = route.method === 'GET' ? undefined : options.body;
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  return { method: route.method, path, headers, ...(body !== undefined && { body }) };
}

async function sendCounted(name: string, raw: RawRequest): Promise<Answer> {
  inputs.count(name);
  return send(t.origin, raw);
}

describe('the HTTP API under bad input (property-based)', () => {
  it.each(SIGNED_IN_ROUTES)(
    '%s: answers 401 unauthenticated to a caller without a valid ID token, whatever the input',
    async (name) => {
      await check(
        [segments, rawQuery, badAuthorization, anyBody(bodyKeys(Api[name]))],
        async (params, query, authorization, seed) => {
          const route = Api[name];
          const path = rawPath(route, params) + query;

          const answer = await sendCounted(name, request(name, path, { authorization, body: seed }));

          expectApiError(answer, keepsRouteShape(route, path) ? ['unauthenticated'] : ['not-found']);
        },
        HALF_RUNS,
      );
    },
  );

  it.each(REFUSED_ROUTES)(
    '%s: answers 403 forbidden to a signed-in caller of a role it does not admit, whatever the input',
    async (routeName) => {
      await check(
        [
          fc.constantFrom(...REFUSED.filter(({ name }) => name === routeName)),
          segments,
          rawQuery,
          anyBody(bodyKeys(Api[routeName])),
        ],
        async ({ name, caller }, params, query, body) => {
          const route = Api[name];
          const path = rawPath(route, params) + query;

          const answer = await sendCounted(
            name,
            request(name, path, { authorization: `Bearer ${tokens[caller]}`, body }),
          );

          expectApiError(answer, keepsRouteShape(route, path) ? ['forbidden'] : ['not-found']);
        },
        HALF_RUNS,
      );
    },
  );

  it.each(ROUTE_NAMES)(
    '%s: answers a caller it admits with its success or one of its documented errors, whatever the input',
    async (routeName) => {
      const cases = fc
        .constantFrom(...ADMITTED.filter(({ name }) => name === routeName))
        .chain(({ name, caller }) =>
          fc.record({
            name: fc.constant(name),
            caller: fc.constant(caller),
            params: fc.oneof(
              { weight: 3, arbitrary: fc.constant(knownParams(name, caller)) },
              { weight: 1, arbitrary: segments },
            ),
            query: rawQuery,
            body: fc.option(anyBody(bodyKeys(Api[name])), { nil: undefined }),
            contentType: fc.option(
              fc.constantFrom(
                'text/plain',
                'application/x-www-form-urlencoded',
                'application/json; charset=latin1',
                '',
              ),
              {
                nil: undefined,
              },
            ),
            idempotencyKey: fc.option(headerValue, { nil: undefined }),
          }),
        );
      await check([cases], async ({ name, caller, params, query, body, contentType, idempotencyKey }) => {
        const route = Api[name];
        const path = rawPath(route, params) + query;
        const headers: Record<string, string> = {};
        if (contentType !== undefined) headers['content-type'] = contentType;
        if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;

        const answer = await sendCounted(
          name,
          request(name, path, { authorization: `Bearer ${tokens[caller]}`, body: body ?? '', headers }),
        );

        if (answer.status < 400) expectSuccess(route, answer);
        else expectApiError(answer, ROUTE_CODES[name]);
      });
    },
  );

  it('answers bodies of bytes that are not text, under any content type, with invalid-request', async () => {
    const bodyRoutes = ADMITTED.filter(({ name }) => 'body' in Api[name] && Api[name].method !== 'GET');
    await check(
      [
        fc.constantFrom(...bodyRoutes),
        fc.uint8Array({ minLength: 1, maxLength: 200 }).filter((bytes) => !isJsonText(bytes)),
        fc.constantFrom(
          'application/json',
          'application/octet-stream',
          'image/png',
          'text/plain; charset=utf-16',
        ),
      ],
      async ({ name, caller }, bytes, contentType) => {
        const path = rawPath(Api[name], knownParams(name, caller));

        const answer = await sendCounted(
          name,
          request(name, path, {
            authorization: `Bearer ${tokens[caller]}`,
            body: bytes,
            headers: { 'content-type': contentType },
          }),
        );

        expectApiError(answer, ['invalid-request']);
      },
    );
  });

  it('answers any method on any path under /api with a route’s answer or a documented error', async () => {
    await check(
      [
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        fc.array(fc.oneof(pathSegment, fc.constantFrom('shops', 'orders', 'me', 'main', 'config', 'menu')), {
          maxLength: 5,
        }),
        fc.option(badAuthorization, { nil: undefined }),
      ],
      async (method, parts, authorization) => {
        const path = `/api/${parts.join('/')}`;
        // A `..` segment can take the path out of the API, to the web port's other pages.
        fc.pre(new URL(path, 'http://x').pathname.startsWith('/api'));

        const answer = await sendCounted('any method and path', {
          method,
          path,
          headers: authorization === undefined ? {} : { authorization },
        });

        if (answer.status < 400) expectSuccess(Api.getShopConfig, answer);
        else expectApiError(answer);
      },
    );
  });

  it('answers huge bodies with invalid-request, and past the platform’s limit with its 413', async () => {
    const bodyRoutes = ADMITTED.filter(({ name }) => bodyKeys(Api[name]).length > 0);
    await check(
      [
        fc.constantFrom(...bodyRoutes),
        fc.constantFrom(64 * 1024, 1024 * 1024, 5 * 1024 * 1024),
        fc.constantFrom('a', 'é', '💥', '\u0000', '"'),
      ],
      async ({ name, caller }, size, unit) => {
        // `size` bytes of JSON in the route's first field, whatever the unit's encoded length
        const [key = 'x'] = bodyKeys(Api[name]);
        const encoded = Buffer.byteLength(JSON.stringify(unit)) - 2;
        const body = JSON.stringify({ [key]: unit.repeat(Math.ceil(size / encoded)) });
        const path = rawPath(Api[name], knownParams(name, caller));

        const answer = await sendCounted(
          `${name} (huge body)`,
          request(name, path, { authorization: `Bearer ${tokens[caller]}`, body }),
        );

        expectApiError(answer, ['invalid-request']);
      },
      12,
    );

    // Past 6 MB the body never reaches the API: the local stand-in of API Gateway answers its own
    // 413 `{ "message": "Request Entity Too Large" }`, as the platform does on AWS.
    const tooBig = await sendCounted('placeOrder (past the platform limit)', {
      method: 'POST',
      path: pathFor(Api.placeOrder, { shopId: created.shopId }),
      headers: { authorization: `Bearer ${tokens.customer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'x'.repeat(7 * 1024 * 1024) }),
    });
    expect(tooBig.status).toBe(413);
  });
});

describe('the Host header', () => {
  it('never changes which route answers: a path, query or fragment smuggled into it is refused', async () => {
    const host = fc.oneof(
      fc.constant(new URL(t.origin).host),
      headerValue,
      fc
        .tuple(
          fc.constantFrom('x', new URL(t.origin).host),
          fc.constantFrom('/api/shops/main/config?', '/api/shops/main/config#', '#', '?', '/', '@x'),
        )
        .map((parts) => parts.join('')),
    );
    await check([host], async (value) => {
      inputs.count('Host header');

      // An anonymous caller of a signed-in route: whatever the host, never the config route's 200
      const answer = await sendWithHost(t.origin, {
        method: 'GET',
        path: Api.listMyOrders.path,
        host: value,
      });

      expectApiError(answer, ['unauthenticated', 'invalid-request']);
    });
  });
});

describe('forged, expired and misdirected tokens', () => {
  it('answers 401 to every forgery of a genuine ID token, on every signed-in route', async () => {
    // Arrange: forgeries of a customer's token, each claiming the barista group
    const forgeries = await forgeriesOf(tokens.customer, await attackerKey());

    for (const [forgery, token] of Object.entries(forgeries)) {
      for (const name of SIGNED_IN_ROUTES) {
        // Act
        const answer = await sendCounted(
          'forgeries',
          request(name, rawPath(Api[name], knownParams(name, 'barista')), {
            authorization: `Bearer ${token}`,
            body: '{}',
          }),
        );

        // Assert
        expect({ forgery, name, code: expectApiError(answer) }).toEqual({
          forgery,
          name,
          code: 'unauthenticated',
        });
      }
    }
  });

  it('answers 401 to genuine tokens that are not the app’s ID token: an access token, another app client’s, another pool’s', async () => {
    // Arrange
    const signIn = (clientId: string, username: string) =>
      t.idp.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: clientId,
          AuthParameters: { USERNAME: username, PASSWORD: TEST_PASSWORD },
        }),
      );
    const flows: ExplicitAuthFlowsType[] = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
    const otherClient = await t.idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: t.poolId,
        ClientName: 'not-the-apps',
        ExplicitAuthFlows: flows,
      }),
    );
    const otherPool = await t.idp.send(new CreateUserPoolCommand({ PoolName: 'another-pool' }));
    const otherPoolId = otherPool.UserPool?.Id as string;
    const otherPoolClient = await t.idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: otherPoolId,
        ClientName: 'apps',
        ExplicitAuthFlows: flows,
      }),
    );
    await createUser(t.idp, otherPoolId, 'barista', []);
    const apps = await signIn(await appsClientId(), 'barista');
    const misdirected = {
      'the access token of the app client': apps.AuthenticationResult?.AccessToken,
      'the refresh token': apps.AuthenticationResult?.RefreshToken,
      'an ID token of another app client (wrong aud)': (
        await signIn(otherClient.UserPoolClient?.ClientId as string, 'barista')
      ).AuthenticationResult?.IdToken,
      'an ID token of another user pool (wrong iss and key)': (
        await signIn(otherPoolClient.UserPoolClient?.ClientId as string, 'barista')
      ).AuthenticationResult?.IdToken,
    };

    for (const [what, token] of Object.entries(misdirected)) {
      expect(token, what).toBeTypeOf('string');
      for (const name of SIGNED_IN_ROUTES) {
        // Act
        const answer = await sendCounted(
          'misdirected tokens',
          request(name, rawPath(Api[name], knownParams(name, 'barista')), {
            authorization: `Bearer ${token}`,
            body: '{}',
          }),
        );

        // Assert
        expect({ what, name, code: expectApiError(answer) }).toEqual({ what, name, code: 'unauthenticated' });
      }
    }
  });

  it('refuses an MQTT connection with any forgery of a genuine ID token', async () => {
    // Arrange
    const forgeries = await forgeriesOf(tokens.customer, await attackerKey());
    const url = `${t.origin.replace('http', 'ws')}/mqtt`;

    for (const [forgery, token] of Object.entries(forgeries)) {
      inputs.count('MQTT forgeries');
      // Act
      const connecting = connectMqtt(url, token, { connectTimeout: 5_000 });

      // Assert
      await expect(connecting, forgery).rejects.toThrow(/[Nn]ot authorized/);
    }
  });
});

/** The path parameters of the fixtures a caller's requests to a route are about. */
function knownParams(name: RouteName, caller: Caller): Record<string, string> {
  const order = caller === 'customer' ? created : submitted;
  const params: Record<string, string> = { shopId: order.shopId, orderId: order.orderId, drinkId: 'latte' };
  return Object.fromEntries(paramNames(Api[name]).map((param) => [param, params[param] ?? '']));
}

/** Whether bytes happen to decode to JSON text (then they are not the bad input this property wants). */
function isJsonText(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.trim() === '') return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The apps' client id: the `aud` of the tokens the API accepts. */
async function appsClientId(): Promise<string> {
  const { aud } = JSON.parse(Buffer.from(tokens.barista.split('.')[1] as string, 'base64url').toString()) as {
    aud: string;
  };
  return aud;
}
