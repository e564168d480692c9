import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  Api,
  IDEMPOTENCY_KEY_HEADER,
  type PlaceOrderResponse,
  PlaceOrderResponseSchema,
  pathFor,
  type QrCodeResponse,
  QrCodeResponseSchema,
} from '../src/contracts/api.js';
import { EventType } from '../src/contracts/events.js';
import { parseOrderLink } from '../src/contracts/order-link.js';
import { OrderState } from '../src/contracts/orders.js';
import { TaskTokenFor } from '../src/orders/order-processor.js';
import { signalOrderCancelled } from '../src/orders/workflow-signals.js';
import { codeToken, dayKey } from '../src/validator/domain/index.js';
import { errorOf } from './support/api-cloud.js';
import {
  arrangeOrder,
  arrangeShop,
  orderWhen,
  readCustomer,
  readOrder,
} from './support/order-processor-cloud.js';
import {
  arrangeCustomer,
  arrangeRemaining,
  ordersOfShop,
  readRemaining,
  type ShopCloud,
  startShopCloud,
} from './support/shop-cloud.js';

/** The secret `arrangeShop` gives its shops, to make tokens the display never showed. */
const SECRET = 'not-a-real-secret';
/** Hour-long codes: no test straddles a rotation. */
const LIMITS = { codeSeconds: 3600, drinksPerCode: 10, capacity: 20, dailyLimit: 5 };

let t: ShopCloud;
let display: string;
let barista: string;

beforeAll(async () => {
  t = await startShopCloud('validator');
  [display, barista] = await Promise.all([t.idToken('display'), t.idToken('barista')]);
}, 30_000);
afterAll(async () => {
  await t?.stop();
});
afterEach(() => {
  expect(t.log.invalid).toEqual([]);
});

const shop = (options: Parameters<typeof arrangeShop>[1] = {}) =>
  arrangeShop(t.db, { ...options, limits: { ...LIMITS, ...options.limits } });

async function qrCode(
  shopId: string,
  token = display,
  headers?: Record<string, string>,
): Promise<QrCodeResponse> {
  const response = await t.call('GET', pathFor(Api.getQrCode, { shopId }), {
    token,
    ...(headers && { headers }),
  });
  expect(response.status).toBe(200);
  return QrCodeResponseSchema.parse(await response.json());
}

/**
 * The shop's current code, with at least `minutes` left before it rotates: a check of "the code
 * the display shows" across the rotation would see the next code. Near a rotation, waits for it.
 */
async function qrCodeLasting(shopId: string, minutes: number): Promise<QrCodeResponse> {
  const code = await qrCode(shopId);
  const left = new Date(code.expiresAt).getTime() - Date.now();
  if (left >= minutes * 60_000) return code;
  await new Promise((resolve) => setTimeout(resolve, left + 100));
  return qrCode(shopId);
}

function order(shopId: string, customer: string, token: string, key?: string): Promise<Response> {
  return t.call('POST', pathFor(Api.placeOrder, { shopId }), {
    token: customer,
    body: { token },
    ...(key !== undefined && { headers: { [IDEMPOTENCY_KEY_HEADER]: key } }),
  });
}

async function accepted(response: Response): Promise<PlaceOrderResponse> {
  expect(response.status).toBe(202);
  return PlaceOrderResponseSchema.parse(await response.json());
}

const periodOf = (token: string) => Number(token.split('.')[0]);

/** Waits until the workflow admitted the order (the drink's task token stored), and answers it. */
const admitted = (orderId: string) =>
  orderWhen(t.db, orderId, (o) => o.state === OrderState.Created && o.taskTokenFor === TaskTokenFor.Drink);

/** Cancels an admitted order as its customer, and waits until the workflow has released the customer. */
async function cancelAsCustomer(shopId: string, userId: string, orderId: string): Promise<void> {
  const created = await admitted(orderId);
  await signalOrderCancelled(String(created.taskToken), { by: 'customer' }, t.sfn);
  await orderWhen(t.db, orderId, (o) => o.state === OrderState.Cancelled);
  const deadline = Date.now() + 10_000;
  while ((await readCustomer(t.db, { shopId, userId, orderId })).openOrderId !== undefined) {
    if (Date.now() > deadline) throw new Error('The customer was not released');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GET /api/shops/{shopId}/qr-code', () => {
  it.each([
    ['display', () => display],
    ['barista', () => barista],
  ])('answers the %s the current code with its URL and all its drinks', async (_, who) => {
    const shopId = await shop();

    const code = await qrCode(shopId, who());

    expect(code.remaining).toBe(LIMITS.drinksPerCode);
    expect(code.token).toBe(codeToken(shopId, periodOf(code.token), LIMITS.codeSeconds, SECRET));
    expect(new Date(code.expiresAt).getTime()).toBe((periodOf(code.token) + 1) * LIMITS.codeSeconds * 1000);
    expect(code.url.startsWith(`${t.origin}/order?`)).toBe(true);
    expect(parseOrderLink(code.url)).toEqual({ shopId, token: code.token });
  });

  it('puts the origin the request came through in the URL (a proxy’s X-Forwarded-* headers)', async () => {
    const shopId = await shop();

    const code = await qrCode(shopId, display, {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': '192.168.1.20',
      'x-forwarded-port': '3000',
    });

    expect(code.url.startsWith('https://192.168.1.20:3000/order?')).toBe(true);
  });

  it('counts down as drinks are taken, and answers a used-up code with remaining 0', async () => {
    const shopId = await shop();
    const { token } = await qrCode(shopId);
    const customer = await t.newCustomer();
    await accepted(await order(shopId, customer.token, token));
    expect((await qrCode(shopId)).remaining).toBe(LIMITS.drinksPerCode - 1);

    await arrangeRemaining(t.db, shopId, periodOf(token), 0);

    const usedUp = await qrCode(shopId);
    expect(usedUp).toMatchObject({ token, remaining: 0 });
  });

  it('refuses a customer (403) and an anonymous caller (401); an unknown shop is 404', async () => {
    const shopId = await shop();
    const customer = await t.newCustomer();
    const path = pathFor(Api.getQrCode, { shopId });

    expect(await errorOf(await t.call('GET', path, { token: customer.token }))).toMatchObject({
      status: 403,
      code: 'forbidden',
    });
    expect(await errorOf(await t.call('GET', path))).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(
      await errorOf(await t.call('GET', pathFor(Api.getQrCode, { shopId: 'nope' }), { token: display })),
    ).toMatchObject({ status: 404, code: 'not-found' });
  });
});

describe('POST /api/shops/{shopId}/orders', () => {
  it('accepts a scanned token: 202 PENDING, one drink taken, the customer reserved, then CREATED by the workflow', async () => {
    // Arrange
    const shopId = await shop();
    const { token } = await qrCode(shopId);
    const customer = await t.newCustomer();

    // Act
    const placed = await accepted(await order(shopId, customer.token, token));

    // Assert
    expect(placed.state).toBe(OrderState.Pending);
    const stored = await readOrder(t.db, placed.orderId);
    expect(stored).toMatchObject({ orderId: placed.orderId, shopId, userId: customer.userId });
    expect(stored.createdAt).toEqual(expect.any(String));
    expect(await readRemaining(t.db, shopId, periodOf(token))).toBe(LIMITS.drinksPerCode - 1);
    const ref = { shopId, orderId: placed.orderId, userId: customer.userId };
    expect(await readCustomer(t.db, ref)).toEqual({ openOrderId: placed.orderId, dayCount: 1 });
    expect((await t.log.waitFor(EventType.NewOrder, placed.orderId)).detail).toEqual(ref);
    const created = await admitted(placed.orderId);
    expect(created).toMatchObject({ state: OrderState.Created, shopState: `${shopId}#CREATED` });
    expect(t.log.typesOf(placed.orderId)[0]).toBe(EventType.NewOrder);
  });

  it.each([
    ['garbage', () => 'not a token', 'token-invalid', 400],
    ['a forged MAC', (_: string, period: number) => `${period}.3600.${'A'.repeat(22)}`, 'token-invalid', 400],
    [
      'another shop’s token',
      (_: string, period: number) => codeToken('other-shop', period, 3600, SECRET),
      'token-invalid',
      400,
    ],
    [
      'a token two periods old',
      (shopId: string, period: number) => codeToken(shopId, period - 2, 3600, SECRET),
      'token-expired',
      400,
    ],
  ])('refuses %s: %s (%i), taking no drink', async (_, make, code, status) => {
    const shopId = await shop();
    const { token: current } = await qrCode(shopId);
    const customer = await t.newCustomer();

    const error = await errorOf(await order(shopId, customer.token, make(shopId, periodOf(current))));

    expect(error).toMatchObject({ status, code });
    expect(await readRemaining(t.db, shopId, periodOf(current))).toBeUndefined();
  });

  it('refuses a used-up code with token-used-up (409) and undoes the customer’s reservation', async () => {
    const shopId = await shop();
    const { token } = await qrCode(shopId);
    await arrangeRemaining(t.db, shopId, periodOf(token), 0);
    const customer = await t.newCustomer();

    const error = await errorOf(await order(shopId, customer.token, token));

    expect(error).toMatchObject({ status: 409, code: 'token-used-up' });
    expect(await readRemaining(t.db, shopId, periodOf(token))).toBe(0);
    expect(await readCustomer(t.db, { shopId, userId: customer.userId, orderId: '' })).toEqual({
      dayCount: 0,
    });
    expect(await ordersOfShop(t.db, shopId)).toEqual([]);
  });

  it.each([
    ['the shop is closed', { open: false }, 'shop-closed'],
    ['the queue is full', { openOrders: LIMITS.capacity }, 'queue-full'],
  ])('answers at once when %s: %s (409), taking nothing', async (_, state, code) => {
    const shopId = await shop(state);
    const { token } = await qrCode(shopId);
    const customer = await t.newCustomer();

    const error = await errorOf(await order(shopId, customer.token, token));

    expect(error).toMatchObject({ status: 409, code });
    expect(await readRemaining(t.db, shopId, periodOf(token))).toBeUndefined();
    expect(await ordersOfShop(t.db, shopId)).toEqual([]);
  });

  it('refuses a second order while the first is open (order-open), and accepts one after it ended', async () => {
    // Arrange
    const shopId = await shop();
    const { token } = await qrCode(shopId);
    const customer = await t.newCustomer();
    const first = await accepted(await order(shopId, customer.token, token));

    // Act / Assert: while PENDING or CREATED
    expect(await errorOf(await order(shopId, customer.token, token))).toMatchObject({
      status: 409,
      code: 'order-open',
    });
    await admitted(first.orderId);
    expect(await errorOf(await order(shopId, customer.token, token))).toMatchObject({ code: 'order-open' });
    expect(await readRemaining(t.db, shopId, periodOf(token))).toBe(LIMITS.drinksPerCode - 1);

    // Act / Assert: once cancelled
    await cancelAsCustomer(shopId, customer.userId, first.orderId);
    const second = await accepted(await order(shopId, customer.token, token));
    expect(second.orderId).not.toBe(first.orderId);
    expect(await readCustomer(t.db, { shopId, userId: customer.userId, orderId: '' })).toEqual({
      openOrderId: second.orderId,
      dayCount: 2,
    });
  });

  it('frees a customer whose last acceptance died before writing the order (a crash midway)', async () => {
    // Arrange: a reservation, old enough, for an order that was never written
    const shopId = await shop();
    const { token } = await qrCode(shopId);
    const customer = await t.newCustomer();
    await arrangeCustomer(t.db, shopId, customer.userId, {
      openOrderId: 'never-written',
      reservedAt: Date.now() - 60_000,
      day: dayKey(new Date()),
      dayCount: 1,
    });

    // Act
    const placed = await accepted(await order(shopId, customer.token, token));

    // Assert: the dead reservation's drink is given back, the new one counted
    expect(await readCustomer(t.db, { shopId, userId: customer.userId, orderId: '' })).toEqual({
      openOrderId: placed.orderId,
      dayCount: 1,
    });
  });

  it('keeps a customer’s recent reservation: its request may still be running', async () => {
    // Arrange
    const shopId = await shop();
    const { token } = await qrCode(shopId);
    const customer = await t.newCustomer();
    await arrangeCustomer(t.db, shopId, customer.userId, {
      openOrderId: 'being-written',
      reservedAt: Date.now(),
      day: dayKey(new Date()),
      dayCount: 1,
    });

    // Act / Assert
    expect(await errorOf(await order(shopId, customer.token, token))).toMatchObject({ code: 'order-open' });
  });

  it('sends on an old PENDING order whose start was lost, instead of dropping it', async () => {
    // Arrange: the order written, its Validator.NewOrder never put
    const shopId = await shop();
    const { token } = await qrCode(shopId);
    const customer = await t.newCustomer();
    const stranded = await arrangeOrder(t.db, shopId, customer.userId);
    await arrangeCustomer(t.db, shopId, customer.userId, {
      openOrderId: stranded.orderId,
      reservedAt: Date.now() - 60_000,
      day: dayKey(new Date()),
      dayCount: 1,
    });

    // Act
    const refused = await errorOf(await order(shopId, customer.token, token));

    // Assert: the customer is told their order is open, and the order goes on
    expect(refused).toMatchObject({ code: 'order-open' });
    expect((await admitted(stranded.orderId)).state).toBe(OrderState.Created);
  });

  it('enforces the daily limit (limit-reached, 429), counting the customer’s cancelled orders', async () => {
    // Arrange
    const shopId = await shop({ limits: { dailyLimit: 2 } });
    const { token } = await qrCode(shopId);
    const customer = await t.newCustomer();
    for (let i = 0; i < 2; i++) {
      const placed = await accepted(await order(shopId, customer.token, token));
      await cancelAsCustomer(shopId, customer.userId, placed.orderId);
    }

    // Act
    const error = await errorOf(await order(shopId, customer.token, token));

    // Assert
    expect(error).toMatchObject({ status: 429, code: 'limit-reached' });
    expect(await readRemaining(t.db, shopId, periodOf(token))).toBe(LIMITS.drinksPerCode - 2);
  });

  it('starts a new day’s count after yesterday’s limit', async () => {
    const shopId = await shop({ limits: { dailyLimit: 1 } });
    const { token } = await qrCode(shopId);
    const customer = await t.newCustomer();
    const today = dayKey(new Date());
    await arrangeCustomer(t.db, shopId, customer.userId, { day: today, dayCount: 1 });
    expect(await errorOf(await order(shopId, customer.token, token))).toMatchObject({
      code: 'limit-reached',
    });

    await arrangeCustomer(t.db, shopId, customer.userId, { day: '2000-01-01', dayCount: 1 });
    const placed = await accepted(await order(shopId, customer.token, token));

    expect(await readCustomer(t.db, { shopId, userId: customer.userId, orderId: '' })).toEqual({
      openOrderId: placed.orderId,
      dayCount: 1,
    });
  });

  it('admits exactly 10 of 100 customers scanning at once a code with 10 drinks left', async () => {
    // Arrange
    const shopId = await shop({ limits: { drinksPerCode: 50 } });
    const { token } = await qrCodeLasting(shopId, 1);
    await arrangeRemaining(t.db, shopId, periodOf(token), 10);
    const customers: Array<{ userId: string; token: string }> = [];
    for (let i = 0; i < 10; i++)
      customers.push(...(await Promise.all(Array.from({ length: 10 }, t.newCustomer))));

    // Act
    const responses = await Promise.all(customers.map((c) => order(shopId, c.token, token)));

    // Assert
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(10);
    const refused = await Promise.all(responses.filter((r) => r.status !== 202).map((r) => errorOf(r)));
    expect(refused).toHaveLength(90);
    expect(refused.every((e) => e.status === 409 && e.code === 'token-used-up')).toBe(true);
    expect(await readRemaining(t.db, shopId, periodOf(token))).toBe(0);
    expect(await ordersOfShop(t.db, shopId)).toHaveLength(10);
    const reserved = await Promise.all(
      customers.map((c) => readCustomer(t.db, { shopId, userId: c.userId, orderId: '' })),
    );
    expect(reserved.filter((c) => c.openOrderId !== undefined)).toHaveLength(10);
    expect(reserved.filter((c) => c.dayCount === 0)).toHaveLength(90);
    expect((await qrCode(shopId)).remaining).toBe(0);
  }, 120_000);

  it('gives the code back the drinks of orders the workflow rejected: customers scanning together into the last slot', async () => {
    // Arrange: one slot, and customers scanning together all pass the validator's look at the queue
    const shopId = await shop({ limits: { capacity: 1 } });
    const { token } = await qrCodeLasting(shopId, 1);
    const customers = await Promise.all(Array.from({ length: 10 }, t.newCustomer));

    // Act
    const responses = await Promise.all(customers.map((c) => order(shopId, c.token, token)));

    // Assert: one admitted, the others rejected (queue-full) by the workflow or refused by the validator
    const placed = await Promise.all(responses.filter((r) => r.status === 202).map(accepted));
    const ended = await Promise.all(
      placed.map(({ orderId }) =>
        orderWhen(
          t.db,
          orderId,
          (o) => o.state === OrderState.Rejected || o.taskTokenFor === TaskTokenFor.Drink,
        ),
      ),
    );
    expect(ended.filter((o) => o.state === OrderState.Created)).toHaveLength(1);
    const rejected = ended.filter((o) => o.state === OrderState.Rejected);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((o) => o.reason === 'queue-full')).toBe(true);
    await Promise.all(rejected.map((o) => t.log.waitFor(EventType.OrderFinished, o.orderId)));
    expect((await qrCode(shopId)).remaining).toBe(LIMITS.drinksPerCode - 1);
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the first order, using no second drink', async () => {
      const shopId = await shop();
      const { token } = await qrCode(shopId);
      const customer = await t.newCustomer();

      const first = await accepted(await order(shopId, customer.token, token, 'scan-1'));
      const retry = await accepted(await order(shopId, customer.token, token, 'scan-1'));

      expect(retry.orderId).toBe(first.orderId);
      expect(await readRemaining(t.db, shopId, periodOf(token))).toBe(LIMITS.drinksPerCode - 1);
      expect(await ordersOfShop(t.db, shopId)).toEqual([first.orderId]);
    });

    it('answers a retry made after the workflow admitted the order with its state now', async () => {
      const shopId = await shop();
      const { token } = await qrCode(shopId);
      const customer = await t.newCustomer();
      const first = await accepted(await order(shopId, customer.token, token, 'scan-late'));
      await orderWhen(t.db, first.orderId, (o) => o.state === OrderState.Created);

      const retry = await accepted(await order(shopId, customer.token, token, 'scan-late'));

      expect(first.state).toBe(OrderState.Pending);
      expect(retry).toEqual({ orderId: first.orderId, state: OrderState.Created });
    });

    it('makes one order of concurrent duplicates', async () => {
      const shopId = await shop();
      const { token } = await qrCode(shopId);
      const customer = await t.newCustomer();

      const answers = await Promise.all(
        Array.from({ length: 8 }, () => order(shopId, customer.token, token, 'double-tap')),
      );

      const orders = await Promise.all(answers.map(accepted));
      expect(new Set(orders.map((o) => o.orderId)).size).toBe(1);
      expect(await readRemaining(t.db, shopId, periodOf(token))).toBe(LIMITS.drinksPerCode - 1);
      expect(await ordersOfShop(t.db, shopId)).toHaveLength(1);
    });

    it('answers a retry with the first refusal', async () => {
      const shopId = await shop();
      const { token } = await qrCode(shopId);
      await arrangeRemaining(t.db, shopId, periodOf(token), 0);
      const customer = await t.newCustomer();
      expect(await errorOf(await order(shopId, customer.token, token, 'k'))).toMatchObject({
        code: 'token-used-up',
      });

      await arrangeRemaining(t.db, shopId, periodOf(token), 5);
      const retry = await errorOf(await order(shopId, customer.token, token, 'k'));

      expect(retry).toMatchObject({ status: 409, code: 'token-used-up' });
      expect(await readRemaining(t.db, shopId, periodOf(token))).toBe(5);
    });

    it('keeps keys per caller: another customer’s same key is a new order', async () => {
      const shopId = await shop();
      const { token } = await qrCode(shopId);
      const [a, b] = [await t.newCustomer(), await t.newCustomer()];

      const first = await accepted(await order(shopId, a.token, token, 'same'));
      const second = await accepted(await order(shopId, b.token, token, 'same'));

      expect(second.orderId).not.toBe(first.orderId);
      expect(await readRemaining(t.db, shopId, periodOf(token))).toBe(LIMITS.drinksPerCode - 2);
    });

    it('keeps a key free after a refusal of the request itself (unknown shop, body without a token)', async () => {
      const shopId = await shop();
      const { token } = await qrCode(shopId);
      const customer = await t.newCustomer();
      const keyed = (path: string, body: unknown) =>
        t.call('POST', path, {
          token: customer.token,
          body,
          headers: { [IDEMPOTENCY_KEY_HEADER]: 'retry-me' },
        });

      const unknownShop = await errorOf(await keyed(pathFor(Api.placeOrder, { shopId: 'nope' }), { token }));
      const noToken = await errorOf(await keyed(pathFor(Api.placeOrder, { shopId }), {}));
      const placed = await accepted(await order(shopId, customer.token, token, 'retry-me'));

      expect([unknownShop.status, noToken.status]).toEqual([404, 400]);
      expect(await ordersOfShop(t.db, shopId)).toEqual([placed.orderId]);
    });

    it('refuses a malformed key with invalid-request (400)', async () => {
      const shopId = await shop();
      const { token } = await qrCode(shopId);
      const customer = await t.newCustomer();

      const error = await errorOf(await order(shopId, customer.token, token, 'x'.repeat(129)));

      expect(error).toMatchObject({ status: 400, code: 'invalid-request' });
      expect(await readRemaining(t.db, shopId, periodOf(token))).toBeUndefined();
    });

    it('checks the shop before the key: a malformed key at an unknown shop is 404', async () => {
      const shopId = await shop();
      const { token } = await qrCode(shopId);
      const customer = await t.newCustomer();

      const error = await errorOf(await order('nope', customer.token, token, 'x'.repeat(129)));

      expect(error).toMatchObject({ status: 404, code: 'not-found' });
    });
  });

  describe('who may order', () => {
    it.each([
      ['the display', () => display, 403, 'forbidden'],
      ['a barista', () => barista, 403, 'forbidden'],
      ['an anonymous caller', () => undefined, 401, 'unauthenticated'],
    ])('refuses %s', async (_, who, status, code) => {
      const shopId = await shop();
      const { token } = await qrCode(shopId);
      const caller = who();

      const response = await t.call('POST', pathFor(Api.placeOrder, { shopId }), {
        ...(caller !== undefined && { token: caller }),
        body: { token },
      });

      expect(await errorOf(response)).toMatchObject({ status, code });
      expect(await readRemaining(t.db, shopId, periodOf(token))).toBeUndefined();
    });

    it('answers 404 for an unknown shop and 400 for a body without a token', async () => {
      const shopId = await shop();
      const customer = await t.newCustomer();
      expect(
        await errorOf(
          await t.call('POST', pathFor(Api.placeOrder, { shopId: 'nope' }), {
            token: customer.token,
            body: { token: 'x' },
          }),
        ),
      ).toMatchObject({ status: 404, code: 'not-found' });
      expect(
        await errorOf(
          await t.call('POST', pathFor(Api.placeOrder, { shopId }), { token: customer.token, body: {} }),
        ),
      ).toMatchObject({ status: 400, code: 'invalid-request' });
    });
  });
});
