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

/** Loads and builds the PubSub provider the config calls for: IoT Core (AWS) or plain MQTT (local). */
async function createProvider(
  config: RuntimeConfig,
  idToken: () => Promise<string | undefined>,
): Promise<PubSubLike> {
  if (config.iotEndpoint) {
    const { PubSub } = await import('@aws-amplify/pubsub');
    return new PubSub({ region: config.region, endpoint: config.iotEndpoint }) as unknown as PubSubLike;
  }
  const mqttUrl = config.mqttUrl as string;
  const { PubSub } = await import('@aws-amplify/pubsub/mqtt');
  /** Reads the current ID token at every connection: a refreshed token is used as soon as it exists. */
  class TokenMqtt extends PubSub {
    protected override get endpoint(): Promise<string | undefined> {
      return idToken().then((token) => mqttUrlWithToken(mqttUrl, token));
    }
  }
  return new TokenMqtt({
    endpoint: mqttUrl,
    aws_appsync_dangerously_connect_to_http_endpoint_for_testing: mqttUrl.startsWith('ws:'),
  }) as unknown as PubSubLike;
}

/** One Amplify PubSub instance as a {@link ProviderLink}: its subscriptions, and its connection states from the Hub. */
async function openAmplifyLink(
  config: RuntimeConfig,
  idToken: () => Promise<string | undefined>,
): Promise<ProviderLink> {
  // A token that cannot be read for now (offline) fails this link, to be tried again shortly
  // (see createReconnectingRealtime): connecting without it, anonymously, every subscription
  // but the config's would be refused, silently, on a link that looks online.
  await idToken();
  const [pubsub, { Hub }] = await Promise.all([createProvider(config, idToken), import('aws-amplify/utils')]);
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
 * A {@link RealtimeConnection} through Amplify PubSub: the IoT provider when the config has an
 * `iotEndpoint` (AWS), else plain MQTT over WebSocket to `mqttUrl?token=<ID token>` (local). The
 * provider's code loads on first use, off the app's first paint. A lost connection is replaced by
 * a fresh one within seconds (see `createReconnectingRealtime`).
 */
export function createAmplifyRealtime(
  config: RuntimeConfig,
  idToken: () => Promise<string | undefined>,
): RealtimeConnection {
  return createReconnectingRealtime(() => openAmplifyLink(config, idToken));
}
