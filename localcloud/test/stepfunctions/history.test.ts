import { GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { createMachine, historyOf, run, useTestCloud } from '../support/cloud.js';
import { typesOf } from '../support/history.js';
import { functionArn, namedError } from '../support/lambdas.js';

const t = useTestCloud({
  setup: ({ cloud }) => {
    cloud.stepFunctions.lambda.register('history-echo', (event) => event);
    cloud.stepFunctions.lambda.register('history-boom', () => {
      throw namedError('Boom', 'it went off');
    });
  },
});

/** Runs a machine on an input and returns the execution's whole history. */
async function historyOfRun(definition: object, input: unknown = {}): Promise<HistoryEvent[]> {
  const arn = await createMachine(t.sfn, definition);
  const result = await run(t.sfn, arn, input);
  return historyOf(t.sfn, result.executionArn as string);
}

describe('history event types in order', () => {
  it.each([
    [
      'Pass then Succeed',
      { StartAt: 'P', States: { P: { Type: 'Pass', Next: 'S' }, S: { Type: 'Succeed' } } },
      [
        'ExecutionStarted',
        'PassStateEntered',
        'PassStateExited',
        'SucceedStateEntered',
        'SucceedStateExited',
        'ExecutionSucceeded',
      ],
    ],
    [
      'a Fail state',
      { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E', Cause: 'C' } } },
      ['ExecutionStarted', 'FailStateEntered', 'ExecutionFailed'],
    ],
    [
      'a Wait state',
      { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 0, End: true } } },
      ['ExecutionStarted', 'WaitStateEntered', 'WaitStateExited', 'ExecutionSucceeded'],
    ],
    [
      'a Choice state',
      {
        StartAt: 'C',
        States: {
          C: {
            Type: 'Choice',
            Choices: [{ Variable: '$.go', BooleanEquals: true, Next: 'S' }],
            Default: 'S',
          },
          S: { Type: 'Succeed' },
        },
      },
      [
        'ExecutionStarted',
        'ChoiceStateEntered',
        'ChoiceStateExited',
        'SucceedStateEntered',
        'SucceedStateExited',
        'ExecutionSucceeded',
      ],
      { go: true },
    ],
    [
      'an optimized lambda:invoke Task',
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'history-echo', 'Payload.$': '$' },
            End: true,
          },
        },
      },
      [
        'ExecutionStarted',
        'TaskStateEntered',
        'TaskScheduled',
        'TaskStarted',
        'TaskSucceeded',
        'TaskStateExited',
        'ExecutionSucceeded',
      ],
    ],
    [
      'a Task on a Lambda function ARN',
      { StartAt: 'T', States: { T: { Type: 'Task', Resource: functionArn('history-echo'), End: true } } },
      [
        'ExecutionStarted',
        'TaskStateEntered',
        'LambdaFunctionScheduled',
        'LambdaFunctionStarted',
        'LambdaFunctionSucceeded',
        'TaskStateExited',
        'ExecutionSucceeded',
      ],
    ],
    [
      'a failing Task on a Lambda function ARN',
      { StartAt: 'T', States: { T: { Type: 'Task', Resource: functionArn('history-boom'), End: true } } },
      [
        'ExecutionStarted',
        'TaskStateEntered',
        'LambdaFunctionScheduled',
        'LambdaFunctionStarted',
        'LambdaFunctionFailed',
        'ExecutionFailed',
      ],
    ],
    [
      'a Task whose error is caught',
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'history-boom' },
            Catch: [{ ErrorEquals: ['Boom'], Next: 'Handled' }],
            End: true,
          },
          Handled: { Type: 'Pass', End: true },
        },
      },
      [
        'ExecutionStarted',
        'TaskStateEntered',
        'TaskScheduled',
        'TaskStarted',
        'TaskFailed',
        'TaskStateExited',
        'PassStateEntered',
        'PassStateExited',
        'ExecutionSucceeded',
      ],
    ],
    [
      'a Parallel state',
      {
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }],
            End: true,
          },
        },
      },
      [
        'ExecutionStarted',
        'ParallelStateEntered',
        'ParallelStateStarted',
        'PassStateEntered',
        'PassStateExited',
        'ParallelStateSucceeded',
        'ParallelStateExited',
        'ExecutionSucceeded',
      ],
    ],
    [
      'a Map state over one item',
      {
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            ItemProcessor: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
            End: true,
          },
        },
      },
      [
        'ExecutionStarted',
        'MapStateEntered',
        'MapStateStarted',
        'MapIterationStarted',
        'PassStateEntered',
        'PassStateExited',
        'MapIterationSucceeded',
        'MapStateSucceeded',
        'MapStateExited',
        'ExecutionSucceeded',
      ],
      [1],
    ],
  ])('for %s', async (_case, definition, expected, input?: unknown) => {
    // Act
    const history = await historyOfRun(definition, input ?? {});

    // Assert
    expect(typesOf(history)).toEqual(expected);
  });
});

describe('history event fields', () => {
  it('numbers events from 1 and links each to the one before it, with timestamps in order', async () => {
    // Act
    const history = await historyOfRun({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } },
    });

    // Assert
    expect(history.map((event) => event.id)).toEqual(history.map((_event, i) => i + 1));
    expect(history[0]?.previousEventId).toBe(0);
    for (const [i, event] of history.entries()) {
      expect(event.timestamp).toBeInstanceOf(Date);
      if (i > 0) {
        expect(event.previousEventId).toBe(i);
        expect(event.timestamp?.getTime()).toBeGreaterThanOrEqual(history[i - 1]?.timestamp?.getTime() ?? 0);
      }
    }
  });

  it('records inputs, outputs, names and task details', async () => {
    // Act
    const history = await historyOfRun(
      {
        StartAt: 'Call',
        States: {
          Call: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'history-echo', 'Payload.$': '$' },
            OutputPath: '$.Payload',
            End: true,
          },
        },
      },
      { order: 7 },
    );

    // Assert
    const byType = (type: string) => history.find((event) => event.type === type) as HistoryEvent;
    expect(JSON.parse(byType('ExecutionStarted').executionStartedEventDetails?.input as string)).toEqual({
      order: 7,
    });
    expect(byType('TaskStateEntered').stateEnteredEventDetails).toMatchObject({ name: 'Call' });
    expect(JSON.parse(byType('TaskStateEntered').stateEnteredEventDetails?.input as string)).toEqual({
      order: 7,
    });
    expect(byType('TaskScheduled').taskScheduledEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke',
      region: 'us-east-1',
    });
    expect(JSON.parse(byType('TaskScheduled').taskScheduledEventDetails?.parameters as string)).toEqual({
      FunctionName: 'history-echo',
      Payload: { order: 7 },
    });
    expect(byType('TaskStarted').taskStartedEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke',
    });
    expect(JSON.parse(byType('TaskSucceeded').taskSucceededEventDetails?.output as string)).toMatchObject({
      Payload: { order: 7 },
    });
    expect(byType('TaskStateExited').stateExitedEventDetails).toMatchObject({ name: 'Call' });
    expect(JSON.parse(byType('TaskStateExited').stateExitedEventDetails?.output as string)).toEqual({
      order: 7,
    });
    expect(JSON.parse(byType('ExecutionSucceeded').executionSucceededEventDetails?.output as string)).toEqual(
      {
        order: 7,
      },
    );
  });

  it('records the error and cause of a failed task and of the failed execution', async () => {
    // Act
    const history = await historyOfRun({
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'history-boom' },
          End: true,
        },
      },
    });

    // Assert
    const failed = history.find((event) => event.type === 'TaskFailed');
    expect(failed?.taskFailedEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke',
      error: 'Boom',
    });
    expect(JSON.parse(failed?.taskFailedEventDetails?.cause as string)).toMatchObject({
      errorType: 'Boom',
      errorMessage: 'it went off',
    });
    expect(history.at(-1)?.executionFailedEventDetails).toMatchObject({ error: 'Boom' });
  });
});

describe('GetExecutionHistory', () => {
  const fivePasses = {
    StartAt: 'A',
    States: {
      A: { Type: 'Pass', Next: 'B' },
      B: { Type: 'Pass', Next: 'C' },
      C: { Type: 'Pass', End: true },
    },
  };

  it('pages through the history with maxResults and nextToken, each event once', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, fivePasses);
    const { executionArn } = await run(t.sfn, arn);
    const whole = await historyOf(t.sfn, executionArn as string);

    // Act
    const ids: number[] = [];
    let nextToken: string | undefined;
    do {
      const page = await t.sfn.send(
        new GetExecutionHistoryCommand({ executionArn, maxResults: 3, nextToken }),
      );
      expect(page.events?.length).toBeLessThanOrEqual(3);
      ids.push(...(page.events ?? []).map((event) => event.id as number));
      nextToken = page.nextToken;
    } while (nextToken);

    // Assert
    expect(ids).toEqual(whole.map((event) => event.id));
  });

  it('lists the newest event first with reverseOrder', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, fivePasses);
    const { executionArn } = await run(t.sfn, arn);
    const whole = await historyOf(t.sfn, executionArn as string);

    // Act
    const first = await t.sfn.send(
      new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 4 }),
    );
    const second = await t.sfn.send(
      new GetExecutionHistoryCommand({
        executionArn,
        reverseOrder: true,
        maxResults: 4,
        nextToken: first.nextToken,
      }),
    );

    // Assert
    const reversed = [...(first.events ?? []), ...(second.events ?? [])].map((event) => event.id);
    expect(reversed).toEqual(
      whole
        .map((event) => event.id)
        .reverse()
        .slice(0, reversed.length),
    );
    expect(first.events?.[0]?.type).toBe('ExecutionSucceeded');
  });

  it('leaves out inputs and outputs when includeExecutionData is false', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, fivePasses);
    const { executionArn } = await run(t.sfn, arn, { secret: 'x' });

    // Act
    const page = await t.sfn.send(
      new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false }),
    );

    // Assert
    const events = page.events ?? [];
    expect(events[0]?.executionStartedEventDetails?.input).toBeUndefined();
    expect(events[1]?.stateEnteredEventDetails).toMatchObject({ name: 'A' });
    expect(events[1]?.stateEnteredEventDetails?.input).toBeUndefined();
    expect(events.at(-1)?.executionSucceededEventDetails?.output).toBeUndefined();
  });

  it('answers ExecutionDoesNotExist for an unknown execution', async () => {
    // Act
    const page = t.sfn.send(
      new GetExecutionHistoryCommand({
        executionArn: 'arn:aws:states:us-east-1:000000000000:execution:nobody:nothing',
      }),
    );

    // Assert
    await expect(page).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
  });
});
