import type { ChoiceRule } from '../asl/types.js';
import { malformedRuleError } from './choice-errors.js';
import { type ComparisonOperator, compare, isComparisonOperator } from './comparison-operators.js';
import { readReferencePath } from './read-reference-path.js';

/**
 * Evaluates one Choice Rule against the state's effective input and its context object (`$$`).
 * `And` and `Or` stop as soon as their value is settled, so an `IsPresent` guard placed first
 * protects the comparisons after it. A comparison between values of the wrong type is false; a
 * path that selects nothing fails the state with `States.Runtime`, except under `IsPresent`.
 *
 * @see https://states-language.net/spec.html#choice-state
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export function evaluateChoiceRule(rule: ChoiceRule, input: unknown, context: unknown): boolean {
  if (rule.And !== undefined) return rule.And.every((inner) => evaluateChoiceRule(inner, input, context));
  if (rule.Or !== undefined) return rule.Or.some((inner) => evaluateChoiceRule(inner, input, context));
  if (rule.Not !== undefined) return !evaluateChoiceRule(rule.Not, input, context);

  const operator = soleOperator(rule);
  if (rule.Variable === undefined || operator === undefined) {
    throw malformedRuleError(
      'it needs And, Or, Not, or a Variable with exactly one comparison operator.',
      context,
    );
  }
  return compare(operator, {
    variable: rule.Variable,
    argument: rule[operator],
    read: (path) => readReferencePath(path, input, context),
    context,
  });
}

function soleOperator(rule: ChoiceRule): ComparisonOperator | undefined {
  const operators = Object.keys(rule).filter(isComparisonOperator);
  return operators.length === 1 ? operators[0] : undefined;
}
