import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type LocalCloudProcess, startLocalCloudProcess } from '@coffee/localcloud/process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leftBehind, runningExecutions } from '../support/left-behind.js';
import { BACKEND_DIR, newDataDir } from '../support/local-cloud.js';

const dataDir = newDataDir('warm-up-crash');
let shop: LocalCloudProcess;
let clients: { db: DynamoDBDocumentClient; idp: CognitoIdentityProviderClient; sfn: SFNClient };

beforeAll(async () => {
  shop = await startLocalCloudProcess({ dataDir, app: BACKEND_DIR });
  const sdk = {
    endpoint: shop.edgeUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: 't', secretAccessKey: 't' },
  };
  clients = {
    db: DynamoDBDocumentClient.from(new DynamoDBClient(sdk)),
    idp: new CognitoIdentityProviderClient(sdk),
    sfn: new SFNClient(sdk),
  };
}, 60_000);
afterAll(async () => {
  await shop?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the warm-up at start, killed part-way', () => {
  it('is cleared by the next start: its orders end, and no item, account or running execution is left', async () => {
    // Arrange: kill -9 the shop while it starts, once its warm-up has orders in flight
    await shop.stop();
    const starting = shop.restart().catch(() => 'killed before ready');
    while ((await runningExecutions(clients.sfn).catch(() => 0)) === 0) await sleep(20);
    await shop.kill();
    expect(await starting).toBe('killed before ready');

    // Act
    await shop.restart();

    // Assert
    const config = (await (await fetch(`${shop.webUrl}/config.json`)).json()) as {
      auth: { userPoolId: string };
    };
    const output = shop.output.join('\n');
    expect(output).toMatch(
      /warmed up in \d+ ms: 50 orders at a scratch shop, cleared away, and 1 left by interrupted warm-ups/,
    );
    expect(await leftBehind({ ...clients, poolId: config.auth.userPoolId })).toEqual({
      items: [],
      usernames: ['barista', 'display'],
      running: 0,
    });
  }, 120_000);
});
