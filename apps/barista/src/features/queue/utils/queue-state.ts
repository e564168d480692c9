import {
  byAge,
  byLatestReady,
  createOrderCache,
  isStillShownReady,
  type OrderCacheUpdate,
} from '@coffee/app-shared';
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

/** Whether an order in `state` belongs in a column of the queue. */
export function isQueueState(state: OrderState): state is QueueState {
  return (QUEUE_STATES as readonly OrderState[]).includes(state);
}

/**
 * The cached queue: the three columns' states listed, and kept however old, until a listing no
 * longer has them. Orders that left the queue stay a while, with their final state, so that a late
 * event cannot resurrect them; {@link queueColumns} hides them.
 */
export const queueCache = createOrderCache({ listedStates: QUEUE_STATES });

/**
 * Applies a message of `shops/{shopId}/queue` to the cached queue. Events carrying the order
 * (submitted, make, unmake, completed, cancelled) update it in place; `WaitingCompletion` fills in
 * the order number; the end of an order the cache still shows as open asks for a refetch.
 */
export function applyQueueMessage(
  orders: readonly Order[],
  message: PublicMessage,
  now = Date.now(),
): OrderCacheUpdate {
  switch (message.type) {
    case EventType.OrderSubmitted:
    case EventType.MakeOrder:
    case EventType.UnmakeOrder:
    case EventType.OrderCompleted:
    case EventType.OrderCancelled:
      return { kind: 'orders', orders: queueCache.upsert(orders, message.detail.order, now) };
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

/**
 * The queue's columns: new (`SUBMITTED`) and making oldest first, as they are to be made; ready the
 * latest first, the drink just put on the counter at the top (the earlier ones mostly collected).
 */
export type QueueColumns = Record<QueueState, Order[]>;

/**
 * Splits the cached orders into the queue's columns. A ready order leaves after
 * `READY_VISIBLE_MS`; a claimed order is in the making column, so an order another barista
 * claims leaves this barista's new column by the same rule.
 */
export function queueColumns(orders: readonly Order[], now: number): QueueColumns {
  const columns: QueueColumns = { SUBMITTED: [], MAKING: [], READY: [] };
  for (const order of orders) {
    if (!isQueueState(order.state)) continue;
    if (order.state === OrderState.Ready && !isStillShownReady(order, now)) continue;
    columns[order.state].push(order);
  }
  columns.SUBMITTED.sort(byAge);
  columns.MAKING.sort(byAge);
  columns.READY.sort(byLatestReady);
  return columns;
}
