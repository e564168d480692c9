import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { LocalCloud } from '@coffee/localcloud';
import dynalite from 'dynalite';
import { median, runClosedLoop, takeTurns } from './stats.js';

/** Calls/s of each DynamoDB, the median round's, and every round's. */
export interface DynamoDbThroughput {
  rawDynalite: { median: number; rounds: number[] };
  localcloud: { median: number; rounds: number[] };
}

/** A DynamoDB endpoint to measure, and how to let it go. */
interface Target {
  client: DynamoDBClient;
  close(): Promise<void>;
}

/**
 * The store under the shop against the peer it is built on: dynalite alone, on disk, with its own
 * HTTP server and no edge in front, and the local cloud's DynamoDB (the edge, dynalite on a thread
 * of its own), both in this process, on disk. Each takes the shape of most of the shop's calls from
 * the official SDK client, `concurrency` at a time: a GetItem, then an atomic counter update
 * (`ADD n :one`) on one of 100 items. They take turns over `rounds` rounds of `calls` calls each, so
 * that a slower spell of the machine falls on both.
 */
export async function measureDynamoDb(
  rounds: number,
  calls: number,
  concurrency: number,
): Promise<DynamoDbThroughput> {
  const targets = { rawDynalite: await startRawDynalite(), localcloud: await startLocalCloud() };
  try {
    for (const target of Object.values(targets)) await createCounters(target.client);
    const turn = (target: Target) => (warmUp: boolean) =>
      runCalls(target.client, warmUp ? 400 : calls, concurrency);
    const perRound = await takeTurns(rounds, {
      rawDynalite: turn(targets.rawDynalite),
      localcloud: turn(targets.localcloud),
    });
    return {
      rawDynalite: { median: median(perRound.rawDynalite), rounds: perRound.rawDynalite },
      localcloud: { median: median(perRound.localcloud), rounds: perRound.localcloud },
    };
  } finally {
    for (const target of Object.values(targets)) await target.close();
  }
}

async function startRawDynalite(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-dynalite-'));
  const server = dynalite({ path: dataDir, createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const client = sdkClient(`http://127.0.0.1:${port}`);
  return {
    client,
    async close() {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function startLocalCloud(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-localcloud-dynamodb-'));
  const cloud = await LocalCloud.start({ dataDir, edgePort: 0, outboxLog: () => undefined });
  const client = sdkClient(cloud.endpoint);
  return {
    client,
    async close() {
      client.destroy();
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function sdkClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
}

async function createCounters(client: DynamoDBClient): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: 'counters',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }),
  );
}

/** Makes `calls` calls, half reads and half counter updates; answers calls/s. */
async function runCalls(client: DynamoDBClient, calls: number, concurrency: number): Promise<number> {
  const call = async (i: number) => {
    const Key = { id: { S: `c${Math.floor(i / 2) % 100}` } };
    if (i % 2 === 0) await client.send(new GetItemCommand({ TableName: 'counters', Key }));
    else
      await client.send(
        new UpdateItemCommand({
          TableName: 'counters',
          Key,
          UpdateExpression: 'ADD n :one',
          ExpressionAttributeValues: { ':one': { N: '1' } },
        }),
      );
  };
  const { elapsedMs } = await runClosedLoop(calls, concurrency, call);
  return calls / (elapsedMs / 1000);
}
