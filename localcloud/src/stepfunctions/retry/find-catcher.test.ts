import { describe, expect, it } from 'vitest';
import type { Catcher } from '../asl/types.js';
import { findCatcher } from './find-catcher.js';

// The Catch example of https://states-language.net/spec.html#fallback-states
const catchers: Catcher[] = [
  { ErrorEquals: ['java.lang.Exception'], ResultPath: '$.error-info', Next: 'RecoveryState' },
  { ErrorEquals: ['States.ALL'], Next: 'EndMachine' },
];

describe('findCatcher', () => {
  it.each([
    ['java.lang.Exception', 'RecoveryState'],
    ['Lambda.Unknown', 'EndMachine'],
    ['States.Timeout', 'EndMachine'],
    ['States.Runtime', undefined],
    ['States.DataLimitExceeded', undefined],
  ])('%s goes to %s', (errorName, expected) => {
    expect(findCatcher(catchers, errorName)?.Next).toBe(expected);
  });

  // "This variant uses the predefined error code States.TaskFailed" — AWS error-handling docs.
  it.each([
    ['HandledError', 'fallback'],
    ['States.Timeout', undefined],
  ])('States.TaskFailed sends %s to %s', (errorName, expected) => {
    expect(findCatcher([{ ErrorEquals: ['States.TaskFailed'], Next: 'fallback' }], errorName)?.Next).toBe(
      expected,
    );
  });

  it('finds nothing without a Catch field', () => {
    expect(findCatcher(undefined, 'E')).toBeUndefined();
  });
});
