import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readShop } from '../src/config/shop-store.js';
import { Api, type OrderListResponse, pathFor, RETRY_AFTER_SECONDS } from '../src/contracts/api.js';
import { EventType } from '../src/contracts/events.js';
import { type OrderDetail, OrderDetailSchema, OrderState } from '../src/contracts/orders.js';
import { StaffGroup } from '../src/contracts/roles.js';
import { shopConfigTopic, shopQueueTopic, userOrdersTopic } from '../src/contracts/topics.js';
import { type Actor, type OrderAction, transition } from '../src/orders/domain/index.js';
import { toOrder } from '../src/orders/order-service.js';
import {
  changeState,
  MAX_LISTED_ORDERS,
  shopStateKey,
  getOrder as storedOrder,
} from '../src/orders/order-store.js';
import { createUser, errorOf } from './support/api-cloud.js';
import {
  arrangeOrder,
  arrangeShop,
  eventually,
  executionEnd,
  putNewOrders,
  readCounters,
  readCustomer,
} from './support/order-processor-cloud.js';
import { type ShopCloud, type Subscriber, startShopCloud } from './support/shop-cloud.js';

const LATTE = { drinkId: 'latte', modifiers: { milk: 'Oat', size: 'Large' } };
/** Hour-long codes, so no test straddles a rotation; a roomy queue. */
const LIMITS = { codeSeconds: 3600, drinksPerCode: 50, capacity: 20, dailyLimit: 5 };

let t: ShopCloud;
let display: string;
let barista: string;
let secondBarista: string;

beforeAll(async () => {
  t = await startShopCloud('orders');
  await createUser(t.idp, t.poolId, 'barista-two', [StaffGroup.barista]);
  [display, barista, secondBarista] = await Promise.all([
    t.idToken('display'),
    t.idToken('barista'),
    t.idToken('barista-two'),
  ]);
}, 30_000);
afterAll(async () => {
  await t?.stop();
});
afterEach(() => {
  expect(t.log.invalid).toEqual([]);
});

const shop = (limits: Record<string, number> = {}) => arrangeShop(t.db, { limits: { ...LIMITS, ...limits } });

/** What a request answered: the status and the JSON body. */
async function answer(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A customer scans the display's code and orders; answers once the workflow has admitted the order. */
async function admittedOrder(shopId: string, customer?: { userId: string; token: string }) {
  const who = customer ?? (await t.newCustomer());
  const code = (await (
    await t.call('GET', pathFor(Api.getQrCode, { shopId }), { token: display })
  ).json()) as { token: string };
  const placed = await t.call('POST', pathFor(Api.placeOrder, { shopId }), {
    token: who.token,
    body: { token: code.token },
  });
  expect(placed.status).toBe(202);
  const { orderId } = (await placed.json()) as { orderId: string };
  const order = await eventually(
    () => getOrder(orderId, who.token),
    (o) => o.state !== OrderState.Pending,
  );
  expect(order.state).toBe(OrderState.Created);
  return { ...who, orderId, shopId };
}

async function getOrder(orderId: string, token: string): Promise<OrderDetail> {
  const response = await t.call('GET', pathFor(Api.getOrder, { orderId }), { token });
  expect(response.status).toBe(200);
  return OrderDetailSchema.strict().parse(await response.json());
}

const act = (
  action: 'make' | 'unmake' | 'complete' | 'cancel',
  orderId: string,
  token: string,
  body?: unknown,
) => t.call('POST', `/api/orders/${orderId}/${action}`, { token, ...(body !== undefined && { body }) });

const chooseDrink = (orderId: string, token: string, body: unknown = LATTE) =>
  t.call('PUT', pathFor(Api.submitDrink, { orderId }), { token, body });

async function queue(shopId: string, state: OrderState, token = barista): Promise<string[]> {
  const response = await t.call('GET', `${pathFor(Api.listShopOrders, { shopId })}?state=${state}`, {
    token,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as OrderListResponse).orders.map((o) => o.orderId);
}

async function openOrders(shopId: string): Promise<number> {
  return (await readCounters(t.db, shopId)).openOrders;
}

/** The order once its number is issued. */
const numbered = (orderId: string, token: string) =>
  eventually(
    () => getOrder(orderId, token),
    (o) => o.orderNumber !== undefined,
  );

function typesOf(subscriber: Subscriber, orderId: string): string[] {
  return subscriber.messages.filter((m) => m.payload.detail.orderId === orderId).map((m) => m.payload.type);
}

describe('an order from scan to pickup, through the API and MQTT', () => {
  it('is chosen, numbered, made and completed, live on the customer’s and the queue’s topics', async () => {
    // Arrange
    const shopId = await shop();
    const customer = await t.newCustomer();
    const mine = await t.subscribe(customer.token, userOrdersTopic(customer.userId));
    const staff = await t.subscribe(display, shopQueueTopic(shopId));
    const { orderId } = await admittedOrder(shopId, customer);

    // Act: the customer chooses, the barista makes and completes
    const chosen = await answer(await chooseDrink(orderId, customer.token));
    const { orderNumber } = await numbered(orderId, customer.token);
    const inQueue = await queue(shopId, OrderState.Submitted);
    const made = await answer(await act('make', orderId, barista));
    const making = await queue(shopId, OrderState.Making, display);
    const completed = await answer(await act('complete', orderId, barista));

    // Assert: each answer, the queue, the customer's history
    expect(chosen).toMatchObject({ status: 200, body: { state: OrderState.Submitted, drink: LATTE } });
    expect(orderNumber).toBeGreaterThan(0);
    expect(inQueue).toContain(orderId);
    expect(made).toMatchObject({ status: 200, body: { state: OrderState.Making, orderNumber } });
    expect(making).toContain(orderId);
    expect(completed).toMatchObject({ status: 200, body: { state: OrderState.Ready, orderNumber } });
    const history = await answer(await t.call('GET', Api.listMyOrders.path, { token: customer.token }));
    expect(history.body.orders).toEqual([expect.objectContaining({ orderId, state: OrderState.Ready })]);
    expect(await queue(shopId, OrderState.Making)).not.toContain(orderId);

    // Assert: the workflow ended, the slot and the customer are released
    expect((await executionEnd(t.sfn, t.db, orderId)).status).toBe('SUCCEEDED');
    expect(await openOrders(shopId)).toBe(0);
    expect(
      (await readCustomer(t.db, { shopId, orderId, userId: customer.userId })).openOrderId,
    ).toBeUndefined();

    // Assert: both topics told the whole story, without a task token
    const story = [
      EventType.WorkflowStarted,
      EventType.OrderSubmitted,
      EventType.WaitingCompletion,
      EventType.MakeOrder,
      EventType.OrderCompleted,
      EventType.OrderFinished,
    ];
    for (const subscriber of [mine, staff]) {
      await subscriber.waitFor((m) => m.payload.type === EventType.OrderFinished);
      expect(typesOf(subscriber, orderId)).toEqual(expect.arrayContaining(story));
      expect(JSON.stringify(subscriber.messages)).not.toContain('taskToken');
    }
    const done = mine.messages.find((m) => m.payload.type === EventType.OrderCompleted);
    expect(done?.payload.detail.order).toMatchObject({ state: OrderState.Ready, orderNumber });
  });

  it('answers a repeated action with the unchanged order', async () => {
    // Arrange
    const shopId = await shop();
    const { orderId, token } = await admittedOrder(shopId);
    await chooseDrink(orderId, token);
    await numbered(orderId, token);

    // Act
    const drinkAgain = await answer(await chooseDrink(orderId, token));
    await act('make', orderId, barista);
    const makeAgain = await answer(await act('make', orderId, barista));
    await act('complete', orderId, barista);
    const completeAgain = await answer(await act('complete', orderId, barista));

    // Assert
    expect(drinkAgain).toMatchObject({ status: 200, body: { state: OrderState.Submitted } });
    expect(makeAgain).toMatchObject({ status: 200, body: { state: OrderState.Making } });
    expect(completeAgain).toMatchObject({ status: 200, body: { state: OrderState.Ready } });
  });

  it('lets a barista release an order back to the queue', async () => {
    // Arrange
    const shopId = await shop();
    const { orderId, token } = await admittedOrder(shopId);
    await chooseDrink(orderId, token);
    await numbered(orderId, token);
    const neverMade = await errorOf(await act('unmake', orderId, barista));
    await act('make', orderId, barista);

    // Act
    const released = await answer(await act('unmake', orderId, barista));
    const releasedAgain = await answer(await act('unmake', orderId, barista));

    // Assert: back in the new column, and another barista may claim it
    expect(neverMade).toMatchObject({ status: 409, code: 'invalid-transition' });
    expect(released).toMatchObject({ status: 200, body: { state: OrderState.Submitted } });
    expect(releasedAgain).toMatchObject({ status: 200, body: { state: OrderState.Submitted } });
    expect(await queue(shopId, OrderState.Submitted)).toContain(orderId);
    expect((await act('make', orderId, secondBarista)).status).toBe(200);
  });

  it('tells a customer in the queue how many orders come before theirs, as the baristas’ queue lists them', async () => {
    // Arrange: three customers in the queue, in the order they scanned
    const shopId = await shop();
    const first = await admittedOrder(shopId);
    const second = await admittedOrder(shopId);
    const third = await admittedOrder(shopId);
    for (const customer of [third, first, second]) await chooseDrink(customer.orderId, customer.token);
    await Promise.all([first, second, third].map((customer) => numbered(customer.orderId, customer.token)));

    // Act
    const before = await Promise.all([first, second, third].map((c) => getOrder(c.orderId, c.token)));
    await act('make', first.orderId, barista);
    const after = await Promise.all([first, second, third].map((c) => getOrder(c.orderId, c.token)));

    // Assert: the queue's order, whoever chose first; none once a barista makes it
    expect(before.map((order) => order.ahead)).toEqual([0, 1, 2]);
    expect(await queue(shopId, OrderState.Submitted)).toEqual([second.orderId, third.orderId]);
    expect(after.map((order) => order.ahead)).toEqual([undefined, 0, 1]);
  });
});

describe('a shop’s lists of orders', () => {
  it('hold every order of an open state and the newest of a final one, oldest first', async () => {
    // Arrange: more orders ready than a list answers, and a queue longer than that
    const shopId = await shop();
    const stored = (state: OrderState, count: number) =>
      Array.from({ length: count }, (_, i) => {
        const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
        const orderId = `${shopId}-${state}-${i}`;
        return {
          orderId,
          shopId,
          userId: `user-${i}`,
          state,
          shopState: shopStateKey(shopId, state),
          createdAt: at,
          updatedAt: at,
        };
      });
    const ready = stored(OrderState.Ready, MAX_LISTED_ORDERS + 20);
    const submitted = stored(OrderState.Submitted, MAX_LISTED_ORDERS + 100);
    const items = [...ready, ...submitted];
    for (let i = 0; i < items.length; i += 25)
      await t.db.send(
        new BatchWriteCommand({
          RequestItems: { orders: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
        }),
      );

    // Act
    const [readyListed, submittedListed] = [
      await queue(shopId, OrderState.Ready),
      await queue(shopId, OrderState.Submitted),
    ];

    // Assert
    expect(readyListed).toEqual(ready.slice(20).map((order) => order.orderId));
    expect(submittedListed).toEqual(submitted.map((order) => order.orderId));
  });
});

describe('the customer’s drink', () => {
  it.each([
    ['an unknown drink', { drinkId: 'tea', modifiers: {} }, 400, 'drink-unknown'],
    ['an option the drink lacks', { drinkId: 'latte', modifiers: { milk: 'Cream' } }, 400, 'option-invalid'],
    ['a malformed body', { drink: 'latte' }, 400, 'invalid-request'],
  ])('refuses %s, keeping the order CREATED', async (_, body, status, code) => {
    // Arrange
    const shopId = await shop();
    const { orderId, token } = await admittedOrder(shopId);

    // Act
    const refused = await errorOf(await chooseDrink(orderId, token, body));

    // Assert
    expect(refused).toMatchObject({ status, code });
    expect((await getOrder(orderId, token)).state).toBe(OrderState.Created);
  });

  it('refuses a drink the baristas marked unavailable', async () => {
    // Arrange
    const shopId = await shop();
    const { orderId, token } = await admittedOrder(shopId);
    await t.call('PUT', pathFor(Api.setDrinkAvailability, { shopId, drinkId: 'latte' }), {
      token: barista,
      body: { available: false },
    });

    // Act
    const refused = await errorOf(await chooseDrink(orderId, token));

    // Assert
    expect(refused).toMatchObject({ status: 409, code: 'drink-unavailable' });
  });

  it('answers the retryable not-ready while the workflow has not admitted the order', async () => {
    // Arrange: an order the validator wrote, whose workflow has not started
    const shopId = await shop();
    const customer = await t.newCustomer();
    const ref = await arrangeOrder(t.db, shopId, customer.userId);

    // Act
    const response = await chooseDrink(ref.orderId, customer.token);

    // Assert
    expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(await errorOf(response)).toMatchObject({ status: 409, code: 'not-ready' });
  });

  it('is refused once the order is in the queue with another drink', async () => {
    // Arrange
    const shopId = await shop();
    const { orderId, token } = await admittedOrder(shopId);
    await chooseDrink(orderId, token);

    // Act
    const refused = await errorOf(await chooseDrink(orderId, token, { drinkId: 'mocha', modifiers: {} }));

    // Assert
    expect(refused).toMatchObject({ status: 409, code: 'invalid-transition' });
  });
});

describe('who may do what to an order', () => {
  it('hides an order from other customers and refuses the wrong roles, in DESIGN’s order', async () => {
    // Arrange
    const shopId = await shop();
    const { orderId, token } = await admittedOrder(shopId);
    const stranger = await t.newCustomer();

    // Act
    const answers = {
      anonymous: await errorOf(await t.call('GET', pathFor(Api.getOrder, { orderId }))),
      strangerReads: await errorOf(
        await t.call('GET', pathFor(Api.getOrder, { orderId }), { token: stranger.token }),
      ),
      strangerChooses: await errorOf(await chooseDrink(orderId, stranger.token)),
      strangerCancels: await errorOf(await act('cancel', orderId, stranger.token)),
      customerMakes: await errorOf(await act('make', orderId, token)),
      displayMakes: await errorOf(await act('make', orderId, display)),
      displayCancels: await errorOf(await act('cancel', orderId, display)),
      baristaChooses: await errorOf(await chooseDrink(orderId, barista)),
      missing: await errorOf(
        await t.call('GET', pathFor(Api.getOrder, { orderId: 'no-such-order' }), { token }),
      ),
      customerListsQueue: await errorOf(
        await t.call('GET', `${pathFor(Api.listShopOrders, { shopId })}?state=SUBMITTED`, { token }),
      ),
      badState: await errorOf(
        await t.call('GET', `${pathFor(Api.listShopOrders, { shopId })}?state=BREWING`, { token: barista }),
      ),
    };

    // Assert
    expect(answers).toMatchObject({
      anonymous: { status: 401, code: 'unauthenticated' },
      strangerReads: { status: 404, code: 'not-found' },
      strangerChooses: { status: 404, code: 'not-found' },
      strangerCancels: { status: 404, code: 'not-found' },
      customerMakes: { status: 403, code: 'forbidden' },
      displayMakes: { status: 403, code: 'forbidden' },
      displayCancels: { status: 403, code: 'forbidden' },
      baristaChooses: { status: 403, code: 'forbidden' },
      missing: { status: 404, code: 'not-found' },
      customerListsQueue: { status: 403, code: 'forbidden' },
      badState: { status: 400, code: 'invalid-request' },
    });
    expect((await getOrder(orderId, display)).state).toBe(OrderState.Created);
  });
});

describe('cancelling', () => {
  it('by the customer while choosing ends the workflow and frees the customer to order again', async () => {
    // Arrange
    const shopId = await shop();
    const customer = await t.newCustomer();
    const { orderId } = await admittedOrder(shopId, customer);

    // Act
    const cancelled = await answer(await act('cancel', orderId, customer.token));
    const again = await answer(await act('cancel', orderId, customer.token));

    // Assert
    expect(cancelled).toMatchObject({
      status: 200,
      body: { state: OrderState.Cancelled, by: 'customer', reason: 'customer-cancelled' },
    });
    expect(again).toMatchObject({ status: 200, body: { state: OrderState.Cancelled } });
    expect((await executionEnd(t.sfn, t.db, orderId)).status).toBe('SUCCEEDED');
    expect(await openOrders(shopId)).toBe(0);
    const next = await admittedOrder(shopId, customer);
    expect(next.orderId).not.toBe(orderId);
  });

  it('by a barista, with a reason the customer sees live', async () => {
    // Arrange
    const shopId = await shop();
    const customer = await t.newCustomer();
    const mine = await t.subscribe(customer.token, userOrdersTopic(customer.userId));
    const { orderId } = await admittedOrder(shopId, customer);
    await chooseDrink(orderId, customer.token);
    await numbered(orderId, customer.token);
    await act('make', orderId, barista);

    // Act
    const cancelled = await answer(await act('cancel', orderId, barista, { reason: 'Out of oat milk' }));

    // Assert
    expect(cancelled).toMatchObject({
      status: 200,
      body: { state: OrderState.Cancelled, by: 'barista', reason: 'Out of oat milk' },
    });
    const told = await mine.waitFor((m) => m.payload.type === EventType.OrderCancelled);
    expect(told.payload.detail).toMatchObject({ orderId, by: 'barista', reason: 'Out of oat milk' });
    expect((await executionEnd(t.sfn, t.db, orderId)).status).toBe('SUCCEEDED');
    expect(await openOrders(shopId)).toBe(0);
    expect((await act('complete', orderId, barista)).status).toBe(409);
  });
});

describe('races', () => {
  it('gives an order to exactly one of two baristas claiming it at once', async () => {
    // Arrange
    const shopId = await shop();
    const { orderId, token } = await admittedOrder(shopId);
    await chooseDrink(orderId, token);
    await numbered(orderId, token);

    // Act
    const claims = await Promise.all([act('make', orderId, barista), act('make', orderId, secondBarista)]);

    // Assert
    expect(claims.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('settles complete racing cancel on one outcome, which the workflow records too', async () => {
    // Arrange: several orders being made
    const shopId = await shop();
    const orders = await Promise.all(Array.from({ length: 4 }, () => admittedOrder(shopId)));
    for (const { orderId, token } of orders) {
      await chooseDrink(orderId, token);
      await numbered(orderId, token);
      await act('make', orderId, barista);
    }

    // Act
    const outcomes = await Promise.all(
      orders.map(async ({ orderId, token }) => {
        const [complete, cancel] = await Promise.all([
          act('complete', orderId, barista),
          act('cancel', orderId, token),
        ]);
        return { orderId, complete: complete.status, cancel: cancel.status };
      }),
    );

    // Assert: one winner each, the order in the winner's state, every execution ended and every slot free
    for (const { orderId, complete, cancel } of outcomes) {
      expect([complete, cancel].sort()).toEqual([200, 409]);
      const final = await getOrder(orderId, barista);
      expect(final.state).toBe(complete === 200 ? OrderState.Ready : OrderState.Cancelled);
      expect((await executionEnd(t.sfn, t.db, orderId)).status).toBe('SUCCEEDED');
    }
    expect(await openOrders(shopId)).toBe(0);
  });
});

describe('timeouts', () => {
  it('tells the customer how long they have to choose: the limit of when the order started, as the workflow waits', async () => {
    // Arrange
    const shopId = await shop({ customerTimeoutSeconds: 120 });
    const { orderId, token } = await admittedOrder(shopId);

    // Act: a barista lengthens the wait of later orders
    const changed = await t.call('PUT', pathFor(Api.updateLimits, { shopId }), {
      token: barista,
      body: { customerTimeoutSeconds: 600 },
    });

    // Assert
    expect(changed.status).toBe(200);
    expect(await getOrder(orderId, token)).toMatchObject({ state: OrderState.Created, chooseSeconds: 120 });
  });

  it('cancels an order whose customer never chose, telling them why', async () => {
    // Arrange: a one-second choice (written to the shop directly: the API's bounds start at 5 s)
    const shopId = await shop({ customerTimeoutSeconds: 1 });
    const customer = await t.newCustomer();
    const mine = await t.subscribe(customer.token, userOrdersTopic(customer.userId));
    const ref = await arrangeOrder(t.db, shopId, customer.userId);

    // Act
    await putNewOrders(t.events, [ref]);

    // Assert
    const told = await mine.waitFor((m) => m.payload.type === EventType.OrderTimedOut, 10_000);
    expect(told.payload.detail).toMatchObject({ orderId: ref.orderId, cause: 'customer-timeout' });
    expect(await getOrder(ref.orderId, customer.token)).toMatchObject({
      state: OrderState.Cancelled,
      by: 'timeout',
      reason: 'customer-timeout',
    });
    expect(await openOrders(shopId)).toBe(0);
  });
});

describe('live config', () => {
  it('reaches anonymous subscribers of the shop’s config topic when a barista closes the shop', async () => {
    // Arrange
    const shopId = await shop();
    const anyone = await t.subscribe(undefined, shopConfigTopic(shopId));

    // Act
    await t.call('PUT', pathFor(Api.setShopOpen, { shopId }), { token: barista, body: { open: false } });

    // Assert
    const told = await anyone.waitFor((m) => m.payload.type === EventType.ConfigChanged);
    expect(told.topic).toBe(shopConfigTopic(shopId));
    expect(told.payload.detail).toMatchObject({ shopId, changes: ['open'], config: { open: false } });
  });
});

describe('a restart in the middle of open orders', () => {
  it('keeps every order where it was, and each goes on to its end', async () => {
    // Arrange: one order choosing, one in the queue, one being made
    const shopId = await shop();
    const choosing = await admittedOrder(shopId);
    const queued = await admittedOrder(shopId);
    const making = await admittedOrder(shopId);
    for (const order of [queued, making]) {
      await chooseDrink(order.orderId, order.token);
      await numbered(order.orderId, order.token);
    }
    await act('make', making.orderId, barista);
    const before = await Promise.all(
      [choosing, queued, making].map(({ orderId }) => getOrder(orderId, barista)),
    );

    // Act
    await t.restart();

    // Assert: the same orders, and the workflow answers each of them
    const after = await Promise.all(
      [choosing, queued, making].map(({ orderId }) => getOrder(orderId, barista)),
    );
    expect(after).toEqual(before);
    expect((await chooseDrink(choosing.orderId, choosing.token)).status).toBe(200);
    const { orderNumber } = await numbered(choosing.orderId, choosing.token);
    expect(orderNumber).toBeGreaterThan(Math.max(...before.map((o) => o.orderNumber ?? 0)));
    expect((await act('complete', making.orderId, barista)).status).toBe(200);
    for (const { orderId } of [queued, choosing]) {
      expect((await act('make', orderId, barista)).status).toBe(200);
      expect((await act('complete', orderId, barista)).status).toBe(200);
    }
    for (const { orderId } of [choosing, queued, making]) {
      expect((await executionEnd(t.sfn, t.db, orderId)).status).toBe('SUCCEEDED');
    }
    expect(await openOrders(shopId)).toBe(0);
  });
});

describe('an answer lost in a crash', () => {
  /** Waits the workflow would otherwise keep for ten minutes. */
  const PATIENT = { customerTimeoutSeconds: 600, baristaTimeoutSeconds: 600 };
  const baristaActor = { kind: 'barista', userId: 'barista' } as const;

  /**
   * Writes what the orders API writes for `action`, and no more: as when the process dies after the
   * write and before it answers the workflow's wait.
   */
  async function writeOnly(orderId: string, action: OrderAction, actor: Actor): Promise<void> {
    const item = await storedOrder(orderId);
    if (!item) throw new Error(`No order ${orderId}`);
    const result = transition(toOrder(item), action, actor, new Date());
    if (!result.ok) throw result.error;
    const ends = action.type === 'complete' || action.type === 'cancel';
    expect(await changeState(toOrder(item), result.order, ends ? { madeBy: null } : {})).toBeDefined();
  }

  /** A new customer's order at `shopId`, chosen, numbered and claimed by the barista. */
  async function orderBeingMade(shopId: string) {
    const customer = await t.newCustomer();
    const { orderId } = await admittedOrder(shopId, customer);
    await chooseDrink(orderId, customer.token);
    await numbered(orderId, customer.token);
    expect((await act('make', orderId, barista)).status).toBe(200);
    return { orderId, customer };
  }

  it.each([
    ['a completion', 'complete'],
    ['a barista’s cancellation', 'cancel'],
  ] as const)(
    '%s reaches the workflow at the next start, which frees the slot and the customer',
    async (_, type) => {
      // Arrange: an order being made
      const shopId = await shop(PATIENT);
      const { orderId, customer } = await orderBeingMade(shopId);
      await writeOnly(orderId, { type }, baristaActor);

      // Act
      await t.restart();

      // Assert
      expect((await executionEnd(t.sfn, t.db, orderId)).status).toBe('SUCCEEDED');
      expect((await getOrder(orderId, customer.token)).state).toBe(
        type === 'complete' ? OrderState.Ready : OrderState.Cancelled,
      );
      expect(await openOrders(shopId)).toBe(0);
      expect((await admittedOrder(shopId, customer)).orderId).not.toBe(orderId);
      expect((await storedOrder(orderId))?.taskToken).toBeUndefined();
    },
  );

  it('a chosen drink reaches the workflow at the next start: the order is numbered, not timed out', async () => {
    // Arrange: an order whose drink is recorded but was never told to the workflow
    const shopId = await shop(PATIENT);
    const customer = await t.newCustomer();
    const { orderId } = await admittedOrder(shopId, customer);
    const menu = (await readShop(shopId))?.menu ?? [];
    await writeOnly(
      orderId,
      { type: 'submit-drink', drink: LATTE, menu },
      { kind: 'customer', userId: customer.userId },
    );

    // Act
    await t.restart();

    // Assert
    const order = await numbered(orderId, customer.token);
    expect(order).toMatchObject({ state: OrderState.Submitted, drink: LATTE });
    expect((await act('make', orderId, barista)).status).toBe(200);
    expect((await act('complete', orderId, barista)).status).toBe(200);
    expect((await executionEnd(t.sfn, t.db, orderId)).status).toBe('SUCCEEDED');
  });

  it('a barista repeating the completion sends the answer again, without a restart', async () => {
    // Arrange
    const shopId = await shop(PATIENT);
    const { orderId } = await orderBeingMade(shopId);
    await writeOnly(orderId, { type: 'complete' }, baristaActor);

    // Act
    const repeated = await answer(await act('complete', orderId, barista));

    // Assert
    expect(repeated).toMatchObject({ status: 200, body: { state: OrderState.Ready } });
    expect((await executionEnd(t.sfn, t.db, orderId)).status).toBe('SUCCEEDED');
    expect(await openOrders(shopId)).toBe(0);
  });
});
