import { StatesError, StatesErrorName } from '../errors.js';
import { InvalidPathError, ReferencePathConflictError, setAtReferencePath } from '../paths/index.js';
import { DEFAULT_RESULT_PATH } from './defaults.js';

/**
 * Combines a state's raw input with its (effective) result by ResultPath. Absent means `$`, the
 * result replaces the input; `null` discards the result and keeps the input; a reference path
 * places the result there, creating missing objects on the way. The input is not modified.
 *
 * @throws StatesError `States.ResultPathMatchFailure` when the path cannot be applied to the
 *   input (e.g. `$.x` on the string `"foo"`); `States.Runtime` when it is not a reference path.
 * @see https://states-language.net/spec.html#filters
 */
export function applyResultPath(
  input: unknown,
  result: unknown,
  resultPath: string | null | undefined,
): unknown {
  if (resultPath === null) return input;
  const path = resultPath ?? DEFAULT_RESULT_PATH;
  try {
    return setAtReferencePath(input, path, result);
  } catch (error) {
    if (error instanceof ReferencePathConflictError) {
      throw new StatesError(
        StatesErrorName.ResultPathMatchFailure,
        `Unable to apply ResultPath '${path}' to input '${JSON.stringify(input)}': ${error.message}`,
      );
    }
    if (error instanceof InvalidPathError) throw new StatesError(StatesErrorName.Runtime, error.message);
    throw error;
  }
}
