import { beforeAll, describe, expect, it } from 'vitest';
import { createMachine, historyOf, run, useTestCloud } from '../support/cloud.js';
import { timeOf } from '../support/history.js';

const t = useTestCloud({
  setup: ({ cloud }) => {
    cloud.stepFunctions.lambda.register('states-lookup', (event) => ({
      found: true,
      value: (event as { id: number }).id * 10,
      noise: 'dropped by ResultSelector',
    }));
  },
});

/** Runs a one-state machine on `input` and returns the execution's description. */
async function runState(state: object, input: unknown = {}) {
  const arn = await createMachine(t.sfn, { StartAt: 'S', States: { S: state } });
  return run(t.sfn, arn, input);
}

/** The parsed output of a one-state machine that must succeed. */
async function outputOf(state: object, input: unknown = {}): Promise<unknown> {
  const result = await runState(state, input);
  expect(result.status, `${result.error}: ${result.cause}`).toBe('SUCCEEDED');
  return JSON.parse(result.output as string);
}

/**
 * Runs one Parallel branch per table row in a single execution, each row's state reading its own
 * input `$[i]`, and returns the branch outputs: one state machine for a whole table keeps the suite
 * fast. `states(i)` gives row i's states, starting at `Row{i}`.
 */
async function runRows(states: (i: number) => object, inputs: unknown[]): Promise<unknown[]> {
  const arn = await createMachine(t.sfn, {
    StartAt: 'Rows',
    States: {
      Rows: {
        Type: 'Parallel',
        Branches: inputs.map((_input, i) => ({ StartAt: `Row${i}`, States: states(i) })),
        End: true,
      },
    },
  });
  const result = await run(t.sfn, arn, inputs);
  expect(result.status, `${result.error}: ${result.cause}`).toBe('SUCCEEDED');
  return JSON.parse(result.output as string) as unknown[];
}

describe('Pass state', () => {
  const input = { comment: 'An input comment.', data: { val1: 23, val2: 17 } };

  const resultPathRows: Array<[string, string | null | undefined, unknown]> = [
    ['absent: the result replaces the input', undefined, 'Hello'],
    ['"$": the result replaces the input', '$', 'Hello'],
    ['"$.result": the result is added to the input', '$.result', { ...input, result: 'Hello' }],
    [
      '"$.data.result": the result is placed in a nested object',
      '$.data.result',
      { ...input, data: { ...input.data, result: 'Hello' } },
    ],
    ['"$.new.deep": missing objects are created', '$.new.deep', { ...input, new: { deep: 'Hello' } }],
    ['null: the result is discarded and the input passes through', null, input],
  ];
  let resultPathOutputs: unknown[];
  beforeAll(async () => {
    resultPathOutputs = await runRows(
      (i) => {
        const resultPath = resultPathRows[i]?.[1];
        const row = `Row${i}`;
        return {
          [row]: { Type: 'Pass', InputPath: `$[${i}]`, Next: `Place${i}` },
          [`Place${i}`]: {
            Type: 'Pass',
            Result: 'Hello',
            ...(resultPath !== undefined && { ResultPath: resultPath }),
            End: true,
          },
        };
      },
      resultPathRows.map(() => input),
    );
  });

  it.each(resultPathRows.map((row, i) => [...row, i] as const))(
    'places its Result by ResultPath %s',
    (_case, _resultPath, expected, i) => {
      // Assert
      expect(resultPathOutputs[i]).toEqual(expected);
    },
  );

  it('filters with InputPath and OutputPath', async () => {
    // Act
    const output = await outputOf(
      { Type: 'Pass', InputPath: '$.data', ResultPath: '$.copy', OutputPath: '$.copy', End: true },
      input,
    );

    // Assert
    expect(output).toEqual({ val1: 23, val2: 17 });
  });

  it.each([
    ['InputPath', { InputPath: null }, {}],
    ['OutputPath', { OutputPath: null }, {}],
  ])('gives {} when %s is null', async (_case, fields, expected) => {
    // Act
    const output = await outputOf({ Type: 'Pass', ...fields, End: true }, input);

    // Assert
    expect(output).toEqual(expected);
  });

  it('builds its output from Parameters: static values, paths on the input and on the context object', async () => {
    // Act
    const output = await outputOf(
      {
        Type: 'Pass',
        Parameters: {
          fixed: 'value',
          'first.$': '$.data.val1',
          'all.$': '$.data',
          nested: { 'state.$': '$$.State.Name' },
          list: [1, 'two'],
        },
        End: true,
      },
      input,
    );

    // Assert
    expect(output).toEqual({
      fixed: 'value',
      first: 23,
      all: { val1: 23, val2: 17 },
      nested: { state: 'S' },
      list: [1, 'two'],
    });
  });

  it('fails with States.Runtime when InputPath selects nothing', async () => {
    // Act
    const result = await runState({ Type: 'Pass', InputPath: '$.missing', End: true }, input);

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('fails with States.ResultPathMatchFailure when ResultPath cannot be applied to the input', async () => {
    // Act
    const result = await runState(
      { Type: 'Pass', Result: 1, ResultPath: '$.comment.count', End: true },
      input,
    );

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.ResultPathMatchFailure' });
  });
});

describe('intrinsic functions in Parameters', () => {
  const cases: Array<[string, unknown]> = [
    ["States.Format('Hello, my name is {}.', $.name)", 'Hello, my name is Ada.'],
    ['States.StringToJson(\'{"number": 20}\')', { number: 20 }],
    ['States.JsonToString($.numbers)', '[1,2,3]'],
    ["States.Array('Foo', 2020, $.name)", ['Foo', 2020, 'Ada']],
    ['States.ArrayPartition(States.ArrayRange(1, 9, 1), 4)', [[1, 2, 3, 4], [5, 6, 7, 8], [9]]],
    ['States.ArrayContains($.numbers, 2)', true],
    ['States.ArrayRange(1, 9, 2)', [1, 3, 5, 7, 9]],
    ['States.ArrayGetItem($.numbers, 1)', 2],
    ['States.ArrayLength($.numbers)', 3],
    ['States.ArrayUnique(States.Array(1, 2, 2, 3, 3, 3))', [1, 2, 3]],
    ["States.Base64Encode('Data to encode')", 'RGF0YSB0byBlbmNvZGU='],
    ["States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", 'Data to encode'],
    ["States.Hash('input data', 'SHA-1')", 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
    ['States.JsonMerge($.left, $.right, false)', { a: 1, b: 2, c: 3 }],
    ['States.MathAdd(111, -1)', 110],
    ["States.StringSplit('1,2,3', ',')", ['1', '2', '3']],
  ];
  let outputs: Record<string, unknown>;
  beforeAll(async () => {
    // One Pass state evaluates every row, each into its own field, to keep the suite fast.
    const parameters = Object.fromEntries(cases.map(([expression], i) => [`f${i}.$`, expression]));
    outputs = (await outputOf(
      { Type: 'Pass', Parameters: parameters, End: true },
      { name: 'Ada', numbers: [1, 2, 3], left: { a: 1, b: 1 }, right: { b: 2, c: 3 } },
    )) as Record<string, unknown>;
  });

  it.each(cases.map(([expression, expected], i) => [expression, expected, i] as const))(
    '%s',
    (_expression, expected, i) => {
      // Assert
      expect(outputs[`f${i}`]).toEqual(expected);
    },
  );

  it('fails with States.Runtime when a Parameters path selects nothing', async () => {
    // Act
    const result = await runState({ Type: 'Pass', Parameters: { 'x.$': '$.nothing.here' }, End: true }, {});

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });
});

describe('Choice state', () => {
  const machine = (rule: object) => ({
    StartAt: 'Pick',
    States: {
      Pick: { Type: 'Choice', Choices: [{ ...rule, Next: 'Yes' }], Default: 'No' },
      Yes: { Type: 'Pass', Result: 'yes', End: true },
      No: { Type: 'Pass', Result: 'no', End: true },
    },
  });
  const ruleRows: Array<[object, unknown, string]> = [
    [{ Variable: '$.type', StringEquals: 'Private' }, { type: 'Private' }, 'yes'],
    [{ Variable: '$.type', StringEquals: 'Private' }, { type: 'Public' }, 'no'],
    [{ Variable: '$.value', NumericGreaterThanEquals: 20 }, { value: 20 }, 'yes'],
    [{ Variable: '$.value', NumericLessThan: 20 }, { value: 20 }, 'no'],
    [{ Variable: '$.value', NumericEqualsPath: '$.other' }, { value: 3, other: 3 }, 'yes'],
    [{ Variable: '$.flag', BooleanEquals: false }, { flag: false }, 'yes'],
    [{ Variable: '$.name', StringMatches: 'log-*.txt' }, { name: 'log-2024.txt' }, 'yes'],
    [
      { Variable: '$.when', TimestampLessThan: '2030-01-01T00:00:00Z' },
      { when: '2024-06-01T12:00:00Z' },
      'yes',
    ],
    [{ Variable: '$.maybe', IsPresent: true }, {}, 'no'],
    [{ Variable: '$.maybe', IsNull: true }, { maybe: null }, 'yes'],
    [{ Variable: '$.n', IsNumeric: true }, { n: 'seven' }, 'no'],
    [
      {
        And: [
          { Variable: '$.value', NumericGreaterThanEquals: 20 },
          { Variable: '$.value', NumericLessThan: 30 },
        ],
      },
      { value: 25 },
      'yes',
    ],
    [
      {
        Or: [
          { Variable: '$.a', StringEquals: 'x' },
          { Variable: '$.b', StringEquals: 'y' },
        ],
      },
      { a: 'no', b: 'y' },
      'yes',
    ],
    [{ Not: { Variable: '$.type', StringEquals: 'Private' } }, { type: 'Private' }, 'no'],
  ];
  let ruleOutputs: unknown[];
  beforeAll(async () => {
    ruleOutputs = await runRows(
      (i) => ({
        [`Row${i}`]: {
          Type: 'Choice',
          InputPath: `$[${i}]`,
          Choices: [{ ...ruleRows[i]?.[0], Next: `Yes${i}` }],
          Default: `No${i}`,
        },
        [`Yes${i}`]: { Type: 'Pass', Result: 'yes', End: true },
        [`No${i}`]: { Type: 'Pass', Result: 'no', End: true },
      }),
      ruleRows.map(([, input]) => input),
    );
  });

  it.each(ruleRows.map((row, i) => [...row, i] as const))(
    'rule %j on %j goes to %s',
    (_rule, _input, expected, i) => {
      // Assert
      expect(ruleOutputs[i]).toBe(expected);
    },
  );

  it('fails with States.NoChoiceMatched when no rule matches and there is no Default', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Pick',
      States: {
        Pick: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 1, Next: 'One' }] },
        One: { Type: 'Succeed' },
      },
    });

    // Act
    const result = await run(t.sfn, arn, { n: 2 });

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.NoChoiceMatched' });
  });

  it('fails with States.Runtime when a rule reads a path the input lacks', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, machine({ Variable: '$.absent', StringEquals: 'x' }));

    // Act
    const result = await run(t.sfn, arn, {});

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('passes its input, filtered by InputPath and OutputPath, to the next state', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Pick',
      States: {
        Pick: {
          Type: 'Choice',
          InputPath: '$.order',
          OutputPath: '$.items',
          Choices: [{ Variable: '$.size', StringEquals: 'large', Next: 'Done' }],
        },
        Done: { Type: 'Succeed' },
      },
    });

    // Act
    const result = await run(t.sfn, arn, { order: { size: 'large', items: ['latte'] } });

    // Assert
    expect(JSON.parse(result.output as string)).toEqual(['latte']);
  });
});

describe.concurrent('Wait state', () => {
  /** Milliseconds between a Wait state's entered and exited events. */
  async function waitedMs(executionArn: string): Promise<number> {
    const history = await historyOf(t.sfn, executionArn);
    return timeOf(history, 'WaitStateExited') - timeOf(history, 'WaitStateEntered');
  }

  it.each([
    ['Seconds', { Seconds: 1 }, {}],
    ['SecondsPath', { SecondsPath: '$.delay' }, { delay: 1 }],
  ])('waits for %s and passes its input on', async (_case, fields, input) => {
    // Act
    const result = await runState({ Type: 'Wait', ...fields, End: true }, input);

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toEqual(input);
    const waited = await waitedMs(result.executionArn as string);
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(5000);
  });

  it.each([
    ['Timestamp', (at: string) => ({ fields: { Timestamp: at }, input: {} })],
    ['TimestampPath', (at: string) => ({ fields: { TimestampPath: '$.until' }, input: { until: at } })],
  ])('waits until the %s', async (_case, build) => {
    // Arrange
    const until = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000);
    const { fields, input } = build(until.toISOString().replace('.000Z', 'Z'));

    // Act
    const result = await runState({ Type: 'Wait', ...fields, End: true }, input);

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    const exited = timeOf(await historyOf(t.sfn, result.executionArn as string), 'WaitStateExited');
    expect(exited).toBeGreaterThanOrEqual(until.getTime() - 50);
    // Generous: a loaded CI machine runs timers late; early is what must never happen.
    expect(exited).toBeLessThan(until.getTime() + 4000);
  });

  it('goes on at once when the Timestamp has passed', async () => {
    // Act
    const result = await runState({ Type: 'Wait', Timestamp: '2016-03-14T01:59:00Z', End: true });

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(await waitedMs(result.executionArn as string)).toBeLessThan(500);
  });

  it('fails with States.Runtime when SecondsPath selects something other than a number', async () => {
    // Act
    const result = await runState({ Type: 'Wait', SecondsPath: '$.delay', End: true }, { delay: 'soon' });

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });
});

describe('Succeed and Fail states', () => {
  it('ends successfully with the filtered input of a Succeed state', async () => {
    // Act
    const output = await outputOf(
      { Type: 'Succeed', InputPath: '$.order', OutputPath: '$.id' },
      { order: { id: 'o-1' } },
    );

    // Assert
    expect(output).toBe('o-1');
  });

  it.each([
    ['Error and Cause', { Error: 'Order.Invalid', Cause: 'No items' }, {}, 'Order.Invalid', 'No items'],
    [
      'ErrorPath and CausePath',
      { ErrorPath: '$.problem.name', CausePath: '$.problem.detail' },
      { problem: { name: 'Order.Late', detail: 'Too slow' } },
      'Order.Late',
      'Too slow',
    ],
    [
      'intrinsic functions in ErrorPath and CausePath',
      {
        ErrorPath: "States.Format('Order.{}', $.kind)",
        CausePath: "States.Format('Order {} failed because {}', $.id, $.why)",
      },
      { kind: 'Rejected', id: 'o-7', why: 'it was cold' },
      'Order.Rejected',
      'Order o-7 failed because it was cold',
    ],
  ])('fails the execution with the %s of a Fail state', async (_case, fields, input, error, cause) => {
    // Act
    const result = await runState({ Type: 'Fail', ...fields }, input);

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error, cause });
    const history = await historyOf(t.sfn, result.executionArn as string);
    expect(history.at(-1)?.executionFailedEventDetails).toMatchObject({ error, cause });
  });
});

describe('input and output processing of a Task', () => {
  it('applies InputPath, Parameters, ResultSelector, ResultPath and OutputPath in that order', async () => {
    // Act
    const output = await outputOf(
      {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        InputPath: '$.request',
        Parameters: { FunctionName: 'states-lookup', Payload: { 'id.$': '$.id' } },
        ResultSelector: { 'value.$': '$.Payload.value', 'status.$': '$.StatusCode' },
        ResultPath: '$.request.lookup',
        OutputPath: '$.request',
        End: true,
      },
      { request: { id: 4 }, other: 'kept out by OutputPath' },
    );

    // Assert
    expect(output).toEqual({ id: 4, lookup: { value: 40, status: 200 } });
  });
});
