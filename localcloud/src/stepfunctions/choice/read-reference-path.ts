import { queryPath } from '../paths/index.js';

/**
 * Reads a Choice Rule's Variable or `...Path` operand: `$...` against the state input, `$$...`
 * against the context object. Returns `undefined` when the path selects nothing, which a JSON
 * value never is.
 *
 * @see https://states-language.net/spec.html#ref-paths
 */
export function readReferencePath(path: string, input: unknown, context: unknown): unknown {
  const match = queryPath(path, input, context);
  return match.found ? match.value : undefined;
}
