import { describe, expect, it } from 'vitest';
import { backoffDelay, planRetry } from '../../src/eventbridge/delivery/retry-policy.js';

const BACKOFF = { baseDelayMs: 1000, maxDelayMs: 60_000 };
const FAILURE = { code: 'Error', message: 'failed' };

describe('planRetry', () => {
  it.each([
    ['retries by default', 1, undefined, 'retry'],
    ['retries up to the 185 default retries', 185, undefined, 'retry'],
    ['gives up after the 185 default retries', 186, undefined, 'MaximumRetryAttempts'],
    ['honours MaximumRetryAttempts', 3, { MaximumRetryAttempts: 2 }, 'MaximumRetryAttempts'],
    [
      'does not retry at all with MaximumRetryAttempts 0',
      1,
      { MaximumRetryAttempts: 0 },
      'MaximumRetryAttempts',
    ],
  ])('%s', (_case, attempts, policy, expected) => {
    // Act
    const decision = planRetry({
      error: FAILURE,
      attempts,
      acceptedAt: 0,
      now: 0,
      policy,
      backoff: BACKOFF,
      random: () => 1,
    });

    // Assert
    expect(decision.kind === 'retry' ? 'retry' : decision.condition).toBe(expected);
  });

  it.each([
    ['within the default 24 hours', 86_000_000, undefined, 'retry'],
    ['past the default 24 hours', 86_400_000, undefined, 'MaximumEventAgeInSeconds'],
    ['past MaximumEventAgeInSeconds', 60_000, { MaximumEventAgeInSeconds: 60 }, 'MaximumEventAgeInSeconds'],
  ])('ages out an event %s', (_case, now, policy, expected) => {
    // Act
    const decision = planRetry({
      error: FAILURE,
      attempts: 1,
      acceptedAt: 0,
      now,
      policy,
      backoff: BACKOFF,
      random: () => 0,
    });

    // Assert
    expect(decision.kind === 'retry' ? 'retry' : decision.condition).toBe(expected);
  });

  it.each(['ResourceNotFoundException', 'StateMachineDoesNotExist', 'InvalidExecutionInput'])(
    'dead-letters %s without retrying',
    (code) => {
      // Act
      const decision = planRetry({
        error: { code, message: '' },
        attempts: 1,
        acceptedAt: 0,
        now: 0,
        policy: undefined,
        backoff: BACKOFF,
      });

      // Assert
      expect(decision).toEqual({ kind: 'dead-letter' });
    },
  );
});

describe('backoffDelay', () => {
  it.each([
    [1, 0, 500],
    [1, 1, 1000],
    [2, 1, 2000],
    [4, 1, 8000],
    [10, 1, 60_000],
    [200, 1, 60_000],
  ])('waits after failure %i (random %d) %i ms', (failures, random, expected) => {
    // Act
    const delay = backoffDelay(failures, BACKOFF, () => random);

    // Assert
    expect(delay).toBe(expected);
  });
});
