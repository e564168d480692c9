import { readySince } from '@coffee/app-shared';
import { DEFAULT_LIMITS, type Order, OrderState } from '@coffee/backend/contracts';

/** How urgent an order looks: colour and words both say it, so colour is never the only cue. */
export type AgeLevel = 'fresh' | 'waiting' | 'late';

/** The words for each {@link AgeLevel}, read by screen readers and shown beside the timer. */
export const AGE_LEVEL_LABEL: Record<AgeLevel, string> = {
  fresh: 'on time',
  waiting: 'waiting',
  late: 'late',
};

/**
 * The level of an order waiting `ageMs`, relative to the shop's barista timeout (after which the
 * order is cancelled): fresh for its first third, waiting for the second, late for the last.
 */
export function ageLevel(
  ageMs: number,
  baristaTimeoutSeconds: number = DEFAULT_LIMITS.baristaTimeoutSeconds,
): AgeLevel {
  const fraction = ageMs / (baristaTimeoutSeconds * 1000);
  if (fraction < 1 / 3) return 'fresh';
  if (fraction < 2 / 3) return 'waiting';
  return 'late';
}

/**
 * When an order's timer starts: a ready order counts from when it became ready, an open one from
 * when the customer scanned (what the customer has waited; it does not jump when a barista makes
 * or unmakes it).
 */
export function ageSince(order: Order): number {
  return order.state === OrderState.Ready ? readySince(order) : Date.parse(order.createdAt);
}

/** `m:ss` for a duration (negative durations, from a clock a little ahead, read as 0:00). */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A duration in words for screen readers, e.g. `3 minutes 5 seconds`. */
export function spokenDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [];
  if (minutes > 0) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (rest > 0 || minutes === 0) parts.push(`${rest} second${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}
