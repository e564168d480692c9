import { describe, expect, it } from 'vitest';
import { StatesError } from '../errors.js';
import { isIntrinsic, parseIntrinsic } from './parse-intrinsic.js';

describe('parseIntrinsic', () => {
  it.each([
    ['States.UUID()', { kind: 'call', name: 'States.UUID', args: [] }],
    [
      "States.Format('Hello, my name is {}.', $.name)",
      {
        kind: 'call',
        name: 'States.Format',
        args: [
          { kind: 'string', value: 'Hello, my name is {}.', raw: 'Hello, my name is {}.' },
          { kind: 'path', path: '$.name' },
        ],
      },
    ],
    [
      "States.Array('Foo', 2020, $.someJson, null)",
      {
        kind: 'call',
        name: 'States.Array',
        args: [
          { kind: 'string', value: 'Foo', raw: 'Foo' },
          { kind: 'literal', value: 2020 },
          { kind: 'path', path: '$.someJson' },
          { kind: 'literal', value: null },
        ],
      },
    ],
    [
      'States.JsonMerge($.json1, $.json2, false)',
      {
        kind: 'call',
        name: 'States.JsonMerge',
        args: [
          { kind: 'path', path: '$.json1' },
          { kind: 'path', path: '$.json2' },
          { kind: 'literal', value: false },
        ],
      },
    ],
    [
      'States.MathAdd(-1.5e2 , true)',
      {
        kind: 'call',
        name: 'States.MathAdd',
        args: [
          { kind: 'literal', value: -150 },
          { kind: 'literal', value: true },
        ],
      },
    ],
    [
      "States.Array($$.Execution.Id, $.a[?(@.x > 1)], $['a,b'], $.abc.['def ghi'])",
      {
        kind: 'call',
        name: 'States.Array',
        args: [
          { kind: 'path', path: '$$.Execution.Id' },
          { kind: 'path', path: '$.a[?(@.x > 1)]' },
          { kind: 'path', path: "$['a,b']" },
          { kind: 'path', path: "$.abc.['def ghi']" },
        ],
      },
    ],
    // "The literal string \' represents '. \{ represents {. \} represents }. \\ represents \."
    // — AWS, Reserved characters in intrinsic functions.
    [
      "States.Format('it\\'s \\{\\} a \\\\ {}', 1)",
      {
        kind: 'call',
        name: 'States.Format',
        args: [
          { kind: 'string', value: "it's {} a \\ {}", raw: "it\\'s \\{\\} a \\\\ {}" },
          { kind: 'literal', value: 1 },
        ],
      },
    ],
    [
      "States.ArrayLength(States.StringSplit('a,b', ','))",
      {
        kind: 'call',
        name: 'States.ArrayLength',
        args: [
          {
            kind: 'call',
            name: 'States.StringSplit',
            args: [
              { kind: 'string', value: 'a,b', raw: 'a,b' },
              { kind: 'string', value: ',', raw: ',' },
            ],
          },
        ],
      },
    ],
  ])('parses %s', (expression, expected) => {
    expect(parseIntrinsic(expression)).toEqual(expected);
  });

  it.each([
    ["States.Format('unterminated)", 'unterminated string literal'],
    // "If an open escape backslash \ is found in the intrinsic invocation string, the interpreter
    // will return a runtime error." — AWS, Reserved characters in intrinsic functions.
    ["States.Format('a \\n b')", 'open escape'],
    ['States.Array(1 2)', "expected ',' or ')'"],
    ['States.Array(1,)', 'expected an argument'],
    ['States.Array(1', "expected ',' or ')'"],
    ['States.Array(1) trailing', 'unexpected text'],
    ['States.Array($.a[0)', 'unbalanced path argument'],
    ['(1)', 'expected an intrinsic function name'],
    ['States.Array(foo)', "expected '('"],
    // "You can nest up to 10 intrinsic functions within a field" — AWS, Intrinsic functions.
    [`${'States.Array('.repeat(11)}${')'.repeat(11)}`, 'nested at most 10 deep'],
  ])('rejects %s', (expression, reason) => {
    expect(() => parseIntrinsic(expression)).toThrow(StatesError);
    expect(() => parseIntrinsic(expression)).toThrow(reason);
    try {
      parseIntrinsic(expression);
    } catch (error) {
      expect((error as StatesError).name).toBe('States.IntrinsicFailure');
    }
  });

  it('accepts ten levels of nesting', () => {
    const expression = `${'States.Array('.repeat(10)}${')'.repeat(10)}`;
    expect(() => parseIntrinsic(expression)).not.toThrow();
  });
});

describe('isIntrinsic', () => {
  it.each([
    ['States.Array($.Id)', true],
    [' States.UUID() ', true],
    ['States.Format(', false],
    ['$.a', false],
    ['hello', false],
  ])('%s → %s', (value, expected) => {
    expect(isIntrinsic(value)).toBe(expected);
  });
});
