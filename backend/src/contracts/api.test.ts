import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  Api,
  CancelOrderRequestSchema,
  ERROR_STATUS,
  ErrorBodySchema,
  ErrorCode,
  IdempotencyKeySchema,
  isRetryable,
  PlaceOrderRequestSchema,
  pathFor,
  QrCodeResponseSchema,
  type RouteBody,
  type RouteParams,
  type RouteResponse,
  SubmitDrinkRequestSchema,
  UpdateLimitsRequestSchema,
} from './api.js';
import { type OrderDetail, OrderSchema } from './orders.js';

const TIME = '2025-01-02T10:00:00.000Z';

describe('error codes', () => {
  it('are those DESIGN names, plus not-ready and internal', () => {
    expect(Object.values(ErrorCode).sort()).toEqual(
      [
        'unauthenticated',
        'forbidden',
        'not-found',
        'invalid-request',
        'invalid-transition',
        'token-invalid',
        'token-expired',
        'token-used-up',
        'limit-reached',
        'order-open',
        'shop-closed',
        'queue-full',
        'drink-unknown',
        'drink-unavailable',
        'option-invalid',
        'not-ready',
        'internal',
      ].sort(),
    );
  });

  it.each([
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not-found', 404],
    ['invalid-request', 400],
    ['invalid-transition', 409],
    ['internal', 500],
  ] as const)('%s answers %i, as DESIGN says', (code, status) => {
    expect(ERROR_STATUS[code]).toBe(status);
  });

  it.each(Object.values(ErrorCode))('%s has a 4xx status, or 500 for internal', (code) => {
    const status = ERROR_STATUS[code];
    expect(code === 'internal' ? status === 500 : status >= 400 && status < 500).toBe(true);
  });

  it('only not-ready is retryable', () => {
    expect(Object.values(ErrorCode).filter(isRetryable)).toEqual(['not-ready']);
  });

  it('the error body is { error: { code, message } }', () => {
    expect(ErrorBodySchema.safeParse({ error: { code: 'queue-full', message: 'Full' } }).success).toBe(true);
    expect(ErrorBodySchema.safeParse({ error: { code: 'teapot', message: 'x' } }).success).toBe(false);
  });
});

describe('routes', () => {
  it.each(Object.entries(Api))('%s: its path placeholders are its params', (_, route) => {
    const placeholders = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(route.params.shape).sort()).toEqual(placeholders);
    expect(route.path.startsWith('/api/')).toBe(true);
  });

  it('cover the HTTP API table of DESIGN', () => {
    expect(Object.values(Api).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/shops/{shopId}/config',
      'PUT /api/shops/{shopId}/open',
      'PUT /api/shops/{shopId}/menu/{drinkId}',
      'PUT /api/shops/{shopId}/limits',
      'GET /api/shops/{shopId}/qr-code',
      'POST /api/shops/{shopId}/orders',
      'GET /api/shops/{shopId}/orders',
      'GET /api/orders/{orderId}',
      'PUT /api/orders/{orderId}/drink',
      'POST /api/orders/{orderId}/make',
      'POST /api/orders/{orderId}/unmake',
      'POST /api/orders/{orderId}/complete',
      'POST /api/orders/{orderId}/cancel',
      'GET /api/me/orders',
      'GET /api/ops/workflow',
      'GET /api/ops/orders/{orderId}/history',
      'GET /api/shops/{shopId}/wait-times',
    ]);
  });

  it('placing an order answers 202, the rest 200', () => {
    expect(
      Object.entries(Api)
        .filter(([, r]) => r.status === 202)
        .map(([name]) => name),
    ).toEqual(['placeOrder']);
  });

  it.each([
    [pathFor(Api.getShopConfig, { shopId: 'main' }), '/api/shops/main/config'],
    [
      pathFor(Api.setDrinkAvailability, { shopId: 'main', drinkId: 'flat-white' }),
      '/api/shops/main/menu/flat-white',
    ],
    [pathFor(Api.cancelOrder, { orderId: 'o_1' }), '/api/orders/o_1/cancel'],
    [pathFor(Api.listMyOrders, {}), '/api/me/orders'],
  ])('pathFor gives %s', (path, expected) => {
    expect(path).toBe(expected);
  });

  it('pathFor refuses a malformed parameter', () => {
    expect(() => pathFor(Api.getOrder, { orderId: '../x' })).toThrow();
  });
});

describe('request schemas', () => {
  it.each([
    [UpdateLimitsRequestSchema, {}, true],
    [UpdateLimitsRequestSchema, { capacity: 30 }, true],
    [UpdateLimitsRequestSchema, { capacity: 0 }, false],
    [UpdateLimitsRequestSchema, { capacity: 2.5 }, false],
    [UpdateLimitsRequestSchema, { capacity: '30' }, false],
    [UpdateLimitsRequestSchema, { codeSeconds: 9 }, false],
    [UpdateLimitsRequestSchema, { capacty: 30 }, false],
    [PlaceOrderRequestSchema, { token: 'abc' }, true],
    [PlaceOrderRequestSchema, { token: '' }, false],
    [PlaceOrderRequestSchema, {}, false],
    [SubmitDrinkRequestSchema, { drinkId: 'latte', modifiers: { milk: 'Oat' } }, true],
    [SubmitDrinkRequestSchema, { drinkId: 'latte', modifiers: {} }, true],
    [SubmitDrinkRequestSchema, { drinkId: 'latte' }, false],
    [SubmitDrinkRequestSchema, { drinkId: 'latte', modifiers: { milk: 3 } }, false],
    [SubmitDrinkRequestSchema, { drinkId: 'Latte!', modifiers: {} }, false],
    [CancelOrderRequestSchema, undefined, true],
    [CancelOrderRequestSchema, {}, true],
    [CancelOrderRequestSchema, { reason: 'changed my mind' }, true],
    [CancelOrderRequestSchema, { reason: '   ' }, false],
    [CancelOrderRequestSchema, { reason: 'x'.repeat(201) }, false],
    [IdempotencyKeySchema, 'a1b2-c3', true],
    [IdempotencyKeySchema, 'has space', false],
  ] as const)('%#: %j valid: %s', (schema, input, valid) => {
    expect(schema.safeParse(input).success).toBe(valid);
  });
});

describe('response schemas', () => {
  const order = {
    orderId: 'o-1',
    shopId: 'main',
    userId: 'u-1',
    state: 'PENDING',
    createdAt: TIME,
    updatedAt: TIME,
  };

  it.each([
    [order, true],
    [
      {
        ...order,
        state: 'SUBMITTED',
        orderNumber: 12,
        drink: { drinkId: 'latte', modifiers: { milk: 'Oat' } },
      },
      true,
    ],
    [{ ...order, state: 'CANCELLED', reason: 'customer-timeout', by: 'timeout' }, true],
    [{ ...order, orderNumber: 1.5 }, false],
    [{ ...order, orderNumber: 0 }, false],
    [{ ...order, state: 'DONE' }, false],
    [{ ...order, createdAt: 'yesterday' }, false],
    [{ ...order, by: 'display' }, false],
  ])('order %#', (input, valid) => {
    expect(OrderSchema.safeParse(input).success).toBe(valid);
  });

  it('a QR code has a URL, an ISO expiry and a whole remaining count', () => {
    const code = {
      token: 't',
      url: 'http://127.0.0.1:3000/order?shop=main&token=t',
      expiresAt: TIME,
      remaining: 10,
    };
    expect(QrCodeResponseSchema.safeParse(code).success).toBe(true);
    expect(QrCodeResponseSchema.safeParse({ ...code, remaining: -1 }).success).toBe(false);
  });
});

describe('route types', () => {
  it('are inferred from the table', () => {
    expectTypeOf<RouteBody<typeof Api.getOrder>>().toEqualTypeOf<undefined>();
    expectTypeOf<RouteBody<typeof Api.submitDrink>>().toEqualTypeOf<{
      drinkId: string;
      modifiers: Record<string, string>;
    }>();
    expectTypeOf<RouteResponse<typeof Api.getOrder>>().toEqualTypeOf<OrderDetail>();
    expectTypeOf<RouteParams<typeof Api.setDrinkAvailability>>().toEqualTypeOf<{
      shopId: string;
      drinkId: string;
    }>();
  });
});
