import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCloud } from '../../src/local-cloud.js';
import { createActiveTable } from '../support/cloud.js';

const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-ttl-'));
let cloud: LocalCloud;
let dynamodb: DynamoDBClient;

const start = async () => {
  cloud = await LocalCloud.start({ dataDir, edgePort: 0, outboxLog: () => undefined });
  dynamodb = new DynamoDBClient({
    endpoint: cloud.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
};

beforeAll(async () => {
  await start();
  await createActiveTable(dynamodb, {
    TableName: 'keys',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'key', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'key', KeyType: 'HASH' }],
  });
});
afterAll(async () => {
  dynamodb.destroy();
  await cloud.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const seconds = (offset: number) => String(Math.floor(Date.now() / 1000) + offset);
const exists = async (key: string) =>
  (await dynamodb.send(new GetItemCommand({ TableName: 'keys', Key: { key: { S: key } } }))).Item !==
  undefined;

describe('DynamoDB Time to Live', () => {
  it('is disabled until enabled, and says so', async () => {
    const before = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: 'keys' }));

    await dynamodb.send(
      new UpdateTimeToLiveCommand({
        TableName: 'keys',
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      }),
    );

    expect(before.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'DISABLED' });
    expect(
      (await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: 'keys' }))).TimeToLiveDescription,
    ).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('refuses a missing table and enabling twice, with AWS’s error names', async () => {
    const spec = { AttributeName: 'expiresAt', Enabled: true };
    await expect(
      dynamodb.send(new UpdateTimeToLiveCommand({ TableName: 'nope', TimeToLiveSpecification: spec })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(
      dynamodb.send(new UpdateTimeToLiveCommand({ TableName: 'keys', TimeToLiveSpecification: spec })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('sweeps the items whose time has passed, and only those', async () => {
    const put = (key: string, item: Record<string, { N: string } | { S: string }>) =>
      dynamodb.send(new PutItemCommand({ TableName: 'keys', Item: { key: { S: key }, ...item } }));
    await put('expired', { expiresAt: { N: seconds(-10) } });
    await put('current', { expiresAt: { N: seconds(3600) } });
    await put('timeless', {});
    await put('not-a-number', { expiresAt: { S: '1' } });

    const deleted = await cloud.dynamodb.timeToLive.sweep();

    expect(deleted).toBe(1);
    expect({
      expired: await exists('expired'),
      current: await exists('current'),
      timeless: await exists('timeless'),
      notANumber: await exists('not-a-number'),
    }).toEqual({ expired: false, current: true, timeless: true, notANumber: true });
  });

  it('keeps its setting across a restart', async () => {
    dynamodb.destroy();
    await cloud.stop();
    await start();

    const described = await dynamodb.send(new DescribeTimeToLiveCommand({ TableName: 'keys' }));

    expect(described.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED');
  });
});
