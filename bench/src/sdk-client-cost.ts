import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { IoTDataPlaneClient, PublishCommand } from '@aws-sdk/client-iot-data-plane';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { DocumentTables, leanClient, withoutCallLog } from '@coffee/backend';
import { startLocalCloudProcess } from '@coffee/localcloud/process';
import { UndiciHttpHandler } from '@smithy/undici-http-handler';
import { median, takeTurns } from './stats.js';

/** The caller's CPU per call of one kind, milliseconds, the median round's. */
export interface SdkClientCost {
  call: string;
  /** Middleware built on every call: the SDK's default. */
  builtPerCall: number;
  /** Middleware built once per command type (`cacheMiddleware: true`). */
  cached: number;
  /** Cached, and without the SDK's logger middleware. */
  cachedWithoutCallLog: number;
  /** Cached, and made lean (no logger, configuration with fast properties). */
  lean: number;
  /** Lean, sending with the SDK's undici request handler instead of `node:http`: the backend's clients. */
  leanOverUndici: number;
}

/**
 * Where a client sends its calls, whether it caches each command type's middleware, and the request
 * handler it sends them with (the SDK's default on `node:http` when none is given).
 */
interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  cacheMiddleware: boolean;
  requestHandler?: UndiciHttpHandler;
}

/** What is done to a client once it is made: nothing, or one of the backend's own steps. */
type Tuning = <Client extends Parameters<typeof leanClient>[0]>(client: Client) => Client;

/** One kind of call, and the client that makes it, configured as given and tuned by `tune`. */
type CallMaker = (
  config: ClientConfig,
  tune: Tuning,
) => { call: () => Promise<unknown>; client: { destroy(): void } };

const asItComes: Tuning = (client) => client;

/** The configurations compared, each a column of {@link SdkClientCost}. */
const CONFIGURATIONS: Record<
  Exclude<keyof SdkClientCost, 'call'>,
  { cacheMiddleware: boolean; tune: Tuning; undici?: boolean }
> = {
  builtPerCall: { cacheMiddleware: false, tune: asItComes },
  cached: { cacheMiddleware: true, tune: asItComes },
  cachedWithoutCallLog: { cacheMiddleware: true, tune: withoutCallLog },
  lean: { cacheMiddleware: true, tune: leanClient },
  leanOverUndici: { cacheMiddleware: true, tune: leanClient, undici: true },
};

/** The table the DynamoDB call reads. */
const TABLE = 'bench-cost';

const CALLS: Record<string, CallMaker> = {
  // Built per call: lib-dynamodb's document client, which refuses the cache; the others: the
  // backend's DocumentTables on a caching client. All read the same item and convert it to plain
  // values.
  'DynamoDB GetItem, as a document': (config, tune) => {
    const client = tune(new DynamoDBClient(config));
    const Key = { id: 'o-1' };
    if (!config.cacheMiddleware) {
      const documents = DynamoDBDocumentClient.from(client);
      return { client, call: () => documents.send(new GetCommand({ TableName: TABLE, Key })) };
    }
    const tables = new DocumentTables(client);
    return { client, call: () => tables.get({ TableName: TABLE, Key }) };
  },
  'IoT data Publish': (config, tune) => {
    const client = tune(new IoTDataPlaneClient(config));
    const payload = new TextEncoder().encode('{"type":"OrderUpdated"}');
    return { client, call: () => client.send(new PublishCommand({ topic: 'bench/cost', qos: 1, payload })) };
  },
  'EventBridge PutEvents': (config, tune) => {
    const client = tune(new EventBridgeClient(config));
    const entry = { Source: 'bench', DetailType: 'Cost', Detail: '{"orderId":"o-1"}' };
    return { client, call: () => client.send(new PutEventsCommand({ Entries: [entry] })) };
  },
  'Step Functions ListStateMachines': (config, tune) => {
    const client = tune(new SFNClient(config));
    return { client, call: () => client.send(new ListStateMachinesCommand({})) };
  },
};

/**
 * What an AWS SDK call costs the CPU of the thread that makes it, as the shop's functions make
 * them one after another, with each command's middleware built on every call, built once per
 * command type, built once without the SDK's logger middleware, built once on a lean client (no
 * logger, its configuration made fast), and the same sending with the SDK's undici request handler
 * (how `backend/src/aws/clients.ts` configures every client). For DynamoDB, the first is the
 * document client and the others the backend's `DocumentTables`. The services answer from a local
 * cloud in a process of its own, so this process's CPU is the client's alone. The five
 * configurations take turns over `rounds` rounds of `calls` calls each, after a warm-up round.
 */
export async function measureSdkClientCost(rounds: number, calls: number): Promise<SdkClientCost[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-sdk-cost-'));
  const cloud = await startLocalCloudProcess({ dataDir });
  const connection = {
    endpoint: cloud.edgeUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  };
  try {
    await createTable(connection);
    const costs: SdkClientCost[] = [];
    for (const [call, make] of Object.entries(CALLS)) {
      const variants = mapValues(CONFIGURATIONS, ({ cacheMiddleware, tune, undici }) =>
        make(
          { ...connection, cacheMiddleware, ...(undici && { requestHandler: new UndiciHttpHandler() }) },
          tune,
        ),
      );
      const perRound = await takeTurns(
        rounds,
        mapValues(variants, (variant) => () => cpuPerCall(variant.call, calls)),
      );
      for (const variant of Object.values(variants)) variant.client.destroy();
      costs.push({ call, ...mapValues(perRound, median) });
    }
    return costs;
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The table of the DynamoDB call, holding the order it reads. */
async function createTable(connection: Omit<ClientConfig, 'cacheMiddleware'>): Promise<void> {
  const client = new DynamoDBClient(connection);
  await client.send(
    new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await new DocumentTables(client).put({
    TableName: TABLE,
    Item: {
      id: 'o-1',
      shopId: 'main',
      state: 'SUBMITTED',
      orderNumber: 42,
      drink: { drinkId: 'latte', modifiers: { milk: 'Oat', size: 'Large' } },
      createdAt: new Date().toISOString(),
    },
  });
  client.destroy();
}

/** `record` with `transform` applied to each of its values. */
function mapValues<Key extends string, From, To>(
  record: Record<Key, From>,
  transform: (value: From) => To,
): Record<Key, To> {
  return Object.fromEntries(
    Object.entries<From>(record).map(([key, value]) => [key, transform(value)]),
  ) as Record<Key, To>;
}

/** This process's CPU (user + system) per call over `calls` calls one after another, ms. */
async function cpuPerCall(call: () => Promise<unknown>, calls: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) await call();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / calls;
}
