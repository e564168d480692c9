/**
 * The Choice state's decision logic (JSONPath query language).
 *
 * @see https://states-language.net/spec.html#choice-state
 */
export {
  COMPARISON_OPERATORS,
  type ComparisonOperator,
  isComparisonOperator,
} from './comparison-operators.js';
export { evaluateChoiceRule } from './evaluate-choice-rule.js';
export { selectNextState } from './select-next-state.js';
export { compareTimestamps, isTimestamp, parseTimestamp, type Timestamp } from './timestamp.js';
