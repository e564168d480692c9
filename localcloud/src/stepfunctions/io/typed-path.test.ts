import { describe, expect, it } from 'vitest';
import { readTypedPath } from './typed-path.js';

/** Asserts `act` throws a StatesError with this ASL name and a cause containing `cause`. */
function expectStatesError(act: () => unknown, name: string, cause: string): void {
  expect(act).toThrow(expect.objectContaining({ name, cause: expect.stringContaining(cause) }));
}

describe('readTypedPath', () => {
  it.each([
    // "look up the timestamp from data that might look like { "expirydate": "2016-03-14T01:59:00Z" }:
    // "TimestampPath": "$.expirydate"" — states-language.net, Wait State.
    [
      'TimestampPath',
      '$.expirydate',
      { expirydate: '2016-03-14T01:59:00Z' },
      'timestamp',
      '2016-03-14T01:59:00Z',
    ],
    [
      'TimestampPath',
      '$.t',
      { t: '2016-03-14T01:59:00.123+02:00' },
      'timestamp',
      '2016-03-14T01:59:00.123+02:00',
    ],
    // "SecondsPath ... MUST select a field whose value is a non-negative integer."
    ['SecondsPath', '$.seconds', { seconds: 10 }, 'nonNegativeInteger', 10],
    ['SecondsPath', '$.seconds', { seconds: 0 }, 'nonNegativeInteger', 0],
    // "TimeoutSecondsPath" and "HeartbeatSecondsPath" "MUST select fields whose values are positive integers."
    ['TimeoutSecondsPath', '$.timeout', { timeout: 300 }, 'positiveInteger', 300],
    ['HeartbeatSecondsPath', '$.config.heartbeat', { config: { heartbeat: 60 } }, 'positiveInteger', 60],
    ['MaxConcurrencyPath', '$.max', { max: 0 }, 'nonNegativeInteger', 0],
    ['ToleratedFailurePercentagePath', '$.p', { p: 12.5 }, 'percentage', 12.5],
    ['ItemsPath', '$.items', { items: [1, 2] }, 'array', [1, 2]],
    ['ItemsPath', '$$.Execution.Input.items', {}, 'array', ['from context']],
    ['ErrorPath', '$.error', { error: 'Oops' }, 'string', 'Oops'],
  ] as const)('%s %s', (field, path, input, kind, expected) => {
    const context = { Execution: { Input: { items: ['from context'] } } };
    expect(readTypedPath(field, path, input, context, kind)).toEqual(expected);
  });

  // "You can also specify CausePath using an intrinsic function that returns a string." — AWS, Fail state.
  it('accepts an intrinsic function when allowed', () => {
    expect(
      readTypedPath('CausePath', "States.Format('failed: {}', $.why)", { why: 'disk' }, {}, 'string', {
        allowIntrinsic: true,
      }),
    ).toBe('failed: disk');
  });

  it.each([
    [
      'SecondsPath',
      '$.s',
      { s: -1 },
      'nonNegativeInteger',
      'must select a non-negative integer, but selected -1',
    ],
    [
      'SecondsPath',
      '$.s',
      { s: 1.5 },
      'nonNegativeInteger',
      'must select a non-negative integer, but selected 1.5',
    ],
    [
      'SecondsPath',
      '$.s',
      { s: '10' },
      'nonNegativeInteger',
      'must select a non-negative integer, but selected "10"',
    ],
    [
      'TimeoutSecondsPath',
      '$.t',
      { t: 0 },
      'positiveInteger',
      'must select a positive integer, but selected 0',
    ],
    [
      'HeartbeatSecondsPath',
      '$.h',
      { h: null },
      'positiveInteger',
      'must select a positive integer, but selected null',
    ],
    ['TimestampPath', '$.t', { t: 'tomorrow' }, 'timestamp', 'must select an RFC 3339 timestamp'],
    ['TimestampPath', '$.t', { t: '2016-03-14t01:59:00z' }, 'timestamp', 'must select an RFC 3339 timestamp'],
    ['TimestampPath', '$.t', { t: '2016-02-30T01:59:00' }, 'timestamp', 'must select an RFC 3339 timestamp'],
    ['ItemsPath', '$.items', { items: { a: 1 } }, 'array', 'must select an array'],
    [
      'ToleratedFailurePercentagePath',
      '$.p',
      { p: 101 },
      'percentage',
      'must select a number between 0 and 100',
    ],
    ['ErrorPath', '$.e', { e: 1 }, 'string', 'must select a string'],
    [
      'SecondsPath',
      '$.missing',
      {},
      'nonNegativeInteger',
      "Invalid path '$.missing' for SecondsPath : No results for path: $['missing']",
    ],
    ['ItemsPath', '$.items[*]', { items: [] }, 'array', 'The ItemsPath must be a reference path'],
    ['CausePath', "States.Format('x')", {}, 'string', 'The CausePath must be a reference path'],
  ] as const)('%s %s on %j fails with States.Runtime', (field, path, input, kind, cause) => {
    expectStatesError(() => readTypedPath(field, path, input, {}, kind), 'States.Runtime', cause);
  });
});
