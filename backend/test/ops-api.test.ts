import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { Api, OrderHistoryResponseSchema, pathFor, WorkflowResponseSchema } from '../src/contracts/api.js';
import { arrangeShop, eventually } from './support/order-processor-cloud.js';
import { LATTE, orderWaitingForBarista, ROOMY_LIMITS, useStaffedShopCloud } from './support/shop-cloud.js';

const shop = useStaffedShopCloud('ops');

const numberedOrder = (shopId: string) => orderWaitingForBarista(shop.t, shopId, shop.display, LATTE);

async function readOrder(orderId: string): Promise<Record<string, unknown>> {
  const { Item } = await shop.t.db.send(
    new GetCommand({ TableName: 'orders', Key: { orderId }, ConsistentRead: true }),
  );
  return Item ?? {};
}

async function workflow(token = shop.barista) {
  const response = await shop.t.call('GET', pathFor(Api.getWorkflow, {}), { token });
  expect(response.status).toBe(200);
  return WorkflowResponseSchema.parse(await response.json());
}

describe('GET /api/ops/workflow', () => {
  it('answers the OrderProcessor’s ASL and counts running executions by their current state', async () => {
    // Arrange: one order waiting for the barista
    const shopId = await arrangeShop(shop.t.db, { limits: ROOMY_LIMITS });
    const { orderId } = await numberedOrder(shopId);

    // Act
    const answer = await eventually(workflow, (w) => w.counts.WaitForCompletion === 1);

    // Assert
    expect(answer.definition.StartAt).toBe('ReadOrderRefs');
    expect(answer.definition.States.WaitForCompletion?.Type).toBe('Task');
    expect(answer.definition.States.IsShopOpen?.Choices?.length).toBeGreaterThan(0);
    expect(answer.running).toBe(1);
    expect(answer.counts).toEqual({ WaitForCompletion: 1 });
    expect(answer.name).toBeTruthy();

    // Act: the barista makes and completes it; the execution ends
    expect(
      (await shop.t.call('POST', pathFor(Api.makeOrder, { orderId }), { token: shop.barista })).status,
    ).toBe(200);
    const done = await shop.t.call('POST', pathFor(Api.completeOrder, { orderId }), { token: shop.barista });
    expect(done.status).toBe(200);
    const after = await eventually(workflow, (w) => w.running === 0);

    // Assert
    expect(after.counts).toEqual({});
  });

  it.each([
    { who: 'anonymous', status: 401, code: 'unauthenticated' },
    { who: 'display', status: 403, code: 'forbidden' },
    { who: 'customer', status: 403, code: 'forbidden' },
  ])('refuses $who ($status)', async ({ who, status, code }) => {
    // Arrange
    const token =
      who === 'display' ? shop.display : who === 'customer' ? (await shop.t.newCustomer()).token : undefined;

    // Act
    const response = await shop.t.call('GET', '/api/ops/workflow', token ? { token } : {});

    // Assert
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  });
});

describe('GET /api/ops/orders/{orderId}/history', () => {
  it('answers the order’s execution history, oldest first, with no task token in it', async () => {
    // Arrange
    const shopId = await arrangeShop(shop.t.db, { limits: ROOMY_LIMITS });
    const { orderId } = await numberedOrder(shopId);
    const item = await readOrder(orderId);

    // Act
    const response = await shop.t.call('GET', pathFor(Api.getOrderHistory, { orderId }), {
      token: shop.barista,
    });
    const text = await response.text();

    // Assert
    expect(response.status).toBe(200);
    const history = OrderHistoryResponseSchema.parse(JSON.parse(text));
    expect(history).toMatchObject({
      orderId,
      executionArn: item.executionId,
      status: 'RUNNING',
      truncated: false,
    });
    expect(history.events[0]).toMatchObject({ id: 1, type: 'ExecutionStarted' });
    expect(history.events[0]?.input).toContain(orderId);
    const entered = history.events.filter((e) => e.type.endsWith('StateEntered')).map((e) => e.stateName);
    expect(entered.slice(0, 2)).toEqual(['ReadOrderRefs', 'ClaimOrder']);
    expect(entered.at(-1)).toBe('WaitForCompletion');
    const scheduled = history.events.filter(
      (e) => e.type === 'TaskScheduled' && e.stateName === 'WaitForCompletion',
    );
    expect(scheduled[0]?.resource).toContain('putEvents');
    expect(scheduled[0]?.parameters).toContain('[redacted]');
    expect(typeof item.taskToken).toBe('string');
    expect(text).not.toContain(item.taskToken as string);
    const times = history.events.map((e) => Date.parse(e.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('answers not-found for an unknown order', async () => {
    const response = await shop.t.call('GET', pathFor(Api.getOrderHistory, { orderId: 'no-such-order' }), {
      token: shop.barista,
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not-found');
  });

  it('answers not-found, saying why, for an order whose workflow history has expired', async () => {
    // Arrange: an order whose execution Step Functions no longer keeps, as 90 days after it ended.
    const shopId = await arrangeShop(shop.t.db, { limits: ROOMY_LIMITS });
    const item = await readOrder((await numberedOrder(shopId)).orderId);
    const orderId = randomUUID();
    const executionId = String(item.executionId).replace(/[^:]+$/, `expired-${orderId}`);
    await shop.t.db.send(new PutCommand({ TableName: 'orders', Item: { ...item, orderId, executionId } }));

    // Act
    const response = await shop.t.call('GET', pathFor(Api.getOrderHistory, { orderId }), {
      token: shop.barista,
    });

    // Assert
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        code: 'not-found',
        message: 'The workflow of this order is gone: Step Functions keeps a finished workflow for 90 days.',
      },
    });
  });

  it('refuses the display', async () => {
    const response = await shop.t.call('GET', pathFor(Api.getOrderHistory, { orderId: 'any' }), {
      token: shop.display,
    });
    expect(response.status).toBe(403);
  });
});
