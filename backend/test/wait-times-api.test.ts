import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { Api, pathFor, WaitTimesResponseSchema } from '../src/contracts/api.js';
import { type OrderDetail, OrderDetailSchema, OrderSchema, OrderState } from '../src/contracts/orders.js';
import { arrangeShop } from './support/order-processor-cloud.js';
import { LATTE, orderWaitingForBarista, ROOMY_LIMITS, useStaffedShopCloud } from './support/shop-cloud.js';

const shop = useStaffedShopCloud('wait-times');

async function getOrder(orderId: string, token = shop.barista): Promise<OrderDetail> {
  const response = await shop.t.call('GET', pathFor(Api.getOrder, { orderId }), { token });
  expect(response.status).toBe(200);
  return OrderDetailSchema.strict().parse(await response.json());
}

const submittedOrder = async (shopId: string) =>
  (await orderWaitingForBarista(shop.t, shopId, shop.display, LATTE)).orderId;

const act = (action: 'make' | 'unmake' | 'complete', orderId: string) =>
  shop.t.call('POST', `/api/orders/${orderId}/${action}`, { token: shop.barista });

/** The wait times as `token`'s holder asks for them (the display's by default; `null`: anonymously). */
async function waitTimes(shopId: string, query = '', token: string | null = shop.display) {
  return shop.t.call('GET', `${pathFor(Api.getWaitTimes, { shopId })}${query}`, token ? { token } : {});
}

/** A READY order written straight to the table, as the orders service leaves one. */
async function arrangeReady(shopId: string, n: number, drinkId: string, submittedAt: Date, readyAt: Date) {
  const createdAt = new Date(submittedAt.getTime() - 30_000).toISOString();
  await shop.t.db.send(
    new PutCommand({
      TableName: 'orders',
      Item: {
        orderId: `${shopId}-ready-${n}`,
        shopId,
        userId: `user-${n}`,
        state: OrderState.Ready,
        shopState: `${shopId}#${OrderState.Ready}`,
        orderNumber: n,
        drink: { drinkId, modifiers: {} },
        createdAt,
        updatedAt: readyAt.toISOString(),
        submittedAt: submittedAt.toISOString(),
        readyAt: readyAt.toISOString(),
      },
    }),
  );
}

describe('the submitted and ready times of an order', () => {
  it('are recorded by the orders service; an unmake keeps the first submittedAt', async () => {
    // Arrange
    const shopId = await arrangeShop(shop.t.db, { limits: ROOMY_LIMITS });
    const orderId = await submittedOrder(shopId);
    const submitted = await getOrder(orderId);

    // Act
    expect((await act('make', orderId)).status).toBe(200);
    expect((await act('unmake', orderId)).status).toBe(200);
    expect((await act('make', orderId)).status).toBe(200);
    const completed = await act('complete', orderId);

    // Assert
    expect(completed.status).toBe(200);
    const answered = OrderSchema.strict().parse(await completed.json());
    const ready = await getOrder(orderId);
    expect(submitted.submittedAt).toBeDefined();
    expect(ready.submittedAt).toBe(submitted.submittedAt);
    expect(ready.readyAt).toBeDefined();
    expect(answered).toMatchObject({ submittedAt: submitted.submittedAt, readyAt: ready.readyAt });
    expect(Date.parse(ready.readyAt as string)).toBeGreaterThanOrEqual(
      Date.parse(ready.submittedAt as string),
    );
  });
});

describe('GET /api/shops/{shopId}/wait-times', () => {
  it('answers a customer the average and p90 wait of the window, overall and per drink, minute by minute', async () => {
    // Arrange: a real order completed now, and arranged ones — one ready before the window
    const shopId = await arrangeShop(shop.t.db, { limits: ROOMY_LIMITS });
    const orderId = await submittedOrder(shopId);
    expect((await act('make', orderId)).status).toBe(200);
    expect((await act('complete', orderId)).status).toBe(200);
    const { submittedAt, readyAt } = await getOrder(orderId);
    const real = (Date.parse(readyAt as string) - Date.parse(submittedAt as string)) / 1000;
    const now = Date.now();
    const minutesAgo = (m: number) => new Date(now - m * 60_000);
    await arrangeReady(shopId, 1, 'espresso', minutesAgo(10), minutesAgo(8)); // 120 s
    await arrangeReady(shopId, 2, 'espresso', minutesAgo(10), minutesAgo(6)); // 240 s
    await arrangeReady(shopId, 3, 'espresso', minutesAgo(50), minutesAgo(40)); // before the window

    // Act: as the customer app asks, after ordering
    const response = await waitTimes(shopId, '', (await shop.t.newCustomer()).token);

    // Assert
    expect(response.status).toBe(200);
    const body = WaitTimesResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ shopId, windowMinutes: 30 });
    expect(body.overall?.count).toBe(3);
    expect(body.overall?.p90Seconds).toBe(240);
    expect(body.drinks).toEqual([
      { drinkId: 'espresso', name: 'Espresso', count: 2, averageSeconds: 180, p90Seconds: 240 },
      expect.objectContaining({ drinkId: 'latte', count: 1, averageSeconds: Math.round(real * 10) / 10 }),
    ]);
    expect(body.perMinute.length).toBeGreaterThanOrEqual(30);
    expect(body.perMinute.reduce((n, m) => n + m.ready, 0)).toBe(3);
    // Placed in the window: the real order and the two arranged ones created ten minutes ago.
    expect(body.perMinute.reduce((n, m) => n + m.placed, 0)).toBe(3);
  });

  it('takes a window of the caller’s choosing', async () => {
    const shopId = await arrangeShop(shop.t.db, { limits: ROOMY_LIMITS });
    const now = Date.now();
    await arrangeReady(shopId, 1, 'latte', new Date(now - 50 * 60_000), new Date(now - 40 * 60_000));

    const body = WaitTimesResponseSchema.parse(await (await waitTimes(shopId, '?windowMinutes=60')).json());

    expect(body.windowMinutes).toBe(60);
    expect(body.overall).toEqual({ count: 1, averageSeconds: 600, p90Seconds: 600 });
  });

  it('answers no statistics for a shop without completed orders', async () => {
    const shopId = await arrangeShop(shop.t.db, { limits: ROOMY_LIMITS });

    const body = WaitTimesResponseSchema.parse(await (await waitTimes(shopId)).json());

    expect(body.overall).toBeUndefined();
    expect(body.drinks).toEqual([]);
  });

  it.each([
    { query: '?windowMinutes=1', status: 400, code: 'invalid-request' },
    { query: '?windowMinutes=abc', status: 400, code: 'invalid-request' },
  ])('refuses $query', async ({ query, status, code }) => {
    const shopId = await arrangeShop(shop.t.db, { limits: ROOMY_LIMITS });
    const response = await waitTimes(shopId, query);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('refuses an anonymous caller: the shop’s config is all anyone may read', async () => {
    const shopId = await arrangeShop(shop.t.db, { limits: ROOMY_LIMITS });
    const response = await waitTimes(shopId, '', null);
    expect(response.status).toBe(401);
  });

  it('answers not-found for an unknown shop', async () => {
    const response = await waitTimes('no-such-shop');
    expect(response.status).toBe(404);
  });
});
