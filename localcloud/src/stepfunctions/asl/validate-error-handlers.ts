import { StatesErrorName } from '../errors.js';
import {
  JITTER_STRATEGIES,
  MAX_INTERVAL_SECONDS,
  MAX_MAX_ATTEMPTS,
  MAX_MAX_DELAY_SECONDS,
  MIN_BACKOFF_RATE,
} from '../retry/retrier-defaults.js';
import { isJsonObject, type JsonObject, pointerTo, scopesOf } from './validate-scopes.js';

/**
 * Checks of Retriers and Catchers that asl-validator leaves out: `ErrorEquals` is non-empty,
 * `States.ALL` stands alone and only in the last Retrier/Catcher, and each Retrier field is in
 * the range the spec and AWS allow.
 *
 * @see https://states-language.net/spec.html#retrying-after-error
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export function validateErrorHandlers(machine: unknown): string[] {
  if (!isJsonObject(machine)) return [];
  return scopesOf(machine).flatMap((scope) =>
    scope.states.flatMap(({ state, pointer }) => [
      ...handlerListProblems(state.Retry, 'Retrier', pointerTo(pointer, 'Retry')),
      ...handlerListProblems(state.Catch, 'Catcher', pointerTo(pointer, 'Catch')),
    ]),
  );
}

function handlerListProblems(list: unknown, kind: 'Retrier' | 'Catcher', at: string): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((handler: unknown, index) => {
    if (!isJsonObject(handler)) return [];
    const handlerAt = pointerTo(at, index);
    const problems = errorEqualsProblems(handler.ErrorEquals, kind, index === list.length - 1, handlerAt);
    if (kind === 'Retrier') problems.push(...retrierFieldProblems(handler, handlerAt));
    return problems;
  });
}

function errorEqualsProblems(errorEquals: unknown, kind: string, isLast: boolean, at: string): string[] {
  const errorsAt = pointerTo(at, 'ErrorEquals');
  if (!Array.isArray(errorEquals) || errorEquals.length === 0) {
    return [`SCHEMA_VALIDATION_FAILED: ErrorEquals must be a non-empty array at ${errorsAt}`];
  }
  if (!errorEquals.includes(StatesErrorName.All)) return [];
  const problems: string[] = [];
  if (errorEquals.length > 1) {
    problems.push(
      `SCHEMA_VALIDATION_FAILED: ${StatesErrorName.All} must appear alone in ErrorEquals at ${errorsAt}`,
    );
  }
  if (!isLast) {
    problems.push(
      `SCHEMA_VALIDATION_FAILED: A ${kind} with ${StatesErrorName.All} must be the last one at ${at}`,
    );
  }
  return problems;
}

function retrierFieldProblems(retrier: JsonObject, at: string): string[] {
  const problems: string[] = [];
  const check = (field: string, valid: (value: unknown) => boolean, expected: string) => {
    const value = retrier[field];
    if (value !== undefined && !valid(value)) {
      problems.push(`SCHEMA_VALIDATION_FAILED: ${field} must be ${expected} at ${pointerTo(at, field)}`);
    }
  };
  check(
    'IntervalSeconds',
    integerFrom(1, MAX_INTERVAL_SECONDS),
    `an integer from 1 to ${MAX_INTERVAL_SECONDS}`,
  );
  check('MaxAttempts', integerFrom(0, MAX_MAX_ATTEMPTS), `an integer from 0 to ${MAX_MAX_ATTEMPTS}`);
  check(
    'MaxDelaySeconds',
    integerFrom(1, MAX_MAX_DELAY_SECONDS),
    `an integer from 1 to ${MAX_MAX_DELAY_SECONDS}`,
  );
  check(
    'BackoffRate',
    (value) => typeof value === 'number' && value >= MIN_BACKOFF_RATE,
    `a number of at least ${MIN_BACKOFF_RATE.toFixed(1)}`,
  );
  check(
    'JitterStrategy',
    (value) => (JITTER_STRATEGIES as readonly unknown[]).includes(value),
    `one of ${JITTER_STRATEGIES.join(', ')}`,
  );
  return problems;
}

function integerFrom(min: number, max: number): (value: unknown) => boolean {
  return (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}
