import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, pathFor, type RouteName } from '../../src/contracts/api.js';
import { OrderState } from '../../src/contracts/orders.js';
import { shopConfigTopic, shopQueueTopic, TopicKind, userOrdersTopic } from '../../src/contracts/topics.js';
import { connectMqtt } from '../support/mqtt-client.js';
import { arrangeShop } from '../support/order-processor-cloud.js';
import { type ShopCloud, startShopCloud } from '../support/shop-cloud.js';
import {
  type Answer,
  arrangeOrderIn,
  type Customer,
  expectApiError,
  expectSuccess,
  type FixtureState,
  LATTE,
  ROUTE_NAMES,
  send,
} from './support/api-probe.js';
import {
  DESIGN_SUBSCRIBERS,
  DESIGN_WHO,
  designAccess,
  expectedOutcome,
  type MqttOutcome,
  type ObservedMatrix,
  type Outcome,
  renderAuthorizationDocs,
  WHO,
  type Who,
} from './support/authorization-table.js';

/**
 * The authorization matrix (issue 8): anonymous, customer A, customer B, the barista and the
 * display against every route of the `Api` table and every MQTT topic kind, subscribe and
 * publish. Each cell is asserted against DESIGN's rules (exact status and code), and what was
 * observed is rendered into `docs/authorization.md`, which must match the committed file.
 */

const DOCS = join(import.meta.dirname, '..', '..', '..', 'docs', 'authorization.md');
const LIMITS = { codeSeconds: 3600, drinksPerCode: 50, capacity: 20, dailyLimit: 5 };

let t: ShopCloud;
let barista: string;
let display: string;
let customerA: Customer;
let customerB: Customer;
const observed: ObservedMatrix = {
  http: {} as ObservedMatrix['http'],
  subscribe: {} as ObservedMatrix['subscribe'],
  publish: {} as ObservedMatrix['publish'],
};

beforeAll(async () => {
  t = await startShopCloud('authorization');
  [barista, display, customerA, customerB] = await Promise.all([
    t.idToken('barista'),
    t.idToken('display'),
    t.newCustomer(),
    t.newCustomer(),
  ]);
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

/** The bearer token of a column (`undefined` for anonymous). */
function tokenOf(who: Who): string | undefined {
  return {
    anonymous: undefined,
    owner: customerA.token,
    'another customer': customerB.token,
    barista,
    display,
  }[who];
}

/** What one cell needs: a fresh shop, and for order routes a fresh order of customer A in the right state. */
interface Cell {
  path: string;
  body?: unknown;
  /** Reads what the call may change, to check that a refused call changed nothing. */
  snapshot: () => Promise<unknown>;
}

/** The state an order must be in for a route's action to succeed. */
const ORDER_STATE: Partial<Record<RouteName, FixtureState>> = {
  getOrder: OrderState.Created,
  submitDrink: OrderState.Created,
  makeOrder: OrderState.Submitted,
  unmakeOrder: OrderState.Making,
  completeOrder: OrderState.Making,
  cancelOrder: OrderState.Created,
  getOrderHistory: OrderState.Created,
};

/** The request body a route's success needs. */
const BODY: Partial<Record<RouteName, unknown>> = {
  setShopOpen: { open: false },
  setDrinkAvailability: { available: false },
  updateLimits: { capacity: 10 },
  submitDrink: LATTE,
};

async function arrangeCell(name: RouteName, who: Who): Promise<Cell> {
  const shopId = await arrangeShop(t.db, { limits: LIMITS });
  const shopSnapshot = async () =>
    (await t.call('GET', pathFor(Api.getShopConfig, { shopId }))).json() as Promise<unknown>;
  const state = ORDER_STATE[name];
  if (state) {
    const { orderId } = await arrangeOrderIn(t, shopId, customerA, { barista, display }, state);
    const orderSnapshot = async () =>
      (
        await t.call('GET', pathFor(Api.getOrder, { orderId }), { token: barista })
      ).json() as Promise<unknown>;
    return {
      path: pathFor(Api[name] as typeof Api.getOrder, { orderId }),
      body: BODY[name],
      snapshot: orderSnapshot,
    };
  }
  switch (name) {
    case 'placeOrder': {
      const code = await t.call('GET', pathFor(Api.getQrCode, { shopId }), { token: display });
      const { token } = (await code.json()) as { token: string };
      // The customer placing the order: B in B's column, A otherwise.
      const customer = who === 'another customer' ? customerB : customerA;
      // Only this cell's shop: the columns run at once, and the owner's order at another shop
      // changes state meanwhile.
      const mine = async () => {
        const list = await t.call('GET', Api.listMyOrders.path, { token: customer.token });
        const { orders } = (await list.json()) as { orders: Array<{ shopId: string }> };
        return orders.filter((order) => order.shopId === shopId);
      };
      return { path: pathFor(Api.placeOrder, { shopId }), body: { token }, snapshot: mine };
    }
    case 'listShopOrders':
      return {
        path: `${pathFor(Api.listShopOrders, { shopId })}?state=${OrderState.Submitted}`,
        snapshot: shopSnapshot,
      };
    case 'listMyOrders':
      return { path: Api.listMyOrders.path, snapshot: shopSnapshot };
    case 'setDrinkAvailability':
      return {
        path: pathFor(Api.setDrinkAvailability, { shopId, drinkId: 'latte' }),
        body: BODY[name],
        snapshot: shopSnapshot,
      };
    default:
      return {
        path: pathFor(Api[name] as typeof Api.getShopConfig, { shopId }),
        body: BODY[name],
        snapshot: shopSnapshot,
      };
  }
}

/** Calls a route as a column, on a cell of its own, and answers what came back. */
async function callCell(
  name: RouteName,
  who: Who,
): Promise<{ outcome: Outcome; answer: Answer; unchanged: boolean }> {
  const cell = await arrangeCell(name, who);
  const before = await cell.snapshot();
  const token = tokenOf(who);
  const answer = await send(t.origin, {
    method: Api[name].method,
    path: cell.path,
    headers: {
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
      ...(cell.body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(cell.body !== undefined && { body: JSON.stringify(cell.body) }),
  });
  const outcome: Outcome =
    answer.status < 400 ? { status: answer.status } : { status: answer.status, code: expectApiError(answer) };
  const unchanged = JSON.stringify(await cell.snapshot()) === JSON.stringify(before);
  return { outcome, answer, unchanged };
}

describe('the HTTP API’s authorization matrix (DESIGN "HTTP API", "Roles")', () => {
  it('declares in the Api table exactly the access DESIGN’s "who" column gives each route', () => {
    const declared = Object.fromEntries(ROUTE_NAMES.map((name) => [name, [...Api[name].access].sort()]));
    const design = Object.fromEntries(ROUTE_NAMES.map((name) => [name, designAccess(name).sort()]));

    expect(declared).toEqual(design);
    expect(Object.keys(DESIGN_WHO).sort()).toEqual([...ROUTE_NAMES].sort());
  });

  it.each(ROUTE_NAMES)(
    '%s: answers each caller exactly as DESIGN says, and a refused call changes nothing',
    async (name) => {
      // Arrange + act: every column at once, each on a shop (and order) of its own
      const cells = await Promise.all(WHO.map(async (who) => [who, await callCell(name, who)] as const));

      // Assert: the exact status and code of each cell; a success fits the route's schema
      for (const [who, { outcome, answer, unchanged }] of cells) {
        expect({ who, ...outcome }).toEqual({ who, ...expectedOutcome(name, who) });
        if (outcome.code === undefined) expectSuccess(Api[name], answer);
        else expect({ who, unchanged }).toEqual({ who, unchanged: true });
      }
      observed.http[name] = Object.fromEntries(cells.map(([who, { outcome }]) => [who, outcome])) as Record<
        Who,
        Outcome
      >;
    },
  );
});

describe('the MQTT topics’ authorization matrix (DESIGN "MQTT topics")', () => {
  /** A topic of each kind: a shop's queue and config, and customer A's own orders. */
  const topics = (): Record<TopicKind, string> => ({
    [TopicKind.ShopQueue]: shopQueueTopic('main'),
    [TopicKind.ShopConfig]: shopConfigTopic('main'),
    [TopicKind.UserOrders]: userOrdersTopic(customerA.userId),
  });
  const connectAs = (who: Who) => connectMqtt(`${t.origin.replace('http', 'ws')}/mqtt`, tokenOf(who));

  it.each(WHO)('subscribing as %s: granted exactly the topics DESIGN lets it follow', async (who) => {
    // Arrange
    const client = await connectAs(who);
    const outcomes = {} as Record<TopicKind, MqttOutcome>;

    try {
      for (const [kind, topic] of Object.entries(topics()) as [TopicKind, string][]) {
        // Act: one filter per SUBSCRIBE, so a refusal names its filter
        const granted = await subscribeCode(client, topic);

        // Assert: granted QoS 1, or the failure code 0x80
        expect([1, 128]).toContain(granted);
        outcomes[kind] = granted === 1 ? 'granted' : 'refused';
        expect({ who, kind, outcome: outcomes[kind] }).toEqual({
          who,
          kind,
          outcome: DESIGN_SUBSCRIBERS[kind].includes(who) ? 'granted' : 'refused',
        });
      }
    } finally {
      await client.endAsync(true);
    }
    for (const [kind, outcome] of Object.entries(outcomes) as [TopicKind, MqttOutcome][]) {
      observed.subscribe[kind] ??= {} as Record<Who, MqttOutcome>;
      observed.subscribe[kind][who] = outcome;
    }
  });

  it.each(WHO)(
    'publishing as %s: refused on every topic (clients publish nothing), and nobody receives it',
    async (who) => {
      // Arrange: a staff watcher on the shop's topics and customer A on their own
      const marker = `forged-by-${who}`;
      const staff = await t.subscribe(barista, shopQueueTopic('main'), shopConfigTopic('main'));
      const owner = await t.subscribe(customerA.token, userOrdersTopic(customerA.userId));

      for (const [kind, topic] of Object.entries(topics()) as [TopicKind, string][]) {
        // Act
        const outcome = await publishOutcome(
          await connectAs(who),
          topic,
          JSON.stringify({ type: marker, detail: {}, time: '' }),
        );

        // Assert
        expect({ who, kind, outcome }).toEqual({ who, kind, outcome: 'refused' });
        observed.publish[kind] ??= {} as Record<Who, MqttOutcome>;
        observed.publish[kind][who] = outcome;
      }
      // Nothing a client published reached a subscriber.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect([...staff.messages, ...owner.messages].filter((m) => m.payload.type === marker)).toEqual([]);
      await Promise.all([staff.client.endAsync(true), owner.client.endAsync(true)]);
    },
  );
});

describe('docs/authorization.md', () => {
  it('is exactly the matrix observed above (regenerate it with --update after an intended change)', async () => {
    // The rows of every cell above must be there: a filtered run (-t) cannot check the docs.
    const complete =
      ROUTE_NAMES.every((name) => observed.http[name] !== undefined) &&
      Object.values(TopicKind).every((kind) =>
        WHO.every((who) => observed.subscribe[kind]?.[who] && observed.publish[kind]?.[who]),
      );
    expect(complete, 'every cell of the matrix was observed').toBe(true);

    await expect(renderAuthorizationDocs(observed)).toMatchFileSnapshot(DOCS);
  });
});

/** The SUBACK code for one filter: the granted QoS, or 0x80 when refused. */
async function subscribeCode(client: MqttClient, filter: string): Promise<number> {
  try {
    const [grant] = await client.subscribeAsync(filter, { qos: 1 });
    return grant?.qos ?? -1;
  } catch (error) {
    // mqtt.js rejects a SUBACK holding a refusal; the packet still carries the code.
    const granted = (error as { packet?: { granted?: number[] } }).packet?.granted;
    if (!granted) throw error;
    return granted[0] ?? -1;
  }
}

/**
 * Whether the broker accepted a QoS 1 publish (PUBACK) or refused it (IoT Core closes the
 * connection: MQTT 3.1.1 has no negative PUBACK).
 */
async function publishOutcome(client: MqttClient, topic: string, payload: string): Promise<MqttOutcome> {
  try {
    const closed = new Promise<MqttOutcome>((resolve) => client.once('close', () => resolve('refused')));
    const acked = client.publishAsync(topic, payload, { qos: 1 }).then(
      () => 'granted' as const,
      () => 'refused' as const,
    );
    const late = new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 5_000));
    const outcome = await Promise.race([closed, acked, late]);
    if (outcome === 'no answer')
      throw new Error(`The broker neither acknowledged nor refused a publish to ${topic}`);
    return outcome;
  } finally {
    await client.endAsync(true);
  }
}
