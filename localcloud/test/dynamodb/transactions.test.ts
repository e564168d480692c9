import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DynamoDBClient,
  GetItemCommand,
  IdempotentParameterMismatchException,
  PutItemCommand,
  QueryCommand,
  ResourceNotFoundException,
  TransactGetItemsCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandInput,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCloud } from '../../src/local-cloud.js';
import { createActiveTable, sdkConfig } from '../support/cloud.js';

const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-transact-'));
let cloud: LocalCloud;
let dynamodb: DynamoDBClient;

const start = async () => {
  cloud = await LocalCloud.start({ dataDir, edgePort: 0, outboxLog: () => undefined });
  // No retries: a refusal is seen as DynamoDB answered it.
  dynamodb = new DynamoDBClient({ ...sdkConfig(cloud.endpoint), maxAttempts: 1 });
};

beforeAll(async () => {
  await start();
  await createActiveTable(dynamodb, {
    TableName: 'wallets',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  });
  await createActiveTable(dynamodb, {
    TableName: 'orders',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'orderId', AttributeType: 'S' },
      { AttributeName: 'shopState', AttributeType: 'S' },
    ],
    KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'byShopState',
        KeySchema: [{ AttributeName: 'shopState', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  });
});
afterAll(async () => {
  dynamodb.destroy();
  await cloud.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const putWallet = (id: string, balance: number, extra: Record<string, { S: string }> = {}) =>
  dynamodb.send(
    new PutItemCommand({
      TableName: 'wallets',
      Item: { id: { S: id }, balance: { N: String(balance) }, ...extra },
    }),
  );

const wallet = async (id: string) =>
  (
    await dynamodb.send(
      new GetItemCommand({ TableName: 'wallets', Key: { id: { S: id } }, ConsistentRead: true }),
    )
  ).Item;

const balance = async (id: string) => Number((await wallet(id))?.balance?.N);

/** An update taking `amount` from a wallet that holds at least that much. */
const take = (id: string, amount = 1) => ({
  Update: {
    TableName: 'wallets',
    Key: { id: { S: id } },
    UpdateExpression: 'SET balance = balance - :amount',
    ConditionExpression: 'balance >= :amount',
    ExpressionAttributeValues: { ':amount': { N: String(amount) } },
  },
});

/** An update giving `amount` to a wallet. */
const give = (id: string, amount = 1) => ({
  Update: {
    TableName: 'wallets',
    Key: { id: { S: id } },
    UpdateExpression: 'ADD balance :amount',
    ExpressionAttributeValues: { ':amount': { N: String(amount) } },
  },
});

const transact = (input: TransactWriteItemsCommandInput) =>
  dynamodb.send(new TransactWriteItemsCommand(input));

/** The error a transaction is refused with. */
const refusal = (input: TransactWriteItemsCommandInput) =>
  transact(input).then(
    () => undefined,
    (error: unknown) => error,
  );

/** Wallets read in one `TransactGetItems`: as they stood at one moment. */
const readTogether = async (ids: string[], projection?: string) =>
  (
    await dynamodb.send(
      new TransactGetItemsCommand({
        TransactItems: ids.map((id) => ({
          Get: { TableName: 'wallets', Key: { id: { S: id } }, ProjectionExpression: projection },
        })),
      }),
    )
  ).Responses?.map((response) => response.Item);

describe('DynamoDB TransactWriteItems and TransactGetItems', () => {
  it('applies a put, an update, a delete and a condition check together, across tables', async () => {
    await putWallet('ana', 10);
    await putWallet('ben', 0);
    await putWallet('old', 3);
    await putWallet('guard', 1);

    const answer = await transact({
      TransactItems: [
        take('ana', 4),
        {
          Put: {
            TableName: 'orders',
            Item: { orderId: { S: 'o-1' }, shopState: { S: 'shop-1#PENDING' }, wallet: { S: 'ana' } },
            ConditionExpression: 'attribute_not_exists(orderId)',
          },
        },
        { Delete: { TableName: 'wallets', Key: { id: { S: 'old' } } } },
        {
          ConditionCheck: {
            TableName: 'wallets',
            Key: { id: { S: 'guard' } },
            ConditionExpression: 'balance = :one',
            ExpressionAttributeValues: { ':one': { N: '1' } },
          },
        },
      ],
    });

    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(await balance('ana')).toBe(6);
    expect(await wallet('old')).toBeUndefined();
    // The condition check wrote nothing: the item is as it was.
    expect(await wallet('guard')).toEqual({ id: { S: 'guard' }, balance: { N: '1' } });
    const order = await dynamodb.send(
      new GetItemCommand({ TableName: 'orders', Key: { orderId: { S: 'o-1' } }, ConsistentRead: true }),
    );
    expect(order.Item?.wallet).toEqual({ S: 'ana' });
  });

  it('writes nothing when one condition fails, and names each action’s reason', async () => {
    await putWallet('cat', 2);
    await putWallet('dan', 0);

    const error = await refusal({
      TransactItems: [
        give('dan', 5),
        take('cat', 3),
        {
          Put: {
            TableName: 'orders',
            Item: { orderId: { S: 'o-never' }, shopState: { S: 'shop-1#PENDING' } },
          },
        },
      ],
    });

    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons).toEqual([
      { Code: 'None' },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
      { Code: 'None' },
    ]);
    expect((error as Error).message).toContain('[None, ConditionalCheckFailed, None]');
    expect(await balance('dan')).toBe(0);
    expect(await balance('cat')).toBe(2);
    const order = await dynamodb.send(
      new GetItemCommand({ TableName: 'orders', Key: { orderId: { S: 'o-never' } }, ConsistentRead: true }),
    );
    expect(order.Item).toBeUndefined();
  });

  it('returns the item a condition failed on when asked (ReturnValuesOnConditionCheckFailure ALL_OLD)', async () => {
    await putWallet('eve', 1, { owner: { S: 'Eve' } });

    const error = await refusal({
      TransactItems: [
        { Update: { ...take('eve', 2).Update, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
      ],
    });

    expect((error as TransactionCanceledException).CancellationReasons).toEqual([
      {
        Code: 'ConditionalCheckFailed',
        Message: 'The conditional request failed',
        Item: { id: { S: 'eve' }, balance: { N: '1' }, owner: { S: 'Eve' } },
      },
    ]);
  });

  it('moves an item between partitions of a global secondary index', async () => {
    await transact({
      TransactItems: [
        {
          Put: { TableName: 'orders', Item: { orderId: { S: 'o-gsi' }, shopState: { S: 'shop-2#PENDING' } } },
        },
      ],
    });
    await transact({
      TransactItems: [
        {
          Update: {
            TableName: 'orders',
            Key: { orderId: { S: 'o-gsi' } },
            UpdateExpression: 'SET shopState = :next',
            ExpressionAttributeValues: { ':next': { S: 'shop-2#SUBMITTED' } },
          },
        },
        give('ana', 1),
      ],
    });

    const inState = async (shopState: string) =>
      (
        await dynamodb.send(
          new QueryCommand({
            TableName: 'orders',
            IndexName: 'byShopState',
            KeyConditionExpression: 'shopState = :state',
            ExpressionAttributeValues: { ':state': { S: shopState } },
          }),
        )
      ).Items?.map((item) => item.orderId?.S);
    expect(await inState('shop-2#PENDING')).toEqual([]);
    expect(await inState('shop-2#SUBMITTED')).toEqual(['o-gsi']);
  });

  it('cancels with ValidationError when an update cannot apply to the item, writing nothing', async () => {
    await putWallet('fay', 5, { name: { S: 'Fay' } });
    await putWallet('gil', 5);

    const error = await refusal({
      TransactItems: [
        give('gil', 1),
        {
          Update: {
            TableName: 'wallets',
            Key: { id: { S: 'fay' } },
            UpdateExpression: 'ADD #name :one',
            ExpressionAttributeNames: { '#name': 'name' },
            ExpressionAttributeValues: { ':one': { N: '1' } },
          },
        },
      ],
    });

    expect((error as TransactionCanceledException).CancellationReasons?.map((reason) => reason.Code)).toEqual(
      ['None', 'ValidationError'],
    );
    expect([await balance('gil'), (await wallet('fay'))?.name]).toEqual([5, { S: 'Fay' }]);
  });

  it('refuses a malformed transaction as a whole with ValidationException', async () => {
    const before = await balance('ana');
    const refusals = await Promise.all([
      refusal({ TransactItems: [] }),
      refusal({ TransactItems: Array.from({ length: 101 }, (_, i) => give(`w-${i}`)) }),
      refusal({ TransactItems: [give('ana'), take('ana')] }),
      refusal({
        TransactItems: [{ ...give('ana'), Delete: { TableName: 'wallets', Key: { id: { S: 'ben' } } } }],
      }),
      refusal({ TransactItems: [{ Update: { TableName: 'wallets', Key: { id: { S: 'ana' } } } }] as never }),
      refusal({
        TransactItems: [{ ConditionCheck: { TableName: 'wallets', Key: { id: { S: 'ana' } } } }] as never,
      }),
      refusal({ TransactItems: [{ Update: { ...give('ana').Update, Key: { nope: { S: 'x' } } } }] }),
      refusal({ TransactItems: [{ Update: { ...give('ana').Update, UpdateExpression: 'ADD' } }] }),
    ]);

    for (const error of refusals) expect((error as Error).name).toBe('ValidationException');
    expect((refusals[2] as Error).message).toBe(
      'Transaction request cannot include multiple operations on one item',
    );
    expect((refusals[3] as Error).message).toBe(
      'TransactItems can only contain one of Check, Put, Update or Delete',
    );
    expect(await balance('ana')).toBe(before);
  });

  it('answers ResourceNotFoundException for a table that does not exist', async () => {
    const before = await balance('ana');
    const error = await refusal({
      TransactItems: [give('ana'), { Delete: { TableName: 'no-such-table', Key: { id: { S: 'x' } } } }],
    });

    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(await balance('ana')).toBe(before);
  });

  it('applies a request repeated with the same ClientRequestToken once, and refuses the token for another request', async () => {
    await putWallet('gus', 0);
    const once = { TransactItems: [give('gus', 1)], ClientRequestToken: 'gus-token-1' };

    await transact(once);
    await transact(once);
    const mismatch = await refusal({ TransactItems: [give('gus', 2)], ClientRequestToken: 'gus-token-1' });

    expect(await balance('gus')).toBe(1);
    expect(mismatch).toBeInstanceOf(IdempotentParameterMismatchException);
  });

  it('keeps concurrent transfers whole: no transfer half-applied, none lost, none overdrawn', async () => {
    await putWallet('left', 30);
    await putWallet('right', 30);
    const transfers = Array.from({ length: 80 }, (_, i) =>
      i % 2 === 0
        ? transact({ TransactItems: [take('left'), give('right')] })
        : transact({ TransactItems: [give('left'), take('right')] }),
    );
    const sums: number[] = [];
    const reader = (async () => {
      for (let i = 0; i < 20; i++) {
        const [left, right] = (await readTogether(['left', 'right'])) ?? [];
        sums.push(Number(left?.balance?.N) + Number(right?.balance?.N));
      }
    })();

    const settled = await Promise.allSettled(transfers);
    await reader;

    expect(settled.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(await balance('left')).toBe(30);
    expect(await balance('right')).toBe(30);
    expect(sums.every((sum) => sum === 60)).toBe(true);
  });

  it('reads several items in one TransactGetItems: absent ones empty, with a projection', async () => {
    await putWallet('jay', 4, { holder: { S: 'Jay' } });

    expect(await readTogether(['jay', 'nobody'])).toEqual([
      { id: { S: 'jay' }, balance: { N: '4' }, holder: { S: 'Jay' } },
      undefined,
    ]);
    expect(await readTogether(['jay'], 'holder')).toEqual([{ holder: { S: 'Jay' } }]);
    const twice = await dynamodb
      .send(
        new TransactGetItemsCommand({
          TransactItems: [
            { Get: { TableName: 'wallets', Key: { id: { S: 'jay' } } } },
            { Get: { TableName: 'wallets', Key: { id: { S: 'jay' } } } },
          ],
        }),
      )
      .catch((error: Error) => error);
    expect((twice as Error).name).toBe('ValidationException');
  });

  it('keeps what it committed across a restart', async () => {
    await transact({ TransactItems: [give('hal', 7), give('ida', 3)] });

    dynamodb.destroy();
    await cloud.stop();
    await start();

    expect([await balance('hal'), await balance('ida')]).toEqual([7, 3]);
  });

  it('refuses a transaction that overdraws under a rush exactly as often as it must', async () => {
    await putWallet('stock', 10);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        transact({
          TransactItems: [
            take('stock'),
            {
              Put: {
                TableName: 'orders',
                Item: { orderId: { S: `rush-${i}` }, shopState: { S: 'rush#PENDING' } },
              },
            },
          ],
        }),
      ),
    );

    const admitted = results.filter((result) => result.status === 'fulfilled').length;
    const refused = results.filter(
      (result) => result.status === 'rejected' && result.reason instanceof TransactionCanceledException,
    ).length;
    const orders = await dynamodb.send(
      new QueryCommand({
        TableName: 'orders',
        IndexName: 'byShopState',
        KeyConditionExpression: 'shopState = :state',
        ExpressionAttributeValues: { ':state': { S: 'rush#PENDING' } },
      }),
    );
    expect([admitted, refused]).toEqual([10, 30]);
    expect(await balance('stock')).toBe(0);
    expect(orders.Items).toHaveLength(10);
  });
});
