import { StatesErrorName } from '../errors.js';

/** Errors the `States.ALL` wildcard does not match. */
const BEYOND_ALL: ReadonlySet<string> = new Set([StatesErrorName.Runtime, StatesErrorName.DataLimitExceeded]);

/** Errors that are timeouts, which `States.TaskFailed` does not match. */
const TIMEOUTS: ReadonlySet<string> = new Set([StatesErrorName.Timeout, StatesErrorName.HeartbeatTimeout]);

/**
 * Whether a Retrier's or Catcher's `ErrorEquals` covers an error name.
 *
 * - Names match exactly (they are case-sensitive).
 * - `States.ALL` matches every error except `States.Runtime` and `States.DataLimitExceeded`.
 * - `States.TaskFailed` matches every error `States.ALL` does except the timeouts.
 * - `States.Timeout` also matches `States.HeartbeatTimeout`, a heartbeat timeout being one of the
 *   two timeouts AWS defines `States.Timeout` as.
 * - `States.Runtime` is never matched, even by name: AWS never retries or catches it.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-error-representation
 */
export function matchesErrorEquals(errorEquals: readonly string[], errorName: string): boolean {
  if (errorName === StatesErrorName.Runtime) return false;
  return errorEquals.some((pattern) => matchesOne(pattern, errorName));
}

function matchesOne(pattern: string, errorName: string): boolean {
  if (pattern === errorName) return true;
  switch (pattern) {
    case StatesErrorName.All:
      return !BEYOND_ALL.has(errorName);
    case StatesErrorName.TaskFailed:
      return !BEYOND_ALL.has(errorName) && !TIMEOUTS.has(errorName);
    case StatesErrorName.Timeout:
      return errorName === StatesErrorName.HeartbeatTimeout;
    default:
      return false;
  }
}
