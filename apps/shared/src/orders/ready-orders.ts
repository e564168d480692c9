import type { Order } from '@coffee/backend/contracts';

/**
 * How long a ready order stays on the barista's queue and the display: long enough for its
 * customer to collect it (DESIGN: the display drops it after 10 minutes).
 */
export const READY_VISIBLE_MS = 10 * 60 * 1000;

/** When an order became ready: its `readyAt` (orders of an older backend lack it: their last change). */
export function readySince(order: Order): number {
  return Date.parse(order.readyAt ?? order.updatedAt);
}

/** Whether a ready order is still shown at `now` (see {@link READY_VISIBLE_MS}). */
export function isStillShownReady(order: Order, now: number): boolean {
  return now - readySince(order) < READY_VISIBLE_MS;
}

/** The latest ready first: the customers still on their way before those who have mostly collected theirs. */
export function byLatestReady(a: Order, b: Order): number {
  return readySince(b) - readySince(a) || (b.orderNumber ?? 0) - (a.orderNumber ?? 0);
}
