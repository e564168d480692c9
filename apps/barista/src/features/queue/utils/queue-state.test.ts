import { READY_VISIBLE_MS } from '@coffee/app-shared';
import { ago, anOrder, NOW, orderMessage } from '@coffee/app-shared/testing';
import { EventType, OrderState } from '@coffee/backend/contracts';
import { describe, expect, it } from 'vitest';
import { applyQueueMessage, queueColumns } from './queue-state';

const ids = (orders: { orderId: string }[]) => orders.map((order) => order.orderId);

describe('queueColumns', () => {
  it.each([
    [OrderState.Submitted, 'SUBMITTED'],
    [OrderState.Making, 'MAKING'],
    [OrderState.Ready, 'READY'],
  ] as const)('puts a %s order in the %s column', (state, column) => {
    const columns = queueColumns([anOrder({ state })], NOW);
    expect(ids(columns[column])).toEqual(['o1']);
  });

  it.each([OrderState.Pending, OrderState.Created, OrderState.Cancelled, OrderState.Rejected])(
    'leaves a %s order out',
    (state) => {
      const columns = queueColumns([anOrder({ state })], NOW);
      expect([...columns.SUBMITTED, ...columns.MAKING, ...columns.READY]).toEqual([]);
    },
  );

  it('lists each column oldest first', () => {
    const columns = queueColumns(
      [anOrder({ orderId: 'young', createdAt: ago(10) }), anOrder({ orderId: 'old', createdAt: ago(500) })],
      NOW,
    );
    expect(ids(columns.SUBMITTED)).toEqual(['old', 'young']);
  });

  it('lists the ready column by when each became ready, the latest first, whenever they were scanned', () => {
    const ready = (orderId: string, scanned: number, readySecondsAgo: number) =>
      anOrder({ orderId, state: OrderState.Ready, createdAt: ago(scanned), readyAt: ago(readySecondsAgo) });
    const columns = queueColumns(
      [ready('first-ready', 900, 300), ready('just-ready', 800, 5), ready('ready-a-minute-ago', 700, 60)],
      NOW,
    );
    expect(ids(columns.READY)).toEqual(['just-ready', 'ready-a-minute-ago', 'first-ready']);
  });

  it('drops a ready order after ten minutes', () => {
    const fresh = anOrder({
      orderId: 'fresh',
      state: OrderState.Ready,
      updatedAt: ago(READY_VISIBLE_MS / 1000 - 1),
    });
    const stale = anOrder({
      orderId: 'stale',
      state: OrderState.Ready,
      updatedAt: ago(READY_VISIBLE_MS / 1000),
    });
    expect(ids(queueColumns([fresh, stale], NOW).READY)).toEqual(['fresh']);
  });
});

describe('applyQueueMessage', () => {
  it('adds a submitted order to the new column', () => {
    const update = applyQueueMessage([], orderMessage(EventType.OrderSubmitted, anOrder()), NOW);
    expect(update.kind).toBe('orders');
    if (update.kind === 'orders') expect(ids(queueColumns(update.orders, NOW).SUBMITTED)).toEqual(['o1']);
  });

  it('moves an order another barista claimed out of the new column', () => {
    const submitted = anOrder();
    const making = anOrder({ state: OrderState.Making, updatedAt: ago(5) });
    const update = applyQueueMessage([submitted], orderMessage(EventType.MakeOrder, making), NOW);
    if (update.kind !== 'orders') throw new Error('expected orders');
    const columns = queueColumns(update.orders, NOW);
    expect(ids(columns.SUBMITTED)).toEqual([]);
    expect(ids(columns.MAKING)).toEqual(['o1']);
  });

  it.each([
    [EventType.UnmakeOrder, OrderState.Submitted, 'SUBMITTED'],
    [EventType.OrderCompleted, OrderState.Ready, 'READY'],
  ] as const)('%s puts the order in the %s state', (type, state, column) => {
    const making = anOrder({ state: OrderState.Making, updatedAt: ago(30) });
    const update = applyQueueMessage(
      [making],
      orderMessage(type, anOrder({ state, updatedAt: ago(1) })),
      NOW,
    );
    if (update.kind !== 'orders') throw new Error('expected orders');
    expect(ids(queueColumns(update.orders, NOW)[column])).toEqual(['o1']);
  });

  it('removes a cancelled order from every column', () => {
    const cancelled = anOrder({
      state: OrderState.Cancelled,
      updatedAt: ago(1),
      reason: 'Out of stock',
      by: 'barista',
    });
    const update = applyQueueMessage([anOrder()], orderMessage(EventType.OrderCancelled, cancelled), NOW);
    if (update.kind !== 'orders') throw new Error('expected orders');
    const columns = queueColumns(update.orders, NOW);
    expect([...columns.SUBMITTED, ...columns.MAKING, ...columns.READY]).toEqual([]);
  });

  it('ignores an event older than the version it knows', () => {
    const making = anOrder({ state: OrderState.Making, updatedAt: ago(5) });
    const late = applyQueueMessage([making], orderMessage(EventType.OrderSubmitted, anOrder()), NOW);
    if (late.kind !== 'orders') throw new Error('expected orders');
    expect(late.orders).toEqual([making]);
  });

  it('does not bring back a cancelled order on a late event', () => {
    const cancelled = anOrder({ state: OrderState.Cancelled, updatedAt: ago(1), reason: 'x', by: 'barista' });
    const late = applyQueueMessage(
      [cancelled],
      orderMessage(EventType.MakeOrder, anOrder({ state: OrderState.Making, updatedAt: ago(20) })),
      NOW,
    );
    if (late.kind !== 'orders') throw new Error('expected orders');
    expect(queueColumns(late.orders, NOW).MAKING).toEqual([]);
  });

  it('fills in the order number from WaitingCompletion', () => {
    const unnumbered = anOrder({ orderNumber: undefined });
    const update = applyQueueMessage(
      [unnumbered],
      {
        type: EventType.WaitingCompletion,
        detail: { shopId: 'main', orderId: 'o1', userId: unnumbered.userId, orderNumber: 42 },
        time: ago(0),
      },
      NOW,
    );
    if (update.kind !== 'orders') throw new Error('expected orders');
    expect(update.orders[0]?.orderNumber).toBe(42);
  });

  it('asks for a refetch when an order it shows as open finishes without its own event', () => {
    const message = {
      type: EventType.OrderFinished,
      detail: { shopId: 'main', orderId: 'o1', userId: 'u', state: OrderState.Cancelled },
      time: ago(0),
    } as const;
    expect(applyQueueMessage([anOrder()], message, NOW)).toEqual({ kind: 'refetch' });
    expect(applyQueueMessage([], message, NOW)).toEqual({ kind: 'none' });
  });

  it('ignores events of orders not yet in the queue', () => {
    const message = {
      type: EventType.NewOrder,
      detail: { shopId: 'main', orderId: 'o9', userId: 'u' },
      time: ago(0),
    } as const;
    expect(applyQueueMessage([], message, NOW)).toEqual({ kind: 'none' });
  });
});
