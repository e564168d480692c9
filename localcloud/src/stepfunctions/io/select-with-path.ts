import { StatesError, StatesErrorName } from '../errors.js';
import { formatNormalizedPath, InvalidPathError, parseReferencePath, queryPath } from '../paths/index.js';

/**
 * Applies an InputPath or OutputPath. A definite path that selects nothing fails the state with
 * `States.Runtime`, with the cause AWS writes (`Invalid path '$.x' : No results for path: $['x']`).
 */
export function selectWithPath(path: string, document: unknown, context: unknown): unknown {
  let match: ReturnType<typeof queryPath>;
  try {
    match = queryPath(path, document, context);
  } catch (error) {
    if (error instanceof InvalidPathError) throw new StatesError(StatesErrorName.Runtime, error.message);
    throw error;
  }
  if (match.found) return match.value;
  throw new StatesError(
    StatesErrorName.Runtime,
    `Invalid path '${path}' : No results for path: ${formatNormalizedPath(parseReferencePath(path))}`,
  );
}
