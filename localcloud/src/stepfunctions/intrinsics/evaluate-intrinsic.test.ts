import { describe, expect, it } from 'vitest';
import { StatesError } from '../errors.js';
import { evaluateIntrinsic } from './evaluate-intrinsic.js';
import { INTRINSIC_FUNCTION_NAMES } from './function-names.js';
import { INTRINSIC_FUNCTIONS } from './functions/registry.js';

const AWS = 'https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html';
const SPEC = 'https://states-language.net/spec.html#appendix-b';

interface Case {
  readonly source: string;
  readonly expression: string;
  readonly input?: unknown;
  readonly context?: unknown;
  readonly expected: unknown;
}

const DOC_EXAMPLES: readonly Case[] = [
  // States.Format — `{ "name": "Arnav", "template": "Hello, my name is {}." }` →
  // "With either of the previous inputs, the States.Format function returns ... Hello, my name is Arnav."
  {
    source: AWS,
    expression: "States.Format('Hello, my name is {}.', $.name)",
    input: { name: 'Arnav', template: 'Hello, my name is {}.' },
    expected: 'Hello, my name is Arnav.',
  },
  {
    source: AWS,
    expression: 'States.Format($.template, $.name)',
    input: { name: 'Arnav', template: 'Hello, my name is {}.' },
    expected: 'Hello, my name is Arnav.',
  },
  {
    source: SPEC,
    expression: "States.Format('Your name is {}, we are in the year {}', $.name, 2020)",
    input: { name: 'Foo', zebra: 'stripe' },
    expected: 'Your name is Foo, we are in the year 2020',
  },
  // "greeting.$": "States.Format('Welcome to {} {}\\'s playlist.', $.firstName, $.lastName)"
  {
    source: 'https://states-language.net/spec.html#intrinsic-functions',
    expression: "States.Format('Welcome to {} {}\\'s playlist.', $.firstName, $.lastName)",
    input: { firstName: 'Ada', lastName: 'Lovelace' },
    expected: "Welcome to Ada Lovelace's playlist.",
  },
  // "formattedOutput.$": "States.Format('Today is {}', $$.DayOfWeek)" with context { "DayOfWeek": "TUESDAY" }
  {
    source: 'https://states-language.net/spec.html#payload-template',
    expression: "States.Format('Today is {}', $$.DayOfWeek)",
    context: { DayOfWeek: 'TUESDAY' },
    expected: 'Today is TUESDAY',
  },
  // States.StringToJson — `{ "escapedJsonString": "{\"foo\": \"bar\"}" }` → `{ "foo": "bar" }`
  {
    source: AWS,
    expression: 'States.StringToJson($.escapedJsonString)',
    input: { escapedJsonString: '{"foo": "bar"}' },
    expected: { foo: 'bar' },
  },
  {
    source: SPEC,
    expression: 'States.StringToJson($.someString)',
    input: { someString: '{"number": 20}', zebra: 'stripe' },
    expected: { number: 20 },
  },
  // States.JsonToString — "foo": "{\"name\":\"Foo\",\"year\":2020}"
  {
    source: SPEC,
    expression: 'States.JsonToString($.someJson)',
    input: { someJson: { name: 'Foo', year: 2020 }, zebra: 'stripe' },
    expected: '{"name":"Foo","year":2020}',
  },
  {
    source: AWS,
    expression: 'States.JsonToString($.unescapedJson)',
    input: { unescapedJson: { foo: 'bar' } },
    expected: '{"foo":"bar"}',
  },
  // States.Array — `{ "Id": 123456 }`, "BuildId.$": "States.Array($.Id)" → "BuildId": [123456]
  { source: AWS, expression: 'States.Array($.Id)', input: { Id: 123456 }, expected: [123456] },
  {
    source: SPEC,
    expression: "States.Array('Foo', 2020, $.someJson, null)",
    input: { someJson: { random: 'abcdefg' }, zebra: 'stripe' },
    expected: ['Foo', 2020, { random: 'abcdefg' }, null],
  },
  // States.ArrayPartition — {"inputArray": [1,2,3,4,5,6,7,8,9] } → [ [1,2,3,4], [5,6,7,8], [9]]
  {
    source: AWS,
    expression: 'States.ArrayPartition($.inputArray,4)',
    input: { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
    expected: [[1, 2, 3, 4], [5, 6, 7, 8], [9]],
  },
  // "If you specify a non-integer value for the second argument, Step Functions will round it off"
  {
    source: AWS,
    expression: 'States.ArrayPartition($.inputArray, 3.6)',
    input: { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
    expected: [[1, 2, 3, 4], [5, 6, 7, 8], [9]],
  },
  // States.ArrayContains — { "inputArray": [1,...,9], "lookingFor": 5 } → {"contains": true }
  {
    source: AWS,
    expression: 'States.ArrayContains($.inputArray, $.lookingFor)',
    input: { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9], lookingFor: 5 },
    expected: true,
  },
  {
    source: AWS,
    expression: 'States.ArrayContains($.inputArray, $.lookingFor)',
    input: { inputArray: [{ a: 1, b: [2] }], lookingFor: { b: [2], a: 1 } },
    expected: true,
  },
  {
    source: AWS,
    expression: 'States.ArrayContains($.inputArray, 10)',
    input: { inputArray: [1, 2, 3] },
    expected: false,
  },
  // States.ArrayRange — "States.ArrayRange(1, 9, 2)" → {"array": [1,3,5,7,9] }
  { source: AWS, expression: 'States.ArrayRange(1, 9, 2)', expected: [1, 3, 5, 7, 9] },
  { source: AWS, expression: 'States.ArrayRange(9, 1, -2)', expected: [9, 7, 5, 3, 1] },
  { source: AWS, expression: 'States.ArrayRange(0.6, 2.4, 1)', expected: [1, 2] },
  {
    source: AWS,
    expression: 'States.ArrayRange(1, 1000, 1)',
    expected: Array.from({ length: 1000 }, (_, i) => i + 1),
  },
  // States.ArrayGetItem — { "inputArray": [1,...,9], "index": 5 } → { "item": 6 }
  {
    source: AWS,
    expression: 'States.ArrayGetItem($.inputArray, $.index)',
    input: { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9], index: 5 },
    expected: 6,
  },
  // States.ArrayLength — { "inputArray": [1,...,9] } → { "length": 9 }
  {
    source: AWS,
    expression: 'States.ArrayLength($.inputArray)',
    input: { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
    expected: 9,
  },
  // States.ArrayUnique — {"inputArray": [1,2,3,3,3,3,3,3,4] } → {"array": [1,2,3,4] }
  {
    source: AWS,
    expression: 'States.ArrayUnique($.inputArray)',
    input: { inputArray: [1, 2, 3, 3, 3, 3, 3, 3, 4] },
    expected: [1, 2, 3, 4],
  },
  {
    source: AWS,
    expression: 'States.ArrayUnique($.inputArray)',
    input: { inputArray: [{ a: 1 }, 'x', { a: 1 }, 'x', null, null] },
    expected: [{ a: 1 }, 'x', null],
  },
  // States.Base64Encode — {"input": "Data to encode" } → {"base64": "RGF0YSB0byBlbmNvZGU=" }
  {
    source: AWS,
    expression: 'States.Base64Encode($.input)',
    input: { input: 'Data to encode' },
    expected: 'RGF0YSB0byBlbmNvZGU=',
  },
  // States.Base64Decode — {"base64": "RGF0YSB0byBlbmNvZGU=" }. The page prints "Decoded data", but
  // that string is what "RGVjb2RlZCBkYXRh" decodes to; this input decodes to "Data to encode".
  {
    source: AWS,
    expression: 'States.Base64Decode($.base64)',
    input: { base64: 'RGF0YSB0byBlbmNvZGU=' },
    expected: 'Data to encode',
  },
  {
    source: AWS,
    expression: 'States.Base64Decode($.base64)',
    input: { base64: 'RGVjb2RlZCBkYXRh' },
    expected: 'Decoded data',
  },
  // States.Hash — { "Data": "input data", "Algorithm": "SHA-1" }. The page prints a 39-digit
  // "aaff4a450a104cd177d28d18d7485e8cae074b7" (a digit dropped); the SHA-1 of "input data" is:
  {
    source: AWS,
    expression: 'States.Hash($.Data, $.Algorithm)',
    input: { Data: 'input data', Algorithm: 'SHA-1' },
    expected: 'aaff4a450a104cd177d28d18d74485e8cae074b7',
  },
  {
    source: AWS,
    expression: "States.Hash('input data', 'MD5')",
    expected: '812f45842bc6d66ee14572ce20db8e86',
  },
  {
    source: AWS,
    expression: "States.Hash('input data', 'SHA-256')",
    expected: 'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3',
  },
  {
    source: AWS,
    expression: "States.Hash('input data', 'SHA-384')",
    expected:
      'd28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562',
  },
  {
    source: AWS,
    expression: "States.Hash('input data', 'SHA-512')",
    expected:
      '6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4',
  },
  // States.JsonMerge — json1 { "a": {"a1": 1, "a2": 2}, "b": 2 }, json2 { "a": {"a3": 1, "a4": 2}, "c": 3 }
  // → { "a": {"a3": 1, "a4": 2}, "b": 2, "c": 3 }
  {
    source: AWS,
    expression: 'States.JsonMerge($.json1, $.json2, false)',
    input: { json1: { a: { a1: 1, a2: 2 }, b: 2 }, json2: { a: { a3: 1, a4: 2 }, c: 3 } },
    expected: { a: { a3: 1, a4: 2 }, b: 2, c: 3 },
  },
  // States.MathAdd — { "value1": 111, "step": -1 } → {"value1": 110 }
  {
    source: AWS,
    expression: 'States.MathAdd($.value1, $.step)',
    input: { value1: 111, step: -1 },
    expected: 110,
  },
  // "If you specify a non-integer value for one or both the arguments, Step Functions will round it off"
  { source: AWS, expression: 'States.MathAdd(1.4, 2.6)', expected: 4 },
  { source: AWS, expression: 'States.MathAdd(-2147483648, 2147483647)', expected: -1 },
  // States.StringSplit — { "inputString": "1,2,3,4,5", "splitter": "," } → {"array": ["1","2","3","4","5"] }
  {
    source: AWS,
    expression: 'States.StringSplit($.inputString, $.splitter)',
    input: { inputString: '1,2,3,4,5', splitter: ',' },
    expected: ['1', '2', '3', '4', '5'],
  },
  // { "inputString": "This.is+a,test=string", "splitter": ".+,=" } → ["This","is","a","test","string"]
  {
    source: AWS,
    expression: 'States.StringSplit($.inputString, $.splitter)',
    input: { inputString: 'This.is+a,test=string', splitter: '.+,=' },
    expected: ['This', 'is', 'a', 'test', 'string'],
  },
  { source: AWS, expression: "States.StringSplit(',,a,,b,', ',')", expected: ['a', 'b'] },
  // "myArn.$": "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(...)...)...)" — the
  // nine-function example of AWS, Intrinsic functions, with its template cut to the two values it
  // passes (as printed, three placeholders and two values fail; see the failure cases).
  {
    source: AWS,
    expression:
      "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))",
    input: {
      ImageRecipe: { Arn: 'arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.0.0' },
    },
    expected: '1.0',
  },
  // Escaped braces are not placeholders: "The literal string \{ represents {."
  { source: AWS, expression: "States.Format('\\{\\} is {}', 'literal')", expected: '{} is literal' },
  {
    source: SPEC,
    expression: "States.Format('{} {} {} {}', 'a', 1.5, true, null)",
    expected: 'a 1.5 true null',
  },
  // A path argument that matches several nodes yields an array.
  {
    source: AWS,
    expression: 'States.ArrayLength($.items[?(@.x > 1)])',
    input: { items: [{ x: 1 }, { x: 2 }, { x: 3 }] },
    expected: 2,
  },
];

describe('evaluateIntrinsic — documented examples', () => {
  it.each(DOC_EXAMPLES.map((example) => [example.expression, example] as const))('%s', (_, example) => {
    expect(evaluateIntrinsic(example.expression, example.input ?? {}, example.context ?? {})).toEqual(
      example.expected,
    );
  });
});

describe('evaluateIntrinsic — random results', () => {
  // "The States.UUID function is called with no arguments ... {"uuid": "ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8" }"
  it('States.UUID returns a version 4 UUID', () => {
    const value = evaluateIntrinsic('States.UUID()', {}, {});
    expect(value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(evaluateIntrinsic('States.UUID()', {}, {})).not.toBe(value);
  });

  // "return a random number between the specified start number (inclusive) and end number (exclusive)"
  // — { "start": 1, "end": 999 }, "random.$": "States.MathRandom($.start, $.end)" → {"random": 456 }
  it('States.MathRandom stays within [start, end)', () => {
    for (let draw = 0; draw < 200; draw += 1) {
      const value = evaluateIntrinsic(
        'States.MathRandom($.start, $.end)',
        { start: 1, end: 999 },
        {},
      ) as number;
      expect(Number.isInteger(value) && value >= 1 && value < 999).toBe(true);
    }
    expect(evaluateIntrinsic('States.MathRandom(3, 4)', {}, {})).toBe(3);
  });

  // "Note that if you use this function with the same seed value, it will return identical numbers."
  it('States.MathRandom with a seed is repeatable', () => {
    const first = evaluateIntrinsic('States.MathRandom(1, 999, 42)', {}, {}) as number;
    expect(evaluateIntrinsic('States.MathRandom(1, 999, 42)', {}, {})).toBe(first);
    expect(first >= 1 && first < 999).toBe(true);
    const seeds = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        evaluateIntrinsic(`States.MathRandom(1, 999, ${seed})`, {}, {}),
      ),
    );
    expect(seeds.size).toBeGreaterThan(1);
  });
});

interface FailureCase {
  readonly expression: string;
  readonly input?: unknown;
  readonly cause: string;
}

const FAILURES: readonly FailureCase[] = [
  { expression: 'States.Nope(1)', cause: "Unknown intrinsic function 'States.Nope'" },
  { expression: 'States.Format($.missing)', cause: "The JsonPath argument '$.missing' could not be found" },
  { expression: "States.Format('{} and {}', 1)", cause: '2 placeholder(s) but 1 value(s)' },
  // The nine-function example exactly as AWS prints it: "There must be as many remaining arguments
  // in the intrinsic function invocation as there are occurrences of {}".
  {
    expression:
      "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))",
    input: {
      ImageRecipe: { Arn: 'arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.0.0' },
    },
    cause: '3 placeholder(s) but 2 value(s)',
  },
  { expression: "States.Format('{}', 1, 2)", cause: '1 placeholder(s) but 2 value(s)' },
  { expression: 'States.Format()', cause: 'expected at least 1 argument' },
  { expression: 'States.Format(1)', cause: 'argument 1 must be a string' },
  // "If the argument is a Path ... The Value MUST NOT be a JSON array or object." — spec, Appendix B.
  { expression: "States.Format('{}', $.a)", input: { a: [1] }, cause: 'must not be a JSON array or object' },
  { expression: 'States.StringToJson($.s)', input: { s: '{not json' }, cause: 'not valid JSON' },
  { expression: 'States.StringToJson(1)', cause: 'argument 1 must be a string' },
  { expression: 'States.StringToJson()', cause: 'expected 1 argument but received 0' },
  // "This Intrinsic Function takes a single argument which MUST be a Path." — spec, Appendix B.
  { expression: "States.JsonToString('a')", cause: 'must be a Path' },
  {
    expression: 'States.JsonToString($.a, $.a)',
    input: { a: 1 },
    cause: 'expected 1 argument but received 2',
  },
  // "You must specify an array as the input value for the function's first argument."
  { expression: "States.ArrayPartition('abc', 2)", cause: 'argument 1 must be an array' },
  // "You must specify a non-zero, positive integer for the second argument"
  {
    expression: 'States.ArrayPartition($.a, 0)',
    input: { a: [1] },
    cause: 'chunk size must be a positive integer',
  },
  {
    expression: 'States.ArrayPartition($.a, -2)',
    input: { a: [1] },
    cause: 'chunk size must be a positive integer',
  },
  // "The input array can't exceed Step Functions' payload size limit of 256 KiB."
  {
    expression: 'States.ArrayPartition($.a, 2)',
    input: { a: ['x'.repeat(262_144)] },
    cause: 'over the 262144-byte limit',
  },
  {
    expression: 'States.ArrayContains($.a)',
    input: { a: [1] },
    cause: 'expected 2 arguments but received 1',
  },
  { expression: 'States.ArrayContains(1, 1)', cause: 'argument 1 must be an array' },
  // "You must specify integer values for all of the arguments." / "a non-zero value for the third argument."
  { expression: "States.ArrayRange('1', 9, 2)", cause: 'argument 1 must be an integer' },
  { expression: 'States.ArrayRange(1, 9, 0)', cause: 'step must not be zero' },
  // "The newly generated array can't contain more than 1000 items."
  { expression: 'States.ArrayRange(1, 1001, 1)', cause: 'would hold 1001 items, more than 1000' },
  { expression: 'States.ArrayRange(1, 9)', cause: 'expected 3 arguments but received 2' },
  { expression: 'States.ArrayGetItem($.a, 3)', input: { a: [1, 2, 3] }, cause: 'index 3 is out of bounds' },
  { expression: 'States.ArrayGetItem($.a, -1)', input: { a: [1, 2, 3] }, cause: 'index -1 is out of bounds' },
  {
    expression: 'States.ArrayGetItem($.a, 1.5)',
    input: { a: [1, 2, 3] },
    cause: 'argument 2 must be an integer',
  },
  { expression: "States.ArrayGetItem('abc', 0)", cause: 'argument 1 must be an array' },
  { expression: 'States.ArrayLength($.a)', input: { a: { b: 1 } }, cause: 'argument 1 must be an array' },
  { expression: 'States.ArrayUnique()', cause: 'expected 1 argument but received 0' },
  { expression: 'States.ArrayUnique(null)', cause: 'argument 1 must be an array' },
  // "This function takes a data string of up to 10,000 characters"
  { expression: 'States.Base64Encode($.s)', input: { s: 'x'.repeat(10_001) }, cause: 'more than 10000' },
  { expression: 'States.Base64Encode(1)', cause: 'argument 1 must be a string' },
  { expression: 'States.Base64Decode($.s)', input: { s: 'A'.repeat(10_004) }, cause: 'more than 10000' },
  { expression: "States.Base64Decode('not base64!')", cause: 'not valid Base64' },
  { expression: "States.Base64Decode('/w==')", cause: 'not valid UTF-8' },
  // "The hashing algorithm you specify can be any of the following algorithms: MD5 SHA-1 SHA-256 SHA-384 SHA-512"
  { expression: "States.Hash('a', 'SHA-224')", cause: "unknown algorithm 'SHA-224'" },
  { expression: "States.Hash('a', 'sha-1')", cause: "unknown algorithm 'sha-1'" },
  // "The data you provide must be an object string containing 10,000 characters or less."
  { expression: "States.Hash($.s, 'MD5')", input: { s: 'x'.repeat(10_001) }, cause: 'more than 10000' },
  { expression: "States.Hash($.s, 'MD5')", input: { s: { a: 1 } }, cause: 'argument 1 must be a string' },
  { expression: "States.Hash('a')", cause: 'expected 2 arguments but received 1' },
  // "Currently, Step Functions only supports the shallow merging mode; therefore, you must specify
  // the boolean value as false."
  {
    expression: 'States.JsonMerge($.a, $.b, true)',
    input: { a: {}, b: {} },
    cause: 'deep merging is not supported',
  },
  { expression: 'States.JsonMerge($.a, $.b)', input: { a: {}, b: {} }, cause: 'expected 3 arguments' },
  {
    expression: 'States.JsonMerge($.a, $.b, false)',
    input: { a: [], b: {} },
    cause: 'argument 1 must be a JSON object',
  },
  {
    expression: "States.JsonMerge($.a, $.b, 'false')",
    input: { a: {}, b: {} },
    cause: 'argument 3 must be a boolean',
  },
  // "You must specify integer values for the start number and end number arguments."
  { expression: "States.MathRandom('1', 10)", cause: 'argument 1 must be an integer' },
  { expression: 'States.MathRandom(10, 10)', cause: 'must be greater than the start' },
  { expression: 'States.MathRandom(1)', cause: 'expected 2 to 3 arguments but received 1' },
  { expression: "States.MathRandom(1, 10, 'seed')", cause: 'argument 3 must be an integer' },
  // "You must specify integer values in the range of -2147483648 and 2147483647."
  { expression: 'States.MathAdd(2147483648, 1)', cause: 'argument 1 (2147483648) is outside' },
  { expression: 'States.MathAdd(1, -2147483649)', cause: 'argument 2 (-2147483649) is outside' },
  { expression: "States.MathAdd(1, '2')", cause: 'argument 2 must be an integer' },
  { expression: 'States.MathAdd(1)', cause: 'expected 2 arguments but received 1' },
  { expression: 'States.StringSplit($.s, 1)', input: { s: 'a' }, cause: 'argument 2 must be a string' },
  { expression: "States.StringSplit('a')", cause: 'expected 2 arguments but received 1' },
  { expression: 'States.UUID(1)', cause: 'expected 0 arguments but received 1' },
  { expression: "States.Array('unterminated)", cause: 'unterminated string literal' },
];

describe('evaluateIntrinsic — failures are States.IntrinsicFailure', () => {
  it.each(FAILURES.map((failure) => [failure.expression, failure] as const))('%s', (_, failure) => {
    let thrown: unknown;
    try {
      evaluateIntrinsic(failure.expression, failure.input ?? {}, {});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StatesError);
    expect((thrown as StatesError).name).toBe('States.IntrinsicFailure');
    expect((thrown as StatesError).cause).toContain(failure.cause);
  });
});

describe('INTRINSIC_FUNCTIONS', () => {
  it('implements every intrinsic function AWS documents', () => {
    expect(Object.keys(INTRINSIC_FUNCTIONS).sort()).toEqual([...INTRINSIC_FUNCTION_NAMES].sort());
    expect(INTRINSIC_FUNCTION_NAMES).toHaveLength(18);
  });
});
