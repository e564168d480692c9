import { describe, expect, it } from 'vitest';
import type { Retrier } from '../asl/types.js';
import { findCatcher } from './find-catcher.js';
import { planRetry, retryDelayMs } from './plan-retry.js';

/** Feeds errors to planRetry as a runner would, counting each Retrier's retries. */
function delaysFor(retriers: Retrier[], errors: string[], random?: () => number): (number | undefined)[] {
  const attempts: number[] = [];
  return errors.map((error) => {
    const plan = planRetry(retriers, error, attempts, random);
    if (plan === undefined) return undefined;
    attempts[plan.retrierIndex] = (attempts[plan.retrierIndex] ?? 0) + 1;
    return plan.delayMs;
  });
}

const never = () => {
  throw new Error('random must not be called without FULL jitter');
};

describe('planRetry', () => {
  // Examples of https://states-language.net/spec.html#retrying-after-error
  it('waits IntervalSeconds × BackoffRate^n: 3 s then 6 s, then gives up', () => {
    const retriers: Retrier[] = [
      { ErrorEquals: ['States.Timeout'], IntervalSeconds: 3, MaxAttempts: 2, BackoffRate: 2.0 },
    ];

    expect(delaysFor(retriers, ['States.Timeout', 'States.Timeout', 'States.Timeout'], never)).toEqual([
      3000,
      6000,
      undefined,
    ]);
  });

  it('caps the wait at MaxDelaySeconds: 3 s then 4 s rather than 6 s', () => {
    const retriers: Retrier[] = [
      {
        ErrorEquals: ['States.Timeout'],
        IntervalSeconds: 3,
        MaxAttempts: 2,
        BackoffRate: 2.0,
        MaxDelaySeconds: 4,
      },
    ];

    expect(delaysFor(retriers, ['States.Timeout', 'States.Timeout'], never)).toEqual([3000, 4000]);
  });

  // "This example of a Retry makes 2 retry attempts after waiting for 3 and 4.5 seconds." — AWS
  // https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
  it('handles a fractional BackoffRate: 3 s then 4.5 s', () => {
    const retriers: Retrier[] = [
      { ErrorEquals: ['States.Timeout'], IntervalSeconds: 3, MaxAttempts: 2, BackoffRate: 1.5 },
    ];

    expect(delaysFor(retriers, ['States.Timeout', 'States.Timeout', 'States.Timeout'], never)).toEqual([
      3000,
      4500,
      undefined,
    ]);
  });

  it('defaults to IntervalSeconds 1, BackoffRate 2.0 and MaxAttempts 3', () => {
    const retriers: Retrier[] = [{ ErrorEquals: ['States.ALL'] }];

    expect(delaysFor(retriers, ['E', 'E', 'E', 'E'], never)).toEqual([1000, 2000, 4000, undefined]);
  });

  it('never retries when MaxAttempts is 0', () => {
    expect(planRetry([{ ErrorEquals: ['E'], MaxAttempts: 0 }], 'E', [])).toBeUndefined();
  });

  // "retry any error except States.Timeout" — spec and AWS docs.
  it('does not fall through to a later Retrier once the matching one is used up', () => {
    const retriers: Retrier[] = [
      { ErrorEquals: ['States.Timeout'], MaxAttempts: 0 },
      { ErrorEquals: ['States.ALL'] },
    ];

    expect(planRetry(retriers, 'States.Timeout', [])).toBeUndefined();
    expect(planRetry(retriers, 'Lambda.Unknown', [], never)).toEqual({ retrierIndex: 1, delayMs: 1000 });
  });

  // The complex retry scenario of https://states-language.net/spec.html#retrying-after-error
  it('counts retries per Retrier across errors: ErrorA, ErrorB, ErrorC, ErrorB → 1 s, 2 s, 5 s, then Catch', () => {
    const retriers: Retrier[] = [
      { ErrorEquals: ['ErrorA', 'ErrorB'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 2 },
      { ErrorEquals: ['ErrorC'], IntervalSeconds: 5 },
    ];
    const catchers = [{ ErrorEquals: ['States.ALL'], Next: 'Z' }];

    const delays = delaysFor(retriers, ['ErrorA', 'ErrorB', 'ErrorC', 'ErrorB'], never);

    expect(delays).toEqual([1000, 2000, 5000, undefined]);
    expect(findCatcher(catchers, 'ErrorB')?.Next).toBe('Z');
  });

  it.each([
    [undefined, 'E'],
    [[], 'E'],
    [[{ ErrorEquals: ['Other'] }], 'E'],
    [[{ ErrorEquals: ['States.ALL'] }], 'States.Runtime'],
    [[{ ErrorEquals: ['States.Runtime'] }], 'States.Runtime'],
    [[{ ErrorEquals: ['States.ALL'] }], 'States.DataLimitExceeded'],
  ])('does not retry with Retry %j and error %s', (retriers, errorName) => {
    expect(planRetry(retriers, errorName, [])).toBeUndefined();
  });

  it('answers with the first matching Retrier', () => {
    const retriers: Retrier[] = [
      { ErrorEquals: ['A'], IntervalSeconds: 7 },
      { ErrorEquals: ['B'], IntervalSeconds: 2 },
      { ErrorEquals: ['States.ALL'], IntervalSeconds: 9 },
    ];

    expect(planRetry(retriers, 'B', [], never)).toEqual({ retrierIndex: 1, delayMs: 2000 });
  });
});

describe('retryDelayMs with JitterStrategy', () => {
  // AWS docs: with IntervalSeconds 2 and BackoffRate 2, FULL jitter randomises the waits of 2, 4
  // and 8 seconds between 0 and 2, 0 and 4, and 0 and 8 seconds.
  const retrier: Retrier = {
    ErrorEquals: ['E'],
    IntervalSeconds: 2,
    BackoffRate: 2,
    MaxAttempts: 3,
    JitterStrategy: 'FULL',
  };

  it.each([
    [0, 0, 0],
    [0, 0.5, 1000],
    [1, 0.5, 2000],
    [2, 0.25, 2000],
    [2, 0.999, 7992],
  ])('retry %i with random %d waits %i ms', (retriesMade, random, expected) => {
    expect(retryDelayMs(retrier, retriesMade, () => random)).toBe(expected);
  });

  it('stays within [0, MaxDelaySeconds] when capped', () => {
    const capped: Retrier = { ...retrier, MaxDelaySeconds: 3 };

    expect(retryDelayMs(capped, 5, () => 0.999)).toBe(2997);
  });

  it('ignores random with JitterStrategy NONE', () => {
    expect(retryDelayMs({ ...retrier, JitterStrategy: 'NONE' }, 2, never)).toBe(8000);
  });

  it('keeps an overflowing uncapped backoff a finite number', () => {
    const huge: Retrier = {
      ErrorEquals: ['E'],
      IntervalSeconds: 99_999_999,
      BackoffRate: 10,
      MaxAttempts: 99_999_999,
    };

    expect(retryDelayMs(huge, 400)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
