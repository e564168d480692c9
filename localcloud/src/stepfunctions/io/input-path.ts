import { DEFAULT_INPUT_PATH } from './defaults.js';
import { selectWithPath } from './select-with-path.js';

/**
 * Applies a state's InputPath to its raw input. Absent means `$` (the whole input); `null`
 * discards the input and yields `{}`. A path matching several nodes yields them as an array.
 *
 * @throws StatesError `States.Runtime` when a definite path selects nothing.
 * @see https://states-language.net/spec.html#filters
 */
export function applyInputPath(
  input: unknown,
  inputPath: string | null | undefined,
  context: unknown,
): unknown {
  if (inputPath === null) return {};
  return selectWithPath(inputPath ?? DEFAULT_INPUT_PATH, input, context);
}
