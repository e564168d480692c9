import { describe, expect, it } from 'vitest';
import { applyInputPath } from './input-path.js';
import { applyOutputPath } from './output-path.js';
import { applyResultPath } from './result-path.js';

/** Asserts `act` throws a StatesError with this ASL name and a cause containing `cause`. */
function expectStatesError(act: () => unknown, name: string, cause: string): void {
  expect(act).toThrow(expect.objectContaining({ name, cause: expect.stringContaining(cause) }));
}

describe('applyOutputPath', () => {
  it.each([
    // "The default value of OutputPath is "$", so by default a state's effective output is the
    // result of processing ResultPath." — states-language.net
    [undefined, { a: 1 }, { a: 1 }],
    ['$.a', { a: 1 }, 1],
    // "If the value of OutputPath is null, that means the input and result are discarded, and the
    // effective output from the state is an empty JSON object, {}."
    [null, { a: 1 }, {}],
    // "if the OutputPath result contains multiple values, the effective output is a JSON array
    // containing all of them."
    ['$.a[0,1]', { a: [1, 2, 3, 4] }, [1, 2]],
  ])('OutputPath %j', (outputPath, output, expected) => {
    expect(applyOutputPath(output, outputPath, {})).toEqual(expected);
  });

  it('fails with States.Runtime when the path selects nothing', () => {
    expectStatesError(
      () => applyOutputPath({ a: 1 }, '$.b.c', {}),
      'States.Runtime',
      "Invalid path '$.b.c' : No results for path: $['b']['c']",
    );
  });

  // "InputPath": "$.lambda", "ResultPath": "$.data.lambdaresult", "OutputPath": "$.data" —
  // AWS, Example: Manipulating state data with paths.
  it('applies InputPath, ResultPath and OutputPath as in the AWS example', () => {
    const input = {
      comment: 'An input comment.',
      data: { val1: 23, val2: 17 },
      extra: 'foo',
      lambda: { who: 'AWS Step Functions' },
    };
    const effectiveInput = applyInputPath(input, '$.lambda', {});
    expect(effectiveInput).toEqual({ who: 'AWS Step Functions' });
    const result = `Hello, ${(effectiveInput as { who: string }).who}!`;
    const output = applyResultPath(input, result, '$.data.lambdaresult');
    expect(applyOutputPath(output, '$.data', {})).toEqual({
      val1: 23,
      val2: 17,
      lambdaresult: 'Hello, AWS Step Functions!',
    });
  });
});
