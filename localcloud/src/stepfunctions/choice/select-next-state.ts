import type { ChoiceState } from '../asl/types.js';
import { malformedRuleError, noChoiceMatchedError } from './choice-errors.js';
import { evaluateChoiceRule } from './evaluate-choice-rule.js';

/**
 * Picks the state a Choice state moves to: the `Next` of the first top-level Choice Rule that
 * matches, else the `Default`, else it fails with `States.NoChoiceMatched`.
 *
 * @see https://states-language.net/spec.html#choice-state
 */
export function selectNextState(state: ChoiceState, input: unknown, context: unknown): string {
  for (const rule of state.Choices) {
    if (!evaluateChoiceRule(rule, input, context)) continue;
    if (rule.Next === undefined) throw malformedRuleError('a top-level Choice Rule needs a Next.', context);
    return rule.Next;
  }
  if (state.Default !== undefined) return state.Default;
  throw noChoiceMatchedError(context);
}
