import { EventType, type Order, OrderState, type PublicMessage } from '@coffee/backend/contracts';

/** The states the display shows: being made and ready for pickup. */
export const BOARD_STATES = [OrderState.Making, OrderState.Ready] as const;

/** A state the board shows (see {@link BOARD_STATES}). */
export type BoardState = (typeof BOARD_STATES)[number];

/** How long a ready order stays on the board: DESIGN's display drops it after 10 minutes. */
export const READY_VISIBLE_MS = 10 * 60 * 1000;

/** How long the cache remembers an order that left the board, so that a late, older event cannot bring it back. */
export const FORGET_AFTER_MS = 60 * 60 * 1000;

/** What an MQTT message does to the board's cache: new `orders`, a `refetch`, or nothing. */
export type BoardUpdate = { kind: 'orders'; orders: Order[] } | { kind: 'refetch' } | { kind: 'none' };

const time = (iso: string) => Date.parse(iso);

/** Whether an order in `state` is shown on the board. */
export function isBoardState(state: OrderState): state is BoardState {
  return (BOARD_STATES as readonly OrderState[]).includes(state);
}

/**
 * The cache after learning `order`'s latest version: an older version than the one known is
 * ignored; orders off the board are kept a while, so that a late event cannot resurrect them.
 */
export function upsertOrder(orders: readonly Order[], order: Order, now = Date.now()): Order[] {
  const known = orders.find((candidate) => candidate.orderId === order.orderId);
  if (known && time(known.updatedAt) > time(order.updatedAt)) return [...orders];
  const merged =
    known?.orderNumber !== undefined && order.orderNumber === undefined
      ? { ...order, orderNumber: known.orderNumber }
      : order;
  return [...orders.filter((candidate) => candidate.orderId !== order.orderId), merged].filter(
    (candidate) => candidate.state === OrderState.Making || now - time(candidate.updatedAt) < FORGET_AFTER_MS,
  );
}

/**
 * Merges a fresh listing into the cache: the listing wins, except where the cache learnt a newer
 * version after the fetch started (`listedAt`).
 */
export function mergeListing(
  cached: readonly Order[],
  listed: readonly Order[],
  listedAt: number,
  now = Date.now(),
): Order[] {
  const listedIds = new Set(listed.map((order) => order.orderId));
  const kept = cached.filter(
    (order) => listedIds.has(order.orderId) || !isBoardState(order.state) || time(order.updatedAt) > listedAt,
  );
  return listed.reduce<Order[]>((orders, order) => upsertOrder(orders, order, now), kept);
}

/**
 * Applies a message of `shops/{shopId}/queue` to the board's cache: events carrying the order
 * update it; the end of an order still shown as being made asks for a refetch.
 */
export function applyBoardMessage(
  orders: readonly Order[],
  message: PublicMessage,
  now = Date.now(),
): BoardUpdate {
  switch (message.type) {
    case EventType.MakeOrder:
    case EventType.UnmakeOrder:
    case EventType.OrderCompleted:
    case EventType.OrderCancelled:
      return { kind: 'orders', orders: upsertOrder(orders, message.detail.order, now) };
    case EventType.OrderTimedOut:
    case EventType.OrderFinished: {
      const known = orders.find((order) => order.orderId === message.detail.orderId);
      return known?.state === OrderState.Making ? { kind: 'refetch' } : { kind: 'none' };
    }
    default:
      return { kind: 'none' };
  }
}

/** The board's two columns, each by order number. */
export interface BoardColumns {
  making: Order[];
  ready: Order[];
}

const byNumber = (a: Order, b: Order) => (a.orderNumber ?? 0) - (b.orderNumber ?? 0);

/**
 * The orders the board shows at `now`: numbered orders being made, and those ready for less than
 * {@link READY_VISIBLE_MS}; each column by order number, as customers look for theirs.
 */
export function boardColumns(orders: readonly Order[], now: number): BoardColumns {
  const numbered = orders.filter((order) => order.orderNumber !== undefined);
  return {
    making: numbered.filter((order) => order.state === OrderState.Making).sort(byNumber),
    ready: numbered
      .filter((order) => order.state === OrderState.Ready && now - time(order.updatedAt) < READY_VISIBLE_MS)
      .sort(byNumber),
  };
}
