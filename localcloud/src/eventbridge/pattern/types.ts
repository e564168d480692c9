/**
 * A compiled event pattern: the validated form {@link parseEventPattern} produces and
 * {@link matchesPattern} evaluates.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */
export interface EventPattern {
  /** The fields the event must have, all of which must match ("and"). */
  readonly fields: readonly FieldPattern[];
  /** `$or` groups: for each, at least one alternative must match the same object. */
  readonly anyOf: ReadonlyArray<readonly EventPattern[]>;
}

/** A field of a pattern: a nested object pattern, or a leaf with the values it may take. */
export type FieldPattern =
  | { readonly kind: 'object'; readonly name: string; readonly pattern: EventPattern }
  | { readonly kind: 'leaf'; readonly name: string; readonly matchers: readonly ValueMatcher[] };

/** A numeric bound: the value and whether the bound itself is included. */
export interface NumericBound {
  readonly value: number;
  readonly inclusive: boolean;
}

/** A string test shared by the `anything-but` forms: the value must not pass any of them. */
export type StringTest =
  | { readonly type: 'prefix'; readonly values: readonly string[] }
  | { readonly type: 'suffix'; readonly values: readonly string[] }
  | { readonly type: 'equals-ignore-case'; readonly values: readonly string[] }
  | { readonly type: 'wildcard'; readonly values: readonly RegExp[] };

/** One element of a leaf's array: a literal value or a comparison operator. */
export type ValueMatcher =
  | { readonly type: 'string'; readonly value: string }
  /** A number literal, compared by its JSON text. */
  | { readonly type: 'number'; readonly text: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | { readonly type: 'prefix'; readonly value: string; readonly ignoreCase: boolean }
  | { readonly type: 'suffix'; readonly value: string; readonly ignoreCase: boolean }
  | { readonly type: 'equals-ignore-case'; readonly value: string }
  | { readonly type: 'wildcard'; readonly regex: RegExp }
  | {
      readonly type: 'anything-but-values';
      readonly strings: readonly string[];
      readonly numbers: readonly number[];
    }
  | { readonly type: 'anything-but-test'; readonly test: StringTest }
  | { readonly type: 'numeric'; readonly lower?: NumericBound; readonly upper?: NumericBound }
  | { readonly type: 'exists'; readonly exists: boolean }
  | {
      readonly type: 'cidr';
      readonly version: 4 | 6;
      readonly network: bigint;
      readonly prefixLength: number;
    };
