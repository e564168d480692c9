/**
 * What an intrinsic function receives, and the checks its arguments go through. Every failure is
 * a `States.IntrinsicFailure` whose cause names the function, so a history reads like AWS's.
 *
 * @see https://states-language.net/spec.html#appendix-a
 */
import { StatesError, StatesErrorName } from '../errors.js';
import type { IntrinsicFunctionName } from './function-names.js';
import type { IntrinsicArgumentNode } from './syntax.js';

/** One invocation: the function, its arguments as written, and their evaluated values. */
export interface IntrinsicInvocation {
  readonly name: IntrinsicFunctionName;
  readonly args: readonly IntrinsicArgumentNode[];
  readonly values: readonly unknown[];
}

/** The implementation of one intrinsic function. */
export type IntrinsicFunction = (invocation: IntrinsicInvocation) => unknown;

/** A `States.IntrinsicFailure` about `invocation`. */
export function intrinsicFailure(invocation: IntrinsicInvocation, reason: string): StatesError {
  return new StatesError(
    StatesErrorName.IntrinsicFailure,
    `Invalid arguments in ${invocation.name}: ${reason}`,
  );
}

/** Requires between `min` and `max` arguments (exactly `min` when `max` is omitted). */
export function expectArgumentCount(invocation: IntrinsicInvocation, min: number, max = min): void {
  const count = invocation.values.length;
  if (count >= min && count <= max) return;
  const expected =
    min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
  throw intrinsicFailure(
    invocation,
    `expected ${expected} argument${max === 1 ? '' : 's'} but received ${count}`,
  );
}

/** The argument at `index`, which must be a string. */
export function stringArgument(invocation: IntrinsicInvocation, index: number): string {
  const value = invocation.values[index];
  if (typeof value !== 'string') throw typeMismatch(invocation, index, 'a string', value);
  return value;
}

/** The argument at `index`, which must be an array. */
export function arrayArgument(invocation: IntrinsicInvocation, index: number): readonly unknown[] {
  const value = invocation.values[index];
  if (!Array.isArray(value)) throw typeMismatch(invocation, index, 'an array', value);
  return value;
}

/** The argument at `index`, which must be a JSON object (not an array, not null). */
export function objectArgument(
  invocation: IntrinsicInvocation,
  index: number,
): Readonly<Record<string, unknown>> {
  const value = invocation.values[index];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw typeMismatch(invocation, index, 'a JSON object', value);
  }
  return value as Record<string, unknown>;
}

/** The argument at `index`, which must be a boolean. */
export function booleanArgument(invocation: IntrinsicInvocation, index: number): boolean {
  const value = invocation.values[index];
  if (typeof value !== 'boolean') throw typeMismatch(invocation, index, 'a boolean', value);
  return value;
}

/**
 * The argument at `index`, which must be a number; a fraction is rounded to the nearest integer,
 * as AWS documents for the array and math functions.
 */
export function roundedIntegerArgument(invocation: IntrinsicInvocation, index: number): number {
  const value = invocation.values[index];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw typeMismatch(invocation, index, 'an integer', value);
  return Math.round(value);
}

/** The argument at `index`, which must be an integer as given (no rounding). */
export function integerArgument(invocation: IntrinsicInvocation, index: number): number {
  const value = invocation.values[index];
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw typeMismatch(invocation, index, 'an integer', value);
  return value;
}

function typeMismatch(
  invocation: IntrinsicInvocation,
  index: number,
  expected: string,
  value: unknown,
): StatesError {
  return intrinsicFailure(
    invocation,
    `argument ${index + 1} must be ${expected} but was ${describeValue(value)}`,
  );
}

/** A short rendering of a value for an error cause. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 100)}...` : text;
}
