/**
 * Reading a Path (JSONPath) against a state's input or, for `$$` paths, the context object.
 *
 * AWS follows Jayway JsonPath: a definite path (a reference path, naming one node) yields that
 * node or fails with "No results for path"; an indefinite path (wildcard, filter, slice, union,
 * deep scan) yields every match gathered into an array, which is empty when nothing matches.
 *
 * @see https://states-language.net/spec.html#path
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html
 */
import { JSONPath } from 'jsonpath-plus';
import { InvalidPathError, PathNotFoundError } from './path-errors.js';
import { formatNormalizedPath, parseReferencePath, type ReferencePath } from './reference-path.js';

/** The outcome of {@link queryPath}: the selected value, or that a definite path matched nothing. */
export type PathMatch = { readonly found: true; readonly value: unknown } | { readonly found: false };

const NOT_FOUND: PathMatch = { found: false };

/** Whether a string is a Path: it begins with `$`. */
export function isPath(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('$');
}

/** Whether a Path addresses the context object (`$$...`). */
export function isContextPath(path: string): boolean {
  return path.startsWith('$$');
}

/**
 * Applies a Path, reporting a miss instead of throwing, so the caller can name the error.
 * Indefinite paths never miss: they yield an array of their matches.
 *
 * @throws InvalidPathError when `path` is not a Path.
 */
export function queryPath(path: string, input: unknown, context?: unknown): PathMatch {
  if (!isPath(path)) throw new InvalidPathError(path, "a path must begin with '$'");
  const document = isContextPath(path) ? context : input;
  const reference = tryParseReferencePath(path);
  if (reference) return readReference(reference, document);
  const query = isContextPath(path) ? path.slice(1) : path;
  return { found: true, value: readIndefinite(path, query, document) };
}

/**
 * Applies a Path and returns what it selects.
 *
 * @throws PathNotFoundError when a definite path selects nothing.
 * @throws InvalidPathError when `path` is not a Path.
 */
export function readPath(path: string, input: unknown, context?: unknown): unknown {
  const match = queryPath(path, input, context);
  if (match.found) return match.value;
  throw new PathNotFoundError(path, formatNormalizedPath(parseReferencePath(path)));
}

/** Follows a parsed reference path through a document. */
export function readReference(reference: ReferencePath, document: unknown): PathMatch {
  let node = document;
  for (const segment of reference.segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(node)) return NOT_FOUND;
      const index = segment < 0 ? node.length + segment : segment;
      if (index < 0 || index >= node.length) return NOT_FOUND;
      node = node[index];
    } else {
      if (!isJsonObject(node) || !Object.hasOwn(node, segment)) return NOT_FOUND;
      node = node[segment];
    }
  }
  return { found: true, value: node };
}

function tryParseReferencePath(path: string): ReferencePath | undefined {
  try {
    return parseReferencePath(path);
  } catch {
    return undefined;
  }
}

function readIndefinite(path: string, query: string, document: unknown): unknown[] {
  if (document === null || typeof document !== 'object') return [];
  try {
    const matches: unknown = JSONPath({
      path: query,
      json: document,
      wrap: true,
      eval: 'safe',
      // Jayway skips an element a filter cannot be applied to (e.g. `@.k` on null).
      ignoreEvalErrors: true,
    });
    return Array.isArray(matches) ? matches : [];
  } catch (error) {
    throw new InvalidPathError(path, error instanceof Error ? error.message : String(error));
  }
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
