import type { Order, OrderState } from '@coffee/backend/contracts';

/** How long a cache remembers an order that left its screen, so that a late, older event cannot bring it back. */
export const FORGET_AFTER_MS = 60 * 60 * 1000;

/**
 * What an MQTT message does to a cached list of orders: new `orders`, a `refetch` when the
 * message says something changed that it does not carry, or nothing.
 */
export type OrderCacheUpdate = { kind: 'orders'; orders: Order[] } | { kind: 'refetch' } | { kind: 'none' };

/** Which orders a screen's cache holds: see {@link createOrderCache}. */
export interface OrderCacheRules {
  /**
   * The states the screen lists (`GET /api/shops/{shopId}/orders?state=S` for each): a cached
   * order in one of them that a fresh listing lacks has left them meanwhile.
   */
  listedStates: readonly OrderState[];
  /**
   * The states in which the cache keeps an order however old its last change; an order in any
   * other state is forgotten {@link FORGET_AFTER_MS} after it. Defaults to `listedStates`.
   */
  keptStates?: readonly OrderState[];
}

/** The two ways a screen's cached orders change, bound to its {@link OrderCacheRules}. */
export interface OrderCache {
  /** The states the screen lists (see {@link OrderCacheRules.listedStates}). */
  readonly listedStates: readonly OrderState[];
  /**
   * The cache after learning `order`'s latest version. A version older than the one known is
   * ignored (MQTT gives no ordering guarantee across reconnects); an order that lost its number in
   * a race keeps the one already known. Orders that left the screen stay a while, with their
   * final state, so that a late event cannot resurrect them. Oldest first.
   */
  upsert(orders: readonly Order[], order: Order, now?: number): Order[];
  /**
   * Merges a fresh listing into the cache: the listing wins, except where the cache learnt a newer
   * version from an event while the listing was on its way. A listed-state order the listing
   * lacks has left meanwhile, unless the cache learnt of it after `listedAt` (when the fetch
   * started).
   */
  merge(cached: readonly Order[], listed: readonly Order[], listedAt: number, now?: number): Order[];
}

const time = (iso: string) => Date.parse(iso);

/** One version of an order: its id and when it last changed. */
const versionOf = (order: Order) => `${order.orderId}@${order.updatedAt}`;

/** Oldest first, as the API lists orders; the order number breaks ties. */
export function byAge(a: Order, b: Order): number {
  return time(a.createdAt) - time(b.createdAt) || (a.orderNumber ?? 0) - (b.orderNumber ?? 0);
}

/**
 * The cache of the orders one screen shows (the barista queue, the display board), kept from a
 * listing and from the events of `shops/{shopId}/queue`; the screens differ only in `rules`.
 */
export function createOrderCache({ listedStates, keptStates = listedStates }: OrderCacheRules): OrderCache {
  /**
   * When (this device's clock) the cache took each version it learnt from an event, by
   * {@link versionOf}. The server's `updatedAt` alone cannot tell whether that was after a listing
   * started: the two clocks differ.
   */
  const learntAt = new Map<string, number>();

  const place = (orders: readonly Order[], order: Order, now: number, fromEvent: boolean): Order[] => {
    const known = orders.find((candidate) => candidate.orderId === order.orderId);
    if (known && time(known.updatedAt) > time(order.updatedAt)) return [...orders];
    const merged: Order =
      known?.orderNumber !== undefined && order.orderNumber === undefined
        ? { ...order, orderNumber: known.orderNumber }
        : order;
    if (fromEvent) learntAt.set(versionOf(merged), now);
    return [...orders.filter((candidate) => candidate.orderId !== order.orderId), merged]
      .filter(
        (candidate) =>
          keptStates.includes(candidate.state) || now - time(candidate.updatedAt) < FORGET_AFTER_MS,
      )
      .sort(byAge);
  };

  const upsert = (orders: readonly Order[], order: Order, now = Date.now()): Order[] =>
    place(orders, order, now, true);

  const merge = (
    cached: readonly Order[],
    listed: readonly Order[],
    listedAt: number,
    now = Date.now(),
  ): Order[] => {
    const listedIds = new Set(listed.map((order) => order.orderId));
    const kept = cached.filter(
      (order) =>
        listedIds.has(order.orderId) ||
        !listedStates.includes(order.state) ||
        time(order.updatedAt) > listedAt ||
        (learntAt.get(versionOf(order)) ?? Number.NEGATIVE_INFINITY) > listedAt,
    );
    for (const [version, at] of learntAt) if (now - at >= FORGET_AFTER_MS) learntAt.delete(version);
    return listed.reduce<Order[]>((orders, order) => place(orders, order, now, false), kept);
  };

  return { listedStates, upsert, merge };
}
