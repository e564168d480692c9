import { describe, expect, it } from 'vitest';
import { applyInputPath, applyOutputPath, applyResultPath } from '../io/index.js';
import { placeResult, selectInput, selectOutput } from './paths.js';

const input = { size: 'large', order: { milk: 'oat' }, list: [1, 2], 10: 'ten' };

describe('the state files’ InputPath, ResultPath and OutputPath', () => {
  it.each([
    ['absent', undefined],
    ['$', '$'],
    ['a new member', '$.shots'],
    ['an existing member, which keeps its place', '$.size'],
    ['a member holding an object', '$.order'],
    ['a nested member', '$.order.milk'],
    ['an index', '$.list[0]'],
    ['a bracketed member', "$['size']"],
    ['null', null],
  ])('places a result at %s as applyResultPath does', (_case, path) => {
    const expected = applyResultPath(input, { made: true }, path);

    const placed = placeResult(input, { made: true }, path);

    expect(JSON.stringify(placed)).toBe(JSON.stringify(expected));
  });

  it.each([
    ['a string', 'foo'],
    ['an array', [1, 2]],
    ['null', null],
  ])('fails to place a member into %s as applyResultPath does', (_case, document) => {
    expect(() => placeResult(document, 1, '$.shots')).toThrow(
      expect.objectContaining({ name: 'States.ResultPathMatchFailure' }),
    );
  });

  it.each([undefined, '$', '$.order', null])(
    'selects input and output by %s as the io functions do',
    (path) => {
      expect(selectInput(input, path, {})).toEqual(applyInputPath(input, path, {}));
      expect(selectOutput(input, path, {})).toEqual(applyOutputPath(input, path, {}));
    },
  );
});
