import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createActiveTable } from '../support/cloud.js';
import { killHost, killRunningHosts, startKillableHost } from '../support/killable-host.js';

/**
 * Kills the local cloud with SIGKILL while transactions take a unit from a wallet and write a
 * ledger line for it, then checks after each restart that every transaction is all there or not
 * at all, and that every acknowledged one is there.
 */

const KILLS = 3;
const WALLETS = 4;
const START_BALANCE = 100_000;
const HOST = join(import.meta.dirname, 'crash-host.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-transact-crash-'));

const startHost = () => startKillableHost(HOST, [dataDir], (config) => new DynamoDBClient(config));

/** One unit taken from `wallet` and its ledger line `line`, in one transaction. */
function spend(dynamodb: DynamoDBClient, wallet: string, line: string) {
  return dynamodb.send(
    new TransactWriteItemsCommand({
      TransactItems: [
        {
          Update: {
            TableName: 'wallets',
            Key: { id: { S: wallet } },
            UpdateExpression: 'SET balance = balance - :one',
            ConditionExpression: 'balance > :zero',
            ExpressionAttributeValues: { ':one': { N: '1' }, ':zero': { N: '0' } },
          },
        },
        {
          Put: {
            TableName: 'ledger',
            Item: { line: { S: line }, wallet: { S: wallet } },
            ConditionExpression: 'attribute_not_exists(line)',
          },
        },
      ],
    }),
  );
}

/** The ledger's lines by wallet, read whole. */
async function ledger(dynamodb: DynamoDBClient): Promise<Map<string, Set<string>>> {
  const lines = new Map<string, Set<string>>();
  let start: Record<string, never> | undefined;
  do {
    const page = await dynamodb.send(
      new ScanCommand({ TableName: 'ledger', ConsistentRead: true, ExclusiveStartKey: start }),
    );
    for (const item of page.Items ?? []) {
      const wallet = item.wallet?.S as string;
      lines.set(wallet, (lines.get(wallet) ?? new Set()).add(item.line?.S as string));
    }
    start = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return lines;
}

afterAll(() => {
  killRunningHosts();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('crash: kill -9 during transactions', () => {
  it(`leaves every transaction whole or absent, and keeps every acknowledged one, across ${KILLS} kills`, async () => {
    let host = await startHost();
    const wallets = Array.from({ length: WALLETS }, (_, i) => `wallet-${i}`);
    await createActiveTable(host.client, {
      TableName: 'wallets',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    });
    await createActiveTable(host.client, {
      TableName: 'ledger',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'line', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'line', KeyType: 'HASH' }],
    });
    for (const id of wallets)
      await host.client.send(
        new PutItemCommand({
          TableName: 'wallets',
          Item: { id: { S: id }, balance: { N: String(START_BALANCE) } },
        }),
      );
    const acknowledged = new Set<string>();
    let counter = 0;

    for (let round = 0; round < KILLS; round++) {
      const current = host;
      let running = true;
      const spender = async (wallet: string) => {
        while (running) {
          const line = `line-${counter++}`;
          try {
            await spend(current.client, wallet, line);
            acknowledged.add(line);
          } catch {
            return; // Not acknowledged: the process died during the call.
          }
        }
      };
      const work = Promise.all(wallets.flatMap((wallet) => [spender(wallet), spender(wallet)]));
      await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1000));
      running = false;
      await killHost(current);
      await work;
      host = await startHost();

      const lines = await ledger(host.client);
      for (const wallet of wallets) {
        const item = await host.client.send(
          new GetItemCommand({ TableName: 'wallets', Key: { id: { S: wallet } }, ConsistentRead: true }),
        );
        const spent = START_BALANCE - Number(item.Item?.balance?.N);
        expect({ wallet, spent }).toEqual({ wallet, spent: lines.get(wallet)?.size ?? 0 });
      }
      const written = new Set([...lines.values()].flatMap((set) => [...set]));
      expect([...acknowledged].filter((line) => !written.has(line))).toEqual([]);
    }
    expect(acknowledged.size).toBeGreaterThan(0);
  }, 120_000);
});
