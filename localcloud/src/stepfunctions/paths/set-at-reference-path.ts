/**
 * Writing a value into a document at a reference path, as ResultPath does: an existing field is
 * overwritten, missing fields are created as objects along the way, and `$` replaces the whole
 * document.
 *
 * @see https://states-language.net/spec.html#filters
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html
 */
import { InvalidPathError, ReferencePathConflictError } from './path-errors.js';
import { parseReferencePath, type ReferencePathSegment } from './reference-path.js';

/**
 * Returns a copy of `target` with `value` placed at `path`. Only the objects and arrays on the
 * path are copied; `target` itself is never modified, so a persisted input stays intact.
 *
 * @throws InvalidPathError when `path` is not a reference path or addresses the context object.
 * @throws ReferencePathConflictError when the path runs through a value that is not an object
 *   (or, for an index, not an array long enough), e.g. `$.x` on the string `"foo"`.
 */
export function setAtReferencePath(target: unknown, path: string, value: unknown): unknown {
  const reference = parseReferencePath(path);
  if (reference.context) throw new InvalidPathError(path, 'the context object cannot be written to');
  return setAt(path, target, reference.segments, 0, value);
}

function setAt(
  path: string,
  node: unknown,
  segments: readonly ReferencePathSegment[],
  depth: number,
  value: unknown,
): unknown {
  const segment = segments[depth];
  if (segment === undefined) return value;
  if (typeof segment === 'number') {
    if (!Array.isArray(node)) throw conflict(path, node, `cannot index [${segment}] into`);
    const index = segment < 0 ? node.length + segment : segment;
    if (index < 0 || index >= node.length) {
      throw conflict(path, node, `index [${segment}] is out of bounds of`);
    }
    const copy = [...node];
    copy[index] = setAt(path, node[index], segments, depth + 1, value);
    return copy;
  }
  if (node === undefined) return { [segment]: setAt(path, undefined, segments, depth + 1, value) };
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    throw conflict(path, node, `cannot set field '${segment}' on`);
  }
  const object = node as Record<string, unknown>;
  const child = Object.hasOwn(object, segment) ? object[segment] : undefined;
  return { ...object, [segment]: setAt(path, child, segments, depth + 1, value) };
}

function conflict(path: string, node: unknown, what: string): ReferencePathConflictError {
  return new ReferencePathConflictError(path, `${what} ${describe(node)}`);
}

function describe(node: unknown): string {
  if (node === null) return 'null';
  if (Array.isArray(node)) return `an array of length ${node.length}`;
  return `a ${typeof node} (${JSON.stringify(node)})`;
}
