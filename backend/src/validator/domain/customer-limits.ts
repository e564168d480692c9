import { ErrorCode } from '../../contracts/api.js';
import { isOpenState, type Order, OrderReason, OrderState } from '../../contracts/orders.js';

/**
 * The calendar day of `time` as `YYYY-MM-DD`, the key of the daily limit. DESIGN does not say whose
 * day; shops have no time zone in their config, so the day is UTC unless a time zone is given
 * (an IANA name such as `Europe/Berlin`), ready for when shops get one.
 */
export function dayKey(time: Date, timeZone = 'UTC'): string {
  if (timeZone === 'UTC') return time.toISOString().slice(0, 10);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Whether an order uses up one of its customer's daily drinks. Every order accepted counts,
 * cancelled ones included (else cancelling and ordering again would dodge the limit), except those
 * the customer is not to blame for: never admitted (`REJECTED`), cancelled by a barista, or
 * cancelled because the barista ran out of time.
 */
export function countsTowardDailyLimit(order: Order): boolean {
  if (order.state === OrderState.Rejected) return false;
  if (order.state !== OrderState.Cancelled) return true;
  return order.by !== 'barista' && order.reason !== OrderReason.BaristaTimeout;
}

/**
 * Why a customer may not start another order, given their recent orders (at least today's and
 * every open one), or `undefined` when they may: `order-open` first — it is the one they can act
 * on — then `limit-reached` once `dailyLimit` of today's orders count.
 */
export function customerOrderProblem(
  orders: readonly Order[],
  rules: { now: Date; dailyLimit: number; timeZone?: string },
): typeof ErrorCode.OrderOpen | typeof ErrorCode.LimitReached | undefined {
  if (orders.some((order) => isOpenState(order.state))) return ErrorCode.OrderOpen;
  const today = dayKey(rules.now, rules.timeZone);
  const used = orders.filter(
    (order) => countsTowardDailyLimit(order) && dayKey(new Date(order.createdAt), rules.timeZone) === today,
  ).length;
  return used >= rules.dailyLimit ? ErrorCode.LimitReached : undefined;
}
