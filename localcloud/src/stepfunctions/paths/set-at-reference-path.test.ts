import { describe, expect, it } from 'vitest';
import { InvalidPathError, ReferencePathConflictError } from './path-errors.js';
import { setAtReferencePath } from './set-at-reference-path.js';

describe('setAtReferencePath', () => {
  it.each([
    // "If the state's result is the number 6, and the "ResultPath" is $.master.detail, then in the
    // output the detail field would be overwritten" — states-language.net, Input and Output Processing.
    ['$.master.detail', { master: { detail: [1, 2, 3] } }, 6, { master: { detail: 6 } }],
    // "If instead a "ResultPath" of $.master.result.sum was used ..." — same section.
    [
      '$.master.result.sum',
      { master: { detail: [1, 2, 3] } },
      6,
      { master: { detail: [1, 2, 3], result: { sum: 6 } } },
    ],
    // "Suppose the output from the Task is "Hi!", and the value of the "ResultPath" field is "$.b.greeting"".
    ['$.b.greeting', { a: 1 }, 'Hi!', { a: 1, b: { greeting: 'Hi!' } }],
    ['$', { a: 1 }, 'replaced', 'replaced'],
    ['$.list[1]', { list: [1, 2, 3] }, 'x', { list: [1, 'x', 3] }],
    ['$.list[-1].v', { list: [{ v: 1 }, { v: 2 }] }, 9, { list: [{ v: 1 }, { v: 9 }] }],
    ["$['a b'].c", {}, true, { 'a b': { c: true } }],
  ])('sets %s', (path, target, value, expected) => {
    expect(setAtReferencePath(target, path, value)).toEqual(expected);
  });

  it('does not modify the target', () => {
    const target = { master: { detail: [1, 2, 3] } };
    setAtReferencePath(target, '$.master.result', 6);
    expect(target).toEqual({ master: { detail: [1, 2, 3] } });
  });

  it('keeps a member named __proto__ as a member', () => {
    const result = setAtReferencePath({}, "$['__proto__'].x", 1) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
  });

  it.each([
    // "Suppose a state's input is the string "foo", and its "ResultPath" field has the value "$.x".
    // Then ResultPath cannot apply" — states-language.net, Runtime Errors.
    ['$.x', 'foo'],
    ['$.a.b', { a: 5 }],
    ['$.a.b', { a: null }],
    ['$.a.b', { a: [1] }],
    ['$.a[0]', { a: { b: 1 } }],
    ['$.a[5]', { a: [1] }],
    ['$.a[0]', {}],
  ])('cannot apply %s to %j', (path, target) => {
    expect(() => setAtReferencePath(target, path, 1)).toThrow(ReferencePathConflictError);
  });

  it.each(['$$.Execution.Id', '$.a[*]', '$..a', 'a'])('rejects %s', (path) => {
    expect(() => setAtReferencePath({}, path, 1)).toThrow(InvalidPathError);
  });
});
