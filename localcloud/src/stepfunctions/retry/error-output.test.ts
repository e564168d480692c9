import { describe, expect, it } from 'vitest';
import { errorOutput } from './error-output.js';

// "The Error Output MUST have a string-valued field named Error ... It SHOULD have a string-valued
// field named Cause" — https://states-language.net/spec.html#error-output
describe('errorOutput', () => {
  it.each([
    ['HandledError', 'error', { Error: 'HandledError', Cause: 'error' }],
    ['States.Timeout', '', { Error: 'States.Timeout', Cause: '' }],
    ['States.TaskFailed', undefined, { Error: 'States.TaskFailed' }],
  ])('%s with cause %j', (errorName, cause, expected) => {
    expect(errorOutput(errorName, cause)).toStrictEqual(expected);
  });
});
