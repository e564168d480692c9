import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeTableCommand,
  DynamoDBClient,
  type Projection,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCloud } from '../../src/local-cloud.js';
import { createActiveTable, sdkConfig } from '../support/cloud.js';

const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-index-changes-'));
let cloud: LocalCloud;
let dynamodb: DynamoDBClient;
let tables = 0;

const start = async () => {
  cloud = await LocalCloud.start({ dataDir, edgePort: 0, outboxLog: () => undefined });
  // No retries: a refusal is seen as DynamoDB answered it.
  dynamodb = new DynamoDBClient({ ...sdkConfig(cloud.endpoint), maxAttempts: 1 });
};

beforeAll(start);
afterAll(async () => {
  dynamodb.destroy();
  await cloud.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A fresh table of tickets (`id`), each with a `state` and an `owner`, `count` of them in it. */
async function ticketsTable(count: number): Promise<string> {
  const TableName = `tickets-${tables++}`;
  await createActiveTable(dynamodb, {
    TableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  });
  for (let i = 0; i < count; i++)
    await dynamodb.send(
      new PutItemCommand({
        TableName,
        Item: { id: { S: `t${i}` }, state: { S: i % 2 ? 'open' : 'closed' }, owner: { S: `o${i % 3}` } },
      }),
    );
  return TableName;
}

/** Creates the index `byState` (`state`, then `id`) with `projection`. */
function createByState(TableName: string, projection: Projection = { ProjectionType: 'ALL' }) {
  return dynamodb.send(
    new UpdateTableCommand({
      TableName,
      AttributeDefinitions: [
        { AttributeName: 'state', AttributeType: 'S' },
        { AttributeName: 'id', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexUpdates: [
        {
          Create: {
            IndexName: 'byState',
            KeySchema: [
              { AttributeName: 'state', KeyType: 'HASH' },
              { AttributeName: 'id', KeyType: 'RANGE' },
            ],
            Projection: projection,
          },
        },
      ],
    }),
  );
}

async function idsInState(TableName: string, state: string): Promise<string[]> {
  const { Items = [] } = await dynamodb.send(
    new QueryCommand({
      TableName,
      IndexName: 'byState',
      KeyConditionExpression: '#state = :state',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':state': { S: state } },
    }),
  );
  return Items.map((item) => item.id?.S as string).sort();
}

/** The attribute names of each entry of the index `byState`. */
async function attributesInByState(TableName: string): Promise<string[][] | undefined> {
  const { Items } = await dynamodb.send(new ScanCommand({ TableName, IndexName: 'byState' }));
  return Items?.map((item) => Object.keys(item).sort());
}

async function indexesOf(TableName: string) {
  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName }));
  return (Table?.GlobalSecondaryIndexes ?? []).map(({ IndexName, IndexStatus, KeySchema, Projection }) => ({
    IndexName,
    IndexStatus,
    KeySchema,
    Projection,
  }));
}

describe('UpdateTable: creating a global secondary index', () => {
  it('fills it with the items already in the table, ACTIVE once UpdateTable answers', async () => {
    // Arrange
    const table = await ticketsTable(6);

    // Act
    await createByState(table);

    // Assert
    expect(await indexesOf(table)).toEqual([
      {
        IndexName: 'byState',
        IndexStatus: 'ACTIVE',
        KeySchema: [
          { AttributeName: 'state', KeyType: 'HASH' },
          { AttributeName: 'id', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
    expect(await idsInState(table, 'open')).toEqual(['t1', 't3', 't5']);
    expect(await idsInState(table, 'closed')).toEqual(['t0', 't2', 't4']);
  });

  it('projects what it is asked to: the keys alone, for KEYS_ONLY', async () => {
    const table = await ticketsTable(2);

    await createByState(table, { ProjectionType: 'KEYS_ONLY' });

    expect(await attributesInByState(table)).toEqual([
      ['id', 'state'],
      ['id', 'state'],
    ]);
  });

  it('is kept by the writes after it, and outlives a restart', async () => {
    // Arrange
    const table = await ticketsTable(4);
    await createByState(table);

    // Act
    await dynamodb.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { id: { S: 't0' } },
        UpdateExpression: 'SET #state = :open',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':open': { S: 'open' } },
      }),
    );
    dynamodb.destroy();
    await cloud.stop();
    await start();

    // Assert
    expect(await idsInState(table, 'open')).toEqual(['t0', 't1', 't3']);
    expect(await idsInState(table, 'closed')).toEqual(['t2']);
  });

  it('misses no item written while it is being created', async () => {
    // Arrange
    const table = await ticketsTable(200);
    let writing = true;
    let written = 200;
    const writer = (async () => {
      while (writing)
        await dynamodb.send(
          new PutItemCommand({ TableName: table, Item: { id: { S: `w${written++}` }, state: { S: 'new' } } }),
        );
    })();

    // Act
    await new Promise((resolve) => setTimeout(resolve, 20));
    await createByState(table);
    await new Promise((resolve) => setTimeout(resolve, 20));
    writing = false;
    await writer;

    // Assert
    const { Items = [] } = await dynamodb.send(new ScanCommand({ TableName: table, ConsistentRead: true }));
    const indexed = (await idsInState(table, 'new')).length + (await idsInState(table, 'open')).length;
    expect(indexed + (await idsInState(table, 'closed')).length).toBe(Items.length);
  });

  const noArrangement = async () => {};
  it.each([
    ['an index already there', (table: string) => createByState(table), createByState, 'ValidationException'],
    [
      'a key attribute not defined',
      noArrangement,
      (table: string) =>
        dynamodb.send(
          new UpdateTableCommand({
            TableName: table,
            GlobalSecondaryIndexUpdates: [
              {
                Create: {
                  IndexName: 'byOwner',
                  KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }],
                  Projection: { ProjectionType: 'ALL' },
                },
              },
            ],
          }),
        ),
      'ValidationException',
    ],
    [
      'two indexes in one request',
      noArrangement,
      (table: string) =>
        dynamodb.send(
          new UpdateTableCommand({
            TableName: table,
            AttributeDefinitions: [{ AttributeName: 'owner', AttributeType: 'S' }],
            GlobalSecondaryIndexUpdates: ['byOwner', 'byOwner2'].map((IndexName) => ({
              Create: {
                IndexName,
                KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' as const }],
                Projection: { ProjectionType: 'ALL' as const },
              },
            })),
          }),
        ),
      'LimitExceededException',
    ],
    [
      'an index to delete that is not there',
      noArrangement,
      (table: string) =>
        dynamodb.send(
          new UpdateTableCommand({
            TableName: table,
            GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'byNothing' } }],
          }),
        ),
      'ResourceNotFoundException',
    ],
    [
      'an index and a billing mode in one request',
      noArrangement,
      (table: string) =>
        dynamodb.send(
          new UpdateTableCommand({
            TableName: table,
            BillingMode: 'PAY_PER_REQUEST',
            GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'byNothing' } }],
          }),
        ),
      'ValidationException',
    ],
  ])('refuses %s, changing nothing', async (_case, arrange, request, error) => {
    // Arrange
    const table = await ticketsTable(1);
    await arrange(table);
    const before = await indexesOf(table);

    // Act
    const refusal = request(table);

    // Assert
    await expect(refusal).rejects.toMatchObject({ name: error });
    expect(await indexesOf(table)).toEqual(before);
  });

  it('refuses a table that is not there with ResourceNotFoundException', async () => {
    await expect(createByState('no-such-table')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('UpdateTable: deleting a global secondary index', () => {
  it('removes it and its entries, so that an index of the same name made again holds only what it should', async () => {
    // Arrange
    const table = await ticketsTable(3);
    await createByState(table);

    // Act
    await dynamodb.send(
      new UpdateTableCommand({
        TableName: table,
        GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'byState' } }],
      }),
    );

    // Assert
    expect(await indexesOf(table)).toEqual([]);
    await expect(idsInState(table, 'open')).rejects.toMatchObject({ name: 'ValidationException' });
    await createByState(table, { ProjectionType: 'KEYS_ONLY' });
    expect(await attributesInByState(table)).toEqual([
      ['id', 'state'],
      ['id', 'state'],
      ['id', 'state'],
    ]);
  });
});
