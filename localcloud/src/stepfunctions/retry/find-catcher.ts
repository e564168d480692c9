import type { Catcher } from '../asl/types.js';
import { matchesErrorEquals } from './matches-error-equals.js';

/**
 * The Catcher that handles an error once retries are over: the first, in array order, whose
 * `ErrorEquals` matches the error name.
 *
 * @see https://states-language.net/spec.html#fallback-states
 */
export function findCatcher(
  catchers: readonly Catcher[] | undefined,
  errorName: string,
): Catcher | undefined {
  return catchers?.find((catcher) => matchesErrorEquals(catcher.ErrorEquals, errorName));
}
