import { ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DescribeExecutionCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, pathFor } from '../src/contracts/api.js';
import { DEFAULT_SHOP_ID } from '../src/contracts/config.js';
import { EventType } from '../src/contracts/events.js';
import { shopQueueTopic } from '../src/contracts/topics.js';
import { resources } from '../src/resources.js';
import { WARM_UP_CUSTOMERS, WARM_UP_ROUNDS } from '../src/warm-up/warm-up.js';
import { LATTE, orderWaitingForBarista, type ShopCloud, startShopCloud } from './support/shop-cloud.js';

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
    const items = await Promise.all(
      Object.keys(resources.tables).map(async (table) => ({
        table,
        items: (await t.db.send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items,
      })),
    );
    const { Users = [] } = await t.idp.send(new ListUsersCommand({ UserPoolId: t.poolId }));

    // Assert
    expect(items.filter((table) => (table.items ?? []).length > 0)).toEqual([]);
    expect(Users.map((user) => user.Username).sort()).toEqual(['barista', 'display']);
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
