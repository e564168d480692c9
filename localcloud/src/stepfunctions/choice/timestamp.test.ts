import { describe, expect, it } from 'vitest';
import { compareTimestamps, isTimestamp, parseTimestamp } from './timestamp.js';

// Format rules and examples from https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
// ("must conform to RFC3339 profile ISO 8601 ... an uppercase T ... an uppercase Z").
describe('isTimestamp', () => {
  it.each([
    ['2016-08-18T17:33:00Z', true],
    ['2001-01-01T12:00:00Z', true],
    ['2016-03-14T01:59:00Z', true],
    ['2016-08-18T17:33:00.123456789Z', true],
    ['2016-08-18T17:33:00+02:00', true],
    ['2016-08-18T17:33:00-07:30', true],
    ['2024-02-29T00:00:00Z', true],
    ['0001-01-01T00:00:00Z', true],
    ['2016-08-18t17:33:00Z', false],
    ['2016-08-18T17:33:00z', false],
    ['2016-08-18 17:33:00Z', false],
    ['2016-08-18T17:33:00', false],
    ['2016-08-18', false],
    ['2023-02-29T00:00:00Z', false],
    ['2016-13-01T00:00:00Z', false],
    ['2016-08-18T24:00:00Z', false],
    ['2016-08-18T17:60:00Z', false],
    ['2016-08-18T17:33:00+24:00', false],
    ['2016-08-18T17:33:00.Z', false],
    ['not a timestamp', false],
    [1471541580, false],
    [null, false],
  ])('%s → %s', (value, expected) => {
    expect(isTimestamp(value)).toBe(expected);
  });
});

describe('compareTimestamps', () => {
  const order = (a: string, b: string) => {
    const left = parseTimestamp(a);
    const right = parseTimestamp(b);
    if (left === undefined || right === undefined) throw new Error('bad fixture');
    return Math.sign(compareTimestamps(left, right));
  };

  it.each([
    ['2016-08-18T17:33:00Z', '2016-08-18T17:33:00Z', 0],
    ['2016-08-18T17:33:00Z', '2016-08-18T19:33:00+02:00', 0],
    ['2016-08-18T17:33:00Z', '2016-08-18T10:33:00-07:00', 0],
    ['2016-08-18T17:33:00.5Z', '2016-08-18T17:33:00.500Z', 0],
    ['2016-08-18T17:33:00Z', '2016-08-18T17:33:00.000Z', 0],
    ['2016-08-18T17:33:00Z', '2016-08-18T17:33:00.0001Z', -1],
    ['2016-08-18T17:33:00.4Z', '2016-08-18T17:33:00.35Z', 1],
    ['2001-01-01T12:00:00Z', '2016-08-18T17:33:00Z', -1],
    ['0099-01-01T00:00:00Z', '1999-01-01T00:00:00Z', -1],
    ['2016-08-18T17:33:01Z', '2016-08-18T17:33:00Z', 1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(order(a, b)).toBe(expected);
  });
});
