import { type Order, OrderState } from '@coffee/backend/contracts';
import { describe, expect, it } from 'vitest';
import { ago, anOrder, NOW } from '../testing/fixtures';
import { createOrderCache, FORGET_AFTER_MS } from './order-cache';

const ids = (orders: { orderId: string }[]) => orders.map((order) => order.orderId);

/** A board-like cache: two states listed, only one of them kept however old. */
const cache = createOrderCache({
  listedStates: [OrderState.Making, OrderState.Ready],
  keptStates: [OrderState.Making],
});

describe('upsert', () => {
  it('adds an order it does not know', () => {
    expect(ids(cache.upsert([], anOrder({ state: OrderState.Making }), NOW))).toEqual(['o1']);
  });

  it('replaces the version it knows with a newer one', () => {
    const making = anOrder({ state: OrderState.Making, updatedAt: ago(60) });
    const ready = anOrder({ state: OrderState.Ready, updatedAt: ago(1) });
    expect(cache.upsert([making], ready, NOW)).toEqual([ready]);
  });

  it('ignores a version older than the one it knows', () => {
    const ready = anOrder({ state: OrderState.Ready, updatedAt: ago(1) });
    const late = anOrder({ state: OrderState.Making, updatedAt: ago(60) });
    expect(cache.upsert([ready], late, NOW)).toEqual([ready]);
  });

  it('keeps a known number when a later version lacks it', () => {
    const next = anOrder({ state: OrderState.Making, orderNumber: undefined, updatedAt: ago(1) });
    expect(cache.upsert([anOrder({ orderNumber: 7 })], next, NOW)[0]?.orderNumber).toBe(7);
  });

  it('lists oldest first, the order number breaking ties', () => {
    const young = anOrder({ orderId: 'young', createdAt: ago(10), updatedAt: ago(5) });
    const old = anOrder({ orderId: 'old', createdAt: ago(500), updatedAt: ago(5), orderNumber: 2 });
    const twin = anOrder({ orderId: 'twin', createdAt: ago(500), updatedAt: ago(5), orderNumber: 1 });
    expect(
      ids([young, old, twin].reduce<Order[]>((orders, order) => cache.upsert(orders, order, NOW), [])),
    ).toEqual(['twin', 'old', 'young']);
  });

  it.each([
    [OrderState.Making, FORGET_AFTER_MS / 1000, true],
    [OrderState.Ready, FORGET_AFTER_MS / 1000 - 1, true],
    [OrderState.Ready, FORGET_AFTER_MS / 1000, false],
    [OrderState.Cancelled, FORGET_AFTER_MS / 1000, false],
  ] as const)('remembers another %s order last changed %i s ago: %s', (state, seconds, remembered) => {
    const other = anOrder({ orderId: 'other', state, updatedAt: ago(seconds), reason: 'x', by: 'barista' });
    const orders = cache.upsert([other], anOrder({ state: OrderState.Making }), NOW);
    expect(ids(orders).includes('other')).toBe(remembered);
  });

  it('keeps the listed states however old when no kept states are given', () => {
    const queue = createOrderCache({ listedStates: [OrderState.Submitted, OrderState.Ready] });
    const ready = anOrder({
      orderId: 'ready',
      state: OrderState.Ready,
      updatedAt: ago(FORGET_AFTER_MS / 1000),
    });
    expect(ids(queue.upsert([ready], anOrder(), NOW))).toContain('ready');
  });
});

describe('merge', () => {
  it('drops a listed-state order the fresh listing no longer has', () => {
    const gone = anOrder({ orderId: 'gone', state: OrderState.Ready, updatedAt: ago(60) });
    expect(cache.merge([gone], [], NOW - 5000, NOW)).toEqual([]);
  });

  it('keeps an order learnt of after the fetch started', () => {
    const recent = anOrder({ orderId: 'recent', state: OrderState.Making, updatedAt: ago(1) });
    expect(cache.merge([recent], [], NOW - 2000, NOW)).toEqual([recent]);
  });

  it('keeps an order an event brought during the fetch, even when the server clock is behind', () => {
    const submitted = anOrder({ orderId: 'new', state: OrderState.Making, updatedAt: ago(30) });
    const cached = cache.upsert([], submitted, NOW);
    expect(ids(cache.merge(cached, [], NOW - 1000, NOW))).toEqual(['new']);
  });

  it('drops an order an event brought before the fetch started, once the listing lacks it', () => {
    const submitted = anOrder({ orderId: 'old', state: OrderState.Making, updatedAt: ago(30) });
    const cached = cache.upsert([], submitted, NOW - 2000);
    expect(cache.merge(cached, [], NOW - 1000, NOW)).toEqual([]);
  });

  it('keeps a newer version learnt from an event during the fetch', () => {
    const listed = anOrder({ state: OrderState.Making, updatedAt: ago(60) });
    const ready = anOrder({ state: OrderState.Ready, updatedAt: ago(1) });
    expect(cache.merge([ready], [listed], NOW - 1000, NOW)).toEqual([ready]);
  });

  it('keeps an order that left the listed states, so that a late event cannot bring it back', () => {
    const cancelled = anOrder({
      state: OrderState.Cancelled,
      updatedAt: ago(60),
      reason: 'x',
      by: 'barista',
    });
    expect(cache.merge([cancelled], [], NOW - 1000, NOW)).toEqual([cancelled]);
  });

  it('takes the listed orders it did not know', () => {
    const listed = [anOrder({ orderId: 'a', state: OrderState.Making }), anOrder({ orderId: 'b' })];
    expect(ids(cache.merge([], listed, NOW - 1000, NOW))).toEqual(['a', 'b']);
  });
});
