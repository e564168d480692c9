import { DEFAULT_OUTPUT_PATH } from './defaults.js';
import { selectWithPath } from './select-with-path.js';

/**
 * Applies a state's OutputPath to its output after ResultPath. Absent means `$`; `null` discards
 * everything and yields `{}`. A path matching several nodes yields them as an array.
 *
 * @throws StatesError `States.Runtime` when a definite path selects nothing.
 * @see https://states-language.net/spec.html#filters
 */
export function applyOutputPath(
  output: unknown,
  outputPath: string | null | undefined,
  context: unknown,
): unknown {
  if (outputPath === null) return {};
  return selectWithPath(outputPath ?? DEFAULT_OUTPUT_PATH, output, context);
}
