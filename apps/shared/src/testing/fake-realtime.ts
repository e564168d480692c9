import type { PublicMessage } from '@coffee/backend/contracts';
import type { ConnectionStatus, RealtimeConnection } from '../realtime/realtime-connection';

/** A {@link RealtimeConnection} for tests: deliver messages and change the status by hand. */
export interface FakeRealtime extends RealtimeConnection {
  /** The topics subscribed to now. */
  readonly topics: string[];
  /** Delivers `payload` to the subscribers of `topic`. */
  deliver(topic: string, payload: PublicMessage | unknown): void;
  setStatus(status: ConnectionStatus): void;
  readonly closed: boolean;
}

/** A new {@link FakeRealtime}, `online` unless told otherwise. */
export function createFakeRealtime(initial: ConnectionStatus = 'online'): FakeRealtime {
  const subscribers = new Map<string, Set<(payload: unknown) => void>>();
  const listeners = new Set<(status: ConnectionStatus) => void>();
  let status = initial;
  let closed = false;
  return {
    get topics() {
      return [...subscribers.entries()].filter(([, set]) => set.size > 0).map(([topic]) => topic);
    },
    get closed() {
      return closed;
    },
    subscribe(topic, onMessage) {
      const set = subscribers.get(topic) ?? new Set();
      set.add(onMessage);
      subscribers.set(topic, set);
      return () => set.delete(onMessage);
    },
    onStatus(listener) {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      subscribers.clear();
    },
    deliver(topic, payload) {
      for (const subscriber of subscribers.get(topic) ?? []) subscriber(payload);
    },
    setStatus(next) {
      status = next;
      for (const listener of listeners) listener(next);
    },
  };
}
