import { describe, expect, it } from 'vitest';
import type { ChoiceRule } from '../asl/types.js';
import { COMPARISON_OPERATORS, type ComparisonOperator } from './comparison-operators.js';
import { evaluateChoiceRule } from './evaluate-choice-rule.js';

// Operators and their semantics: https://states-language.net/spec.html#choice-state and
// https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html — "if the values are not
// both of the appropriate type ... the comparison will return false".

const context = {
  Execution: { Id: 'arn:aws:states:us-east-1:123456789012:execution:Machine:run-1', Name: 'run-1' },
  State: { Name: 'ChoiceStateX', EnteredTime: '2024-01-01T00:00:00Z', RetryCount: 0 },
};

/** operator, Variable value, operand (the literal, or the value the `...Path` operand selects), expected */
type Case = readonly [ComparisonOperator, unknown, unknown, boolean];

const T = '2001-01-01T12:00:00Z';

const literalCases: Case[] = [
  ['BooleanEquals', true, true, true],
  ['BooleanEquals', false, true, false],
  ['BooleanEquals', 'true', true, false],
  ['BooleanEquals', true, 'true', false],
  ['NumericEquals', 1, 1, true],
  ['NumericEquals', 1.5, 1, false],
  ['NumericEquals', '1', 1, false],
  ['NumericEquals', 1, '1', false],
  ['NumericGreaterThan', 2, 1, true],
  ['NumericGreaterThan', 1, 1, false],
  ['NumericGreaterThan', '2', 1, false],
  ['NumericGreaterThanEquals', 20, 20, true],
  ['NumericGreaterThanEquals', 19.99, 20, false],
  ['NumericGreaterThanEquals', null, 0, false],
  ['NumericLessThan', 22, 30, true],
  ['NumericLessThan', 30, 30, false],
  ['NumericLessThan', '22', 30, false],
  ['NumericLessThanEquals', -1, -1, true],
  ['NumericLessThanEquals', 0, -1, false],
  ['NumericLessThanEquals', true, 2, false],
  ['StringEquals', 'MyString', 'MyString', true],
  ['StringEquals', 'mystring', 'MyString', false],
  ['StringEquals', 1, '1', false],
  ['StringEquals', T, T, true],
  ['StringGreaterThan', 'MyStringABD', 'MyStringABC', true],
  ['StringGreaterThan', 'MyStringAB', 'MyStringABC', false],
  ['StringGreaterThan', 5, 'MyStringABC', false],
  ['StringGreaterThanEquals', 'b', 'b', true],
  ['StringGreaterThanEquals', 'a', 'b', false],
  ['StringGreaterThanEquals', null, 'b', false],
  ['StringLessThan', 'B', 'a', true],
  ['StringLessThan', 'b', 'b', false],
  ['StringLessThan', ['a'], 'b', false],
  ['StringLessThanEquals', 'b', 'b', true],
  ['StringLessThanEquals', 'c', 'b', false],
  ['StringLessThanEquals', { s: 'a' }, 'b', false],
  ['TimestampEquals', T, T, true],
  ['TimestampEquals', '2001-01-01T13:00:00+01:00', T, true],
  ['TimestampEquals', '2001-01-01T12:00:01Z', T, false],
  ['TimestampEquals', 'yesterday', T, false],
  ['TimestampEquals', 978350400, T, false],
  ['TimestampGreaterThan', '2001-01-01T12:00:00.001Z', T, true],
  ['TimestampGreaterThan', T, T, false],
  ['TimestampGreaterThan', '2999-01-01', T, false],
  ['TimestampGreaterThanEquals', T, T, true],
  ['TimestampGreaterThanEquals', '2000-12-31T23:59:59Z', T, false],
  ['TimestampGreaterThanEquals', true, T, false],
  ['TimestampLessThan', '2000-12-31T23:59:59Z', T, true],
  ['TimestampLessThan', '2001-01-01T07:00:00-05:00', T, false],
  ['TimestampLessThan', 'January', T, false],
  ['TimestampLessThanEquals', '2001-01-01T07:00:00-05:00', T, true],
  ['TimestampLessThanEquals', '2001-01-01T12:00:00.5Z', T, false],
  ['TimestampLessThanEquals', null, T, false],
];

// Every literal comparison has a `...Path` twin that must decide the same way.
const pathCases: Case[] = literalCases.map(([operator, value, operand, expected]) => [
  `${operator}Path` as ComparisonOperator,
  value,
  operand,
  expected,
]);

const otherCases: Case[] = [
  ['IsBoolean', false, true, true],
  ['IsBoolean', 'false', true, false],
  ['IsBoolean', 'false', false, true],
  ['IsNull', null, true, true],
  ['IsNull', 0, true, false],
  ['IsNull', 'null', false, true],
  ['IsNumeric', 1.5, true, true],
  ['IsNumeric', '1.5', true, false],
  ['IsNumeric', '1', false, true],
  ['IsPresent', null, true, true],
  ['IsPresent', 0, false, false],
  ['IsString', '', true, true],
  ['IsString', 1, true, false],
  ['IsString', null, false, true],
  ['IsTimestamp', '2016-08-18T17:33:00Z', true, true],
  ['IsTimestamp', '2016-08-18', true, false],
  ['IsTimestamp', 1471541580, false, true],
  ['StringMatches', 'log-1.txt', 'log-*.txt', true],
  ['StringMatches', 'log-1.csv', 'log-*.txt', false],
  ['StringMatches', 1, '*', false],
];

const cases = [...literalCases, ...pathCases, ...otherCases];

function ruleFor(operator: ComparisonOperator, operand: unknown): { rule: ChoiceRule; extra: object } {
  if (operator.endsWith('Path')) {
    return { rule: { Variable: '$.v', [operator]: '$.other' }, extra: { other: operand } };
  }
  return { rule: { Variable: '$.v', [operator]: operand }, extra: {} };
}

describe('evaluateChoiceRule — comparison operators', () => {
  it('has cases for every operator', () => {
    expect(new Set(cases.map(([operator]) => operator))).toEqual(new Set(COMPARISON_OPERATORS));
  });

  it.each(cases)('%s: %j vs %j → %s', (operator, value, operand, expected) => {
    const { rule, extra } = ruleFor(operator, operand);

    const result = evaluateChoiceRule(rule, { v: value, ...extra }, context);

    expect(result).toBe(expected);
  });
});

describe('evaluateChoiceRule — missing values', () => {
  const runtimeError = expect.objectContaining({
    name: 'States.Runtime',
    cause:
      "An error occurred while executing the state 'ChoiceStateX'. Invalid path '$.v': The choice state's condition path references an invalid value.",
  });

  it.each(COMPARISON_OPERATORS.filter((operator) => operator !== 'IsPresent'))(
    '%s fails the state with States.Runtime when the Variable selects nothing',
    (operator) => {
      const { rule, extra } = ruleFor(operator, operator.startsWith('Is') ? true : 'x');

      expect(() => evaluateChoiceRule(rule, { ...extra }, context)).toThrow(runtimeError);
    },
  );

  it.each([
    [true, false],
    [false, true],
  ])('IsPresent %s is %s when the Variable selects nothing', (argument, expected) => {
    expect(evaluateChoiceRule({ Variable: '$.v', IsPresent: argument }, {}, context)).toBe(expected);
  });

  it('fails with States.Runtime when a ...Path operand selects nothing', () => {
    const rule = { Variable: '$.rating', NumericGreaterThanPath: '$.auditThreshold' };

    expect(() => evaluateChoiceRule(rule, { rating: 5 }, context)).toThrow(
      expect.objectContaining({
        name: 'States.Runtime',
        cause: expect.stringContaining("'$.auditThreshold'"),
      }),
    );
  });
});

describe('evaluateChoiceRule — Boolean expressions', () => {
  // The IsPresent guard from https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html:
  // "the StringEquals rule is only evaluated when $.keyThatMightNotExist exists".
  const guarded: ChoiceRule = {
    And: [
      { Variable: '$.keyThatMightNotExist', IsPresent: true },
      { Variable: '$.keyThatMightNotExist', StringEquals: 'foo' },
    ],
  };

  it.each([
    [{}, false],
    [{ keyThatMightNotExist: 'foo' }, true],
    [{ keyThatMightNotExist: 'bar' }, false],
  ])('And stops at the IsPresent guard for %j → %s', (input, expected) => {
    expect(evaluateChoiceRule(guarded, input, context)).toBe(expected);
  });

  it.each([
    [{ value: 22 }, true],
    [{ value: 30 }, false],
    [{ value: 19 }, false],
    [{ value: '22' }, false],
  ])('And of the spec’s ValueInTwenties rule for %j → %s', (input, expected) => {
    const rule: ChoiceRule = {
      And: [
        { Variable: '$.value', IsPresent: true },
        { Variable: '$.value', IsNumeric: true },
        { Variable: '$.value', NumericGreaterThanEquals: 20 },
        { Variable: '$.value', NumericLessThan: 30 },
      ],
    };

    expect(evaluateChoiceRule(rule, input, context)).toBe(expected);
  });

  it.each([
    [{ type: 'Private' }, false],
    [{ type: 'Public' }, true],
  ])('Not inverts its rule for %j → %s', (input, expected) => {
    expect(evaluateChoiceRule({ Not: { Variable: '$.type', StringEquals: 'Private' } }, input, context)).toBe(
      expected,
    );
  });

  it.each([
    [{ a: 1 }, true],
    [{ b: 'x' }, true],
    [{ a: 2, b: 'y' }, false],
  ])('Or stops at the first true rule for %j → %s', (input, expected) => {
    const rule: ChoiceRule = {
      Or: [
        {
          And: [
            { Variable: '$.a', IsPresent: true },
            { Variable: '$.a', NumericEquals: 1 },
          ],
        },
        { Not: { Not: { Variable: '$.b', StringEquals: 'x' } } },
      ],
    };

    expect(evaluateChoiceRule(rule, input, context)).toBe(expected);
  });

  it('reads Variables from the context object with $$', () => {
    const rule = { Variable: '$$.Execution.Name', StringMatches: 'run-*' };

    expect(evaluateChoiceRule(rule, {}, context)).toBe(true);
  });
});

describe('evaluateChoiceRule — malformed rules', () => {
  it.each([
    [{ Variable: '$.v' }],
    [{ Variable: '$.v', StringEquals: 'a', StringMatches: 'a' }],
    [{ NumericEquals: 1 }],
  ])('fails with States.Runtime for %j', (rule) => {
    expect(() => evaluateChoiceRule(rule, { v: 'a' }, context)).toThrow(
      expect.objectContaining({ name: 'States.Runtime' }),
    );
  });
});
