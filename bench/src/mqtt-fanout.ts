import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IotBroker } from '@coffee/localcloud';
import { Aedes } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import { createWebSocketStream, WebSocketServer } from 'ws';
import { type LatencySummary, summarize } from './stats.js';

/** One broker's figures delivering one message to every subscriber. */
export interface FanoutResult {
  broker: string;
  subscribers: number;
  rounds: number;
  /** From the publish call to the last subscriber receiving the message, per round (ms). */
  latency: LatencySummary;
  /** Subscribers × rounds over the summed round times. */
  deliveriesPerSecond: number;
}

/** A broker under test: where clients connect, and how the server publishes. */
interface Target {
  name: string;
  url: string;
  publish(topic: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

const TOPIC = 'shops/bench/queue';
const PATH = '/mqtt';
/** How many clients connect at once while setting up. */
const CONNECT_BATCH = 50;
/** Rounds run before measuring, to warm the code paths. */
const WARM_UP_ROUNDS = 5;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Our broker, attached to a plain HTTP server, with or without an (all-allowing) authorizer. */
async function ours(withAuthorizer: boolean): Promise<Target> {
  const broker = await IotBroker.create(
    withAuthorizer
      ? {
          authorizer: {
            authenticate: async () => undefined,
            authorizeSubscribe: () => true,
          },
        }
      : {},
  );
  const server = createServer();
  broker.attach(server, PATH);
  const port = await listen(server);
  return {
    name: `localcloud IotBroker${withAuthorizer ? ' + authorizer' : ''}`,
    url: `ws://127.0.0.1:${port}${PATH}`,
    publish: (topic, payload) => broker.publish(topic, payload, 0),
    async close() {
      await broker.close();
      await closeServer(server);
    },
  };
}

/** aedes alone on a `ws` server, no authorizer: the physical limit on this machine. */
async function rawAedes(): Promise<Target> {
  const aedes = await Aedes.createBroker({ maxClientsIdLength: 128 });
  const server = createServer();
  const webSockets = new WebSocketServer({ server, path: PATH });
  webSockets.on('connection', (socket, request) => aedes.handle(createWebSocketStream(socket), request));
  const port = await listen(server);
  return {
    name: 'raw aedes',
    url: `ws://127.0.0.1:${port}${PATH}`,
    publish: (topic, payload) =>
      new Promise((resolve, reject) =>
        aedes.publish(
          { cmd: 'publish', topic, payload: Buffer.from(payload), qos: 0, retain: false, dup: false },
          (error) => (error ? reject(error) : resolve()),
        ),
      ),
    async close() {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      for (const socket of webSockets.clients) socket.terminate();
      await closeServer(server);
    },
  };
}

/** Connects `count` subscribers to the topic; `onMessage` hears every round's message. */
async function connectSubscribers(
  url: string,
  count: number,
  onMessage: (payload: Buffer) => void,
): Promise<MqttClient[]> {
  const clients: MqttClient[] = [];
  for (let start = 0; start < count; start += CONNECT_BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(CONNECT_BATCH, count - start) }, async (_, i) => {
        const client = await mqtt.connectAsync(url, {
          clientId: `bench-${start + i}-${crypto.randomUUID()}`,
          protocolVersion: 4,
          reconnectPeriod: 0,
        });
        client.on('message', (_topic, payload) => onMessage(payload));
        await client.subscribeAsync(TOPIC, { qos: 0 });
        return client;
      }),
    );
    clients.push(...batch);
  }
  return clients;
}

/** Publishes one message per round and times until every subscriber has it. */
async function measure(target: Target, subscribers: number, rounds: number): Promise<FanoutResult> {
  let waiting: { round: number; left: number; done: () => void } | undefined;
  const clients = await connectSubscribers(target.url, subscribers, (payload) => {
    const { round } = JSON.parse(payload.toString('utf8')) as { round: number };
    if (waiting?.round === round && --waiting.left === 0) waiting.done();
  });
  try {
    const latencies: number[] = [];
    for (let round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
      const delivered = new Promise<void>((done) => {
        waiting = { round, left: subscribers, done };
      });
      const payload = JSON.stringify({ round, type: 'Bench.Fanout', detail: { shopId: 'bench' } });
      const started = performance.now();
      await target.publish(TOPIC, payload);
      await delivered;
      if (round >= WARM_UP_ROUNDS) latencies.push(performance.now() - started);
    }
    const totalMs = latencies.reduce((sum, ms) => sum + ms, 0);
    return {
      broker: target.name,
      subscribers,
      rounds,
      latency: summarize(latencies),
      deliveriesPerSecond: (subscribers * rounds) / (totalMs / 1000),
    };
  } finally {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    await target.close();
  }
}

/**
 * Delivering one QoS 0 message to `subscribers` MQTT clients over WebSocket, `rounds` times, through
 * our broker (published with `publish()`, without and with an authorizer, whose per-delivery check
 * is the difference) and through raw aedes on a plain `ws` server (the physical limit). Clients,
 * brokers and the clock share one process, so the figures include the clients' own work, equally
 * for each broker.
 */
export async function measureFanout(subscribers = 500, rounds = 20): Promise<FanoutResult[]> {
  const results: FanoutResult[] = [];
  for (const start of [() => ours(false), () => ours(true), rawAedes]) {
    results.push(await measure(await start(), subscribers, rounds));
  }
  return results;
}
