import { describe, expect, it } from 'vitest';
import { matchesErrorEquals } from './matches-error-equals.js';

// Matching rules from https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
// (error names): names are case-sensitive; States.ALL matches any error but cannot catch
// States.DataLimitExceeded or States.Runtime; States.TaskFailed matches any error except
// States.Timeout; a States.Runtime error is never retried or caught.
describe('matchesErrorEquals', () => {
  it.each([
    [['HandledError'], 'HandledError', true],
    [['HandledError'], 'handlederror', false],
    [['ErrorA', 'ErrorB'], 'ErrorB', true],
    [['ErrorA', 'ErrorB'], 'ErrorC', false],
    [['java.lang.Exception'], 'java.lang.Exception', true],
    [['States.ALL'], 'Lambda.Unknown', true],
    [['States.ALL'], 'States.Timeout', true],
    [['States.ALL'], 'States.TaskFailed', true],
    [['States.ALL'], 'States.NoChoiceMatched', true],
    [['States.ALL'], 'States.DataLimitExceeded', false],
    [['States.ALL'], 'States.Runtime', false],
    [['States.DataLimitExceeded'], 'States.DataLimitExceeded', true],
    [['States.Runtime'], 'States.Runtime', false],
    [['States.TaskFailed'], 'Lambda.Unknown', true],
    [['States.TaskFailed'], 'HandledError', true],
    [['States.TaskFailed'], 'States.Permissions', true],
    [['States.TaskFailed'], 'States.Timeout', false],
    [['States.TaskFailed'], 'States.HeartbeatTimeout', false],
    [['States.TaskFailed'], 'States.Runtime', false],
    [['States.TaskFailed'], 'States.DataLimitExceeded', false],
    [['States.Timeout'], 'States.Timeout', true],
    [['States.Timeout'], 'States.HeartbeatTimeout', true],
    [['States.HeartbeatTimeout'], 'States.Timeout', false],
    [['States.HeartbeatTimeout'], 'States.HeartbeatTimeout', true],
    [[], 'ErrorA', false],
  ])('%j covers %s → %s', (errorEquals, errorName, expected) => {
    expect(matchesErrorEquals(errorEquals, errorName)).toBe(expected);
  });
});
