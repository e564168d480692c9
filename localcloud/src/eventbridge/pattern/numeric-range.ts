import { isJsonNumber, type JsonNumber, numberValue } from './json-text.js';
import { PatternRuleError } from './pattern-error.js';
import type { NumericBound } from './types.js';

/**
 * The range numeric matching covers; values outside it never match.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#filtering-numeric-matching
 */
export const NUMERIC_LIMIT = 5e9;

/** Numeric matching keeps six digits to the right of the decimal point. */
const SCALE = 1e6;

/** A numeric range: lower and upper bounds, either of which may be open-ended. */
export interface NumericRange {
  lower?: NumericBound;
  upper?: NumericBound;
}

const LOWER_OPERATORS: Record<string, boolean> = { '>': false, '>=': true };
const UPPER_OPERATORS: Record<string, boolean> = { '<': false, '<=': true };

/**
 * Parses the array of a `numeric` operator: `["=", 5]`, one bound (`["<", 10]`) or a lower and
 * an upper bound (`[">", 0, "<=", 5]`).
 *
 * @throws PatternRuleError when the array is not a numeric range.
 */
export function parseNumericRange(spec: unknown): NumericRange {
  if (!Array.isArray(spec) || (spec.length !== 2 && spec.length !== 4)) {
    throw new PatternRuleError(
      'Value of numeric must be an array of an operator and a number, or of two such pairs',
    );
  }
  const range: NumericRange = {};
  for (let i = 0; i < spec.length; i += 2) {
    const operator = spec[i];
    const operand = spec[i + 1];
    if (typeof operator !== 'string')
      throw new PatternRuleError('Invalid member in numeric match: operator expected');
    if (!isJsonNumber(operand)) throw new PatternRuleError(`Value of ${operator} must be a number`);
    const value = numberValue(operand);
    if (value < -NUMERIC_LIMIT || value > NUMERIC_LIMIT) {
      throw new PatternRuleError(`Value of ${operator} must be between -5.0E9 and 5.0E9, inclusive`);
    }
    if (operator === '=') {
      if (spec.length !== 2) throw new PatternRuleError('"=" must be the only operator of a numeric match');
      return { lower: { value, inclusive: true }, upper: { value, inclusive: true } };
    }
    if (Object.hasOwn(LOWER_OPERATORS, operator)) {
      if (range.lower) throw new PatternRuleError('Bad numeric range definition: two lower bounds');
      range.lower = { value, inclusive: LOWER_OPERATORS[operator] as boolean };
    } else if (Object.hasOwn(UPPER_OPERATORS, operator)) {
      if (range.upper) throw new PatternRuleError('Bad numeric range definition: two upper bounds');
      range.upper = { value, inclusive: UPPER_OPERATORS[operator] as boolean };
    } else {
      throw new PatternRuleError(`Unrecognized numeric range operator: ${operator}`);
    }
  }
  if (range.lower && range.upper && scaled(range.lower.value) >= scaled(range.upper.value)) {
    throw new PatternRuleError('Bad numeric range definition: bottom must be less than top');
  }
  return range;
}

/** Whether a JSON number lies in `range`, at the precision EventBridge keeps. */
export function inNumericRange(range: NumericRange, value: number | JsonNumber): boolean {
  const n = numberValue(value);
  if (!Number.isFinite(n) || n < -NUMERIC_LIMIT || n > NUMERIC_LIMIT) return false;
  const x = scaled(n);
  if (range.lower) {
    const bound = scaled(range.lower.value);
    if (range.lower.inclusive ? x < bound : x <= bound) return false;
  }
  if (range.upper) {
    const bound = scaled(range.upper.value);
    if (range.upper.inclusive ? x > bound : x >= bound) return false;
  }
  return true;
}

function scaled(value: number): number {
  return Math.round(value * SCALE);
}
