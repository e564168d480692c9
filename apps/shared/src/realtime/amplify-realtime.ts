import { decodeJWT } from '@aws-amplify/core';
import { mqttClientId, principalFromClaims } from '@coffee/backend/contracts';
import type { RuntimeConfig } from '../config/runtime-config';
import type { ConnectionStatus, RealtimeConnection } from './realtime-connection';
import { createReconnectingRealtime, type ProviderLink } from './reconnecting-realtime';

/** The subset of Amplify's PubSub providers (`@aws-amplify/pubsub`, `/mqtt`) used here. */
interface PubSubLike {
  subscribe(input: { topics: string[] }): {
    subscribe(observer: { next: (value: unknown) => void; error: (error: unknown) => void }): {
      unsubscribe(): void;
    };
  };
}

/** Amplify's `CONNECTION_STATE_CHANGE` Hub event (`@aws-amplify/pubsub`), not imported to keep the IoT provider lazy. */
const CONNECTION_STATE_CHANGE = 'ConnectionStateChange';

/** The Amplify `ConnectionState` values, as the apps see them. */
const STATUS_OF: Record<string, ConnectionStatus> = {
  Connected: 'online',
  ConnectedPendingKeepAlive: 'online',
  Connecting: 'connecting',
  ConnectedPendingNetwork: 'offline',
  ConnectionDisrupted: 'offline',
  ConnectionDisruptedPendingNetwork: 'offline',
  ConnectedPendingDisconnect: 'offline',
  Disconnected: 'offline',
};

/**
 * The MQTT URL with the caller's ID token as its `token` query parameter (DESIGN "MQTT topics"),
 * or the bare URL for an anonymous connection (config topics only).
 */
export function mqttUrlWithToken(mqttUrl: string, token: string | undefined): string {
  if (!token) return mqttUrl;
  const url = new URL(mqttUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

/**
 * Amplify's MQTT-over-WebSocket PubSub provider on `mqttUrl` (the local broker, or IoT Core's
 * endpoint naming the custom authorizer), connecting as `clientId`.
 */
async function createProvider(
  mqttUrl: string,
  clientId: string,
  idToken: () => Promise<string | undefined>,
): Promise<PubSubLike> {
  const { PubSub } = await import('@aws-amplify/pubsub/mqtt');
  /** Reads the current ID token at every connection: a refreshed token is used as soon as it exists. */
  class TokenMqtt extends PubSub {
    protected override get endpoint(): Promise<string | undefined> {
      return idToken().then((token) => mqttUrlWithToken(mqttUrl, token));
    }
  }
  return new TokenMqtt({
    endpoint: mqttUrl,
    clientId,
    aws_appsync_dangerously_connect_to_http_endpoint_for_testing: mqttUrl.startsWith('ws:'),
  }) as unknown as PubSubLike;
}

/**
 * The client id of a link for the holder of `token` (DESIGN "MQTT topics"): bound to its user, whom
 * the broker checks it against, so nobody else can take the connection over by its id. Any other
 * tab or device of the user gets a nonce of its own. The token is read, not verified: the broker
 * verifies it.
 */
export function clientIdOfLink(token: string | undefined, nonce = randomNonce()): string {
  const userId = token ? principalFromClaims(decodeJWT(token).payload)?.sub : undefined;
  return mqttClientId(userId, nonce);
}

/**
 * 16 random hex digits. `crypto.getRandomValues`, not `randomUUID`: phones reach a pop-up shop's
 * laptop over plain HTTP on the local network, where browsers offer `randomUUID` only to secure
 * pages.
 */
function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** One Amplify PubSub instance as a {@link ProviderLink}: its subscriptions, and its connection states from the Hub. */
async function openAmplifyLink(
  config: RuntimeConfig,
  idToken: () => Promise<string | undefined>,
): Promise<ProviderLink> {
  // A token that cannot be read for now (offline) fails this link, to be tried again shortly
  // (see createReconnectingRealtime): connecting without it, anonymously, every subscription
  // but the config's would be refused, silently, on a link that looks online.
  const clientId = clientIdOfLink(await idToken());
  const [pubsub, { Hub }] = await Promise.all([
    createProvider(config.mqttUrl, clientId, idToken),
    import('aws-amplify/utils'),
  ]);
  const listeners = new Set<(status: ConnectionStatus) => void>();
  const subscriptions = new Set<{ unsubscribe(): void }>();
  const stopHub = Hub.listen('pubsub', ({ payload }) => {
    const data = payload.data as { provider?: unknown; connectionState?: string } | undefined;
    if (payload.event !== CONNECTION_STATE_CHANGE || data?.provider !== pubsub) return;
    const status = STATUS_OF[data.connectionState ?? ''] ?? 'offline';
    for (const listener of listeners) listener(status);
  });
  return {
    subscribe(topic, onMessage) {
      const subscription = pubsub.subscribe({ topics: [topic] }).subscribe({
        next: (value) => onMessage(value),
        error: (error) => console.warn(`[realtime] ${topic}:`, error),
      });
      subscriptions.add(subscription);
      return {
        unsubscribe() {
          subscriptions.delete(subscription);
          subscription.unsubscribe();
        },
      };
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      for (const subscription of subscriptions) subscription.unsubscribe();
      subscriptions.clear();
      listeners.clear();
      stopHub();
    },
  };
}

/**
 * A {@link RealtimeConnection} through Amplify PubSub: MQTT over WebSocket to
 * `mqttUrl?token=<ID token>`, on the local cloud and on AWS alike (IoT Core's custom authorizer
 * reads the same parameter). The provider's code loads on first use, off the app's first paint. A
 * lost connection is replaced by a fresh one within seconds (see `createReconnectingRealtime`).
 */
export function createAmplifyRealtime(
  config: RuntimeConfig,
  idToken: () => Promise<string | undefined>,
): RealtimeConnection {
  return createReconnectingRealtime(() => openAmplifyLink(config, idToken));
}
