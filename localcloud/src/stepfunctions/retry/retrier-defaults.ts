/**
 * Defaults and limits of a Retrier's fields.
 *
 * @see https://states-language.net/spec.html#retrying-after-error
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-retrying-after-an-error
 */

/** Seconds before the first retry when `IntervalSeconds` is absent. */
export const DEFAULT_INTERVAL_SECONDS = 1;

/** Retries a Retrier allows when `MaxAttempts` is absent; `0` means never retry. */
export const DEFAULT_MAX_ATTEMPTS = 3;

/** The factor each retry multiplies the interval by when `BackoffRate` is absent. */
export const DEFAULT_BACKOFF_RATE = 2.0;

/** `JitterStrategy` when absent: wait exactly the computed interval. */
export const DEFAULT_JITTER_STRATEGY = 'NONE';

/** The values `JitterStrategy` may take on AWS. */
export const JITTER_STRATEGIES = ['FULL', 'NONE'] as const;

/** The smallest `BackoffRate` the specification allows. */
export const MIN_BACKOFF_RATE = 1.0;

/** The largest `IntervalSeconds` AWS accepts. */
export const MAX_INTERVAL_SECONDS = 99_999_999;

/** The largest `MaxAttempts` AWS accepts. */
export const MAX_MAX_ATTEMPTS = 99_999_999;

/** The largest `MaxDelaySeconds` AWS accepts (it must be less than 31622401). */
export const MAX_MAX_DELAY_SECONDS = 31_622_400;
