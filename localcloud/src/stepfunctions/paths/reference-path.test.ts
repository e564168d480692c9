import { describe, expect, it } from 'vitest';
import { InvalidPathError } from './path-errors.js';
import { formatNormalizedPath, isReferencePath, parseReferencePath } from './reference-path.js';

describe('parseReferencePath', () => {
  // "Here are some examples of acceptable Reference Path syntax" — states-language.net, Reference Paths.
  it.each([
    ['$.store.book', ['store', 'book']],
    ['$.store\\.book', ['store.book']],
    ['$.\\stor\\e.boo\\k', ['store', 'book']],
    ['$.store.book.title', ['store', 'book', 'title']],
    ['$.foo.\\.bar', ['foo', '.bar']],
    ['$.foo\\@bar.baz\\[\\[.\\?pretty', ['foo@bar', 'baz[[', '?pretty']],
    ['$.&Ж中.\uD800\uDF46', ['&Ж中', '\uD800\uDF46']],
    ['$.ledgers.branch[0].pending.count', ['ledgers', 'branch', 0, 'pending', 'count']],
    ['$.ledgers.branch[0]', ['ledgers', 'branch', 0]],
    ['$.ledgers[0][22][315].foo', ['ledgers', 0, 22, 315, 'foo']],
    ["$['store']['book']", ['store', 'book']],
    ["$['store'][0]['book']", ['store', 0, 'book']],
  ])('accepts the spec example %s', (path, segments) => {
    expect(parseReferencePath(path)).toEqual({ context: false, segments });
  });

  it.each([
    ['$', { context: false, segments: [] }],
    ['$$.Execution.Id', { context: true, segments: ['Execution', 'Id'] }],
    // "you must use square bracket notation ... For example, $.abc.['def ghi']" — AWS, Using JSONPath paths.
    ["$.abc.['def ghi']", { context: false, segments: ['abc', 'def ghi'] }],
    ['$.error-info', { context: false, segments: ['error-info'] }],
    ['$["a\\"b"]', { context: false, segments: ['a"b'] }],
    ['$.a[-1]', { context: false, segments: ['a', -1] }],
  ])('parses %s', (path, expected) => {
    expect(parseReferencePath(path)).toEqual(expected);
  });

  // "The operators "@", ",", ":", and "?" are not supported" — AWS, Reference Paths.
  it.each([
    'foo',
    '',
    '$.',
    '$..a',
    '$.a.*',
    '$[*]',
    '$.a[0,1]',
    '$.a[0:2]',
    '$.a[?(@.x > 1)]',
    '$.a@b',
    '$.a[x]',
    "$['a','b']",
    "$['a'",
  ])('rejects %s', (path) => {
    expect(() => parseReferencePath(path)).toThrow(InvalidPathError);
    expect(isReferencePath(path)).toBe(false);
  });
});

describe('formatNormalizedPath', () => {
  it.each([
    ['$.a.x', "$['a']['x']"],
    ['$.rows[1]', "$['rows'][1]"],
    ['$', '$'],
    ["$$.Map.Item['it\\'s']", "$$['Map']['Item']['it\\'s']"],
  ])('renders %s as %s', (path, normalized) => {
    expect(formatNormalizedPath(parseReferencePath(path))).toBe(normalized);
  });
});
