import { rmSync } from 'node:fs';
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { LocalCloud } from '@coffee/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentTables } from '../src/aws/document-tables.js';
import { newDataDir, sdkConfig } from './support/local-cloud.js';

const TableName = 'documents';
const dataDir = newDataDir('documents');
let cloud: LocalCloud;
let raw: DynamoDBClient;
let tables: DocumentTables;

beforeAll(async () => {
  cloud = await LocalCloud.start({
    dataDir,
    edgePort: 0,
    outboxLog: () => undefined,
  });
  raw = new DynamoDBClient(sdkConfig(cloud));
  await raw.send(
    new CreateTableCommand({
      TableName,
      AttributeDefinitions: [
        { AttributeName: 'group', AttributeType: 'S' },
        { AttributeName: 'position', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'group', KeyType: 'HASH' },
        { AttributeName: 'position', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  // A new table takes items once it is ACTIVE.
  await waitUntilTableExists({ client: raw, maxWaitTime: 10, minDelay: 0.02, maxDelay: 0.1 }, { TableName });
  tables = new DocumentTables(new DynamoDBClient({ ...sdkConfig(cloud), cacheMiddleware: true }));
});
afterAll(async () => {
  await cloud?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('document tables', () => {
  it('store plain values and read them back as they were, leaving undefined out', async () => {
    const order = {
      group: 'round-trip',
      position: 1,
      name: 'Flat white',
      price: 3.5,
      open: true,
      madeBy: null,
      modifiers: { milk: 'Oat', size: undefined, shots: [1, 2] },
      note: undefined,
    };

    await tables.put({ TableName, Item: order });

    const { Item } = await tables.get({ TableName, Key: { group: 'round-trip', position: 1 } });
    const { note, modifiers, ...kept } = order;
    expect(Item).toStrictEqual({ ...kept, modifiers: { milk: 'Oat', shots: [1, 2] } });
    const stored = await raw.send(
      new GetItemCommand({ TableName, Key: { group: { S: 'round-trip' }, position: { N: '1' } } }),
    );
    expect(stored.Item?.price).toEqual({ N: '3.5' });
    expect(stored.Item).not.toHaveProperty('note');
  });

  it('answer no item for a missing key', async () => {
    expect((await tables.get({ TableName, Key: { group: 'nobody', position: 1 } })).Item).toBeUndefined();
  });

  it('update with values and return the item as asked, or refuse on a failed condition', async () => {
    await tables.put({ TableName, Item: { group: 'counter', position: 1, count: 1 } });

    const { Attributes } = await tables.update({
      TableName,
      Key: { group: 'counter', position: 1 },
      UpdateExpression: 'ADD #count :one SET tags = :tags',
      ConditionExpression: '#count < :limit',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':one': 1, ':limit': 2, ':tags': ['new'] },
      ReturnValues: 'ALL_NEW',
    });
    expect(Attributes).toEqual({ group: 'counter', position: 1, count: 2, tags: ['new'] });

    const again = tables.update({
      TableName,
      Key: { group: 'counter', position: 1 },
      UpdateExpression: 'ADD #count :one',
      ConditionExpression: '#count < :limit',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':one': 1, ':limit': 2 },
    });
    await expect(again).rejects.toBeInstanceOf(ConditionalCheckFailedException);
  });

  it('delete and return the deleted item', async () => {
    await tables.put({ TableName, Item: { group: 'gone', position: 1, name: 'Mocha' } });

    const { Attributes } = await tables.delete({
      TableName,
      Key: { group: 'gone', position: 1 },
      ReturnValues: 'ALL_OLD',
    });

    expect(Attributes).toEqual({ group: 'gone', position: 1, name: 'Mocha' });
    expect((await tables.get({ TableName, Key: { group: 'gone', position: 1 } })).Item).toBeUndefined();
  });

  it('query page after page from where the last ended, up to the most asked for', async () => {
    for (let position = 1; position <= 5; position++)
      await tables.put({ TableName, Item: { group: 'pages', position, size: position === 2 ? 'S' : 'L' } });
    const query = {
      TableName,
      KeyConditionExpression: '#group = :group',
      ExpressionAttributeNames: { '#group': 'group' },
      ExpressionAttributeValues: { ':group': 'pages' },
      Limit: 2,
    };
    const positions = (items: Record<string, unknown>[]) => items.map((item) => item.position);

    const all = await tables.queryUpTo(query, 10);
    const firstThree = await tables.queryUpTo(query, 3);
    const filtered = await tables.queryUpTo(
      {
        ...query,
        FilterExpression: '#size = :large',
        ExpressionAttributeNames: { ...query.ExpressionAttributeNames, '#size': 'size' },
        ExpressionAttributeValues: { ...query.ExpressionAttributeValues, ':large': 'L' },
      },
      3,
    );

    expect(positions(all)).toEqual([1, 2, 3, 4, 5]);
    expect(positions(firstThree)).toEqual([1, 2, 3]);
    // Pages of two evaluated items, the filter leaving [1], [3, 4]: the third is read on the second page.
    expect(positions(filtered)).toEqual([1, 3, 4]);
  });

  it('scan page after page through the whole table, up to the most asked for', async () => {
    for (let position = 1; position <= 4; position++)
      await tables.put({ TableName, Item: { group: 'scanned', position } });
    // Pages of two evaluated items, most of them other tests' groups, which the filter leaves out.
    const scan = {
      TableName,
      FilterExpression: '#group = :group',
      ExpressionAttributeNames: { '#group': 'group' },
      ExpressionAttributeValues: { ':group': 'scanned' },
      Limit: 2,
    };

    const all = await tables.scanUpTo(scan, 100);
    const firstThree = await tables.scanUpTo(scan, 3);

    expect(all.map((item) => item.position).sort()).toEqual([1, 2, 3, 4]);
    expect(firstThree).toHaveLength(3);
    expect(firstThree.every((item) => item.group === 'scanned')).toBe(true);
  });

  it('get many items at once, past the 100 keys of one call, leaving out the keys of no item', async () => {
    await Promise.all(
      Array.from({ length: 120 }, (_, position) =>
        tables.put({ TableName, Item: { group: 'batch', position, name: `drink ${position}` } }),
      ),
    );
    const Keys = Array.from({ length: 130 }, (_, position) => ({ group: 'batch', position }));

    const items = await tables.getMany({ TableName, Keys, ConsistentRead: true });
    const none = await tables.getMany({ TableName, Keys: [] });

    expect(items.map((item) => item.position).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 120 }, (_, position) => position),
    );
    expect(items.find((item) => item.position === 7)?.name).toBe('drink 7');
    expect(none).toEqual([]);
  });

  it('keep the inputs of concurrent calls apart on the cached middleware', async () => {
    const keys = Array.from({ length: 20 }, (_, position) => ({ group: 'many', position }));
    await Promise.all(
      keys.map((key) => tables.put({ TableName, Item: { ...key, name: `drink ${key.position}` } })),
    );

    const items = await Promise.all(keys.map((Key) => tables.get({ TableName, Key })));

    expect(items.map(({ Item }) => Item?.name)).toEqual(keys.map((key) => `drink ${key.position}`));
  });
});
