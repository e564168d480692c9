import { rmSync } from 'node:fs';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { LocalCloud } from '@coffee/localcloud';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll } from 'vitest';
import { signInWithPassword } from '../../src/aws/password-account.js';
import { Api, pathFor } from '../../src/contracts/api.js';
import type { Limits } from '../../src/contracts/config.js';
import { OrderState } from '../../src/contracts/orders.js';
import { resources } from '../../src/resources.js';
import { createUser, TEST_PASSWORD } from './api-cloud.js';
import {
  BACKEND_DIR,
  type CallOptions,
  type CloudOptions,
  callWeb,
  newDataDir,
  sdkConfig,
  webOrigin,
} from './local-cloud.js';
import { connectMqtt } from './mqtt-client.js';
import { BusObserver, documentClient, type EventLog, eventually } from './order-processor-cloud.js';

/**
 * The local cloud running the whole shop as `resources.ts` declares it — the API, the order flow,
 * the publisher — with clients on its edge, the bus observed and MQTT at hand.
 */
export interface ShopCloud {
  readonly cloud: LocalCloud;
  /** The web port's origin, `http://127.0.0.1:<port>`. */
  origin: string;
  db: DynamoDBDocumentClient;
  sfn: SFNClient;
  events: EventBridgeClient;
  idp: CognitoIdentityProviderClient;
  /** The user pool's id. */
  poolId: string;
  /** Every event of the bus. */
  log: EventLog;
  /** `fetch` of a path of the web port, JSON body, bearer token and extra headers added when given. */
  call(method: string, path: string, options?: Omit<CallOptions, 'raw'>): Promise<Response>;
  /** The ID token of a password sign-in (`barista`, `display`, or a customer of {@link newCustomer}). */
  idToken(username: string): Promise<string>;
  /** Creates a customer (no group) and answers its user id (`sub`) and ID token. */
  newCustomer(): Promise<{ userId: string; token: string }>;
  /** Connects to MQTT at the web port's `/mqtt` (with an ID token, or anonymously) and subscribes to `topics`. */
  subscribe(token: string | undefined, ...topics: string[]): Promise<Subscriber>;
  /** Stops the local cloud and starts it again on the same data and ports, as after a laptop restart. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** An MQTT client of the shop and the messages it received. */
export interface Subscriber {
  client: MqttClient;
  /** The parsed payloads received, in order, with their topic. */
  messages: Array<{
    topic: string;
    payload: { type: string; detail: Record<string, unknown>; time: string };
  }>;
  /** Waits until a message matching `predicate` has arrived and answers it. */
  waitFor(
    predicate: (message: Subscriber['messages'][number]) => boolean,
    timeoutMs?: number,
  ): Promise<Subscriber['messages'][number]>;
}

/** Starts the local cloud on fresh data and free ports with {@link resources}. */
export async function startShopCloud(name: string, options: CloudOptions = {}): Promise<ShopCloud> {
  const dataDir = newDataDir(name);
  const observer = new BusObserver();
  const { lambda, log } = observer;
  const boot = (edgePort: number, webPort: number) =>
    LocalCloud.start({
      dataDir,
      edgePort,
      lambda,
      outboxLog: () => undefined,
      app: {
        declaration: resources,
        baseDir: BACKEND_DIR,
        userPassword: TEST_PASSWORD,
        ...options,
      },
      web: { port: webPort, landingPage: () => '', runtimeConfig: () => ({}) },
    });
  let cloud = await boot(0, 0);
  const origin = webOrigin(cloud);
  const webPort = Number(new URL(origin).port);
  const edgePort = Number(new URL(cloud.endpoint).port);
  const idp = new CognitoIdentityProviderClient(sdkConfig(cloud));
  const events = new EventBridgeClient(sdkConfig(cloud));
  const db = documentClient(cloud);
  const sfn = new SFNClient(sdkConfig(cloud));
  const poolId = cloud.resources?.userPools.coffee as string;
  const clientId = cloud.resources?.userPoolClients.coffee?.apps as string;
  let customers = 0;
  const subscribers: MqttClient[] = [];

  await observer.route(events);

  const idToken = (username: string) => signInWithPassword(idp, clientId, username, TEST_PASSWORD);

  return {
    get cloud() {
      return cloud;
    },
    origin,
    db,
    sfn,
    events,
    idp,
    poolId,
    log,
    call: (method, path, options) => callWeb(origin, method, path, options),
    idToken,
    async newCustomer() {
      const username = `customer-${name}-${++customers}`;
      await createUser(idp, poolId, username, []);
      const token = await idToken(username);
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
        sub: string;
      };
      return { userId: payload.sub, token };
    },
    async subscribe(token, ...topics) {
      const client = await connectMqtt(`${origin.replace('http', 'ws')}/mqtt`, token);
      subscribers.push(client);
      const messages: Subscriber['messages'] = [];
      client.on('message', (topic, payload) => {
        messages.push({ topic, payload: JSON.parse(payload.toString()) });
      });
      if (topics.length > 0) await client.subscribeAsync(topics, { qos: 1 });
      return {
        client,
        messages,
        async waitFor(predicate, timeoutMs = 5_000) {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const found = messages.find(predicate);
            if (found) return found;
            if (Date.now() > deadline)
              throw new Error(`No such MQTT message within ${timeoutMs} ms; got ${JSON.stringify(messages)}`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        },
      };
    },
    async restart() {
      await Promise.all(subscribers.splice(0).map((client) => client.endAsync(true)));
      await cloud.stop();
      cloud = await boot(edgePort, webPort);
    },
    async stop() {
      await Promise.all(subscribers.map((client) => client.endAsync(true)));
      idp.destroy();
      events.destroy();
      db.destroy();
      sfn.destroy();
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A drink to order in tests that do not care which. */
export const LATTE = { drinkId: 'latte', modifiers: { milk: 'Oat', size: 'Large' } };

/** Limits roomy enough that a test's orders never meet them. */
export const ROOMY_LIMITS: Partial<Limits> = {
  codeSeconds: 3600,
  drinksPerCode: 50,
  capacity: 20,
  dailyLimit: 5,
};

/** A shop cloud for a whole test file, with the staff signed in; filled in by {@link useStaffedShopCloud}. */
export interface StaffedShopCloud {
  t: ShopCloud;
  /** The ID token of the `barista` staff account. */
  barista: string;
  /** The ID token of the `display` staff account. */
  display: string;
}

/**
 * Starts the shop cloud for the whole test file in `beforeAll` and signs the barista and the display
 * in; stops it in `afterAll`. The answer's fields are set once `beforeAll` has run: read them inside
 * tests and hooks.
 */
export function useStaffedShopCloud(name: string): StaffedShopCloud {
  const shop = {} as StaffedShopCloud;
  beforeAll(async () => {
    shop.t = await startShopCloud(name);
    [shop.barista, shop.display] = await Promise.all([shop.t.idToken('barista'), shop.t.idToken('display')]);
  }, 30_000);
  afterAll(async () => {
    await shop.t?.stop();
  });
  return shop;
}

/** A period's code item: the drinks left, or `undefined` before the first scan. */
export async function readRemaining(
  db: DynamoDBDocumentClient,
  shopId: string,
  period: number,
): Promise<number | undefined> {
  const { Item } = await db.send(
    new GetCommand({ TableName: 'codes', Key: { shopId, period }, ConsistentRead: true }),
  );
  return Item?.remaining === undefined ? undefined : Number(Item.remaining);
}

/** Sets the drinks a period's code has left, as if others had scanned it. */
export async function arrangeRemaining(
  db: DynamoDBDocumentClient,
  shopId: string,
  period: number,
  remaining: number,
): Promise<void> {
  await db.send(new PutCommand({ TableName: 'codes', Item: { shopId, period, remaining } }));
}

/** Writes a customer's item, e.g. a day's count at the limit. */
export async function arrangeCustomer(
  db: DynamoDBDocumentClient,
  shopId: string,
  userId: string,
  item: { openOrderId?: string; reservedAt?: number; day: string; dayCount: number },
): Promise<void> {
  await db.send(
    new PutCommand({ TableName: 'customers', Item: { customerKey: `${shopId}#${userId}`, ...item } }),
  );
}

/** The ids of a shop's orders, whatever their state. */
export async function ordersOfShop(db: DynamoDBDocumentClient, shopId: string): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: 'orders',
        FilterExpression: 'shopId = :shopId',
        ExpressionAttributeValues: { ':shopId': shopId },
        ConsistentRead: true,
        ...(start && { ExclusiveStartKey: start }),
      }),
    );
    for (const item of page.Items ?? []) ids.push(String(item.orderId));
    start = page.LastEvaluatedKey;
  } while (start);
  return ids;
}

/**
 * A new customer's order at `shopId`, placed with the code the display shows and its drink chosen,
 * once the workflow has numbered it and stored its completion token: waiting for a barista.
 */
export async function orderWaitingForBarista(
  t: ShopCloud,
  shopId: string,
  display: string,
  drink: { drinkId: string; modifiers: Record<string, string> },
): Promise<{ orderId: string; customer: { userId: string; token: string } }> {
  const customer = await t.newCustomer();
  const code = (await (
    await t.call('GET', pathFor(Api.getQrCode, { shopId }), { token: display })
  ).json()) as {
    token: string;
  };
  const placed = await t.call('POST', pathFor(Api.placeOrder, { shopId }), {
    token: customer.token,
    body: { token: code.token },
  });
  const { orderId } = (await placed.json()) as { orderId: string };
  const item = () =>
    t.db
      .send(new GetCommand({ TableName: 'orders', Key: { orderId }, ConsistentRead: true }))
      .then((r) => r.Item ?? {});
  await eventually(item, (o) => o.state === OrderState.Created);
  const chosen = await t.call('PUT', pathFor(Api.submitDrink, { orderId }), {
    token: customer.token,
    body: drink,
  });
  if (chosen.status !== 200) throw new Error(`Choosing the drink answered ${chosen.status}`);
  await eventually(item, (o) => o.orderNumber !== undefined && o.taskTokenFor !== undefined);
  return { orderId, customer };
}
