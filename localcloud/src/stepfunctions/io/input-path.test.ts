import { describe, expect, it } from 'vitest';
import { applyInputPath } from './input-path.js';

/** Asserts `act` throws a StatesError with this ASL name and a cause containing `cause`. */
function expectStatesError(act: () => unknown, name: string, cause: string): void {
  expect(act).toThrow(expect.objectContaining({ name, cause: expect.stringContaining(cause) }));
}

// "suppose the input to your state includes the following" — AWS, Manipulate parameters, InputPath.
const INPUT = {
  comment: 'Example for InputPath.',
  dataset1: { val1: 1, val2: 2, val3: 3 },
  dataset2: { val1: 'a', val2: 'b', val3: 'c' },
};

describe('applyInputPath', () => {
  it.each([
    // "InputPath": "$.dataset2" → { "val1": "a", "val2": "b", "val3": "c" }
    ['$.dataset2', INPUT, { val1: 'a', val2: 'b', val3: 'c' }],
    // "The default value of InputPath is "$", so by default the effective input is just the raw input."
    [undefined, INPUT, INPUT],
    ['$', INPUT, INPUT],
    // "If you apply the path $.a[0:2], the following is the result. [ 1, 2 ]"
    ['$.a[0:2]', { a: [1, 2, 3, 4] }, [1, 2]],
    // "If the value of InputPath is null, that means that the raw input is discarded, and the
    // effective input for the state is an empty JSON object, {}." — states-language.net
    [null, INPUT, {}],
    ['$$.Execution.Input', INPUT, { from: 'context' }],
  ])('InputPath %j', (inputPath, input, expected) => {
    expect(applyInputPath(input, inputPath, { Execution: { Input: { from: 'context' } } })).toEqual(expected);
  });

  it('fails with States.Runtime when the path selects nothing', () => {
    expectStatesError(
      () => applyInputPath(INPUT, '$.dataset3', {}),
      'States.Runtime',
      "Invalid path '$.dataset3' : No results for path: $['dataset3']",
    );
  });

  it('fails with States.Runtime for a string that is not a path', () => {
    expectStatesError(
      () => applyInputPath(INPUT, 'dataset2', {}),
      'States.Runtime',
      "Invalid path 'dataset2'",
    );
  });
});
