import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  Api,
  EventType,
  type PlaceOrderResponse,
  pathFor,
  type QrCodeResponse,
  shopQueueTopic,
  userOrdersTopic,
} from '@coffee/backend/contracts';
import { resources } from '@coffee/backend/resources';
import { LocalCloud } from '@coffee/localcloud';
import mqtt, { type MqttClient } from 'mqtt';
import { type LatencySummary, summarize } from './stats.js';

/** How the customers of a rush behave. */
export interface RushPlan {
  customers: number;
  /** Orders per customer, one after the other. */
  rounds: number;
  /** The customers' first scans are spread over this window (0: all at the same instant). */
  arrivalWindowMs: number;
  /** A person's pause between steps (reading the menu, walking to the counter), on average. */
  thinkMs: number;
}

/** A rush of customers on the whole shop, as `npm start` runs it. */
export interface ShopRushResult extends RushPlan {
  orders: number;
  /** `POST /api/shops/main/orders` sent → its 202. */
  scanToAccepted: LatencySummary;
  /** `PUT /api/orders/{id}/drink` sent → `WaitingCompletion` of that order on the queue topic. */
  submitToQueue: LatencySummary;
  /** Complete order life cycles (scan to `OrderFinished`) per second over the run. */
  lifecyclesPerSecond: number;
}

const SHOP = 'main';
const PASSWORD = 'Bench-Beans-42';
const DRINK = { drinkId: 'latte', modifiers: { milk: 'Oat', size: 'Large' } };

/**
 * Runs the shop as `npm start` does (the backend's declaration on a fresh data folder) and sends
 * `customers` customers through `rounds` orders each, arriving within `arrivalWindowMs`: each
 * scans the display's code, orders, waits to be admitted, thinks, chooses a drink; a barista makes
 * and completes it after a pause; the customer waits for the end, thinks, and orders again (one
 * open order at a time). A display subscribed to the queue topic times each drink's arrival there.
 * Pauses are drawn from a seeded generator, so runs are comparable.
 */
export async function measureShopRush(plan: RushPlan): Promise<ShopRushResult> {
  const { customers, rounds } = plan;
  const random = seeded(42);
  const pause = () => (plan.thinkMs === 0 ? Promise.resolve() : sleep(plan.thinkMs * (0.5 + random())));
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-shop-'));
  const cloud = await LocalCloud.start({
    dataDir,
    edgePort: 0,
    outboxLog: () => undefined,
    log: () => undefined,
    app: {
      declaration: resources,
      baseDir: join(import.meta.dirname, '..', '..', 'backend'),
      userPassword: PASSWORD,
    },
    web: { port: 0, landingPage: () => '', runtimeConfig: () => ({}) },
  });
  const { port } = cloud.web?.server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  const idp = new CognitoIdentityProviderClient({
    endpoint: cloud.endpoint,
    region: cloud.region,
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  const poolId = cloud.resources?.userPools.coffee as string;
  const clientId = cloud.resources?.userPoolClients.coffee?.apps as string;
  const clients: MqttClient[] = [];

  const signIn = async (username: string) => {
    const answer = await idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username, PASSWORD: PASSWORD },
      }),
    );
    return answer.AuthenticationResult?.IdToken as string;
  };
  const call = async <T>(method: string, path: string, token: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const subscribe = async (token: string, topic: string) => {
    const client = await mqtt.connectAsync(`${origin.replace('http', 'ws')}/mqtt?token=${token}`, {
      reconnectPeriod: 0,
    });
    clients.push(client);
    await client.subscribeAsync(topic, { qos: 1 });
    return new MessageWaiter(client);
  };

  try {
    const [barista, display] = await Promise.all([signIn('barista'), signIn('display')]);
    await call('PUT', pathFor(Api.updateLimits, { shopId: SHOP }), barista, {
      drinksPerCode: 500,
      capacity: 500,
      dailyLimit: 100,
    });
    const queue = await subscribe(display, shopQueueTopic(SHOP));
    const people = await Promise.all(
      Array.from({ length: customers }, async (_, i) => {
        const username = `rush-${i}`;
        await idp.send(
          new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS' }),
        );
        await idp.send(
          new AdminSetUserPasswordCommand({
            UserPoolId: poolId,
            Username: username,
            Password: PASSWORD,
            Permanent: true,
          }),
        );
        const token = await signIn(username);
        const sub = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).sub as string;
        return { token, mine: await subscribe(token, userOrdersTopic(sub)) };
      }),
    );

    const scanToAccepted: number[] = [];
    const submitToQueue: number[] = [];
    const started = performance.now();
    await Promise.all(
      people.map(async ({ token, mine }) => {
        await sleep(random() * plan.arrivalWindowMs);
        for (let round = 0; round < rounds; round++) {
          const code = await call<QrCodeResponse>('GET', pathFor(Api.getQrCode, { shopId: SHOP }), display);
          const scanned = performance.now();
          const { orderId } = await call<PlaceOrderResponse>(
            'POST',
            pathFor(Api.placeOrder, { shopId: SHOP }),
            token,
            { token: code.token },
          );
          scanToAccepted.push(performance.now() - scanned);
          await mine.waitFor(orderId, EventType.WorkflowStarted);
          await pause();
          const submitted = performance.now();
          const queued = queue.waitFor(orderId, EventType.WaitingCompletion);
          await call('PUT', pathFor(Api.submitDrink, { orderId }), token, DRINK);
          await queued;
          submitToQueue.push(performance.now() - submitted);
          await pause();
          await call('POST', pathFor(Api.makeOrder, { orderId }), barista, {});
          await pause();
          await call('POST', pathFor(Api.completeOrder, { orderId }), barista, {});
          await mine.waitFor(orderId, EventType.OrderFinished);
          await pause();
        }
      }),
    );
    const elapsedSeconds = (performance.now() - started) / 1000;
    return {
      ...plan,
      orders: customers * rounds,
      scanToAccepted: summarize(scanToAccepted),
      submitToQueue: summarize(submitToQueue),
      lifecyclesPerSecond: (customers * rounds) / elapsedSeconds,
    };
  } finally {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    idp.destroy();
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A deterministic generator of numbers in [0, 1) (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Resolves waits for an order's event of a type, whether it arrived before or after the wait began. */
class MessageWaiter {
  private readonly seen = new Set<string>();
  private readonly waiting = new Map<string, () => void>();

  constructor(client: MqttClient) {
    client.on('message', (_topic, payload) => {
      const message = JSON.parse(payload.toString()) as { type: string; detail: { orderId?: string } };
      const key = `${message.detail.orderId}:${message.type}`;
      this.seen.add(key);
      this.waiting.get(key)?.();
    });
  }

  waitFor(orderId: string, type: string, timeoutMs = 30_000): Promise<void> {
    const key = `${orderId}:${type}`;
    if (this.seen.has(key)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`No ${type} for ${orderId} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiting.set(key, () => {
        clearTimeout(timer);
        this.waiting.delete(key);
        resolve();
      });
    });
  }
}
