import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Api, pathFor, userOrdersTopic } from '@coffee/backend/contracts';
import { resources } from '@coffee/backend/resources';
import { LocalCloud } from '@coffee/localcloud';
import mqtt, { type MqttClient } from 'mqtt';

/** The default shop, which the benchmarks use. */
export const SHOP = 'main';
const PASSWORD = 'Bench-Beans-42';

/** A signed-in customer and their own topic. */
export interface BenchCustomer {
  token: string;
  mine: MessageWaiter;
}

/** The whole shop as `npm start` runs it, with what a benchmark needs to drive it. */
export interface ShopHarness {
  barista: string;
  display: string;
  /** The web port's origin, serving `/config.json` as `npm start` does. */
  siteUrl: string;
  /** The AWS edge (for the user pool's admin API). */
  edge: string;
  /** The staff accounts' password. */
  staffPassword: string;
  /** One HTTP API call as `token`; throws on an error answer. */
  call<T>(method: string, path: string, token: string, body?: unknown): Promise<T>;
  /** Subscribes as `token` to `topic` (QoS 1). */
  subscribe(token: string, topic: string): Promise<MessageWaiter>;
  /** Creates `count` customers, signed in and subscribed to their own topic. */
  newCustomers(count: number): Promise<BenchCustomer[]>;
  stop(): Promise<void>;
}

/**
 * Starts the backend's declaration on a fresh data folder, in this process (so its CPU and memory
 * are this process's), with limits roomy enough for a benchmark.
 */
export async function startShop(limits: Record<string, number> = {}): Promise<ShopHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-shop-'));
  let runtimeConfig: () => unknown = () => ({});
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
    web: { port: 0, landingPage: () => '', runtimeConfig: () => runtimeConfig() },
  });
  const address = cloud.web?.server.address();
  if (!address || typeof address === 'string') throw new Error('The web port is not listening');
  const { port } = address;
  const origin = `http://127.0.0.1:${port}`;
  const idp = new CognitoIdentityProviderClient({
    endpoint: cloud.endpoint,
    region: cloud.region,
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  const poolId = cloud.resources?.userPools.coffee as string;
  const clientId = cloud.resources?.userPoolClients.coffee?.apps as string;
  runtimeConfig = () => ({
    region: cloud.region,
    apiUrl: `${origin}/api`,
    mqttUrl: `${origin.replace('http', 'ws')}/mqtt`,
    auth: { userPoolId: poolId, userPoolClientId: clientId },
  });
  const clients: MqttClient[] = [];
  let customers = 0;

  const signIn = async (username: string) => {
    const answer = await idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username, PASSWORD },
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
  const newCustomer = async (): Promise<BenchCustomer> => {
    const username = `bench-${++customers}`;
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
  };

  const [barista, display] = await Promise.all([signIn('barista'), signIn('display')]);
  await call('PUT', pathFor(Api.updateLimits, { shopId: SHOP }), barista, {
    drinksPerCode: 5000,
    capacity: 1000,
    dailyLimit: 100,
    ...limits,
  });
  return {
    barista,
    display,
    siteUrl: origin,
    edge: cloud.endpoint,
    staffPassword: PASSWORD,
    call,
    subscribe,
    async newCustomers(count) {
      const made: BenchCustomer[] = [];
      // A few at a time: creating thousands at once would only measure the sign-up queue.
      for (let i = 0; i < count; i += 25)
        made.push(...(await Promise.all(Array.from({ length: Math.min(25, count - i) }, newCustomer))));
      return made;
    },
    async stop() {
      await Promise.all(clients.map((client) => client.endAsync(true)));
      idp.destroy();
      await cloud.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves waits for an order's event of a type, whether it arrived before or after the wait began. */
export class MessageWaiter {
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

  /** Resolves once the order's event of `type` has arrived. */
  waitFor(orderId: string, type: string, timeoutMs = 60_000): Promise<void> {
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

/** A deterministic generator of numbers in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CPU time (user + system) and the largest resident memory of this process while `run` runs. */
export async function measureProcess<T>(
  run: () => Promise<T>,
): Promise<{ result: T; cpuPercent: number; peakRssMiB: number; elapsedMs: number }> {
  const startCpu = process.cpuUsage();
  const started = performance.now();
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  try {
    const result = await run();
    const cpu = process.cpuUsage(startCpu);
    const elapsedMs = performance.now() - started;
    return {
      result,
      cpuPercent: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
      peakRssMiB: Math.max(peak, process.memoryUsage.rss()) / 2 ** 20,
      elapsedMs,
    };
  } finally {
    clearInterval(sampler);
  }
}
