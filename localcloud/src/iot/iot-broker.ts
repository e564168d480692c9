import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';
import type { EdgeRoute } from '../edge/edge-route.js';
import type { MqttAuthorizer, MqttConnectRequest } from './mqtt-authorizer.js';
import { MAX_WEBSOCKET_MESSAGE_BYTES, PacketSizeLimit } from './packet-size-limit.js';
import { publishRoute } from './publish.js';
import { InvalidTopicError, topicMatches, topicNameProblem } from './topic-name.js';

/** Where the broker reports what it refused or failed at. */
export type IotLogger = Pick<Console, 'warn' | 'error'>;

/** How the broker is set up. */
export interface IotBrokerOptions<Principal = unknown> {
  /** Who may connect, subscribe and publish; without one, everything is allowed. */
  authorizer?: MqttAuthorizer<Principal>;
  /** Defaults to the console. */
  logger?: IotLogger;
}

/** Options of a server-side publish. */
export interface IotPublishOptions {
  /** Keep the message as the topic's retained message, sent to later subscribers. */
  retain?: boolean;
}

/** The default WebSocket path, the one IoT Core's endpoint uses. */
export const DEFAULT_MQTT_PATH = '/mqtt';

/**
 * Longest accepted client id. MQTT 3.1 caps ids at 23 characters; Amplify's are 36 and IoT Core
 * accepts 128. https://docs.aws.amazon.com/general/latest/gr/iot-core.html#message-broker-limits
 */
const MAX_CLIENT_ID_LENGTH = 128;

/** The longest delay `setTimeout` keeps (about 24.8 days); a later end is put off to then. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** CONNACK return code 5, "connection refused, not authorized" (MQTT 3.1.1, table 3.1). */
const CONNACK_NOT_AUTHORIZED = 5;

interface Attachment {
  server: Server;
  onUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

/**
 * The local IoT Core: an MQTT broker (aedes, sessions in memory) reached over WebSocket on the
 * HTTP servers it is attached to, the server-side publish the data plane's Publish action uses,
 * and the application's {@link MqttAuthorizer} deciding who connects, for how long, and which topics
 * each client may use. QoS 0 and 1; packets of at most IoT Core's 128 KB of payload (a longer
 * one closes the connection at its header); a persistent session (clean session false) keeps its subscriptions and
 * receives the QoS 1 messages it missed while this process lives.
 */
export class IotBroker<Principal = unknown> {
  private readonly principals = new WeakMap<Client, Principal>();
  /** The topic filters the authorizer granted each client, in this connection. */
  private readonly granted = new WeakMap<Client, Set<string>>();
  private readonly connected = new Map<string, Client>();
  private readonly webSockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_WEBSOCKET_MESSAGE_BYTES,
  });
  /** The timers that close connections whose credentials expire (see {@link MqttAuthorizer.connectionEndsAt}). */
  private readonly endTimers = new WeakMap<Client, NodeJS.Timeout>();
  private readonly attachments: Attachment[] = [];

  private constructor(
    private readonly aedes: Aedes,
    private readonly logger: IotLogger,
  ) {
    this.webSockets.on('connection', (socket, request) => {
      // Registered before the stream's own listener, so a packet too long is refused at its header.
      const limit = new PacketSizeLimit();
      socket.on('message', (data: Buffer) => {
        if (limit.accepts(data)) return;
        this.logger.warn('[iot] connection closed: a packet longer than IoT Core takes (128 KB of payload)');
        socket.terminate();
      });
      this.aedes.handle(createWebSocketStream(socket), request);
    });
    aedes.on('client', (client) => this.connected.set(client.id, client));
    aedes.on('clientDisconnect', (client) => {
      if (this.connected.get(client.id) === client) this.connected.delete(client.id);
      clearTimeout(this.endTimers.get(client));
    });
  }

  /** Starts a broker; it serves clients once {@link attach}ed to an HTTP server. */
  static async create<Principal = unknown>(
    options: IotBrokerOptions<Principal> = {},
  ): Promise<IotBroker<Principal>> {
    const aedes = await Aedes.createBroker({ maxClientsIdLength: MAX_CLIENT_ID_LENGTH });
    const broker = new IotBroker<Principal>(aedes, options.logger ?? console);
    if (options.authorizer) broker.enforce(options.authorizer);
    return broker;
  }

  /**
   * Serves MQTT over WebSocket on `server` at `path` (query string aside). Upgrades to other paths
   * are left to the server's other listeners.
   */
  attach(server: Server, path = DEFAULT_MQTT_PATH): void {
    const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(request.url ?? '/', 'http://localhost').pathname !== path) return;
      this.webSockets.handleUpgrade(request, socket, head, (webSocket) => {
        this.webSockets.emit('connection', webSocket, request);
      });
    };
    server.on('upgrade', onUpgrade);
    this.attachments.push({ server, onUpgrade });
  }

  /**
   * Publishes on behalf of the server, bypassing the authorizer. Resolves once the message is
   * handed to the subscribers online and queued (QoS 1) for persistent sessions offline.
   */
  publish(
    topic: string,
    payload: string | Buffer,
    qos: 0 | 1,
    options: IotPublishOptions = {},
  ): Promise<void> {
    const problem = topicNameProblem(topic);
    if (problem) return Promise.reject(new InvalidTopicError(problem));
    return new Promise((resolve, reject) => {
      this.aedes.publish(
        {
          cmd: 'publish',
          topic,
          payload: typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload,
          qos,
          retain: options.retain ?? false,
          dup: false,
        },
        (error) => (error ? reject(error) : resolve()),
      );
    });
  }

  /** The principal the authorizer gave a connected client, or undefined (anonymous, or not connected). */
  principalOf(clientId: string): Principal | undefined {
    const client = this.connected.get(clientId);
    return client && this.principals.get(client);
  }

  /** The IoT data plane routes for the edge: `POST /topics/{topic}` (Publish). */
  dataPlaneRoutes(): EdgeRoute[] {
    return [
      publishRoute((topic, payload, qos, options) => this.publish(topic, payload, qos, options), this.logger),
    ];
  }

  /** Detaches from the HTTP servers, disconnects every client and stops the broker. */
  async close(): Promise<void> {
    for (const { server, onUpgrade } of this.attachments.splice(0)) server.off('upgrade', onUpgrade);
    await new Promise<void>((resolve) => this.aedes.close(() => resolve()));
    for (const socket of this.webSockets.clients) socket.terminate();
    await new Promise<void>((resolve) => this.webSockets.close(() => resolve()));
  }

  /** Puts the authorizer in front of aedes' connect, subscribe and publish. */
  private enforce(authorizer: MqttAuthorizer<Principal>): void {
    this.aedes.authenticate = (client, username, password, done) => {
      const refuse = (reason: string) => {
        this.logger.warn(`[iot] connection of ${client.id} refused: ${reason}`);
        const error = new Error(`Not authorized: ${reason}`) as AuthenticateError;
        error.returnCode = CONNACK_NOT_AUTHORIZED;
        done(error, false);
      };
      const request: MqttConnectRequest = {
        clientId: client.id,
        token: tokenOf(client.req),
        username,
        password: password?.toString('utf8'),
      };
      Promise.resolve()
        .then(() => authorizer.authenticate(request))
        .then(
          (principal) => {
            if (principal === false) return refuse('the authorizer said no');
            if (principal !== undefined) {
              this.principals.set(client, principal);
              const end = authorizer.connectionEndsAt?.(principal);
              if (end && end.getTime() <= Date.now()) return refuse('its credentials have expired');
            }
            done(null, true);
          },
          (error: unknown) => refuse(error instanceof Error ? error.message : String(error)),
        );
    };

    this.aedes.authorizeSubscribe = (client, subscription, done) => {
      const principal = this.principals.get(client);
      Promise.resolve()
        .then(() => authorizer.authorizeSubscribe(principal, subscription.topic))
        .then(
          (allowed) => {
            if (!allowed) return done(null, null);
            this.grantedTo(client).add(subscription.topic);
            done(null, subscription);
          },
          (error: unknown) => {
            this.logger.error(`[iot] authorizeSubscribe failed for ${client.id}; refused:`, error);
            done(null, null);
          },
        );
    };

    // Once connected (a connection refused at CONNECT has nothing to close), from its principal.
    this.aedes.on('client', (client) => {
      const principal = this.principals.get(client);
      const end = principal === undefined ? undefined : authorizer.connectionEndsAt?.(principal);
      if (end) this.closeAt(client, end);
    });

    this.aedes.on('unsubscribe', (filters, client) => {
      for (const filter of filters) this.granted.get(client)?.delete(filter);
    });

    // A resumed persistent session gets the QoS 1 messages queued while it was away. They were
    // queued under the subscriptions of whoever held the session then; forward only those that
    // the filters granted to this connection's principal still cover.
    this.aedes.authorizeForward = (client, packet) => {
      const filters = this.granted.get(client);
      for (const filter of filters ?? []) if (topicMatches(filter, packet.topic)) return packet;
      return null;
    };

    this.aedes.authorizePublish = (client, packet, done) => {
      const refuse = (reason: string) => {
        this.logger.warn(`[iot] publish of ${client?.id ?? 'a will'} to ${packet.topic} refused: ${reason}`);
        done(new Error(`Not authorized to publish to ${packet.topic}`));
      };
      if (packet.topic.startsWith('$')) return refuse('$ topics are reserved');
      const check = authorizer.authorizePublish;
      if (!check) return refuse('clients may not publish');
      const principal = client ? this.principals.get(client) : undefined;
      Promise.resolve()
        .then(() => check.call(authorizer, principal, packet.topic))
        .then(
          (allowed) => (allowed ? done(null) : refuse('the authorizer said no')),
          (error: unknown) => {
            this.logger.error('[iot] authorizePublish failed; refused:', error);
            done(error instanceof Error ? error : new Error(String(error)));
          },
        );
    };
  }

  /**
   * Closes a connection when the authorizer said it ends (its credentials expire), as IoT Core does
   * at a custom authorizer's `disconnectAfterInSeconds`; the client reconnects with fresh ones.
   */
  private closeAt(client: Client, end: Date): void {
    const close = () => {
      this.logger.warn(`[iot] connection of ${client.id} closed: its credentials expired`);
      client.close();
    };
    const delay = Math.max(0, end.getTime() - Date.now());
    this.endTimers.set(client, setTimeout(close, Math.min(delay, MAX_TIMER_DELAY_MS)).unref());
  }

  private grantedTo(client: Client): Set<string> {
    let filters = this.granted.get(client);
    if (!filters) {
      filters = new Set();
      this.granted.set(client, filters);
    }
    return filters;
  }
}

/** The `token` query parameter of the WebSocket upgrade request, if any. */
function tokenOf(request: IncomingMessage | undefined): string | undefined {
  if (!request?.url) return undefined;
  return new URL(request.url, 'http://localhost').searchParams.get('token') ?? undefined;
}
