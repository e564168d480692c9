import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api, mqttClientId, pathFor, userOrdersTopic } from '@coffee/backend/contracts';
import { startLocalCloudProcess } from '@coffee/localcloud/process';
import mqtt, { type MqttClient } from 'mqtt';
import pidusage from 'pidusage';
import { ShopClient } from './simulate/shop-client.js';

/** The default shop, which the benchmarks use. */
export const SHOP = 'main';
const PASSWORD = 'Bench-Beans-42';

/** A signed-in customer and their own topic. */
export interface BenchCustomer {
  token: string;
  mine: MessageWaiter;
}

/** What the shop's process used while a benchmark ran. */
export interface ProcessUsage<T> {
  result: T;
  /** CPU time (user + system) over the run's wall time, % of one core. */
  cpuPercent: number;
  /** The largest resident memory sampled during the run. */
  peakRssMiB: number;
  elapsedMs: number;
}

/** The whole shop as `npm start` runs it, with what a benchmark needs to drive it. */
export interface ShopHarness {
  barista: string;
  display: string;
  /** The shop's public doors (config, API, user pool), as the rush simulator drives them. */
  client: ShopClient;
  /** The staff accounts' password. */
  staffPassword: string;
  /** One HTTP API call as `token`, with `headers` besides; throws on an error answer. */
  call<T>(
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
  /** Subscribes as `token` to `topic` (QoS 1), on a connection of its own until its `close()`. */
  subscribe(token: string, topic: string): Promise<MessageWaiter>;
  /** Creates `count` customers, signed in and subscribed to their own topic. */
  newCustomers(count: number): Promise<BenchCustomer[]>;
  /** Runs `run`, measuring the CPU and memory of the shop's process meanwhile. */
  measure<T>(run: () => Promise<T>): Promise<ProcessUsage<T>>;
  stop(): Promise<void>;
}

/**
 * Starts the shop as `npm start` does (the local cloud CLI with the backend) on a fresh data folder,
 * in a process of its own: the simulated phones of this process do not take its CPU, as real
 * phones would not, and its CPU and memory are measured apart. Limits are roomy enough for a
 * benchmark. It warms up before it is ready, as `npm start` does, unless `warmUp` is false.
 * `BENCH_PROFILE=1` writes a CPU profile of the shop's main thread to `bench/results/profiles/`.
 */
export async function startShop({ warmUp = true }: { warmUp?: boolean } = {}): Promise<ShopHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-shop-'));
  const profiles = join(import.meta.dirname, '..', 'results', 'profiles');
  const runtime = await startLocalCloudProcess({
    dataDir,
    app: join(import.meta.dirname, '..', '..', 'backend'),
    env: { STAFF_PASSWORD: PASSWORD, ...(!warmUp && { LOCALCLOUD_WARM_UP: 'false' }) },
    ...(process.env.BENCH_PROFILE === '1' && { nodeOptions: ['--cpu-prof', `--cpu-prof-dir=${profiles}`] }),
  });
  const origin = runtime.webUrl;
  const client = await ShopClient.connect(origin, runtime.edgeUrl);
  /** The subscriptions still open, which `stop()` ends. */
  const waiters = new Set<MessageWaiter>();

  const call = async <T>(
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T> => {
    const answer = await client.call(method, path, token, { body, ...(headers && { headers }) });
    if (answer.status >= 400)
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as T;
  };
  const subscribe = async (token: string, topic: string) => {
    const connection = await mqtt.connectAsync(`${origin.replace('http', 'ws')}/mqtt?token=${token}`, {
      reconnectPeriod: 0,
      // As the apps do: the broker takes a client id only from the user it names.
      clientId: mqttClientId(subOf(token), randomUUID()),
    });
    await connection.subscribeAsync(topic, { qos: 1 });
    const waiter = new MessageWaiter(connection);
    waiters.add(waiter);
    connection.once('end', () => waiters.delete(waiter));
    return waiter;
  };
  const newCustomer = async (): Promise<BenchCustomer> => {
    const token = await client.newCustomer();
    return { token, mine: await subscribe(token, userOrdersTopic(subOf(token))) };
  };

  const [barista, display] = await Promise.all([
    client.signIn('barista', PASSWORD),
    client.signIn('display', PASSWORD),
  ]);
  await call('PUT', pathFor(Api.updateLimits, { shopId: SHOP }), barista, {
    drinksPerCode: 5000,
    capacity: 1000,
    dailyLimit: 100,
  });
  return {
    barista,
    display,
    client,
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
    measure: (run) => measureProcess(runtime.pid, run),
    async stop() {
      await Promise.all([...waiters].map((waiter) => waiter.close()));
      client.close();
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves waits for an order's event of a type, whether it arrived before or after the wait began. */
export class MessageWaiter {
  private readonly seen = new Set<string>();
  private readonly waiting = new Map<string, () => void>();
  private closed: Promise<void> | undefined;

  constructor(private readonly client: MqttClient) {
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

  /** Ends the subscription's connection, as a phone or display leaving the shop does (once). */
  close(): Promise<void> {
    this.closed ??= this.client.endAsync(true);
    return this.closed;
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

/** CPU time and the largest resident memory of process `pid` while `run` runs. */
async function measureProcess<T>(pid: number | undefined, run: () => Promise<T>): Promise<ProcessUsage<T>> {
  if (pid === undefined) throw new Error('The shop is not running');
  const before = await pidusage(pid);
  const started = performance.now();
  let peak = before.memory;
  const sampler = setInterval(() => {
    pidusage(pid).then(
      (usage) => {
        peak = Math.max(peak, usage.memory);
      },
      () => undefined,
    );
  }, 100);
  try {
    const result = await run();
    const after = await pidusage(pid);
    const elapsedMs = performance.now() - started;
    return {
      result,
      cpuPercent: ((after.ctime - before.ctime) / elapsedMs) * 100,
      peakRssMiB: Math.max(peak, after.memory) / 2 ** 20,
      elapsedMs,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** The user an ID token names (its `sub`), read without verifying it: the shop verifies it. */
function subOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).sub as string;
}
