import { describe, expect, it } from 'vitest';
import { StatesError } from '../errors.js';
import { stringMatches } from './string-matches.js';

// Examples from https://states-language.net/spec.html#choice-state (StringMatches) and
// https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html ("log-*.txt").
// Patterns are written as they are after JSON decoding: JSON "\\*" is the two characters \*.
describe('stringMatches', () => {
  it.each([
    ['foo23.log', 'foo*.log', true],
    ['zebra.log', '*.log', true],
    ['foobar.zebra', 'foo*.*', true],
    ['log-2024.txt', 'log-*.txt', true],
    ['log-.txt', 'log-*.txt', true],
    ['log-2024.csv', 'log-*.txt', false],
    ['anything', '*', true],
    ['', '*', true],
    ['', '', true],
    ['a', '', false],
    ['abc', 'abc', true],
    ['abcd', 'abc', false],
    ['Abc', 'abc', false],
    ['a*c', 'a\\*c', true],
    ['abc', 'a\\*c', false],
    ['a\\c', 'a\\\\c', true],
    ['a*b*c*d', '*\\**\\**', true],
    ['aaab', '*a*b', true],
    ['mississippi', 'm*iss*ppi', true],
    ['mississippi', 'm*iss*x', false],
    ['a.b', 'a?b', false],
    ['a.b', 'a.b', true],
    ['axb', 'a.b', false],
  ])('%j against %j → %s', (value, pattern, expected) => {
    expect(stringMatches(value, pattern)).toBe(expected);
  });

  it.each(['abc\\', 'a\\bc'])('fails with States.Runtime on the open escape in %j', (pattern) => {
    expect(() => stringMatches('abc', pattern)).toThrow(StatesError);
    expect(() => stringMatches('abc', pattern)).toThrow(expect.objectContaining({ name: 'States.Runtime' }));
  });
});
