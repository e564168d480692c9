/**
 * The syntax tree of an intrinsic function invocation, e.g.
 * `States.Format('Hello, {}', $.name)` is a call with a string and a path argument.
 *
 * @see https://states-language.net/spec.html#intrinsic-functions
 */

/** A function invocation: a name and its arguments in order. */
export interface IntrinsicCallNode {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly IntrinsicArgumentNode[];
}

/**
 * A string literal. `value` has its escapes resolved; `raw` keeps them, because States.Format must
 * tell an escaped `\{\}` from a `{}` placeholder.
 */
export interface IntrinsicStringNode {
  readonly kind: 'string';
  readonly value: string;
  readonly raw: string;
}

/** A number, `true`/`false` or `null` literal. */
export interface IntrinsicLiteralNode {
  readonly kind: 'literal';
  readonly value: number | boolean | null;
}

/** A Path argument, `$...` on the input or `$$...` on the context object. */
export interface IntrinsicPathNode {
  readonly kind: 'path';
  readonly path: string;
}

/** Any argument of an intrinsic function. */
export type IntrinsicArgumentNode =
  | IntrinsicCallNode
  | IntrinsicStringNode
  | IntrinsicLiteralNode
  | IntrinsicPathNode;
