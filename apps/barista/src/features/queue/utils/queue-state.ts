import {
  EventType,
  isFinalState,
  type Order,
  OrderState,
  type PublicMessage,
} from '@coffee/backend/contracts';

/** The states the barista queue shows, each in its own column, in the order the columns appear. */
export const QUEUE_STATES = [OrderState.Submitted, OrderState.Making, OrderState.Ready] as const;

/** A state the queue shows (see {@link QUEUE_STATES}). */
export type QueueState = (typeof QUEUE_STATES)[number];

/** How long a finished order stays in the ready column: long enough for the customer to collect it. */
export const READY_VISIBLE_MS = 10 * 60 * 1000;

/** How long the cache remembers an order that left the queue, so that a late, older event cannot bring it back. */
export const FORGET_AFTER_MS = 60 * 60 * 1000;

/**
 * What an MQTT message does to the cached queue: new `orders`, a `refetch` when the message says
 * something changed that it does not carry, or nothing.
 */
export type QueueUpdate = { kind: 'orders'; orders: Order[] } | { kind: 'refetch' } | { kind: 'none' };

/** Whether an order in `state` belongs in a column of the queue. */
export function isQueueState(state: OrderState): state is QueueState {
  return (QUEUE_STATES as readonly OrderState[]).includes(state);
}

const time = (iso: string) => Date.parse(iso);

/** Oldest first, as the API lists a queue; the order number breaks ties. */
function byAge(a: Order, b: Order): number {
  return time(a.createdAt) - time(b.createdAt) || (a.orderNumber ?? 0) - (b.orderNumber ?? 0);
}

/**
 * The cache after learning `order`'s latest version. A version older than the one known is
 * ignored (MQTT gives no ordering guarantee across reconnects); an order that lost its number in
 * a race keeps the one already known. Orders that left the queue stay, with their final state, so
 * that a late event cannot resurrect them; {@link queueColumns} hides them.
 */
export function upsertOrder(orders: readonly Order[], order: Order, now = Date.now()): Order[] {
  const known = orders.find((candidate) => candidate.orderId === order.orderId);
  if (known && time(known.updatedAt) > time(order.updatedAt)) return [...orders];
  const merged: Order =
    known?.orderNumber !== undefined && order.orderNumber === undefined
      ? { ...order, orderNumber: known.orderNumber }
      : order;
  return [...orders.filter((candidate) => candidate.orderId !== order.orderId), merged]
    .filter((candidate) => isQueueState(candidate.state) || now - time(candidate.updatedAt) < FORGET_AFTER_MS)
    .sort(byAge);
}

/**
 * Merges a fresh listing into the cache: the listing wins, except where the cache learnt a newer
 * version from an event while the listing was on its way. An open order the listing lacks has left
 * the queue meanwhile, unless the cache learnt of it after `listedAt` (when the fetch started).
 */
export function mergeListing(
  cached: readonly Order[],
  listed: readonly Order[],
  listedAt: number,
  now = Date.now(),
): Order[] {
  const listedIds = new Set(listed.map((order) => order.orderId));
  const kept = cached.filter(
    (order) => listedIds.has(order.orderId) || !isQueueState(order.state) || time(order.updatedAt) > listedAt,
  );
  return listed.reduce<Order[]>((orders, order) => upsertOrder(orders, order, now), kept);
}

/**
 * Applies a message of `shops/{shopId}/queue` to the cached queue. Events carrying the order
 * (submitted, make, unmake, completed, cancelled) update it in place; `WaitingCompletion` fills in
 * the order number; the end of an order the cache still shows as open asks for a refetch.
 */
export function applyQueueMessage(
  orders: readonly Order[],
  message: PublicMessage,
  now = Date.now(),
): QueueUpdate {
  switch (message.type) {
    case EventType.OrderSubmitted:
    case EventType.MakeOrder:
    case EventType.UnmakeOrder:
    case EventType.OrderCompleted:
    case EventType.OrderCancelled:
      return { kind: 'orders', orders: upsertOrder(orders, message.detail.order, now) };
    case EventType.WaitingCompletion: {
      const known = orders.find((order) => order.orderId === message.detail.orderId);
      if (!known) return { kind: 'refetch' };
      if (known.orderNumber === message.detail.orderNumber) return { kind: 'none' };
      return {
        kind: 'orders',
        orders: orders.map((order) =>
          order === known ? { ...order, orderNumber: message.detail.orderNumber } : order,
        ),
      };
    }
    case EventType.OrderTimedOut:
    case EventType.OrderFinished: {
      const known = orders.find((order) => order.orderId === message.detail.orderId);
      return known && !isFinalState(known.state) ? { kind: 'refetch' } : { kind: 'none' };
    }
    default:
      return { kind: 'none' };
  }
}

/** The queue's columns: new (`SUBMITTED`), making, ready; each oldest first. */
export type QueueColumns = Record<QueueState, Order[]>;

/**
 * Splits the cached orders into the queue's columns. A ready order leaves after
 * {@link READY_VISIBLE_MS}; a claimed order is in the making column, so an order another barista
 * claims leaves this barista's new column by the same rule.
 */
export function queueColumns(orders: readonly Order[], now: number): QueueColumns {
  const columns: QueueColumns = { SUBMITTED: [], MAKING: [], READY: [] };
  for (const order of orders) {
    if (!isQueueState(order.state)) continue;
    if (order.state === OrderState.Ready && now - time(order.updatedAt) >= READY_VISIBLE_MS) continue;
    columns[order.state].push(order);
  }
  for (const state of QUEUE_STATES) columns[state].sort(byAge);
  return columns;
}
