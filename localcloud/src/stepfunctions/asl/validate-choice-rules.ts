import { isTimestamp } from '../choice/timestamp.js';
import { isJsonObject, pointerTo, scopesOf } from './validate-scopes.js';

/** The comparison operators whose literal value must be a timestamp. */
const TIMESTAMP_LITERALS = [
  'TimestampEquals',
  'TimestampGreaterThan',
  'TimestampGreaterThanEquals',
  'TimestampLessThan',
  'TimestampLessThanEquals',
] as const;

/**
 * Checks of Choice Rules that asl-validator leaves out: `Next` appears only in top-level rules,
 * and a literal timestamp operand is an RFC3339 timestamp.
 *
 * @see https://states-language.net/spec.html#choice-state
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export function validateChoiceRules(machine: unknown): string[] {
  if (!isJsonObject(machine)) return [];
  return scopesOf(machine).flatMap((scope) =>
    scope.states.flatMap(({ state, pointer }) => {
      if (state.Type !== 'Choice' || !Array.isArray(state.Choices)) return [];
      const choicesAt = pointerTo(pointer, 'Choices');
      return state.Choices.flatMap((rule: unknown, index) =>
        ruleProblems(rule, pointerTo(choicesAt, index), true),
      );
    }),
  );
}

function ruleProblems(rule: unknown, at: string, isTopLevel: boolean): string[] {
  if (!isJsonObject(rule)) return [];
  const problems: string[] = [];
  if (!isTopLevel && 'Next' in rule) {
    problems.push(
      `SCHEMA_VALIDATION_FAILED: Next is allowed only in a top-level Choice Rule at ${pointerTo(at, 'Next')}`,
    );
  }
  for (const operator of TIMESTAMP_LITERALS) {
    const value = rule[operator];
    if (typeof value === 'string' && !isTimestamp(value)) {
      problems.push(
        `SCHEMA_VALIDATION_FAILED: '${value}' is not an RFC3339 timestamp such as 2016-08-18T17:33:00Z at ${pointerTo(at, operator)}`,
      );
    }
  }
  for (const operator of ['And', 'Or']) {
    const inner = rule[operator];
    if (Array.isArray(inner)) {
      inner.forEach((nested: unknown, index) => {
        problems.push(...ruleProblems(nested, pointerTo(pointerTo(at, operator), index), false));
      });
    }
  }
  problems.push(...ruleProblems(rule.Not, pointerTo(at, 'Not'), false));
  return problems;
}
