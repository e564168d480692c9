import { createOrderCache, isStillShownReady, type OrderCacheUpdate, readySince } from '@coffee/app-shared';
import { EventType, type Order, OrderState, type PublicMessage } from '@coffee/backend/contracts';

/** The states the display shows: being made and ready for pickup. */
export const BOARD_STATES = [OrderState.Making, OrderState.Ready] as const;

/** A state the board shows (see {@link BOARD_STATES}). */
export type BoardState = (typeof BOARD_STATES)[number];

/** How long a number just ready stands out on the board, so that its customer across the room notices it. */
export const JUST_READY_MS = 10_000;

/**
 * The cached board: both columns' states listed, but only orders being made kept however old; a
 * ready order, off the board after `READY_VISIBLE_MS`, is forgotten like those that left.
 */
export const boardCache = createOrderCache({ listedStates: BOARD_STATES, keptStates: [OrderState.Making] });

/**
 * Applies a message of `shops/{shopId}/queue` to the board's cache: events carrying the order
 * update it; the end of an order still shown as being made asks for a refetch.
 */
export function applyBoardMessage(
  orders: readonly Order[],
  message: PublicMessage,
  now = Date.now(),
): OrderCacheUpdate {
  switch (message.type) {
    case EventType.MakeOrder:
    case EventType.UnmakeOrder:
    case EventType.OrderCompleted:
    case EventType.OrderCancelled:
      return { kind: 'orders', orders: boardCache.upsert(orders, message.detail.order, now) };
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
  /** The ids of the ready orders ready for less than {@link JUST_READY_MS}. */
  justReady: ReadonlySet<string>;
}

const byNumber = (a: Order, b: Order) => (a.orderNumber ?? 0) - (b.orderNumber ?? 0);

/**
 * The orders the board shows at `now`: numbered orders being made, and those ready for less than
 * `READY_VISIBLE_MS`; each column by order number, as customers look for theirs.
 */
export function boardColumns(orders: readonly Order[], now: number): BoardColumns {
  const numbered = orders.filter((order) => order.orderNumber !== undefined);
  const ready = numbered
    .filter((order) => order.state === OrderState.Ready && isStillShownReady(order, now))
    .sort(byNumber);
  return {
    making: numbered.filter((order) => order.state === OrderState.Making).sort(byNumber),
    ready,
    justReady: new Set(
      ready.filter((order) => now - readySince(order) < JUST_READY_MS).map((order) => order.orderId),
    ),
  };
}
