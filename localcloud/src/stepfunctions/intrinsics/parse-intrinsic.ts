/**
 * Parser for the intrinsic function syntax: a function name, then a parenthesised,
 * comma-separated list of arguments, each a single-quoted string (escapes `\'`, `\{`, `\}`, `\\`),
 * a number, `true`, `false`, `null`, a Path or a nested invocation.
 *
 * @see https://states-language.net/spec.html#intrinsic-functions
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#intrinsic-functions-escapes
 */
import { StatesError, StatesErrorName } from '../errors.js';
import { MAX_INTRINSIC_NESTING } from './limits.js';
import type { IntrinsicArgumentNode, IntrinsicCallNode, IntrinsicStringNode } from './syntax.js';

const FUNCTION_NAME = /[A-Za-z0-9._]/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const KEYWORDS = { true: true, false: false, null: null } as const;
const ESCAPABLE = new Set(["'", '{', '}', '\\']);

/**
 * Whether a `.$` field value has the shape of an intrinsic function invocation, `Name(...)`.
 * It does not check that the function exists or that its arguments parse; evaluation does.
 */
export function isIntrinsic(value: string): boolean {
  return /^\s*[A-Za-z_][A-Za-z0-9._]*\s*\(.*\)\s*$/s.test(value);
}

/**
 * Parses a whole intrinsic function expression.
 *
 * @throws StatesError `States.IntrinsicFailure` when the expression is malformed or nested more
 *   than {@link MAX_INTRINSIC_NESTING} deep.
 */
export function parseIntrinsic(expression: string): IntrinsicCallNode {
  const cursor = { text: expression, position: 0 };
  skipWhitespace(cursor);
  const call = readCall(cursor, 1);
  skipWhitespace(cursor);
  if (cursor.position < expression.length)
    throw syntaxError(cursor, 'unexpected text after the closing parenthesis');
  return call;
}

interface Cursor {
  readonly text: string;
  position: number;
}

function readCall(cursor: Cursor, depth: number): IntrinsicCallNode {
  if (depth > MAX_INTRINSIC_NESTING) {
    throw syntaxError(cursor, `intrinsic functions may be nested at most ${MAX_INTRINSIC_NESTING} deep`);
  }
  const start = cursor.position;
  while (FUNCTION_NAME.test(cursor.text[cursor.position] ?? '')) cursor.position += 1;
  const name = cursor.text.slice(start, cursor.position);
  if (name === '') throw syntaxError(cursor, 'expected an intrinsic function name');
  skipWhitespace(cursor);
  expect(cursor, '(');
  const args: IntrinsicArgumentNode[] = [];
  skipWhitespace(cursor);
  if (cursor.text[cursor.position] === ')') {
    cursor.position += 1;
    return { kind: 'call', name, args };
  }
  for (;;) {
    skipWhitespace(cursor);
    args.push(readArgument(cursor, depth));
    skipWhitespace(cursor);
    const separator = cursor.text[cursor.position];
    cursor.position += 1;
    if (separator === ')') return { kind: 'call', name, args };
    if (separator !== ',') {
      cursor.position -= 1;
      throw syntaxError(cursor, "expected ',' or ')'");
    }
  }
}

function readArgument(cursor: Cursor, depth: number): IntrinsicArgumentNode {
  const char = cursor.text[cursor.position];
  if (char === "'") return readString(cursor);
  if (char === '$') return { kind: 'path', path: readPath(cursor) };
  const rest = cursor.text.slice(cursor.position);
  const number = NUMBER.exec(rest);
  if (number) {
    cursor.position += number[0].length;
    return { kind: 'literal', value: Number(number[0]) };
  }
  for (const [keyword, value] of Object.entries(KEYWORDS)) {
    if (rest.startsWith(keyword) && !FUNCTION_NAME.test(rest[keyword.length] ?? '')) {
      cursor.position += keyword.length;
      return { kind: 'literal', value };
    }
  }
  if (char !== undefined && FUNCTION_NAME.test(char)) return readCall(cursor, depth + 1);
  throw syntaxError(cursor, 'expected an argument');
}

function readString(cursor: Cursor): IntrinsicStringNode {
  cursor.position += 1;
  const start = cursor.position;
  let value = '';
  for (;;) {
    const char = cursor.text[cursor.position];
    if (char === undefined) throw syntaxError(cursor, 'unterminated string literal');
    if (char === "'") break;
    if (char === '\\') {
      const escaped = cursor.text[cursor.position + 1];
      if (escaped === undefined || !ESCAPABLE.has(escaped)) {
        throw syntaxError(cursor, "open escape: only \\', \\{, \\} and \\\\ are allowed");
      }
      value += escaped;
      cursor.position += 2;
      continue;
    }
    value += char;
    cursor.position += 1;
  }
  const raw = cursor.text.slice(start, cursor.position);
  cursor.position += 1;
  return { kind: 'string', value, raw };
}

/**
 * Reads a Path up to the `,` or `)` that ends the argument. Brackets, parentheses and quotes are
 * balanced, so `$.a[?(@.x > 1)]` and `$['a,b']` stay whole.
 */
function readPath(cursor: Cursor): string {
  const start = cursor.position;
  const closers: string[] = [];
  let quote: string | undefined;
  for (; cursor.position < cursor.text.length; cursor.position += 1) {
    const char = cursor.text[cursor.position] as string;
    if (quote) {
      if (char === '\\') cursor.position += 1;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (closers.length > 0 && (char === "'" || char === '"')) quote = char;
    else if (char === '[') closers.push(']');
    else if (char === '(') closers.push(')');
    else if (char === closers[closers.length - 1]) closers.pop();
    else if (closers.length === 0 && (char === ',' || char === ')')) break;
  }
  if (quote || closers.length > 0) throw syntaxError(cursor, 'unbalanced path argument');
  return cursor.text.slice(start, cursor.position).trimEnd();
}

function expect(cursor: Cursor, char: string): void {
  if (cursor.text[cursor.position] !== char) throw syntaxError(cursor, `expected '${char}'`);
  cursor.position += 1;
}

function skipWhitespace(cursor: Cursor): void {
  while (/\s/.test(cursor.text[cursor.position] ?? '')) cursor.position += 1;
}

function syntaxError(cursor: Cursor, reason: string): StatesError {
  return new StatesError(
    StatesErrorName.IntrinsicFailure,
    `Invalid intrinsic function '${cursor.text}' at position ${cursor.position}: ${reason}`,
  );
}
