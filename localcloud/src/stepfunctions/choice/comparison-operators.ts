import { invalidPathError, malformedRuleError } from './choice-errors.js';
import { stringMatches } from './string-matches.js';
import { compareTimestamps, isTimestamp, parseTimestamp, type Timestamp } from './timestamp.js';

/**
 * Every comparison operator of a JSONPath Choice Rule.
 *
 * @see https://states-language.net/spec.html#choice-state
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export type ComparisonOperator =
  | 'BooleanEquals'
  | 'BooleanEqualsPath'
  | 'IsBoolean'
  | 'IsNull'
  | 'IsNumeric'
  | 'IsPresent'
  | 'IsString'
  | 'IsTimestamp'
  | 'NumericEquals'
  | 'NumericEqualsPath'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanPath'
  | 'NumericGreaterThanEquals'
  | 'NumericGreaterThanEqualsPath'
  | 'NumericLessThan'
  | 'NumericLessThanPath'
  | 'NumericLessThanEquals'
  | 'NumericLessThanEqualsPath'
  | 'StringEquals'
  | 'StringEqualsPath'
  | 'StringGreaterThan'
  | 'StringGreaterThanPath'
  | 'StringGreaterThanEquals'
  | 'StringGreaterThanEqualsPath'
  | 'StringLessThan'
  | 'StringLessThanPath'
  | 'StringLessThanEquals'
  | 'StringLessThanEqualsPath'
  | 'StringMatches'
  | 'TimestampEquals'
  | 'TimestampEqualsPath'
  | 'TimestampGreaterThan'
  | 'TimestampGreaterThanPath'
  | 'TimestampGreaterThanEquals'
  | 'TimestampGreaterThanEqualsPath'
  | 'TimestampLessThan'
  | 'TimestampLessThanPath'
  | 'TimestampLessThanEquals'
  | 'TimestampLessThanEqualsPath';

/** What one comparison needs from its Choice Rule. */
export interface Operands {
  /** The rule's `Variable` path. */
  readonly variable: string;
  /** The value of the operator's field, as written in the rule. */
  readonly argument: unknown;
  /** Reads a path against the input and context; `undefined` when it selects nothing. */
  readonly read: (path: string) => unknown;
  /** The state's context object, for error messages. */
  readonly context: unknown;
}

/** Decides one data-test Choice Rule. */
export type Comparison = (operands: Operands) => boolean;

/** How values of one ASL type are recognised and ordered. */
interface ValueType<T> {
  /** The value as this type, or `undefined` when it is not of this type. */
  readonly accept: (value: unknown) => T | undefined;
  /** Negative, zero or positive, as `a` sorts before, with or after `b`. */
  readonly order: (a: T, b: T) => number;
}

type Relation = (order: number) => boolean;

const BOOLEAN: ValueType<boolean> = {
  accept: (value) => (typeof value === 'boolean' ? value : undefined),
  order: (a, b) => Number(a) - Number(b),
};

const NUMBER: ValueType<number> = {
  accept: (value) => (typeof value === 'number' ? value : undefined),
  order: (a, b) => a - b,
};

// Compares UTF-16 code units, as Java's String.compareTo that AWS's docs refer to.
const STRING: ValueType<string> = {
  accept: (value) => (typeof value === 'string' ? value : undefined),
  order: (a, b) => (a === b ? 0 : a < b ? -1 : 1),
};

const TIMESTAMP: ValueType<Timestamp> = {
  accept: (value) => (typeof value === 'string' ? parseTimestamp(value) : undefined),
  order: compareTimestamps,
};

const equal: Relation = (order) => order === 0;
const greater: Relation = (order) => order > 0;
const greaterOrEqual: Relation = (order) => order >= 0;
const less: Relation = (order) => order < 0;
const lessOrEqual: Relation = (order) => order <= 0;

/** The Variable's value; a Variable that selects nothing fails the state. */
function variableValue({ variable, read, context }: Operands): unknown {
  const value = read(variable);
  if (value === undefined) throw invalidPathError(variable, context);
  return value;
}

/** Both sides must be of the type, else the comparison is false rather than an error. */
function compareAs<T>(type: ValueType<T>, relation: Relation, left: unknown, right: unknown): boolean {
  const a = type.accept(left);
  const b = type.accept(right);
  return a !== undefined && b !== undefined && relation(type.order(a, b));
}

/** An operator comparing the Variable with the literal value of its field. */
function literal<T>(type: ValueType<T>, relation: Relation): Comparison {
  return (operands) => compareAs(type, relation, variableValue(operands), operands.argument);
}

/** A `...Path` operator, comparing the Variable with the value another path selects. */
function viaPath<T>(type: ValueType<T>, relation: Relation): Comparison {
  return (operands) => {
    const value = variableValue(operands);
    const path = operands.argument;
    if (typeof path !== 'string') {
      throw malformedRuleError('a ...Path operator needs a path.', operands.context);
    }
    const other = operands.read(path);
    if (other === undefined) throw invalidPathError(path, operands.context);
    return compareAs(type, relation, value, other);
  };
}

/** An `Is...` operator: true when the type test agrees with the boolean the rule gives. */
function typeTest(test: (value: unknown) => boolean): Comparison {
  return (operands) => test(variableValue(operands)) === operands.argument;
}

const isPresent: Comparison = ({ variable, argument, read }) => (read(variable) !== undefined) === argument;

const matches: Comparison = (operands) => {
  const value = variableValue(operands);
  return (
    typeof value === 'string' &&
    typeof operands.argument === 'string' &&
    stringMatches(value, operands.argument)
  );
};

/** Every operator's comparison; the mapped type makes a missing operator a compile error. */
const COMPARISONS: { readonly [Operator in ComparisonOperator]: Comparison } = {
  BooleanEquals: literal(BOOLEAN, equal),
  BooleanEqualsPath: viaPath(BOOLEAN, equal),
  IsBoolean: typeTest((value) => typeof value === 'boolean'),
  IsNull: typeTest((value) => value === null),
  IsNumeric: typeTest((value) => typeof value === 'number'),
  IsPresent: isPresent,
  IsString: typeTest((value) => typeof value === 'string'),
  IsTimestamp: typeTest(isTimestamp),
  NumericEquals: literal(NUMBER, equal),
  NumericEqualsPath: viaPath(NUMBER, equal),
  NumericGreaterThan: literal(NUMBER, greater),
  NumericGreaterThanPath: viaPath(NUMBER, greater),
  NumericGreaterThanEquals: literal(NUMBER, greaterOrEqual),
  NumericGreaterThanEqualsPath: viaPath(NUMBER, greaterOrEqual),
  NumericLessThan: literal(NUMBER, less),
  NumericLessThanPath: viaPath(NUMBER, less),
  NumericLessThanEquals: literal(NUMBER, lessOrEqual),
  NumericLessThanEqualsPath: viaPath(NUMBER, lessOrEqual),
  StringEquals: literal(STRING, equal),
  StringEqualsPath: viaPath(STRING, equal),
  StringGreaterThan: literal(STRING, greater),
  StringGreaterThanPath: viaPath(STRING, greater),
  StringGreaterThanEquals: literal(STRING, greaterOrEqual),
  StringGreaterThanEqualsPath: viaPath(STRING, greaterOrEqual),
  StringLessThan: literal(STRING, less),
  StringLessThanPath: viaPath(STRING, less),
  StringLessThanEquals: literal(STRING, lessOrEqual),
  StringLessThanEqualsPath: viaPath(STRING, lessOrEqual),
  StringMatches: matches,
  TimestampEquals: literal(TIMESTAMP, equal),
  TimestampEqualsPath: viaPath(TIMESTAMP, equal),
  TimestampGreaterThan: literal(TIMESTAMP, greater),
  TimestampGreaterThanPath: viaPath(TIMESTAMP, greater),
  TimestampGreaterThanEquals: literal(TIMESTAMP, greaterOrEqual),
  TimestampGreaterThanEqualsPath: viaPath(TIMESTAMP, greaterOrEqual),
  TimestampLessThan: literal(TIMESTAMP, less),
  TimestampLessThanPath: viaPath(TIMESTAMP, less),
  TimestampLessThanEquals: literal(TIMESTAMP, lessOrEqual),
  TimestampLessThanEqualsPath: viaPath(TIMESTAMP, lessOrEqual),
};

/** Every comparison operator, in the table's order. */
export const COMPARISON_OPERATORS = Object.keys(COMPARISONS) as readonly ComparisonOperator[];

/** Whether a Choice Rule field names a comparison operator. */
export function isComparisonOperator(field: string): field is ComparisonOperator {
  return Object.hasOwn(COMPARISONS, field);
}

/** Runs one comparison operator. */
export function compare(operator: ComparisonOperator, operands: Operands): boolean {
  return COMPARISONS[operator](operands);
}
