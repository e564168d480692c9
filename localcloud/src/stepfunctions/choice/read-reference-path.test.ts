import { describe, expect, it } from 'vitest';
import { readReferencePath } from './read-reference-path.js';

describe('readReferencePath', () => {
  const input = { a: { b: [1, 2] }, n: null, f: false, z: 0 };
  const context = { Execution: { Id: 'arn:exec' }, State: { Name: 'Choose', RetryCount: 0 } };

  it.each([
    ['$', input],
    ['$.a.b', [1, 2]],
    ['$.a.b[1]', 2],
    ["$['a']['b'][0]", 1],
    ['$.n', null],
    ['$.f', false],
    ['$.z', 0],
    ['$.missing', undefined],
    ['$.a.missing.deeper', undefined],
    ['$$.Execution.Id', 'arn:exec'],
    ['$$.State.RetryCount', 0],
    ['$$.Map.Item.Index', undefined],
  ])('%s', (path, expected) => {
    expect(readReferencePath(path, input, context)).toEqual(expected);
  });

  it('reads `$` of a null input as null, and anything below it as missing', () => {
    expect(readReferencePath('$', null, context)).toBeNull();
    expect(readReferencePath('$.a', null, context)).toBeUndefined();
  });
});
