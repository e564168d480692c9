import { describe, expect, it } from 'vitest';
import { InvalidPathError, PathNotFoundError } from './path-errors.js';
import { isContextPath, isPath, queryPath, readPath } from './read-path.js';

// The input of the spec's Reference Paths example — states-language.net, Reference Paths.
const SPEC_INPUT = { foo: 123, bar: ['a', 'b', 'c'], car: { cdr: true } };

const CONTEXT = {
  Execution: { Id: 'arn:aws:states:us-east-1:123456789012:execution:m:e' },
  DayOfWeek: 'TUESDAY',
};

describe('readPath', () => {
  it.each([
    // "$.foo => 123 / $.bar => ["a", "b", "c"] / $.car.cdr => true" — states-language.net, Reference Paths.
    ['$.foo', SPEC_INPUT, 123],
    ['$.bar', SPEC_INPUT, ['a', 'b', 'c']],
    ['$.car.cdr', SPEC_INPUT, true],
    ['$', SPEC_INPUT, SPEC_INPUT],
    ['$', 'foo', 'foo'],
    ['$.bar[-1]', SPEC_INPUT, 'c'],
    ['$.n', { n: null }, null],
    // "If you apply the path $.a[0:2], the following is the result. [ 1, 2 ]" — AWS, Manipulate parameters.
    ['$.a[0:2]', { a: [1, 2, 3, 4] }, [1, 2]],
    // "if the JsonPath $.a[0,1] is applied ... the state would see the input: [ 1, 2 ]" — spec, Input and Output Processing.
    ['$.a[0,1]', { a: [1, 2, 3, 4] }, [1, 2]],
    // "first.$": "$.vals[0]", "last3.$": "$.vals[-3:]" — states-language.net, Payload Template.
    ['$.vals[0]', { vals: [0, 10, 20, 30, 40, 50] }, 0],
    ['$.vals[-3:]', { vals: [0, 10, 20, 30, 40, 50] }, [30, 40, 50]],
    // "flattenArray.$": "$[*][*]" — AWS, Flattening an array of arrays.
    ['$[*][*]', [[1, 2], [3], [4, 5]], [1, 2, 3, 4, 5]],
    ['$.items[?(@.x > 1)]', { items: [{ x: 1 }, { x: 2 }, { x: 3 }] }, [{ x: 2 }, { x: 3 }]],
    ["$.items[?(@.k == 'v')]", { items: [{ k: 'v' }, null, { k: 'w' }] }, [{ k: 'v' }]],
    ['$.a.*', { a: { b: 1, c: 2 } }, [1, 2]],
    ['$..a', { d: { x: { a: [1, 2] } } }, [[1, 2]]],
    // An indefinite path never misses: it yields an empty array.
    ['$.items[?(@.x > 5)]', { items: [{ x: 1 }] }, []],
    ['$.items[*]', {}, []],
    ['$[*]', 'foo', []],
  ])('reads %s', (path, input, expected) => {
    expect(readPath(path, input, CONTEXT)).toEqual(expected);
  });

  it.each([
    ['$$.Execution.Id', 'arn:aws:states:us-east-1:123456789012:execution:m:e'],
    ['$$.DayOfWeek', 'TUESDAY'],
    ['$$', CONTEXT],
  ])('reads the context object with %s', (path, expected) => {
    expect(readPath(path, { DayOfWeek: 'input, not context' }, CONTEXT)).toEqual(expected);
  });

  it.each([
    ['$.missing', SPEC_INPUT, "$['missing']"],
    ['$.car.cdr.x', SPEC_INPUT, "$['car']['cdr']['x']"],
    ['$.bar[3]', SPEC_INPUT, "$['bar'][3]"],
    ['$.bar.length', SPEC_INPUT, "$['bar']['length']"],
    ['$.car[0]', SPEC_INPUT, "$['car'][0]"],
    ['$.a', null, "$['a']"],
    ['$$.Task.Token', SPEC_INPUT, "$$['Task']['Token']"],
  ])('reports that definite path %s matches nothing', (path, input, normalized) => {
    expect(queryPath(path, input, CONTEXT)).toEqual({ found: false });
    expect(() => readPath(path, input, CONTEXT)).toThrow(new PathNotFoundError(path, normalized));
    expect(() => readPath(path, input, CONTEXT)).toThrow(`No results for path: ${normalized}`);
  });

  it('rejects a string that is not a path', () => {
    expect(() => readPath('foo', {}, {})).toThrow(InvalidPathError);
  });
});

describe('isPath / isContextPath', () => {
  it.each([
    ['$.a', true, false],
    ['$$.Execution.Id', true, true],
    ['States.UUID()', false, false],
  ])('%s', (value, path, context) => {
    expect(isPath(value)).toBe(path);
    expect(isContextPath(value)).toBe(context);
  });
});
