import type { ConnectionStatus, RealtimeConnection } from './realtime-connection';

/** One connection of a provider (one Amplify PubSub instance), as {@link createReconnectingRealtime} drives it. */
export interface ProviderLink {
  /** Subscribes to one topic on this link. */
  subscribe(topic: string, onMessage: (payload: unknown) => void): { unsubscribe(): void };
  /** Calls `listener` with each status this link reports. Answers how to stop. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Ends the link's subscriptions and connection, and its status reports. */
  close(): void;
}

/** How long to wait before each successive attempt at a fresh link, the last repeated. */
export const RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000];

/**
 * A {@link RealtimeConnection} over links that `openLink` makes. While the link is down, a fresh
 * link replaces it after each of `retryDelaysMs` (and at once when the browser comes back
 * online), re-subscribing every topic: Amplify's own reconnection retries only once a minute, too
 * slow for a shop whose laptop restarts. Status: `connecting` until the first connection, then
 * `online` / `offline`.
 */
export function createReconnectingRealtime(
  openLink: () => Promise<ProviderLink>,
  retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
): RealtimeConnection {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const listeners = new Set<(status: ConnectionStatus) => void>();
  let link: { provider: ProviderLink; subscriptions: Map<string, { unsubscribe(): void }> } | undefined;
  let status: ConnectionStatus = 'connecting';
  let closed = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const setStatus = (next: ConnectionStatus) => {
    // "Connecting" is only the first attempt; a retry while down stays offline (no flicker).
    const shown = next === 'connecting' && status !== 'connecting' ? 'offline' : next;
    if (shown === status) return;
    status = shown;
    for (const listener of listeners) listener(status);
  };

  const deliver = (topic: string) => (payload: unknown) => {
    for (const handler of handlers.get(topic) ?? []) handler(payload);
  };

  const scheduleRetry = () => {
    if (closed || retryTimer !== undefined) return;
    const delay = retryDelaysMs[Math.min(attempt, retryDelaysMs.length - 1)] ?? 15_000;
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (closed || status === 'online') return;
      void reopen();
      // If the fresh link reports nothing conclusive either, try again later.
      scheduleRetry();
    }, delay);
  };

  const stopRetrying = () => {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    attempt = 0;
  };

  const dropLink = () => {
    if (!link) return;
    for (const subscription of link.subscriptions.values()) subscription.unsubscribe();
    link.provider.close();
    link = undefined;
  };

  async function reopen(): Promise<void> {
    const mine = ++generation;
    dropLink();
    let provider: ProviderLink;
    try {
      provider = await openLink();
    } catch (error) {
      console.error('[realtime] could not open a connection:', error);
      setStatus('offline');
      scheduleRetry();
      return;
    }
    if (closed || mine !== generation) return provider.close();
    link = { provider, subscriptions: new Map() };
    provider.onStatus((next) => {
      if (link?.provider !== provider) return;
      setStatus(next);
      if (next === 'online') stopRetrying();
      else if (next === 'offline') scheduleRetry();
    });
    for (const topic of handlers.keys())
      link.subscriptions.set(topic, provider.subscribe(topic, deliver(topic)));
  }

  const onBrowserOnline = () => {
    if (closed || status === 'online') return;
    stopRetrying();
    void reopen();
  };
  if (typeof window !== 'undefined') window.addEventListener('online', onBrowserOnline);
  void reopen();

  return {
    subscribe(topic, onMessage) {
      let set = handlers.get(topic);
      if (!set) {
        set = new Set();
        handlers.set(topic, set);
        link?.subscriptions.set(topic, link.provider.subscribe(topic, deliver(topic)));
      }
      set.add(onMessage);
      return () => {
        set.delete(onMessage);
        if (set.size > 0 || handlers.get(topic) !== set) return;
        handlers.delete(topic);
        link?.subscriptions.get(topic)?.unsubscribe();
        link?.subscriptions.delete(topic);
      };
    },
    onStatus(listener) {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      stopRetrying();
      if (typeof window !== 'undefined') window.removeEventListener('online', onBrowserOnline);
      dropLink();
      handlers.clear();
      listeners.clear();
    },
  };
}
