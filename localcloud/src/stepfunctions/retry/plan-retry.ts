import type { Retrier } from '../asl/types.js';
import { matchesErrorEquals } from './matches-error-equals.js';
import {
  DEFAULT_BACKOFF_RATE,
  DEFAULT_INTERVAL_SECONDS,
  DEFAULT_JITTER_STRATEGY,
  DEFAULT_MAX_ATTEMPTS,
} from './retrier-defaults.js';

/** The retry a failed state should make. */
export interface RetryPlan {
  /** The Retrier that applies; the caller adds one to its count in `attemptsSoFar`. */
  readonly retrierIndex: number;
  /** How long to wait before the retry, in milliseconds. */
  readonly delayMs: number;
}

/**
 * Decides whether a state that failed with `errorName` is retried, and after how long.
 *
 * The first Retrier whose `ErrorEquals` matches applies. If it has used up its `MaxAttempts` the
 * error is not retried, even if a later Retrier would also match: the spec's own example sends
 * such an error on to the Catchers. Each Retrier counts its own retries across the state's
 * attempts (`attemptsSoFar[i]` is how many retries Retrier `i` has made), and all counts reset
 * when the machine moves to another state.
 *
 * The wait is `IntervalSeconds × BackoffRate^n` for the Retrier's n-th retry (from 0), capped by
 * `MaxDelaySeconds`; with `JitterStrategy: "FULL"` it is a uniformly random part of that.
 *
 * @param random returns a number in [0, 1); injectable so tests can fix the jitter.
 * @see https://states-language.net/spec.html#retrying-after-error
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-retrying-after-an-error
 */
export function planRetry(
  retriers: readonly Retrier[] | undefined,
  errorName: string,
  attemptsSoFar: readonly number[],
  random: () => number = Math.random,
): RetryPlan | undefined {
  if (retriers === undefined) return undefined;
  const retrierIndex = retriers.findIndex((retrier) => matchesErrorEquals(retrier.ErrorEquals, errorName));
  const retrier = retriers[retrierIndex];
  if (retrier === undefined) return undefined;
  const retriesMade = attemptsSoFar[retrierIndex] ?? 0;
  if (retriesMade >= (retrier.MaxAttempts ?? DEFAULT_MAX_ATTEMPTS)) return undefined;
  return { retrierIndex, delayMs: retryDelayMs(retrier, retriesMade, random) };
}

/**
 * The wait before a Retrier's retry number `retriesMade` (counted from 0), in milliseconds.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-retrying-after-an-error
 */
export function retryDelayMs(
  retrier: Retrier,
  retriesMade: number,
  random: () => number = Math.random,
): number {
  const interval = retrier.IntervalSeconds ?? DEFAULT_INTERVAL_SECONDS;
  const backoff = retrier.BackoffRate ?? DEFAULT_BACKOFF_RATE;
  const uncapped = interval * backoff ** retriesMade;
  const capped =
    retrier.MaxDelaySeconds === undefined ? uncapped : Math.min(uncapped, retrier.MaxDelaySeconds);
  const seconds = (retrier.JitterStrategy ?? DEFAULT_JITTER_STRATEGY) === 'FULL' ? random() * capped : capped;
  // An uncapped backoff can overflow to Infinity, which neither a timer nor JSON can hold.
  return Math.min(Math.round(seconds * 1000), Number.MAX_SAFE_INTEGER);
}
