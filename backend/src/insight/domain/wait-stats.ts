import type { WaitMinute, WaitStats } from '../../contracts/api.js';

/** An order completed in the window: what was made, and when it was submitted and ready. */
export interface CompletedOrder {
  drinkId: string | undefined;
  submittedAt: string;
  readyAt: string;
}

/** The window the statistics cover: `[from, to)`. */
export interface Window {
  from: Date;
  to: Date;
}

/**
 * The `q` quantile (0 – 1) of sorted `values` by the nearest-rank method: the smallest value with
 * at least `q` of the values at or below it (p90 of 10 values is the 9th).
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no values');
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

/** Count, average and p90 of `seconds`, or `undefined` for none. Rounded to tenths of a second. */
export function waitStats(seconds: readonly number[]): WaitStats | undefined {
  if (seconds.length === 0) return undefined;
  const sorted = [...seconds].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    averageSeconds: round(sum / sorted.length),
    p90Seconds: round(quantile(sorted, 0.9)),
  };
}

/** Submitted → ready in seconds (never negative: clocks of different writers may differ slightly). */
export function waitSeconds(order: CompletedOrder): number {
  return Math.max(0, (Date.parse(order.readyAt) - Date.parse(order.submittedAt)) / 1000);
}

/** The completed orders whose `readyAt` falls in `window`. */
export function inWindow<T extends { readyAt: string }>(orders: readonly T[], window: Window): T[] {
  const from = window.from.getTime();
  const to = window.to.getTime();
  return orders.filter((order) => {
    const ready = Date.parse(order.readyAt);
    return ready >= from && ready < to;
  });
}

/** Wait statistics per drink, the most ordered first (then by id). */
export function statsPerDrink(orders: readonly CompletedOrder[]): Array<WaitStats & { drinkId: string }> {
  const byDrink = new Map<string, number[]>();
  for (const order of orders) {
    if (order.drinkId === undefined) continue;
    const list = byDrink.get(order.drinkId) ?? [];
    list.push(waitSeconds(order));
    byDrink.set(order.drinkId, list);
  }
  return [...byDrink.entries()]
    .map(([drinkId, seconds]) => ({ drinkId, ...(waitStats(seconds) as WaitStats) }))
    .sort((a, b) => b.count - a.count || a.drinkId.localeCompare(b.drinkId));
}

/**
 * The window minute by minute, oldest first: orders placed (`createdAt` of `placedAt`), orders
 * made ready, and the average wait of those made ready in that minute.
 */
export function perMinute(
  window: Window,
  placedAt: readonly string[],
  completed: readonly CompletedOrder[],
): WaitMinute[] {
  const start = Math.floor(window.from.getTime() / 60_000) * 60_000;
  const end = window.to.getTime();
  const minutes: Array<{ minute: number; placed: number; waits: number[] }> = [];
  for (let minute = start; minute < end; minute += 60_000) minutes.push({ minute, placed: 0, waits: [] });
  const slot = (time: string) => minutes[Math.floor((Date.parse(time) - start) / 60_000)];
  for (const time of placedAt) {
    const bucket = slot(time);
    if (bucket) bucket.placed++;
  }
  for (const order of completed) slot(order.readyAt)?.waits.push(waitSeconds(order));
  return minutes.map(({ minute, placed, waits }) => ({
    minute: new Date(minute).toISOString(),
    placed,
    ready: waits.length,
    ...(waits.length > 0 && { averageSeconds: round(waits.reduce((a, b) => a + b, 0) / waits.length) }),
  }));
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
