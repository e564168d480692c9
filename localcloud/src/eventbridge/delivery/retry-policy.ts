import type { DeliveryError, ExhaustedRetryCondition, RetryPolicy } from '../store/records.js';

/**
 * How many times EventBridge retries a failed delivery by default.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 */
export const DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 185;

/** How long (seconds) EventBridge keeps retrying by default: 24 hours. */
export const DEFAULT_MAXIMUM_EVENT_AGE_SECONDS = 86_400;

/** The spacing of retries: exponential from `baseDelayMs`, capped at `maxDelayMs`, with jitter. */
export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The local default: one second, doubling up to five minutes. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 1000, maxDelayMs: 300_000 };

/**
 * Errors that fail every retry until someone acts (the target does not exist, its input is
 * invalid): as on AWS, they go to the dead-letter store without retries.
 */
const PERMANENT_ERRORS = new Set([
  'ResourceNotFoundException',
  'StateMachineDoesNotExist',
  'StateMachineDeleting',
  'InvalidArn',
  'InvalidExecutionInput',
  'InvalidName',
  'AccessDeniedException',
  'InvalidTargetInput',
]);

/** What to do after a failed attempt. */
export type RetryDecision =
  | { kind: 'retry'; at: number }
  | { kind: 'dead-letter'; condition?: ExhaustedRetryCondition };

/**
 * Decides whether a delivery that has failed `attempts` times is retried, and when; or is
 * dead-lettered because the error is permanent, the retries are used up, or the next attempt would
 * come after the event's maximum age.
 */
export function planRetry(options: {
  error: DeliveryError;
  attempts: number;
  acceptedAt: number;
  now: number;
  policy: RetryPolicy | undefined;
  backoff: BackoffOptions;
  random?: () => number;
}): RetryDecision {
  const { error, attempts, acceptedAt, now, policy, backoff } = options;
  if (PERMANENT_ERRORS.has(error.code)) return { kind: 'dead-letter' };
  const maxRetries = policy?.MaximumRetryAttempts ?? DEFAULT_MAXIMUM_RETRY_ATTEMPTS;
  if (attempts > maxRetries) return { kind: 'dead-letter', condition: 'MaximumRetryAttempts' };
  const at = now + backoffDelay(attempts, backoff, options.random ?? Math.random);
  const maxAgeMs = (policy?.MaximumEventAgeInSeconds ?? DEFAULT_MAXIMUM_EVENT_AGE_SECONDS) * 1000;
  if (at - acceptedAt > maxAgeMs) return { kind: 'dead-letter', condition: 'MaximumEventAgeInSeconds' };
  return { kind: 'retry', at };
}

/** The wait before the retry that follows the `failures`-th failure: half fixed, half random. */
export function backoffDelay(failures: number, backoff: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** Math.min(failures - 1, 52));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A thrown value as a delivery error: its name (the AWS error name) and message. */
export function toDeliveryError(thrown: unknown): DeliveryError {
  if (thrown instanceof Error) return { code: thrown.name || 'Error', message: thrown.message };
  return { code: 'Error', message: String(thrown) };
}
