import fc from 'fast-check';

/**
 * Generators of bad input shared by the fuzz suites: text of every kind (unicode, control
 * characters, lone surrogates), JSON of every type, bodies that are not JSON, deep nesting and
 * huge values.
 */

/** Any text: ASCII, full unicode graphemes, and raw UTF-16 (lone surrogates included). */
export const anyText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder as hostile input.
    fc.constantFrom('', ' ', '\u0000', '\u202e', '💥', '../..', '%00', '${x}', '<script>', 'null', 'NaN'),
  );

/** Any JSON value, with unicode keys and strings. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 4 });

/** Values of the wrong JSON type for a field, or of the right type but absurd. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, '', [], {}, [[]], { '': '' }),
  fc.integer(),
  fc.double({ noNaN: true }),
  anyText(),
  fc.array(anyText(8), { maxLength: 4 }),
  anyJson,
);

/** Nested arrays or objects `depth` levels deep, as JSON text. */
export function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Bodies that are not JSON at all, or JSON broken in one place. */
export const malformedJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{',
    '}',
    '{"a":}',
    '{"a":1,}',
    "{'a':1}",
    '[1,2',
    '"unterminated',
    'undefined',
    'NaN',
    '{"a":NaN}',
    '{"a":01}',
    '\u0000',
    '\ufeff{}',
    '{"a":"\\u12"}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
  ),
  anyText(60),
  fc.json().map((text) => text.slice(0, Math.max(1, text.length - 1))),
);

/** A JSON object body: an arbitrary record, or one reusing the expected keys with wrong values. */
export function objectWithKeys(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const known = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x');
  return fc.oneof(
    fc.dictionary(fc.oneof(known, anyText(12)), wrongValue, { maxKeys: 5 }),
    fc.dictionary(known, wrongValue, { maxKeys: keys.length || 1 }),
    fc.dictionary(anyText(12), anyJson, { maxKeys: 3 }),
  );
}

/** A body as raw text: malformed JSON, JSON of any type, an object with wrong values, deep nesting. */
export function anyBody(keys: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: malformedJson },
    { weight: 2, arbitrary: anyJson.map((value) => JSON.stringify(value)) },
    { weight: 4, arbitrary: objectWithKeys(keys).map((value) => JSON.stringify(value)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1_000, max: 20_000 }), fc.constantFrom('array' as const, 'object' as const))
        .map(([depth, kind]) => deepJson(depth, kind)),
    },
  );
}

/** A path segment for a URL: any text, percent-encoded, or raw and broken percent escapes. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  anyText(30)
    .filter((text) => text !== '' && text !== '.' && text !== '..')
    .map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '?'))),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%ff', '%00', '%2F', '%2e%2e', 'a%20b', 'x'.repeat(300), '%C0%AF'),
);

/** Header values a client can actually send (visible ASCII and spaces, some Latin-1). */
export const headerValue: fc.Arbitrary<string> = fc
  .string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)),
    maxLength: 60,
  })
  .map((text) => text.trim());

/** A big string of `size` characters, plain or multibyte. */
export const hugeString = (size: number): fc.Arbitrary<string> =>
  fc.constantFrom('a', 'é', '💥', '\u0000').map((unit) => unit.repeat(Math.ceil(size / unit.length)));
