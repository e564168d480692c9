import { InvalidEventPatternException } from '../errors.js';
import { parseCidr } from './cidr.js';
import { isJsonObject, JsonNumber, JsonSyntaxError, numberValue, parseJsonText } from './json-text.js';
import { parseNumericRange } from './numeric-range.js';
import { PatternRuleError } from './pattern-error.js';
import type { EventPattern, FieldPattern, StringTest, ValueMatcher } from './types.js';
import { compileWildcard } from './wildcard.js';

/** The key that joins alternative patterns of one object ("or"). */
const OR_KEY = '$or';

/** The comparison operators a leaf's array may hold, besides literal values. */
const OPERATORS = new Set([
  'prefix',
  'suffix',
  'equals-ignore-case',
  'wildcard',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
]);

/** The string tests `anything-but` accepts in its object form. */
const ANYTHING_BUT_TESTS = new Set(['prefix', 'suffix', 'equals-ignore-case', 'wildcard']);

type Path = ReadonlyArray<string | number>;

/**
 * Parses and validates an event pattern. Every value to match sits in an array (any element may
 * match); objects nest as the event does; `$or` joins alternative patterns; an array element that
 * is an object is one of the comparison operators (`prefix`, `suffix`, `equals-ignore-case`,
 * `wildcard`, `anything-but`, `numeric`, `exists`, `cidr`).
 *
 * @throws InvalidEventPatternException with the reason and where in the pattern it lies.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
export function parseEventPattern(json: string): EventPattern {
  let document: unknown;
  try {
    document = parseJsonText(json);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw invalid(`Invalid JSON: ${error.message}`, []);
    throw error;
  }
  if (!isJsonObject(document)) throw invalid('Filter is not an object', []);
  return compileObject(document, []);
}

function compileObject(object: Record<string, unknown>, path: Path): EventPattern {
  const names = Object.keys(object);
  if (names.length === 0) throw invalid('Empty objects are not allowed', path);
  const fields: FieldPattern[] = [];
  const anyOf: EventPattern[][] = [];
  for (const name of names) {
    const value = object[name];
    const at = [...path, name];
    if (name === OR_KEY && isOrGroup(value)) {
      if (value.length < 2) throw invalid('"$or" must list at least two alternative patterns', at);
      anyOf.push(value.map((alternative, index) => compileObject(alternative, [...at, index])));
    } else if (isJsonObject(value)) {
      fields.push({ kind: 'object', name, pattern: compileObject(value, at) });
    } else if (Array.isArray(value)) {
      if (value.length === 0) throw invalid('Empty arrays are not allowed', at);
      fields.push({
        kind: 'leaf',
        name,
        matchers: value.map((element, index) => compileMatcher(element, [...at, index])),
      });
    } else {
      throw invalid(`"${name}" must be an object or an array`, at);
    }
  }
  return { fields, anyOf };
}

/**
 * Whether a `$or` value is a list of patterns. As in EventBridge, a `$or` whose value is anything
 * else (an object, or an array of values or operators) is an ordinary field named `$or`.
 */
function isOrGroup(value: unknown): value is Record<string, unknown>[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((element) => isJsonObject(element) && !Object.keys(element).some((key) => OPERATORS.has(key)))
  );
}

function compileMatcher(element: unknown, path: Path): ValueMatcher {
  if (typeof element === 'string') return { type: 'string', value: element };
  if (element instanceof JsonNumber) return { type: 'number', text: element.text };
  if (typeof element === 'boolean') return { type: 'boolean', value: element };
  if (element === null) return { type: 'null' };
  if (!isJsonObject(element)) throw invalid('Match value must be String, number, true, false, or null', path);
  const keys = Object.keys(element);
  if (keys.length !== 1) throw invalid('A match expression must have exactly one key', path);
  const operator = keys[0] as string;
  const operand = element[operator];
  const at = [...path, operator];
  try {
    return compileOperator(operator, operand, at);
  } catch (error) {
    if (error instanceof PatternRuleError) throw invalid(error.message, at);
    throw error;
  }
}

function compileOperator(operator: string, operand: unknown, path: Path): ValueMatcher {
  switch (operator) {
    case 'prefix':
    case 'suffix': {
      if (typeof operand === 'string') return { type: operator, value: operand, ignoreCase: false };
      const ignoringCase = ignoreCaseOperand(operand);
      if (ignoringCase === undefined) {
        throw invalid(`${operator} match pattern must be a string or an equals-ignore-case object`, path);
      }
      return { type: operator, value: ignoringCase, ignoreCase: true };
    }
    case 'equals-ignore-case':
      return { type: operator, value: requireString(operator, operand, path) };
    case 'wildcard':
      return { type: operator, regex: compileWildcard(requireString(operator, operand, path)) };
    case 'exists':
      if (typeof operand !== 'boolean')
        throw invalid('exists match pattern must be either true or false', path);
      return { type: operator, exists: operand };
    case 'numeric':
      return { type: operator, ...parseNumericRange(operand) };
    case 'cidr':
      return { type: operator, ...parseCidr(requireString(operator, operand, path)) };
    case 'anything-but':
      return compileAnythingBut(operand, path);
    default:
      throw invalid(`Unrecognized match type ${operator}`, path);
  }
}

function compileAnythingBut(operand: unknown, path: Path): ValueMatcher {
  if (typeof operand === 'string') return { type: 'anything-but-values', strings: [operand], numbers: [] };
  if (operand instanceof JsonNumber) {
    return { type: 'anything-but-values', strings: [], numbers: [operand.value] };
  }
  if (Array.isArray(operand)) {
    if (operand.length === 0) throw invalid('Empty arrays are not allowed', path);
    if (operand.every((value) => typeof value === 'string')) {
      return { type: 'anything-but-values', strings: operand, numbers: [] };
    }
    if (operand.every((value) => value instanceof JsonNumber)) {
      return { type: 'anything-but-values', strings: [], numbers: operand.map(numberValue) };
    }
    throw invalid('Inside an anything-but list, all values must be strings or all must be numbers', path);
  }
  if (isJsonObject(operand)) {
    const keys = Object.keys(operand);
    const test = keys[0];
    if (keys.length !== 1 || test === undefined || !ANYTHING_BUT_TESTS.has(test)) {
      throw invalid(
        `Unsupported anything-but pattern: ${keys.join(', ') || '{}'}; use prefix, suffix, equals-ignore-case or wildcard`,
        path,
      );
    }
    return { type: 'anything-but-test', test: compileStringTest(test, operand[test], [...path, test]) };
  }
  throw invalid('Value of anything-but must be a string, a number, a list of them, or an object', path);
}

function compileStringTest(test: string, operand: unknown, path: Path): StringTest {
  const values = typeof operand === 'string' ? [operand] : operand;
  if (!Array.isArray(values) || values.length === 0 || !values.every((value) => typeof value === 'string')) {
    throw invalid(`anything-but ${test} must be a string or a non-empty list of strings`, path);
  }
  switch (test) {
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case':
      return { type: test, values };
    default:
      return { type: 'wildcard', values: values.map(compileWildcard) };
  }
}

function ignoreCaseOperand(operand: unknown): string | undefined {
  if (!isJsonObject(operand)) return undefined;
  const keys = Object.keys(operand);
  const value = operand['equals-ignore-case'];
  return keys.length === 1 && typeof value === 'string' ? value : undefined;
}

function requireString(operator: string, operand: unknown, path: Path): string {
  if (typeof operand !== 'string') throw invalid(`${operator} match pattern must be a string`, path);
  return operand;
}

function invalid(reason: string, path: Path): InvalidEventPatternException {
  const where = path.length === 0 ? '' : ` at ${formatPath(path)}`;
  return new InvalidEventPatternException(`Event pattern is not valid. Reason: ${reason}${where}`);
}

function formatPath(path: Path): string {
  return path
    .map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`))
    .join('');
}
