import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mqtt, { type IClientOptions, type IConnackPacket, type MqttClient } from 'mqtt';
import { IotBroker, type IotBrokerOptions } from '../../src/iot/index.js';

/** A broker attached to a plain HTTP server on a free loopback port, and clients connected to it. */
export interface TestBroker<Principal> {
  broker: IotBroker<Principal>;
  server: Server;
  /** The WebSocket URL of the broker, with `?token=` when a token is given. */
  url(token?: string): string;
  /**
   * Connects an MQTT 3.1.1 client (no automatic reconnection, closed by `stop`), collecting its
   * messages from before the CONNACK: a resumed session's queued messages follow it at once.
   */
  connect(clientId: string, options?: { token?: string } & IClientOptions): Promise<Connected>;
  stop(): Promise<void>;
}

/** A connected client, the messages it has received so far, and its CONNACK. */
export interface Connected {
  client: MqttClient;
  messages: Received[];
  sessionPresent: boolean;
}

/** A logger that keeps what it is told, so tests stay quiet and can assert on it. */
export function recordingLogger(): {
  warn: (...args: unknown[]) => void;
  error: (...args: unknown[]) => void;
  lines: string[];
} {
  const lines: string[] = [];
  const record = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  return { warn: record, error: record, lines };
}

/** Starts a broker and an HTTP server it is attached to at `/mqtt`. */
export async function startBroker<Principal = unknown>(
  options: IotBrokerOptions<Principal> = {},
): Promise<TestBroker<Principal>> {
  const broker = await IotBroker.create<Principal>({ logger: recordingLogger(), ...options });
  const server = createServer((_request, response) => response.writeHead(404).end());
  broker.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const clients: MqttClient[] = [];
  const url = (token?: string) =>
    `ws://127.0.0.1:${port}/mqtt${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
  return {
    broker,
    server,
    url,
    async connect(clientId, { token, ...options } = {}) {
      const client = mqtt.connect(url(token), {
        clientId,
        protocolVersion: 4,
        reconnectPeriod: 0,
        connectTimeout: 5_000,
        ...options,
      });
      clients.push(client);
      const messages = inbox(client);
      const connack = await new Promise<IConnackPacket>((resolve, reject) => {
        client.once('connect', resolve);
        client.once('error', reject);
      });
      return { client, messages, sessionPresent: connack.sessionPresent };
    },
    async stop() {
      await Promise.all(clients.map((client) => client.endAsync(true)));
      await broker.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A message as a subscriber saw it. */
export interface Received {
  topic: string;
  text: string;
}

/** Everything `client` receives from now on, in order. */
export function inbox(client: MqttClient): Received[] {
  const messages: Received[] = [];
  client.on('message', (topic, payload) => messages.push({ topic, text: payload.toString('utf8') }));
  return messages;
}

/** Waits until `messages` holds `count` messages (or fails after `timeoutMs`). */
export async function waitFor(messages: Received[], count: number, timeoutMs = 2_000): Promise<Received[]> {
  const deadline = Date.now() + timeoutMs;
  while (messages.length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${messages.length}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return messages;
}

/** Lets in-flight deliveries land, to assert that nothing more arrives. */
export function settle(ms = 100): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The SUBACK return codes for `filters`, whether or not some were refused (mqtt.js rejects then). */
export async function subscribeCodes(
  client: MqttClient,
  filters: string[],
  qos: 0 | 1 = 1,
): Promise<number[]> {
  try {
    const granted = await client.subscribeAsync(filters, { qos });
    return granted.map((grant) => grant.qos);
  } catch (error) {
    const packet = (error as { packet?: { granted?: number[] } }).packet;
    if (!packet?.granted) throw error;
    return packet.granted;
  }
}

/** Resolves when the client's connection closes. */
export function closed(client: MqttClient): Promise<void> {
  return new Promise((resolve) => {
    if (!client.connected) return resolve();
    client.once('close', () => resolve());
  });
}
