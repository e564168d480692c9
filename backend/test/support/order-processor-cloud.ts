import { rmSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  EventBridgeClient,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LambdaRegistry, LocalCloud, type ResourceDeclaration } from '@coffee/localcloud';
import { DEMO_MENU, type Limits } from '../../src/contracts/config.js';
import { BUS_NAME, BusEventSchema, EVENT_SOURCE, EventType, toBusEntry } from '../../src/contracts/events.js';
import { OrderState } from '../../src/contracts/orders.js';
import { type OrderItem, OrderItemSchema, shopStateKey } from '../../src/orders/order-store.js';
import { resources } from '../../src/resources.js';
import { BACKEND_DIR, newDataDir, sdkConfig } from './local-cloud.js';

/**
 * What the OrderProcessor needs of the shop's declaration: its tables, the bus, the state machine,
 * the token recorder and their two rules. The other services' functions are left out, so that this
 * test depends on nothing but the order flow.
 */
export const orderProcessorDeclaration: ResourceDeclaration = {
  tables: resources.tables,
  eventBuses: resources.eventBuses,
  functions: { tokenRecorder: resources.functions.tokenRecorder },
  stateMachines: { orderProcessor: resources.stateMachines.orderProcessor },
  rules: {
    orderProcessorNewOrder: resources.rules.orderProcessorNewOrder,
    orderProcessorTaskTokens: resources.rules.orderProcessorTaskTokens,
  },
};

/** An event the test observer received, as the bus delivered it. */
export interface ObservedEvent {
  'detail-type': string;
  detail: { orderId?: string; [field: string]: unknown };
}

/** Every event of the bus, seen by a test function behind a catch-all rule. */
export class EventLog {
  /** Every event, in arrival order. */
  readonly events: ObservedEvent[] = [];
  /** Events that did not match their detail schema in the contracts, with the reason. */
  readonly invalid: Array<{ event: unknown; problem: string }> = [];

  /** Records an event delivered to the observer function. */
  record(event: unknown): void {
    this.events.push(event as ObservedEvent);
    const parsed = BusEventSchema.safeParse(event);
    if (!parsed.success) this.invalid.push({ event, problem: parsed.error.message });
  }

  /** The detail-types of an order's events, in arrival order. */
  typesOf(orderId: string): string[] {
    return this.of(orderId).map((event) => event['detail-type']);
  }

  /** An order's events. */
  of(orderId: string): ObservedEvent[] {
    return this.events.filter((event) => event.detail.orderId === orderId);
  }

  /** Waits for an order's event of a type and answers it. */
  async waitFor(type: EventType, orderId: string, timeoutMs = 10_000): Promise<ObservedEvent> {
    const found = await eventually(
      async () => this.of(orderId).find((event) => event['detail-type'] === type),
      (event) => event !== undefined,
      timeoutMs,
    );
    return found as ObservedEvent;
  }
}

const OBSERVER = 'testEventObserver';

/**
 * A catch-all observer of the shop's bus: a test function that records every event in `log`,
 * registered in `lambda` before the cloud starts and kept across restarts, so delivery resumes at
 * start.
 */
export class BusObserver {
  /** The registry to start the cloud with. */
  readonly lambda = new LambdaRegistry();
  /** Every event the observer received. */
  readonly log = new EventLog();

  constructor() {
    this.lambda.register(OBSERVER, (event) => {
      this.log.record(event);
      return null;
    });
  }

  /** Routes every event of the shop's bus to the observer, once the cloud has started. */
  async route(events: EventBridgeClient): Promise<void> {
    await events.send(
      new PutRuleCommand({
        Name: 'test-observer',
        EventBusName: BUS_NAME,
        EventPattern: JSON.stringify({ source: [EVENT_SOURCE] }),
      }),
    );
    await events.send(
      new PutTargetsCommand({
        Rule: 'test-observer',
        EventBusName: BUS_NAME,
        Targets: [{ Id: 'observer', Arn: this.lambda.arnOf(OBSERVER) }],
      }),
    );
  }
}

/** The local cloud running the OrderProcessor, with clients on its edge and the bus observed. */
export interface OrderCloud {
  cloud: LocalCloud;
  db: DynamoDBDocumentClient;
  sfn: SFNClient;
  events: EventBridgeClient;
  log: EventLog;
  /** Stops the cloud and starts it again on the same data and port, as after a crash or an upgrade. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the local cloud with the OrderProcessor declared and a catch-all observer of the bus. */
export async function startOrderCloud(): Promise<OrderCloud> {
  const dataDir = newDataDir('order-processor');
  const observer = new BusObserver();
  const { lambda, log } = observer;
  const app = { declaration: orderProcessorDeclaration, baseDir: BACKEND_DIR };
  const start = (edgePort: number) =>
    LocalCloud.start({ dataDir, edgePort, lambda, app, outboxLog: () => undefined });

  let cloud = await start(0);
  // The same port after a restart: the functions' SDK clients, created once per process, keep it.
  const port = Number(new URL(cloud.endpoint).port);
  const clients = () => ({
    db: documentClient(cloud),
    sfn: new SFNClient(sdkConfig(cloud)),
    events: new EventBridgeClient(sdkConfig(cloud)),
  });

  const test: OrderCloud = {
    cloud,
    ...clients(),
    log,
    async restart() {
      destroy(test);
      await cloud.stop();
      cloud = await start(port);
      Object.assign(test, { cloud, ...clients() });
    },
    async stop() {
      destroy(test);
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  await observer.route(test.events);
  return test;
}

/** A DynamoDB document client of the cloud's edge that drops `undefined` attributes, as the services do. */
export function documentClient(cloud: LocalCloud): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient(sdkConfig(cloud)), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

function destroy(test: OrderCloud): void {
  test.db.destroy();
  test.sfn.destroy();
  test.events.destroy();
}

/** Limits short enough for a test: nothing times out unless a test asks it to. */
export const TEST_LIMITS: Limits = {
  drinksPerCode: 10,
  codeSeconds: 300,
  capacity: 5,
  dailyLimit: 5,
  customerTimeoutSeconds: 60,
  baristaTimeoutSeconds: 60,
};

let shops = 0;

/**
 * Writes a shop item as the config service keeps it (config as top-level attributes, counters
 * zeroed, a secret), under a fresh id, and answers the id. `openOrders` other orders hold a slot of
 * its queue.
 */
export async function arrangeShop(
  db: DynamoDBDocumentClient,
  options: { shopId?: string; open?: boolean; limits?: Partial<Limits>; openOrders?: number } = {},
): Promise<string> {
  const shopId = options.shopId ?? `shop-${process.pid}-${++shops}`;
  const now = new Date().toISOString();
  const slotHolders = Array.from({ length: options.openOrders ?? 0 }, (_, i) => `${shopId}-holder-${i}`);
  await db.send(
    new PutCommand({
      TableName: 'shops',
      Item: {
        shopId,
        name: 'Test bar',
        open: options.open ?? true,
        menu: DEMO_MENU,
        limits: { ...TEST_LIMITS, ...options.limits },
        ...(slotHolders.length > 0 && { slotHolders: new Set(slotHolders) }),
        orderNumber: 0,
        codeSecret: 'not-a-real-secret',
        configVersion: 0,
        createdAt: now,
        updatedAt: now,
      },
    }),
  );
  return shopId;
}

/** The references every order event carries. */
export interface OrderRef {
  shopId: string;
  orderId: string;
  userId: string;
}

let orders = 0;

/**
 * Writes what the validator writes when it accepts a QR token: the customer reserved (their open
 * order, the day's first drink) and the order `PENDING`, with the period of the code it took a
 * drink from when `codePeriod` is given (orders placed before the validator wrote it have none).
 */
export async function arrangeOrder(
  db: DynamoDBDocumentClient,
  shopId: string,
  userId?: string,
  codePeriod?: number,
): Promise<OrderRef> {
  const n = ++orders;
  const ref = { shopId, orderId: `order-${process.pid}-${n}`, userId: userId ?? `user-${process.pid}-${n}` };
  const now = new Date().toISOString();
  await db.send(
    new PutCommand({
      TableName: 'customers',
      Item: {
        customerKey: `${shopId}#${ref.userId}`,
        openOrderId: ref.orderId,
        day: now.slice(0, 10),
        dayCount: 1,
      },
    }),
  );
  await db.send(
    new PutCommand({
      TableName: 'orders',
      Item: {
        ...ref,
        ...(codePeriod !== undefined && { codePeriod }),
        state: OrderState.Pending,
        shopState: shopStateKey(shopId, OrderState.Pending),
        createdAt: now,
        updatedAt: now,
      },
    }),
  );
  return ref;
}

/**
 * Leaves the order holding a slot of its shop's queue, as a run of `ReserveSlot` does whose result
 * the workflow never recorded: the local engine runs such a task again after a crash, and a Retry
 * does after an answer lost on the way.
 */
export async function holdSlot(db: DynamoDBDocumentClient, ref: OrderRef): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName: 'shops',
      Key: { shopId: ref.shopId },
      UpdateExpression: 'ADD slotHolders :holder',
      ExpressionAttributeValues: { ':holder': new Set([ref.orderId]) },
    }),
  );
}

/** Puts `Validator.NewOrder` for each order, as the validator does (PutEvents takes ten at a time). */
export async function putNewOrders(events: EventBridgeClient, refs: readonly OrderRef[]): Promise<void> {
  const batches: OrderRef[][] = [];
  for (let i = 0; i < refs.length; i += 10) batches.push(refs.slice(i, i + 10));
  await Promise.all(
    batches.map(async (batch) => {
      const put = await events.send(
        new PutEventsCommand({
          Entries: batch.map((detail) => toBusEntry({ type: EventType.NewOrder, detail })),
        }),
      );
      if (put.FailedEntryCount) throw new Error(`PutEvents failed: ${JSON.stringify(put.Entries)}`);
    }),
  );
}

/** The order's item as stored (contract fields, token, execution), with `shopState`. */
export async function readOrder(
  db: DynamoDBDocumentClient,
  orderId: string,
): Promise<OrderItem & { shopState: string }> {
  const { Item } = await db.send(
    new GetCommand({ TableName: 'orders', Key: { orderId }, ConsistentRead: true }),
  );
  if (!Item) throw new Error(`No order ${orderId}`);
  return { ...OrderItemSchema.parse(Item), shopState: String(Item.shopState) };
}

/** Polls the order until `predicate` holds. */
export function orderWhen(
  db: DynamoDBDocumentClient,
  orderId: string,
  predicate: (order: OrderItem & { shopState: string }) => boolean,
  timeoutMs = 10_000,
): Promise<OrderItem & { shopState: string }> {
  return eventually(() => readOrder(db, orderId), predicate, timeoutMs);
}

/** The shop's counters: how many orders hold a queue slot, and the last order number issued. */
export async function readCounters(
  db: DynamoDBDocumentClient,
  shopId: string,
): Promise<{ openOrders: number; orderNumber: number }> {
  const item = await readShopItem(db, shopId);
  return { openOrders: slotHoldersOf(item).length, orderNumber: Number(item?.orderNumber) };
}

/** The orders holding a slot of the shop's queue, sorted. */
export async function readSlotHolders(db: DynamoDBDocumentClient, shopId: string): Promise<string[]> {
  return slotHoldersOf(await readShopItem(db, shopId));
}

async function readShopItem(db: DynamoDBDocumentClient, shopId: string) {
  const { Item } = await db.send(
    new GetCommand({ TableName: 'shops', Key: { shopId }, ConsistentRead: true }),
  );
  return Item;
}

function slotHoldersOf(item: Record<string, unknown> | undefined): string[] {
  return [...((item?.slotHolders as Set<string> | undefined) ?? [])].sort();
}

/** The customer's item. */
export async function readCustomer(
  db: DynamoDBDocumentClient,
  ref: OrderRef,
): Promise<{ openOrderId?: string; dayCount: number }> {
  const { Item } = await db.send(
    new GetCommand({
      TableName: 'customers',
      Key: { customerKey: `${ref.shopId}#${ref.userId}` },
      ConsistentRead: true,
    }),
  );
  return {
    ...(Item?.openOrderId !== undefined && { openOrderId: String(Item.openOrderId) }),
    dayCount: Number(Item?.dayCount),
  };
}

/** Waits for the order's execution to end and answers it. */
export async function executionEnd(
  sfn: SFNClient,
  db: DynamoDBDocumentClient,
  orderId: string,
  timeoutMs = 10_000,
): Promise<DescribeExecutionCommandOutput> {
  const { executionId } = await orderWhen(db, orderId, (order) => order.executionId !== undefined);
  return eventually(
    () => sfn.send(new DescribeExecutionCommand({ executionArn: executionId })),
    (execution) => execution.status !== 'RUNNING',
    timeoutMs,
  );
}

/** Polls until `predicate` holds, failing with the last value after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T>,
  predicate: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (predicate(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Condition not met within ${timeoutMs} ms; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
