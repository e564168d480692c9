import { describe, expect, it } from 'vitest';
import { applyResultPath } from './result-path.js';

/** Asserts `act` throws a StatesError with this ASL name and a cause containing `cause`. */
function expectStatesError(act: () => unknown, name: string, cause: string): void {
  expect(act).toThrow(expect.objectContaining({ name, cause: expect.stringContaining(cause) }));
}

// The input and result of AWS, Specifying state output using ResultPath.
const INPUT = {
  comment: 'This is a test of the input and output of a Task state.',
  details: 'Default example',
  who: 'AWS Step Functions',
};
const RESULT = 'Hello, AWS Step Functions!';

describe('applyResultPath', () => {
  it.each([
    // "If you don't specify a ResultPath, the default behavior is as if you had specified "ResultPath": "$""
    ['replaces the input (absent)', undefined, INPUT, RESULT],
    ['replaces the input ($)', '$', INPUT, RESULT],
    // "ResultPath": "$.taskresult"
    ['includes the result with the input', '$.taskresult', INPUT, { ...INPUT, taskresult: RESULT }],
    // "ResultPath": "$.comment"
    ['updates a node', '$.comment', INPUT, { ...INPUT, comment: RESULT }],
    // "If the value of ResultPath is null, that means that the state's result is discarded and its
    // raw input becomes its result." — states-language.net
    ['discards the result (null)', null, INPUT, INPUT],
  ])('%s', (_, resultPath, input, expected) => {
    expect(applyResultPath(input, RESULT, resultPath)).toEqual(expected);
  });

  // "ResultPath": "$.strings.lambdaresult" — inserted as a child of the strings node.
  it('inserts the result into a child node', () => {
    const input = {
      comment: 'An input comment.',
      strings: { string1: 'foo', string2: 'bar', string3: 'baz' },
      who: 'AWS Step Functions',
    };
    expect(applyResultPath(input, RESULT, '$.strings.lambdaresult')).toEqual({
      ...input,
      strings: { ...input.strings, lambdaresult: RESULT },
    });
  });

  // "ResultPath": "$.error" in a Catch, with input {"foo": "bar"} → { "foo": "bar", "error": { "Error": "Error here" } }
  it('includes an error output with the input, as a Catch does', () => {
    expect(applyResultPath({ foo: 'bar' }, { Error: 'Error here' }, '$.error')).toEqual({
      foo: 'bar',
      error: { Error: 'Error here' },
    });
  });

  // "Suppose the input to some Task State is { "a": 1 } ... the output from the Task is "Hi!", and
  // the value of the "ResultPath" field is "$.b.greeting"" — states-language.net
  it('constructs the intervening objects', () => {
    expect(applyResultPath({ a: 1 }, 'Hi!', '$.b.greeting')).toEqual({ a: 1, b: { greeting: 'Hi!' } });
  });

  it('does not modify the input', () => {
    const input = { a: { b: 1 } };
    applyResultPath(input, 2, '$.a.c');
    expect(input).toEqual({ a: { b: 1 } });
  });

  // "Suppose a state's input is the string "foo", and its "ResultPath" field has the value "$.x".
  // Then ResultPath cannot apply and the interpreter fails the machine with an Error Name of
  // "States.ResultPathMatchFailure"." — states-language.net, Runtime Errors.
  it.each([
    ['$.x', 'foo'],
    ['$.a.b', { a: 1 }],
    ['$.list[3]', { list: [1] }],
  ])('fails with States.ResultPathMatchFailure applying %s to %j', (resultPath, input) => {
    expectStatesError(
      () => applyResultPath(input, 6, resultPath),
      'States.ResultPathMatchFailure',
      `Unable to apply ResultPath '${resultPath}' to input '${JSON.stringify(input)}'`,
    );
  });

  // "The value of "ResultPath" MUST NOT begin with "$$"" / "MUST be a Reference Path".
  it.each(['$$.Execution', '$.a[*]', 'a'])(
    'fails with States.Runtime for the invalid ResultPath %s',
    (resultPath) => {
      expectStatesError(() => applyResultPath({}, 1, resultPath), 'States.Runtime', resultPath);
    },
  );
});
