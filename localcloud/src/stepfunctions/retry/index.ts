/**
 * Pure Retry and Catch logic of Task, Parallel and Map states.
 *
 * @see https://states-language.net/spec.html#errors
 */
export { type ErrorOutput, errorOutput } from './error-output.js';
export { findCatcher } from './find-catcher.js';
export { matchesErrorEquals } from './matches-error-equals.js';
export { planRetry, type RetryPlan, retryDelayMs } from './plan-retry.js';
export * from './retrier-defaults.js';
