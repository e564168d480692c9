import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { createMachine, historyOf, run, startExecution, useTestCloud, waitForEnd } from '../support/cloud.js';
import { typesOf } from '../support/history.js';
import {
  callbackTask,
  invokeTask,
  namedError,
  recordInvocations,
  sleep,
  uniqueName,
} from '../support/lambdas.js';

const t = useTestCloud({
  setup: ({ cloud }) => {
    // Answers after `delay` ms with the event, so branches finish out of order.
    cloud.stepFunctions.lambda.register('pm-delay', async (event) => {
      await sleep((event as { delay?: number }).delay ?? 0);
      return event;
    });
    cloud.stepFunctions.lambda.register('pm-reject', (event) => {
      if ((event as { bad?: boolean }).bad) throw namedError('BadItem', `rejected ${JSON.stringify(event)}`);
      return event;
    });
  },
});

/** A lambda:invoke Task whose output is the function's answer. */
function invoke(functionName: string, fields: object = {}) {
  return invokeTask(functionName, { OutputPath: '$.Payload', ...fields });
}

/** A one-state branch or item processor; state names are unique across a state machine. */
function single(state: object) {
  const name = uniqueName('Only');
  return { StartAt: name, States: { [name]: state } };
}

describe('Parallel state', () => {
  it('gives every branch the same input and outputs their outputs in branch order', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Shape',
              States: {
                Shape: { Type: 'Pass', Parameters: { 'delay.$': '$.slow', branch: 'first' }, Next: 'Slow' },
                Slow: invoke('pm-delay'),
              },
            },
            single({ Type: 'Pass', Result: 'second', End: true }),
          ],
          End: true,
        },
      },
    });

    // Act
    const result = await run(t.sfn, arn, { slow: 200 });

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toEqual([{ delay: 200, branch: 'first' }, 'second']);
  });

  it('shapes its result with Parameters, ResultSelector, ResultPath and OutputPath', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Parameters: { 'n.$': '$.n' },
          Branches: [
            single({ Type: 'Pass', Parameters: { 'double.$': 'States.MathAdd($.n, $.n)' }, End: true }),
            single({ Type: 'Pass', InputPath: '$.n', End: true }),
          ],
          ResultSelector: { 'double.$': '$[0].double', 'same.$': '$[1]' },
          ResultPath: '$.results',
          OutputPath: '$.results',
          End: true,
        },
      },
    });

    // Act
    const result = await run(t.sfn, arn, { n: 21, other: true });

    // Assert
    expect(JSON.parse(result.output as string)).toEqual({ double: 42, same: 21 });
  });

  it('fails as a whole when one branch fails, with that branch error, which its Catch can handle', async () => {
    // Arrange
    const sink = uniqueName('pm-sink');
    const tokens = recordInvocations<{ token: string }>(t.cloud.stepFunctions.lambda, sink, () => ({}));
    const arn = await createMachine(t.sfn, {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            single(callbackTask(sink)),
            {
              StartAt: 'Pause',
              States: {
                Pause: { Type: 'Wait', Seconds: 0, Next: 'Boom' },
                Boom: { Type: 'Fail', Error: 'Branch.Broke', Cause: 'the second branch gave up' },
              },
            },
          ],
          Catch: [{ ErrorEquals: ['Branch.Broke'], ResultPath: '$.error', Next: 'Recovered' }],
          End: true,
        },
        Recovered: { Type: 'Pass', End: true },
      },
    });

    // Act
    const result = await run(t.sfn, arn, { order: 9 });

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toEqual({
      order: 9,
      error: { Error: 'Branch.Broke', Cause: 'the second branch gave up' },
    });
    const types = typesOf(await historyOf(t.sfn, result.executionArn as string));
    expect(types).toContain('ParallelStateFailed');
    expect(types).not.toContain('ParallelStateSucceeded');
    // The other branch was stopped: its task token no longer works.
    const { token } = await tokens.nth(1);
    await expect(
      t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toMatchObject({ name: 'TaskTimedOut' });
  });

  it('fails the execution with the branch error when the Parallel state does not catch it', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [single({ Type: 'Fail', Error: 'Inner', Cause: 'why' }), single({ Type: 'Succeed' })],
          End: true,
        },
      },
    });

    // Act
    const result = await run(t.sfn, arn);

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'Inner', cause: 'why' });
  });

  it('runs its branches again when a Retrier retries the Parallel state', async () => {
    // Arrange
    const name = uniqueName('pm-flaky');
    const calls = recordInvocations(t.cloud.stepFunctions.lambda, name, (event) => {
      if (calls.events.length === 1) throw namedError('Transient', 'first time');
      return event;
    });
    const arn = await createMachine(t.sfn, {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [single(invoke(name)), single({ Type: 'Pass', Result: 'b', End: true })],
          Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 1 }],
          End: true,
        },
      },
    });

    // Act
    const result = await run(t.sfn, arn, { x: 1 });

    // Assert
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '[{"x":1},"b"]' });
    const types = typesOf(await historyOf(t.sfn, result.executionArn as string));
    expect(types.filter((type) => type === 'ParallelStateStarted')).toHaveLength(2);
    expect(types.filter((type) => type === 'ParallelStateEntered')).toHaveLength(1);
  });
});

describe('Map state', () => {
  it('runs the item processor once per item of ItemsPath and keeps item order', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: single(invoke('pm-delay')),
          End: true,
        },
      },
    });

    // Act
    const result = await run(t.sfn, arn, {
      items: [
        { delay: 150, n: 1 },
        { delay: 0, n: 2 },
        { delay: 50, n: 3 },
      ],
    });

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toEqual([
      { delay: 150, n: 1 },
      { delay: 0, n: 2 },
      { delay: 50, n: 3 },
    ]);
  });

  it('builds each item input with ItemSelector from the input, $$.Map.Item.Index and $$.Map.Item.Value', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.detail.shipped',
          ItemSelector: {
            'parcel.$': '$$.Map.Item.Value',
            'index.$': '$$.Map.Item.Index',
            'delivery.$': '$.delivery',
          },
          ItemProcessor: single({ Type: 'Pass', End: true }),
          ResultSelector: { 'count.$': 'States.ArrayLength($)', 'items.$': '$' },
          ResultPath: '$.detail.processed',
          End: true,
        },
      },
    });

    // Act
    const result = await run(t.sfn, arn, {
      delivery: 'express',
      detail: { shipped: [{ prod: 'R31' }, { prod: 'S39' }] },
    });

    // Assert
    expect(JSON.parse(result.output as string)).toEqual({
      delivery: 'express',
      detail: {
        shipped: [{ prod: 'R31' }, { prod: 'S39' }],
        processed: {
          count: 2,
          items: [
            { parcel: { prod: 'R31' }, index: 0, delivery: 'express' },
            { parcel: { prod: 'S39' }, index: 1, delivery: 'express' },
          ],
        },
      },
    });
  });

  it('outputs an empty array for an empty array of items', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Each',
      States: { Each: { Type: 'Map', ItemProcessor: single({ Type: 'Pass', End: true }), End: true } },
    });

    // Act
    const result = await run(t.sfn, arn, []);

    // Assert
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '[]' });
    const types = typesOf(await historyOf(t.sfn, result.executionArn as string));
    expect(types).toEqual([
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it.each([
    [1, 1],
    [2, 2],
    [0, 5],
  ])(
    'runs at most MaxConcurrency %i iterations at a time (%i here; 0 means no limit)',
    async (maxConcurrency, expected) => {
      // Arrange
      const name = uniqueName('pm-concurrency');
      let running = 0;
      let peak = 0;
      t.cloud.stepFunctions.lambda.register(name, async (event) => {
        running++;
        peak = Math.max(peak, running);
        await sleep(60);
        running--;
        return event;
      });
      const arn = await createMachine(t.sfn, {
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            MaxConcurrency: maxConcurrency,
            ItemProcessor: single(invoke(name)),
            End: true,
          },
        },
      });

      // Act
      const result = await run(t.sfn, arn, [1, 2, 3, 4, 5]);

      // Assert
      expect(result).toMatchObject({ status: 'SUCCEEDED', output: '[1,2,3,4,5]' });
      expect(peak).toBe(expected);
    },
  );

  it('reports MapIterationFailed and MapStateFailed and hands the iteration error to Catch', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 1,
          ItemProcessor: single(invoke('pm-reject')),
          Catch: [{ ErrorEquals: ['BadItem'], ResultPath: '$.error', Next: 'Recovered' }],
          End: true,
        },
        Recovered: { Type: 'Pass', End: true },
      },
    });

    // Act
    const result = await run(t.sfn, arn, { items: [{ bad: false }, { bad: true }, { bad: false }] });

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string).error).toMatchObject({ Error: 'BadItem' });
    const types = typesOf(await historyOf(t.sfn, result.executionArn as string));
    expect(types.filter((type) => type === 'MapIterationStarted')).toHaveLength(2);
    expect(types.filter((type) => type === 'MapIterationSucceeded')).toHaveLength(1);
    expect(types).toContain('MapIterationFailed');
    expect(types).toContain('MapStateFailed');
    expect(types).not.toContain('MapStateSucceeded');
  });

  it('records iteration events with the state name and item index', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: single({ Type: 'Pass', End: true }),
          End: true,
        },
      },
    });

    // Act
    const result = await run(t.sfn, arn, ['a', 'b']);

    // Assert
    const history = await historyOf(t.sfn, result.executionArn as string);
    expect(history.find((event) => event.type === 'MapStateStarted')?.mapStateStartedEventDetails).toEqual({
      length: 2,
    });
    const iterations = history
      .filter((event) => event.type === 'MapIterationStarted')
      .map((event) => event.mapIterationStartedEventDetails);
    expect(iterations).toEqual([
      { name: 'Each', index: 0 },
      { name: 'Each', index: 1 },
    ]);
  });

  it('fails with States.Runtime when ItemsPath does not select an array', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: single({ Type: 'Pass', End: true }),
          End: true,
        },
      },
    });

    // Act
    const result = await run(t.sfn, arn, { items: 'not a list' });

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('runs a Map nested in a Parallel branch, with callback tasks per item', async () => {
    // Arrange
    const sink = uniqueName('pm-nested');
    const calls = recordInvocations<{ token: string; item: string }>(
      t.cloud.stepFunctions.lambda,
      sink,
      () => ({}),
    );
    const arn = await createMachine(t.sfn, {
      StartAt: 'Outer',
      States: {
        Outer: {
          Type: 'Parallel',
          Branches: [
            single({
              Type: 'Map',
              ItemProcessor: single({
                Type: 'Task',
                Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
                Parameters: { FunctionName: sink, Payload: { 'token.$': '$$.Task.Token', 'item.$': '$' } },
                End: true,
              }),
              End: true,
            }),
          ],
          End: true,
        },
      },
    });
    const executionArn = await startExecution(t.sfn, arn, ['x', 'y']);
    const invocations = [await calls.nth(1), await calls.nth(2)];

    // Act
    for (const { token, item } of invocations) {
      await t.sfn.send(
        new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(item.toUpperCase()) }),
      );
    }

    // Assert
    expect(new Set(invocations.map((invocation) => invocation.token)).size).toBe(2);
    const result = await waitForEnd(t.sfn, executionArn);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '[["X","Y"]]' });
  });
});
