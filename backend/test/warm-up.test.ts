import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DescribeExecutionCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, type PlaceOrderResponse, pathFor, type QrCodeResponse } from '../src/contracts/api.js';
import { DEFAULT_SHOP_ID } from '../src/contracts/config.js';
import { EventType } from '../src/contracts/events.js';
import { OrderState } from '../src/contracts/orders.js';
import { StaffGroup } from '../src/contracts/roles.js';
import { shopQueueTopic } from '../src/contracts/topics.js';
import { WARM_UP_CUSTOMERS, WARM_UP_ROUNDS } from '../src/warm-up/warm-up.js';
import { createUser } from './support/api-cloud.js';
import { leftBehind } from './support/left-behind.js';
import { arrangeOrder, arrangeShop, eventually } from './support/order-processor-cloud.js';
import {
  LATTE,
  orderWaitingForBarista,
  ROOMY_LIMITS,
  type ShopCloud,
  startShopCloud,
} from './support/shop-cloud.js';

describe('the warm-up at start (npm start runs it)', () => {
  let t: ShopCloud;
  beforeAll(async () => {
    t = await startShopCloud('warm-up', { warmUp: true });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('has sent every order of its scratch shop through the whole flow before the cloud is up', async () => {
    // Act
    const { executions = [] } = await t.sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: t.cloud.resources?.stateMachines.orderProcessor,
        maxResults: 1000,
      }),
    );
    const inputs = await Promise.all(
      executions.map(async ({ executionArn }) => {
        const described = await t.sfn.send(new DescribeExecutionCommand({ executionArn }));
        return JSON.parse(described.input ?? '{}') as { detail?: { shopId?: string } };
      }),
    );

    // Assert
    expect(executions).toHaveLength(WARM_UP_CUSTOMERS * WARM_UP_ROUNDS);
    expect(new Set(executions.map((execution) => execution.status))).toEqual(new Set(['SUCCEEDED']));
    const shops = new Set(inputs.map((input) => input.detail?.shopId));
    expect(shops.size).toBe(1);
    expect([...shops][0]).toMatch(/^warm-up-[0-9a-f]{8}$/);
  });

  it('leaves no item in any table and no account but the staff', async () => {
    // Act
    const left = await leftBehind(t);

    // Assert
    expect(left).toEqual({ items: [], usernames: ['barista', 'display'], running: 0 });
  });

  it('clears, at the next start, what a warm-up cut off part-way left: its open orders end, its items and accounts go', async () => {
    // Arrange: what a crash amid a warm-up leaves — its shop, its accounts, an order waiting for its
    // drink, one whose acceptance was cut off before its workflow was started, and one cancelled
    // whose workflow never got the answer (the crash fell between the write and the answer)
    const shopId = await arrangeShop(t.db, { shopId: 'warm-up-0ff1ce00', limits: ROOMY_LIMITS });
    await createUser(t.idp, t.poolId, `${shopId}.barista`, [StaffGroup.barista]);
    await createUser(t.idp, t.poolId, `${shopId}.customer-0`, []);
    await createUser(t.idp, t.poolId, `${shopId}.customer-1`, []);
    await createUser(t.idp, t.poolId, `${shopId}.customer-2`, []);
    const [barista, customer, cutOff, unanswered] = await Promise.all([
      t.idToken(`${shopId}.barista`),
      t.idToken(`${shopId}.customer-0`),
      t.idToken(`${shopId}.customer-1`),
      t.idToken(`${shopId}.customer-2`),
    ]);
    await arrangeOrder(t.db, shopId, String(decodeJwt(cutOff).sub));
    const code = (await (
      await t.call('GET', pathFor(Api.getQrCode, { shopId }), { token: barista })
    ).json()) as QrCodeResponse;
    const waitingForDrink = async (token: string) => {
      const placed = await t.call('POST', pathFor(Api.placeOrder, { shopId }), {
        token,
        body: { token: code.token },
      });
      const { orderId } = (await placed.json()) as PlaceOrderResponse;
      const { Item } = await eventually(
        () => t.db.send(new GetCommand({ TableName: 'orders', Key: { orderId }, ConsistentRead: true })),
        (read) => read.Item?.state === OrderState.Created && read.Item.taskToken !== undefined,
      );
      return { orderId, executionId: (Item as { executionId: string }).executionId };
    };
    const { executionId } = await waitingForDrink(customer);
    const lost = await waitingForDrink(unanswered);
    // Cancelled as the orders API writes it: the task token stays on the order for the answer.
    await t.db.send(
      new UpdateCommand({
        TableName: 'orders',
        Key: { orderId: lost.orderId },
        UpdateExpression: 'SET #state = :cancelled, shopState = :shopState, #by = :customer',
        ExpressionAttributeNames: { '#state': 'state', '#by': 'by' },
        ExpressionAttributeValues: {
          ':cancelled': OrderState.Cancelled,
          ':shopState': `${shopId}#${OrderState.Cancelled}`,
          ':customer': 'customer',
        },
      }),
    );
    // A customer whose address looks the part is no leftover.
    const fan = 'warm-up-fan.jo@example.com';
    await t.idp.send(
      new AdminCreateUserCommand({
        UserPoolId: t.poolId,
        Username: fan,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: fan }],
      }),
    );

    // Act
    await t.restart();

    // Assert
    const execution = await t.sfn.send(new DescribeExecutionCommand({ executionArn: executionId }));
    expect(execution.status).toBe('SUCCEEDED');
    expect(await leftBehind(t)).toEqual({ items: [], usernames: ['barista', 'display', fan], running: 0 });
  });

  it("leaves the real shop as a fresh install has it: the first order is number 1, and its queue holds nothing of the warm-up's", async () => {
    // Arrange
    const display = await t.idToken('display');
    const queue = await t.subscribe(display, shopQueueTopic(DEFAULT_SHOP_ID));

    // Act
    const { orderId, customer } = await orderWaitingForBarista(t, DEFAULT_SHOP_ID, display, LATTE);
    await queue.waitFor(
      (message) =>
        message.payload.detail.orderId === orderId && message.payload.type === EventType.WaitingCompletion,
    );

    // Assert
    const order = await (
      await t.call('GET', pathFor(Api.getOrder, { orderId }), { token: customer.token })
    ).json();
    expect(order).toMatchObject({ shopId: DEFAULT_SHOP_ID, orderNumber: 1, state: 'SUBMITTED' });
    expect(queue.messages.filter((message) => message.payload.detail.orderId !== orderId)).toEqual([]);
  });
});
