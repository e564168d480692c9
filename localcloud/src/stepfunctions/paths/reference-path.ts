/**
 * Reference Paths: the subset of JSONPath that names exactly one node, by object member (dot or
 * bracket notation) and array index. InputPath, OutputPath, ResultPath, ItemsPath and the `*Path`
 * fields use them; they are also what this engine evaluates itself, without a JSONPath library,
 * because a single node has a precise "not found".
 *
 * @see https://states-language.net/spec.html#ref-paths
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
 */
import { InvalidPathError } from './path-errors.js';

/** One step of a reference path: an object member name or an array index. */
export type ReferencePathSegment = string | number;

/** A parsed reference path. */
export interface ReferencePath {
  /** Whether the path reads the context object (`$$...`) instead of the input. */
  readonly context: boolean;
  /** The steps after the root `$`; empty for `$` itself. */
  readonly segments: readonly ReferencePathSegment[];
}

/**
 * Characters that make a dot-notation member an operator rather than a name: `*` (wildcard) and
 * the operators the spec excludes from reference paths. A backslash escapes any of them.
 */
const OPERATOR_CHARACTERS = new Set(['*', '@', ',', ':', '?', '(', ')', "'", '"', ']']);

/**
 * Parses a reference path, accepting dot members (with backslash escapes, as in the spec's
 * `$.store\.book`), quoted bracket members (`$['a b']`) and integer indexes (`$.a[0]`).
 *
 * @throws InvalidPathError when the path is not a reference path (e.g. it has a wildcard,
 *   a filter, a slice, a union or a deep scan).
 */
export function parseReferencePath(path: string): ReferencePath {
  if (!path.startsWith('$')) throw new InvalidPathError(path, "a path must begin with '$'");
  const context = path.startsWith('$$');
  const body = context ? path.slice(2) : path.slice(1);
  const segments: ReferencePathSegment[] = [];
  let position = 0;
  while (position < body.length) {
    const char = body[position];
    if (char === '.') {
      if (body[position + 1] === '[') {
        // `$.abc.['def ghi']` is the form AWS's own documentation uses.
        position += 1;
        continue;
      }
      const [name, next] = readDotMember(path, body, position + 1);
      segments.push(name);
      position = next;
    } else if (char === '[') {
      const [segment, next] = readBracket(path, body, position + 1);
      segments.push(segment);
      position = next;
    } else {
      throw new InvalidPathError(path, `unexpected character '${char}'`);
    }
  }
  return { context, segments };
}

/** Whether `path` is a valid reference path (see {@link parseReferencePath}). */
export function isReferencePath(path: string): boolean {
  try {
    parseReferencePath(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Renders a parsed path in the normalised bracket form AWS uses in its error causes, e.g.
 * `No results for path: $['a'][0]`.
 */
export function formatNormalizedPath(path: ReferencePath): string {
  const steps = path.segments.map((segment) =>
    typeof segment === 'number' ? `[${segment}]` : `['${segment.replaceAll("'", "\\'")}']`,
  );
  return `${path.context ? '$$' : '$'}${steps.join('')}`;
}

function readDotMember(path: string, body: string, start: number): [string, number] {
  let name = '';
  let position = start;
  while (position < body.length) {
    const char = body[position] as string;
    if (char === '\\') {
      const escaped = body[position + 1];
      if (escaped === undefined) throw new InvalidPathError(path, 'dangling escape');
      name += escaped;
      position += 2;
      continue;
    }
    if (char === '.' || char === '[') break;
    if (OPERATOR_CHARACTERS.has(char) || /\s/.test(char)) {
      throw new InvalidPathError(path, `'${char}' is not allowed in a reference path member`);
    }
    name += char;
    position += 1;
  }
  if (name === '') throw new InvalidPathError(path, 'empty member name (deep scan is not a reference path)');
  return [name, position];
}

function readBracket(path: string, body: string, start: number): [ReferencePathSegment, number] {
  const quote = body[start];
  if (quote === "'" || quote === '"') {
    let name = '';
    let position = start + 1;
    while (position < body.length && body[position] !== quote) {
      if (body[position] === '\\') {
        const escaped = body[position + 1];
        if (escaped === undefined) throw new InvalidPathError(path, 'dangling escape');
        name += escaped;
        position += 2;
      } else {
        name += body[position];
        position += 1;
      }
    }
    if (body[position] !== quote || body[position + 1] !== ']') {
      throw new InvalidPathError(path, 'a bracket member must hold exactly one quoted name');
    }
    return [name, position + 2];
  }
  const close = body.indexOf(']', start);
  const index = close === -1 ? '' : body.slice(start, close);
  if (!/^-?\d+$/.test(index)) {
    throw new InvalidPathError(path, `'[${index}' is not a single array index`);
  }
  return [Number(index), close + 1];
}
