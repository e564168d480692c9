import { DescribeExecutionCommand, ListExecutionsCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventType } from '../src/contracts/events.js';
import { type DrinkChoice, type Order, OrderReason, OrderState } from '../src/contracts/orders.js';
import { TaskTokenFor } from '../src/orders/order-processor.js';
import { changeState } from '../src/orders/order-store.js';
import {
  signalDrinkChosen,
  signalOrderCancelled,
  signalOrderCompleted,
} from '../src/orders/workflow-signals.js';
import {
  arrangeOrder,
  arrangeShop,
  executionEnd,
  holdSlot,
  type OrderCloud,
  type OrderRef,
  orderWhen,
  putNewOrders,
  readCounters,
  readCustomer,
  readOrder,
  readSlotHolders,
  startOrderCloud,
} from './support/order-processor-cloud.js';
import { arrangeRemaining, readRemaining } from './support/shop-cloud.js';

/** The QR code period the arranged orders took their drink from. */
const CODE_PERIOD = 1_000;

const LATTE: DrinkChoice = { drinkId: 'latte', modifiers: { milk: 'Oat', size: 'Large' } };

let t: OrderCloud;

beforeAll(async () => {
  t = await startOrderCloud();
});
afterAll(async () => {
  await t?.stop();
});
afterEach(() => {
  // Every event the workflow put on the bus matches its schema in the contracts.
  expect(t.log.invalid).toEqual([]);
});

/** An order scanned from the code of {@link CODE_PERIOD}, which has 3 drinks left after it. */
async function orderFromCode(shopId: string): Promise<OrderRef> {
  const ref = await arrangeOrder(t.db, shopId, undefined, CODE_PERIOD);
  await arrangeRemaining(t.db, shopId, CODE_PERIOD, 3);
  return ref;
}

/** Starts the order's execution and waits until the customer may choose (the drink token is stored). */
async function admitted(ref: OrderRef) {
  await putNewOrders(t.events, [ref]);
  return orderWhen(t.db, ref.orderId, (order) => order.taskTokenFor === TaskTokenFor.Drink);
}

/** Answers the drink wait and waits until the barista may complete it (the completion token is stored). */
async function submitted(ref: OrderRef, drink: DrinkChoice = LATTE) {
  const order = await readOrder(t.db, ref.orderId);
  await signalDrinkChosen(String(order.taskToken), drink, t.sfn);
  return orderWhen(t.db, ref.orderId, (o) => o.taskTokenFor === TaskTokenFor.Completion);
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}

describe('OrderProcessor: admission', () => {
  it('admits an order, numbers it when the drink comes, completes it and releases the slot and the customer', async () => {
    // Arrange
    const shopId = await arrangeShop(t.db);
    const ref = await arrangeOrder(t.db, shopId);

    // Act: the validator's event
    const created = await admitted(ref);

    // Assert: CREATED, a slot taken, the token on the order and on the event
    expect(created).toMatchObject({ state: OrderState.Created, shopState: `${shopId}#CREATED` });
    expect(await readCounters(t.db, shopId)).toEqual({ openOrders: 1, orderNumber: 0 });
    const started = await t.log.waitFor(EventType.WorkflowStarted, ref.orderId);
    expect(started.detail).toEqual({ ...ref, taskToken: created.taskToken });

    // Act: the customer's drink
    const queued = await submitted(ref);

    // Assert: SUBMITTED with the drink and number 1
    expect(queued).toMatchObject({
      state: OrderState.Submitted,
      shopState: `${shopId}#SUBMITTED`,
      drink: LATTE,
      orderNumber: 1,
    });
    expect(queued.taskToken).not.toBe(created.taskToken);
    expect(queued.updatedAt >= created.updatedAt).toBe(true);
    const waiting = await t.log.waitFor(EventType.WaitingCompletion, ref.orderId);
    expect(waiting.detail).toEqual({ ...ref, orderNumber: 1, taskToken: queued.taskToken });

    // Act: the barista completes it
    await signalOrderCompleted(String(queued.taskToken), t.sfn);

    // Assert
    expect((await executionEnd(t.sfn, t.db, ref.orderId)).status).toBe('SUCCEEDED');
    const ready = await readOrder(t.db, ref.orderId);
    expect(ready).toMatchObject({ state: OrderState.Ready, shopState: `${shopId}#READY`, orderNumber: 1 });
    expect(ready.taskToken).toBeUndefined();
    expect(ready.taskTokenFor).toBeUndefined();
    expect(await readCounters(t.db, shopId)).toEqual({ openOrders: 0, orderNumber: 1 });
    expect(await readCustomer(t.db, ref)).toEqual({ dayCount: 1 });
    const finished = await t.log.waitFor(EventType.OrderFinished, ref.orderId);
    expect(finished.detail).toEqual({ ...ref, state: OrderState.Ready });
    expect(sorted(t.log.typesOf(ref.orderId))).toEqual(
      sorted([
        EventType.NewOrder,
        EventType.WorkflowStarted,
        EventType.WaitingCompletion,
        EventType.OrderFinished,
      ]),
    );
  });

  it.each([
    {
      case: 'the shop is closed',
      shop: { open: false },
      reason: OrderReason.ShopClosed,
      event: EventType.ShopUnavailable,
      openOrders: 0,
    },
    {
      case: 'the barista queue is full',
      shop: { limits: { capacity: 2 }, openOrders: 2 },
      reason: OrderReason.QueueFull,
      event: EventType.CapacityFull,
      openOrders: 2,
    },
  ])(
    'rejects an order when $case, takes no slot, and gives the customer their drink back and the code its drink',
    async (c) => {
      // Arrange: the code the order was scanned from has 3 drinks left after it
      const shopId = await arrangeShop(t.db, c.shop);
      const ref = await orderFromCode(shopId);

      // Act
      await putNewOrders(t.events, [ref]);

      // Assert
      expect((await executionEnd(t.sfn, t.db, ref.orderId)).status).toBe('SUCCEEDED');
      expect(await readOrder(t.db, ref.orderId)).toMatchObject({
        state: OrderState.Rejected,
        shopState: `${shopId}#REJECTED`,
        reason: c.reason,
      });
      expect(await readCounters(t.db, shopId)).toEqual({ openOrders: c.openOrders, orderNumber: 0 });
      expect(await readCustomer(t.db, ref)).toEqual({ dayCount: 0 });
      expect(await readRemaining(t.db, shopId, CODE_PERIOD)).toBe(4);
      expect((await t.log.waitFor(c.event, ref.orderId)).detail).toEqual(ref);
      expect((await t.log.waitFor(EventType.OrderFinished, ref.orderId)).detail).toEqual({
        ...ref,
        state: OrderState.Rejected,
      });
      expect(t.log.typesOf(ref.orderId)).not.toContain(EventType.WorkflowStarted);
    },
  );

  it('gives a rejected order’s drink back to its code once, however often the step runs', async () => {
    // Arrange: the drink was given back by a run of the step whose answer was lost
    const shopId = await arrangeShop(t.db, { open: false });
    const ref = await arrangeOrder(t.db, shopId, undefined, CODE_PERIOD);
    await t.db.send(
      new PutCommand({
        TableName: 'codes',
        Item: { shopId, period: CODE_PERIOD, remaining: 4, returnedBy: new Set([ref.orderId]) },
      }),
    );

    // Act
    await putNewOrders(t.events, [ref]);

    // Assert
    expect((await executionEnd(t.sfn, t.db, ref.orderId)).status).toBe('SUCCEEDED');
    expect(await readOrder(t.db, ref.orderId)).toMatchObject({ state: OrderState.Rejected });
    expect(await readRemaining(t.db, shopId, CODE_PERIOD)).toBe(4);
  });

  it('rejects an order placed before orders named their code, giving back no drink', async () => {
    // Arrange
    const shopId = await arrangeShop(t.db, { open: false });
    const ref = await arrangeOrder(t.db, shopId);
    await arrangeRemaining(t.db, shopId, CODE_PERIOD, 3);

    // Act
    await putNewOrders(t.events, [ref]);

    // Assert
    expect((await executionEnd(t.sfn, t.db, ref.orderId)).status).toBe('SUCCEEDED');
    expect(await readOrder(t.db, ref.orderId)).toMatchObject({ state: OrderState.Rejected });
    expect(await readRemaining(t.db, shopId, CODE_PERIOD)).toBe(3);
  });

  it('acts once on a NewOrder delivered twice', async () => {
    // Arrange
    const shopId = await arrangeShop(t.db);
    const ref = await arrangeOrder(t.db, shopId);

    // Act
    await putNewOrders(t.events, [ref]);
    await putNewOrders(t.events, [ref]);

    // Assert: two executions, one of which found the order claimed and ended at once
    const machine = t.cloud.resources?.stateMachines.orderProcessor;
    const statuses = async () => {
      const { executions = [] } = await t.sfn.send(new ListExecutionsCommand({ stateMachineArn: machine }));
      const described = await Promise.all(
        executions.map((e) => t.sfn.send(new DescribeExecutionCommand({ executionArn: e.executionArn }))),
      );
      return described
        .filter((e) => e.input?.includes(`"orderId":"${ref.orderId}"`))
        .map((e) => String(e.status));
    };
    const order = await orderWhen(t.db, ref.orderId, (o) => o.taskTokenFor === TaskTokenFor.Drink);
    expect(sorted(await statuses())).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(await readCounters(t.db, shopId)).toEqual({ openOrders: 1, orderNumber: 0 });
    expect(t.log.typesOf(ref.orderId).filter((type) => type === EventType.WorkflowStarted)).toHaveLength(1);

    // Clean up
    await signalOrderCancelled(String(order.taskToken), { by: 'customer' }, t.sfn);
    await executionEnd(t.sfn, t.db, ref.orderId);
  });

  it('counts a slot reserved twice once, and frees only its own (a task run again after a crash)', async () => {
    // Arrange: of 2 slots, one held by another order, one by this order's earlier, unrecorded run
    const shopId = await arrangeShop(t.db, { limits: { capacity: 2 }, openOrders: 1 });
    const [other] = await readSlotHolders(t.db, shopId);
    const ref = await arrangeOrder(t.db, shopId);
    await holdSlot(t.db, ref);

    // Act
    const created = await admitted(ref);

    // Assert: admitted on the slot it holds, not refused as full
    expect(created.state).toBe(OrderState.Created);
    expect(await readSlotHolders(t.db, shopId)).toEqual(sorted([String(other), ref.orderId]));

    // Act
    await signalOrderCancelled(String(created.taskToken), { by: 'customer' }, t.sfn);

    // Assert
    expect((await executionEnd(t.sfn, t.db, ref.orderId)).status).toBe('SUCCEEDED');
    expect(await readSlotHolders(t.db, shopId)).toEqual([other]);
  });

  it('admits exactly the capacity, 20, out of 100 orders arriving at once', async () => {
    // Arrange
    const shopId = await arrangeShop(t.db, { limits: { capacity: 20 } });
    const refs = await Promise.all(Array.from({ length: 100 }, () => arrangeOrder(t.db, shopId)));

    // Act
    await putNewOrders(t.events, refs);

    // Assert
    const states = await Promise.all(
      refs.map(async (ref) => {
        const order = await orderWhen(
          t.db,
          ref.orderId,
          (o) => o.state === OrderState.Rejected || o.taskTokenFor === TaskTokenFor.Drink,
          40_000,
        );
        return order.state;
      }),
    );
    expect(states.filter((state) => state === OrderState.Created)).toHaveLength(20);
    expect(states.filter((state) => state === OrderState.Rejected)).toHaveLength(80);
    expect(await readCounters(t.db, shopId)).toEqual({ openOrders: 20, orderNumber: 0 });

    // Act: cancelling the admitted ones frees the queue
    const admittedRefs = refs.filter((_, i) => states[i] === OrderState.Created);
    for (const ref of admittedRefs) {
      const order = await readOrder(t.db, ref.orderId);
      await signalOrderCancelled(String(order.taskToken), { by: 'customer' }, t.sfn);
    }
    await Promise.all(refs.map((ref) => executionEnd(t.sfn, t.db, ref.orderId, 40_000)));

    // Assert
    expect(await readCounters(t.db, shopId)).toEqual({ openOrders: 0, orderNumber: 0 });
  }, 90_000);
});

describe('OrderProcessor: order numbers', () => {
  it('numbers orders uniquely and increasingly, in the order the drinks come', async () => {
    // Arrange
    const shopId = await arrangeShop(t.db, { limits: { capacity: 10 } });
    const refs = await Promise.all(Array.from({ length: 6 }, () => arrangeOrder(t.db, shopId)));
    await putNewOrders(t.events, refs);
    await Promise.all(
      refs.map((ref) => orderWhen(t.db, ref.orderId, (o) => o.taskTokenFor === TaskTokenFor.Drink)),
    );
    const [first, second, third, ...rest] = refs as [OrderRef, OrderRef, OrderRef, ...OrderRef[]];

    // Act: three one after the other, then three at once
    const one = await submitted(first);
    const two = await submitted(second);
    const three = await submitted(third);
    const others = await Promise.all(rest.map((ref) => submitted(ref)));

    // Assert
    expect([one.orderNumber, two.orderNumber, three.orderNumber]).toEqual([1, 2, 3]);
    expect(others.map((o) => o.orderNumber).sort()).toEqual([4, 5, 6]);
    expect(await readCounters(t.db, shopId)).toEqual({ openOrders: 6, orderNumber: 6 });

    // Clean up
    for (const order of [one, two, three, ...others]) {
      await signalOrderCompleted(String(order.taskToken), t.sfn);
    }
    await Promise.all(refs.map((ref) => executionEnd(t.sfn, t.db, ref.orderId)));
    expect(await readCounters(t.db, shopId)).toEqual({ openOrders: 0, orderNumber: 6 });
  });
});

describe('OrderProcessor: cancellations and timeouts', () => {
  it('cancels the order of a customer who does not choose in time', async () => {
    // Arrange
    const shopId = await arrangeShop(t.db, { limits: { customerTimeoutSeconds: 1 } });
    const ref = await arrangeOrder(t.db, shopId);

    // Act
    await admitted(ref);

    // Assert
    expect((await executionEnd(t.sfn, t.db, ref.orderId)).status).toBe('SUCCEEDED');
    const order = await readOrder(t.db, ref.orderId);
    expect(order).toMatchObject({
      state: OrderState.Cancelled,
      shopState: `${shopId}#CANCELLED`,
      by: 'timeout',
      reason: OrderReason.CustomerTimeout,
    });
    expect(order.taskToken).toBeUndefined();
    expect((await t.log.waitFor(EventType.OrderTimedOut, ref.orderId)).detail).toEqual({
      ...ref,
      cause: 'customer-timeout',
    });
    expect((await t.log.waitFor(EventType.OrderFinished, ref.orderId)).detail).toEqual({
      ...ref,
      state: OrderState.Cancelled,
    });
    expect(await readCounters(t.db, shopId)).toEqual({ openOrders: 0, orderNumber: 0 });
    // The customer's own doing: the drink counts.
    expect(await readCustomer(t.db, ref)).toEqual({ dayCount: 1 });
  });

  it('cancels an order the barista does not complete in time, and gives the customer their drink back', async () => {
    // Arrange
    const shopId = await arrangeShop(t.db, { limits: { baristaTimeoutSeconds: 1 } });
    const ref = await arrangeOrder(t.db, shopId);
    await admitted(ref);

    // Act
    await submitted(ref);

    // Assert
    expect((await executionEnd(t.sfn, t.db, ref.orderId)).status).toBe('SUCCEEDED');
    expect(await readOrder(t.db, ref.orderId)).toMatchObject({
      state: OrderState.Cancelled,
      by: 'timeout',
      reason: OrderReason.BaristaTimeout,
      orderNumber: 1,
    });
    expect((await t.log.waitFor(EventType.OrderTimedOut, ref.orderId)).detail).toEqual({
      ...ref,
      cause: 'barista-timeout',
    });
    expect(await readCounters(t.db, shopId)).toEqual({ openOrders: 0, orderNumber: 1 });
    expect(await readCustomer(t.db, ref)).toEqual({ dayCount: 0 });
  });

  it('lets the customer cancel while choosing, with a reason', async () => {
    // Arrange
    const shopId = await arrangeShop(t.db);
    const ref = await arrangeOrder(t.db, shopId);
    const order = await admitted(ref);

    // Act
    await signalOrderCancelled(String(order.taskToken), { by: 'customer', reason: 'Changed my mind' }, t.sfn);

    // Assert
    expect((await executionEnd(t.sfn, t.db, ref.orderId)).status).toBe('SUCCEEDED');
    expect(await readOrder(t.db, ref.orderId)).toMatchObject({
      state: OrderState.Cancelled,
      shopState: `${shopId}#CANCELLED`,
      by: 'customer',
      reason: 'Changed my mind',
    });
    expect(await readCounters(t.db, shopId)).toEqual({ openOrders: 0, orderNumber: 0 });
    expect(await readCustomer(t.db, ref)).toEqual({ dayCount: 1 });
    expect((await t.log.waitFor(EventType.OrderFinished, ref.orderId)).detail).toEqual({
      ...ref,
      state: OrderState.Cancelled,
    });
    expect(t.log.typesOf(ref.orderId)).not.toContain(EventType.OrderTimedOut);
  });

  it('lets a barista cancel a queued order, and gives the customer their drink back', async () => {
    // Arrange
    const shopId = await arrangeShop(t.db);
    const ref = await arrangeOrder(t.db, shopId);
    await admitted(ref);
    const queued = await submitted(ref);

    // Act: no reason given
    await signalOrderCancelled(String(queued.taskToken), { by: 'barista' }, t.sfn);

    // Assert
    expect((await executionEnd(t.sfn, t.db, ref.orderId)).status).toBe('SUCCEEDED');
    expect(await readOrder(t.db, ref.orderId)).toMatchObject({
      state: OrderState.Cancelled,
      by: 'barista',
      reason: OrderReason.BaristaCancelled,
      orderNumber: 1,
    });
    expect(await readCounters(t.db, shopId)).toEqual({ openOrders: 0, orderNumber: 1 });
    expect(await readCustomer(t.db, ref)).toEqual({ dayCount: 0 });
  });

  it('cancels the order and still releases everything when the workflow is answered wrongly', async () => {
    // Arrange
    const shopId = await arrangeShop(t.db);
    const ref = await orderFromCode(shopId);
    const order = await admitted(ref);

    // Act: a success without a drink
    await t.sfn.send(new SendTaskSuccessCommand({ taskToken: String(order.taskToken), output: '{}' }));

    // Assert
    const execution = await executionEnd(t.sfn, t.db, ref.orderId);
    expect(execution.status).toBe('FAILED');
    expect(await readOrder(t.db, ref.orderId)).toMatchObject({
      state: OrderState.Cancelled,
      reason: OrderReason.OrderFailed,
    });
    expect(await readCounters(t.db, shopId)).toEqual({ openOrders: 0, orderNumber: 0 });
    expect(await readCustomer(t.db, ref)).toEqual({ dayCount: 0 });
    // Admitted, it used its code's drink, as an order the customer cancels does.
    expect(await readRemaining(t.db, shopId, CODE_PERIOD)).toBe(3);
    expect((await t.log.waitFor(EventType.OrderFinished, ref.orderId)).detail).toEqual({
      ...ref,
      state: OrderState.Cancelled,
    });
  });

  it('cancels an order the workflow fails on before admitting it, and gives the customer and the code their drinks back', async () => {
    // Arrange: a shop item the slot reservation cannot write (its slot holders are not a set: a
    // string, short enough to pass the capacity check)
    const shopId = await arrangeShop(t.db, { limits: { capacity: 100 } });
    await t.db.send(
      new UpdateCommand({
        TableName: 'shops',
        Key: { shopId },
        UpdateExpression: 'SET slotHolders = :broken',
        ExpressionAttributeValues: { ':broken': 'not a set' },
      }),
    );
    const ref = await orderFromCode(shopId);

    // Act
    await putNewOrders(t.events, [ref]);

    // Assert
    expect((await executionEnd(t.sfn, t.db, ref.orderId)).status).toBe('FAILED');
    expect(await readOrder(t.db, ref.orderId)).toMatchObject({
      state: OrderState.Cancelled,
      reason: OrderReason.OrderFailed,
    });
    expect(await readCustomer(t.db, ref)).toEqual({ dayCount: 0 });
    expect(await readRemaining(t.db, shopId, CODE_PERIOD)).toBe(4);
    expect((await t.log.waitFor(EventType.OrderFinished, ref.orderId)).detail).toEqual({
      ...ref,
      state: OrderState.Cancelled,
    });
    expect(t.log.typesOf(ref.orderId)).not.toContain(EventType.WorkflowStarted);
    expect(t.log.typesOf(ref.orderId)).not.toContain(EventType.ShopUnavailable);
    expect(t.log.typesOf(ref.orderId)).not.toContain(EventType.CapacityFull);
  });
});

describe('OrderProcessor with the orders API', () => {
  it('keeps the states the API recorded itself (drink, make, complete) and finishes', async () => {
    // Arrange
    const shopId = await arrangeShop(t.db);
    const ref = await arrangeOrder(t.db, shopId);
    const created = await admitted(ref);
    const asOrder = (o: Order): Order => ({
      orderId: o.orderId,
      shopId: o.shopId,
      userId: o.userId,
      state: o.state,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
      ...(o.orderNumber !== undefined && { orderNumber: o.orderNumber }),
      ...(o.drink !== undefined && { drink: o.drink }),
    });
    const at = () => new Date().toISOString();

    // Act: PUT /drink records SUBMITTED, then answers the workflow
    const before = asOrder(created);
    expect(
      await changeState(before, { ...before, state: OrderState.Submitted, drink: LATTE, updatedAt: at() }),
    ).toBeDefined();
    await signalDrinkChosen(String(created.taskToken), LATTE, t.sfn);
    const queued = await orderWhen(t.db, ref.orderId, (o) => o.taskTokenFor === TaskTokenFor.Completion);
    // make, then complete
    const making = { ...asOrder(queued), state: OrderState.Making, updatedAt: at() };
    expect(await changeState(asOrder(queued), making)).toBeDefined();
    expect(await changeState(asOrder(queued), making)).toBeUndefined();
    expect(await changeState(making, { ...making, state: OrderState.Ready, updatedAt: at() })).toBeDefined();
    await signalOrderCompleted(String(queued.taskToken), t.sfn);

    // Assert
    expect((await executionEnd(t.sfn, t.db, ref.orderId)).status).toBe('SUCCEEDED');
    const ready = await readOrder(t.db, ref.orderId);
    expect(ready).toMatchObject({ state: OrderState.Ready, shopState: `${shopId}#READY`, orderNumber: 1 });
    expect(ready.taskToken).toBeUndefined();
    expect(await readCounters(t.db, shopId)).toEqual({ openOrders: 0, orderNumber: 1 });
    expect((await t.log.waitFor(EventType.OrderFinished, ref.orderId)).detail).toEqual({
      ...ref,
      state: OrderState.Ready,
    });
  });

  it('never lets a late or repeated token event put back a spent token', async () => {
    // Arrange: an order waiting for the barista
    const shopId = await arrangeShop(t.db);
    const ref = await arrangeOrder(t.db, shopId);
    const created = await admitted(ref);
    const queued = await submitted(ref);
    const envelope = { version: '0', id: 'e-1', source: 'coffee.shop', time: new Date().toISOString() };

    // Act
    const late = await t.cloud.lambda.invoke('tokenRecorder', {
      ...envelope,
      'detail-type': EventType.WorkflowStarted,
      detail: { ...ref, taskToken: created.taskToken },
    });
    const repeated = await t.cloud.lambda.invoke('tokenRecorder', {
      ...envelope,
      'detail-type': EventType.WaitingCompletion,
      detail: { ...ref, orderNumber: queued.orderNumber, taskToken: queued.taskToken },
    });

    // Assert
    expect([late, repeated]).toEqual(['over', 'recorded']);
    expect(await readOrder(t.db, ref.orderId)).toMatchObject({
      taskToken: queued.taskToken,
      taskTokenFor: TaskTokenFor.Completion,
    });

    // Clean up
    await signalOrderCompleted(String(queued.taskToken), t.sfn);
    await executionEnd(t.sfn, t.db, ref.orderId);
  });
});

describe('OrderProcessor across a restart', () => {
  it('completes a waiting order and times out a choosing one after the local cloud restarts', async () => {
    // Arrange: one order in the barista queue, one customer choosing with 2 s to go
    const queueShop = await arrangeShop(t.db);
    const waitingRef = await arrangeOrder(t.db, queueShop);
    await admitted(waitingRef);
    const queued = await submitted(waitingRef);
    const slowShop = await arrangeShop(t.db, { limits: { customerTimeoutSeconds: 2 } });
    const choosingRef = await arrangeOrder(t.db, slowShop);
    await admitted(choosingRef);

    // Act
    await t.restart();
    await signalOrderCompleted(String(queued.taskToken), t.sfn);

    // Assert
    expect((await executionEnd(t.sfn, t.db, waitingRef.orderId)).status).toBe('SUCCEEDED');
    expect(await readOrder(t.db, waitingRef.orderId)).toMatchObject({
      state: OrderState.Ready,
      orderNumber: 1,
    });
    expect((await executionEnd(t.sfn, t.db, choosingRef.orderId)).status).toBe('SUCCEEDED');
    expect(await readOrder(t.db, choosingRef.orderId)).toMatchObject({
      state: OrderState.Cancelled,
      reason: OrderReason.CustomerTimeout,
    });
    expect(await readCounters(t.db, queueShop)).toEqual({ openOrders: 0, orderNumber: 1 });
    expect(await readCounters(t.db, slowShop)).toEqual({ openOrders: 0, orderNumber: 0 });
    await t.log.waitFor(EventType.OrderFinished, waitingRef.orderId);
    await t.log.waitFor(EventType.OrderFinished, choosingRef.orderId);
  });
});
