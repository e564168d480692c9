import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus } from './realtime-connection';
import { createReconnectingRealtime, type ProviderLink } from './reconnecting-realtime';

interface FakeLink extends ProviderLink {
  topics: Set<string>;
  closed: boolean;
  report(status: ConnectionStatus): void;
  send(topic: string, payload: unknown): void;
}

function fakeLink(): FakeLink {
  const listeners = new Set<(status: ConnectionStatus) => void>();
  const handlers = new Map<string, (payload: unknown) => void>();
  const link: FakeLink = {
    topics: new Set(),
    closed: false,
    subscribe(topic, onMessage) {
      link.topics.add(topic);
      handlers.set(topic, onMessage);
      return { unsubscribe: () => link.topics.delete(topic) };
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      link.closed = true;
    },
    report(status) {
      for (const listener of listeners) listener(status);
    },
    send(topic, payload) {
      handlers.get(topic)?.(payload);
    },
  };
  return link;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const links: FakeLink[] = [];
  const connection = createReconnectingRealtime(async () => {
    const link = fakeLink();
    links.push(link);
    return link;
  }, [1000, 2000]);
  const statuses: ConnectionStatus[] = [];
  connection.onStatus((status) => statuses.push(status));
  return { connection, links, statuses, last: () => links.at(-1) as FakeLink };
}

describe('createReconnectingRealtime', () => {
  it('subscribes the topics on the link and hands on its messages', async () => {
    // Arrange
    const { connection, last } = setup();
    const received: unknown[] = [];

    // Act
    connection.subscribe('shops/main/config', (payload) => received.push(payload));
    await vi.advanceTimersByTimeAsync(0);
    last().send('shops/main/config', { type: 'x' });

    // Assert
    expect([...last().topics]).toEqual(['shops/main/config']);
    expect(received).toEqual([{ type: 'x' }]);
  });

  it('replaces a lost link with a fresh one after the retry delays, re-subscribing, until one connects', async () => {
    // Arrange
    const { connection, links, statuses, last } = setup();
    connection.subscribe('users/u1/orders', () => undefined);
    await vi.advanceTimersByTimeAsync(0);
    last().report('online');

    // Act
    links[0]?.report('offline');
    await vi.advanceTimersByTimeAsync(999);
    const before = links.length;
    await vi.advanceTimersByTimeAsync(1);
    last().report('offline');
    await vi.advanceTimersByTimeAsync(2000);
    last().report('online');
    await vi.advanceTimersByTimeAsync(60_000);

    // Assert
    expect(before).toBe(1);
    expect(links).toHaveLength(3);
    expect(links[0]?.closed).toBe(true);
    expect(links[1]?.closed).toBe(true);
    expect([...last().topics]).toEqual(['users/u1/orders']);
    expect(statuses).toEqual(['connecting', 'online', 'offline', 'online']);
  });

  it('shows offline when the first connection fails, and ignores reports of replaced links', async () => {
    // Arrange
    const { links, statuses } = setup();
    await vi.advanceTimersByTimeAsync(0);

    // Act
    links[0]?.report('offline');
    await vi.advanceTimersByTimeAsync(1000);
    links[0]?.report('online');

    // Assert
    expect(statuses).toEqual(['connecting', 'offline']);
  });

  it('stops subscribing a topic when its last subscriber leaves, and everything on close', async () => {
    // Arrange
    const { connection, links, last } = setup();
    const stop = connection.subscribe('shops/main/config', () => undefined);
    await vi.advanceTimersByTimeAsync(0);

    // Act
    stop();
    const topicsAfterStop = [...last().topics];
    connection.close();
    last().report('offline');
    await vi.advanceTimersByTimeAsync(10_000);

    // Assert
    expect(topicsAfterStop).toEqual([]);
    expect(last().closed).toBe(true);
    expect(links).toHaveLength(1);
  });
});
