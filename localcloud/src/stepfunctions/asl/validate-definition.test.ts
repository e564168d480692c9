import { describe, expect, it } from 'vitest';
import { validateDefinition } from './validate-definition.js';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:FailFunction';

/** A one-Task machine whose Task carries the given extra fields. */
function task(fields: object): object {
  return {
    StartAt: 'HelloWorld',
    States: {
      HelloWorld: { Type: 'Task', Resource: LAMBDA, Next: 'fallback', ...fields },
      fallback: { Type: 'Pass', Result: 'Hello, AWS Step Functions!', End: true },
    },
  };
}

const good: [string, object][] = [
  // Examples of https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
  [
    'Retry of a failing Lambda',
    {
      Comment: 'A Hello World example of the Amazon States Language using an AWS Lambda function',
      StartAt: 'HelloWorld',
      States: {
        HelloWorld: {
          Type: 'Task',
          Resource: LAMBDA,
          Retry: [{ ErrorEquals: ['HandledError'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2.0 }],
          End: true,
        },
      },
    },
  ],
  ['Catch to a fallback state', task({ Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'fallback' }] })],
  [
    'every Retrier field, States.ALL last',
    task({
      Retry: [
        { ErrorEquals: ['States.Timeout'], MaxAttempts: 0 },
        {
          ErrorEquals: ['States.ALL'],
          IntervalSeconds: 3,
          BackoffRate: 1.5,
          MaxDelaySeconds: 10,
          JitterStrategy: 'FULL',
        },
      ],
      Catch: [
        { ErrorEquals: ['java.lang.Exception'], ResultPath: '$.error-info', Next: 'fallback' },
        { ErrorEquals: ['States.ALL'], Next: 'fallback' },
      ],
    }),
  ],
  [
    // "ChoiceStateX" of https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
    'a Choice state with nested rules, timestamps and a Default',
    {
      StartAt: 'ChoiceStateX',
      States: {
        ChoiceStateX: {
          Type: 'Choice',
          Choices: [
            { Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' },
            { Variable: '$.value', NumericEquals: 0, Next: 'ValueIsZero' },
            {
              And: [
                { Variable: '$.value', NumericGreaterThanEquals: 20 },
                { Variable: '$.value', NumericLessThan: 30 },
              ],
              Next: 'ValueInTwenties',
            },
            { Variable: '$.foo', TimestampEquals: '2001-01-01T12:00:00Z', Next: 'Public' },
            { Variable: '$.foo', StringMatches: 'log-*.txt', Next: 'Public' },
          ],
          Default: 'DefaultState',
        },
        Public: { Type: 'Pass', Next: 'NextState' },
        ValueIsZero: { Type: 'Pass', Next: 'NextState' },
        ValueInTwenties: { Type: 'Pass', Next: 'NextState' },
        NextState: { Type: 'Succeed' },
        DefaultState: { Type: 'Fail', Cause: 'No Matches!' },
      },
    },
  ],
  [
    'a Parallel state whose branches reuse no outer names',
    {
      StartAt: 'LookupCustomerInfo',
      States: {
        LookupCustomerInfo: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'LookupAddress',
              States: { LookupAddress: { Type: 'Task', Resource: LAMBDA, End: true } },
            },
            {
              StartAt: 'LookupPhone',
              States: { LookupPhone: { Type: 'Task', Resource: LAMBDA, End: true } },
            },
          ],
          Next: 'NextState',
        },
        NextState: { Type: 'Succeed' },
      },
    },
  ],
  [
    'a Map state with an ItemProcessor',
    {
      StartAt: 'EachItem',
      States: {
        EachItem: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: {
            StartAt: 'Work',
            States: { Work: { Type: 'Pass', Next: 'Done' }, Done: { Type: 'Succeed' } },
          },
          End: true,
        },
      },
    },
  ],
  [
    'a payload with a field named States',
    { StartAt: 'A', States: { A: { Type: 'Pass', Result: { States: { CA: 'California' } }, End: true } } },
  ],
  [
    'context-object paths and $$ in Choice',
    {
      StartAt: 'A',
      States: {
        A: {
          Type: 'Choice',
          Choices: [{ Variable: '$$.Execution.Name', StringEquals: 'x', Next: 'B' }],
          Default: 'B',
        },
        B: { Type: 'Succeed' },
      },
    },
  ],
];

const bad: [string, string, string[]][] = [
  ['malformed JSON', '{"StartAt": ', ['INVALID_JSON_DESCRIPTION: ']],
  ['not an object', '[]', ['SCHEMA_VALIDATION_FAILED: The definition must be a JSON object at /']],
  [
    'no StartAt',
    JSON.stringify({ States: { A: { Type: 'Pass', End: true } } }),
    ["SCHEMA_VALIDATION_FAILED: must have required property 'StartAt' at /"],
  ],
  [
    'StartAt naming no state',
    JSON.stringify({ StartAt: 'Z', States: { A: { Type: 'Pass', End: true } } }),
    [
      "MISSING_TRANSITION_TARGET: Missing 'StartAt' target: Z at /StartAt",
      'MISSING_TRANSITION_TARGET: State "A" is not reachable. at /States/A',
    ],
  ],
  [
    'Next naming no state',
    JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, C: { Type: 'Succeed' } } }),
    [
      "MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /States/A/Next",
      'MISSING_TRANSITION_TARGET: State "C" is not reachable. at /States/C',
    ],
  ],
  [
    'a loop with no end',
    JSON.stringify({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Wait', Seconds: 1, Next: 'A' } },
    }),
    ['MISSING_TERMINAL_STATE: No state ends the state machine (End, Succeed or Fail) at /'],
  ],
  [
    'an unreachable state',
    JSON.stringify({
      StartAt: 'A',
      States: { A: { Type: 'Pass', End: true }, B: { Type: 'Pass', End: true } },
    }),
    ['MISSING_TRANSITION_TARGET: State "B" is not reachable. at /States/B'],
  ],
  [
    'Default and Catch naming no state',
    JSON.stringify({
      StartAt: 'A',
      States: {
        A: { Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true, Next: 'B' }], Default: 'Gone' },
        B: {
          Type: 'Task',
          Resource: LAMBDA,
          End: true,
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Lost' }],
        },
      },
    }),
    [
      "MISSING_TRANSITION_TARGET: Missing 'Default' target: Gone at /States/A/Default",
      "MISSING_TRANSITION_TARGET: Missing 'Next' target: Lost at /States/B/Catch/0/Next",
    ],
  ],
  [
    'a Parallel branch leaving its branch',
    JSON.stringify({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', Next: 'Done' } } }],
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    }),
    [
      "MISSING_TRANSITION_TARGET: Missing 'Next' target: Done at /States/P/Branches/0/States/X/Next",
      'MISSING_TERMINAL_STATE: No state ends the state machine (End, Succeed or Fail) at /States/P/Branches/0',
    ],
  ],
  [
    'a Map processor leaving its processor',
    JSON.stringify({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'X', States: { X: { Type: 'Pass', Next: 'M' } } },
          End: true,
        },
      },
    }),
    [
      "MISSING_TRANSITION_TARGET: Missing 'Next' target: M at /States/M/ItemProcessor/States/X/Next",
      'MISSING_TERMINAL_STATE: No state ends the state machine (End, Succeed or Fail) at /States/M/ItemProcessor',
    ],
  ],
  [
    'States.ALL with other errors',
    JSON.stringify(task({ Retry: [{ ErrorEquals: ['States.ALL', 'HandledError'] }] })),
    [
      'SCHEMA_VALIDATION_FAILED: States.ALL must appear alone in ErrorEquals at /States/HelloWorld/Retry/0/ErrorEquals',
    ],
  ],
  [
    'States.ALL in a Retrier that is not the last',
    JSON.stringify(task({ Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['HandledError'] }] })),
    [
      'SCHEMA_VALIDATION_FAILED: A Retrier with States.ALL must be the last one at /States/HelloWorld/Retry/0',
    ],
  ],
  [
    'States.ALL in a Catcher that is not the last',
    JSON.stringify(
      task({
        Catch: [
          { ErrorEquals: ['States.ALL'], Next: 'fallback' },
          { ErrorEquals: ['States.Timeout'], Next: 'fallback' },
        ],
      }),
    ),
    [
      'SCHEMA_VALIDATION_FAILED: A Catcher with States.ALL must be the last one at /States/HelloWorld/Catch/0',
    ],
  ],
  [
    'an empty ErrorEquals',
    JSON.stringify(task({ Retry: [{ ErrorEquals: [] }] })),
    [
      'SCHEMA_VALIDATION_FAILED: ErrorEquals must be a non-empty array at /States/HelloWorld/Retry/0/ErrorEquals',
    ],
  ],
  [
    'Retrier fields out of range',
    JSON.stringify(
      task({
        Retry: [
          {
            ErrorEquals: ['HandledError'],
            IntervalSeconds: 0,
            MaxAttempts: 1.5,
            BackoffRate: 0.5,
            MaxDelaySeconds: 31_622_401,
            JitterStrategy: 'PARTIAL',
          },
        ],
      }),
    ),
    [
      'SCHEMA_VALIDATION_FAILED: IntervalSeconds must be an integer from 1 to 99999999 at /States/HelloWorld/Retry/0/IntervalSeconds',
      'SCHEMA_VALIDATION_FAILED: MaxAttempts must be an integer from 0 to 99999999 at /States/HelloWorld/Retry/0/MaxAttempts',
      'SCHEMA_VALIDATION_FAILED: MaxDelaySeconds must be an integer from 1 to 31622400 at /States/HelloWorld/Retry/0/MaxDelaySeconds',
      'SCHEMA_VALIDATION_FAILED: BackoffRate must be a number of at least 1.0 at /States/HelloWorld/Retry/0/BackoffRate',
      'SCHEMA_VALIDATION_FAILED: JitterStrategy must be one of FULL, NONE at /States/HelloWorld/Retry/0/JitterStrategy',
    ],
  ],
  [
    'Next inside a nested Choice Rule',
    JSON.stringify({
      StartAt: 'A',
      States: {
        A: { Type: 'Choice', Choices: [{ Not: { Variable: '$.a', IsNull: true, Next: 'B' }, Next: 'B' }] },
        B: { Type: 'Succeed' },
      },
    }),
    [
      'SCHEMA_VALIDATION_FAILED: Next is allowed only in a top-level Choice Rule at /States/A/Choices/0/Not/Next',
    ],
  ],
  [
    'a literal timestamp that is not RFC3339',
    JSON.stringify({
      StartAt: 'A',
      States: {
        A: {
          Type: 'Choice',
          Choices: [{ And: [{ Variable: '$.t', TimestampLessThan: '2016-08-18 17:33' }], Next: 'B' }],
        },
        B: { Type: 'Succeed' },
      },
    }),
    [
      "SCHEMA_VALIDATION_FAILED: '2016-08-18 17:33' is not an RFC3339 timestamp such as 2016-08-18T17:33:00Z at /States/A/Choices/0/And/0/TimestampLessThan",
    ],
  ],
  [
    'a Choice Rule without a comparison',
    JSON.stringify({
      StartAt: 'A',
      States: { A: { Type: 'Choice', Choices: [{ Variable: '$.a', Next: 'B' }] }, B: { Type: 'Succeed' } },
    }),
    ['SCHEMA_VALIDATION_FAILED: must match exactly one schema in oneOf at /States/A/Choices/0'],
  ],
  [
    'an invalid JSONPath',
    JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', InputPath: 'foo', End: true } } }),
    ['SCHEMA_VALIDATION_FAILED: must match format "asl_path" at /States/A/InputPath'],
  ],
  [
    'JSONata for the whole machine',
    JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }),
    ['UNSUPPORTED_QUERY_LANGUAGE: JSONata is not supported by this engine; use JSONPath at /QueryLanguage'],
  ],
  [
    'JSONata for one state',
    JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', QueryLanguage: 'JSONata', End: true } } }),
    [
      'UNSUPPORTED_QUERY_LANGUAGE: JSONata is not supported by this engine; use JSONPath at /States/A/QueryLanguage',
    ],
  ],
  [
    'a state that is not an object',
    JSON.stringify({ StartAt: 'A', States: { A: 'Pass' } }),
    ['SCHEMA_VALIDATION_FAILED: A state must be an object at /States/A'],
  ],
  [
    'duplicate state names across branches',
    JSON.stringify({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'X', States: { X: { Type: 'Pass', End: true } } },
            { StartAt: 'X', States: { X: { Type: 'Pass', End: true } } },
          ],
          End: true,
        },
      },
    }),
    ['DUPLICATE_STATE_NAMES: A state with this name already exists: X'],
  ],
];

describe('validateDefinition', () => {
  it.each(good)('accepts %s', (_name, definition) => {
    const result = validateDefinition(JSON.stringify(definition));

    expect(result).toEqual({ ok: true, definition });
  });

  it.each(bad)('refuses %s', (_name, definition, expected) => {
    const result = validateDefinition(definition);

    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    for (const problem of expected) {
      expect(problems.some((found) => found.startsWith(problem))).toBe(true);
    }
    expect(problems).toHaveLength(expected.length);
  });

  it('does not let asl-validator write into the returned definition', () => {
    const result = validateDefinition(
      JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }),
    );

    expect(result.ok && result.definition.States.A).toEqual({ Type: 'Pass', End: true });
  });
});
