import { READY_VISIBLE_MS } from '@coffee/app-shared';
import { ago, anOrder, NOW, orderMessage } from '@coffee/app-shared/testing';
import { EventType, OrderState } from '@coffee/backend/contracts';
import { describe, expect, it } from 'vitest';
import { applyBoardMessage, boardColumns, JUST_READY_MS } from './board-state';

const numbers = (orders: { orderNumber?: number | undefined }[]) => orders.map((order) => order.orderNumber);

function apply(
  orders: Parameters<typeof applyBoardMessage>[0],
  message: Parameters<typeof applyBoardMessage>[1],
) {
  const update = applyBoardMessage(orders, message, NOW);
  if (update.kind !== 'orders') throw new Error(`expected orders, got ${update.kind}`);
  return boardColumns(update.orders, NOW);
}

describe('board columns from events', () => {
  it('shows an order a barista makes under "being made"', () => {
    const making = anOrder({ state: OrderState.Making, orderNumber: 5 });
    expect(numbers(apply([], orderMessage(EventType.MakeOrder, making)).making)).toEqual([5]);
  });

  it('moves a completed order to "ready"', () => {
    const making = anOrder({ state: OrderState.Making, orderNumber: 5, updatedAt: ago(60) });
    const ready = anOrder({ state: OrderState.Ready, orderNumber: 5, updatedAt: ago(1) });
    const columns = apply([making], orderMessage(EventType.OrderCompleted, ready));
    expect(numbers(columns.making)).toEqual([]);
    expect(numbers(columns.ready)).toEqual([5]);
  });

  it.each([
    [EventType.UnmakeOrder, OrderState.Submitted],
    [EventType.OrderCancelled, OrderState.Cancelled],
  ] as const)('%s takes the order off the board', (type, state) => {
    const making = anOrder({ state: OrderState.Making, updatedAt: ago(60) });
    const next = anOrder({ state, updatedAt: ago(1), reason: 'x', by: 'barista' });
    const columns = apply([making], orderMessage(type, next));
    expect([...columns.making, ...columns.ready]).toEqual([]);
  });

  it('ignores submitted orders: they are not being made yet', () => {
    expect(applyBoardMessage([], orderMessage(EventType.OrderSubmitted, anOrder()), NOW)).toEqual({
      kind: 'none',
    });
  });

  it('ignores an event older than what it shows', () => {
    const ready = anOrder({ state: OrderState.Ready, updatedAt: ago(1) });
    const late = anOrder({ state: OrderState.Making, updatedAt: ago(60) });
    expect(numbers(apply([ready], orderMessage(EventType.MakeOrder, late)).ready)).toEqual([1]);
  });

  it('asks for a refetch when an order it shows being made finishes without its own event', () => {
    const message = {
      type: EventType.OrderTimedOut,
      detail: { shopId: 'main', orderId: 'o1', userId: 'u', cause: 'barista-timeout' },
      time: ago(0),
    } as const;
    expect(applyBoardMessage([anOrder({ state: OrderState.Making })], message, NOW)).toEqual({
      kind: 'refetch',
    });
  });
});

describe('boardColumns', () => {
  it('lists each column by order number', () => {
    const orders = [3, 1, 2].map((n) =>
      anOrder({ orderId: `o${n}`, orderNumber: n, state: OrderState.Making }),
    );
    expect(numbers(boardColumns(orders, NOW).making)).toEqual([1, 2, 3]);
  });

  it.each([
    [0, true],
    [READY_VISIBLE_MS / 1000 - 1, true],
    [READY_VISIBLE_MS / 1000, false],
    [3600, false],
  ])('a ready order %i s old is shown: %s', (seconds, shown) => {
    const ready = anOrder({ state: OrderState.Ready, updatedAt: ago(seconds) });
    expect(boardColumns([ready], NOW).ready.length).toBe(shown ? 1 : 0);
  });

  it('leaves out an order not numbered yet', () => {
    expect(boardColumns([anOrder({ state: OrderState.Making, orderNumber: undefined })], NOW).making).toEqual(
      [],
    );
  });

  it.each([
    [0, true],
    [JUST_READY_MS / 1000 - 1, true],
    [JUST_READY_MS / 1000, false],
  ])('a ready order %i s old stands out: %s', (seconds, standsOut) => {
    const ready = anOrder({ orderId: 'r1', state: OrderState.Ready, orderNumber: 1, readyAt: ago(seconds) });
    expect(boardColumns([ready], NOW).justReady.has('r1')).toBe(standsOut);
  });
});
