import { describe, expect, it } from 'vitest';
import { createMachine, historyOf, run, useTestCloud } from '../support/cloud.js';
import { timeOf, typesOf } from '../support/history.js';
import { functionArn, invokeTask, namedError, recordInvocations, uniqueName } from '../support/lambdas.js';

const t = useTestCloud({
  setup: ({ cloud }) => {
    cloud.stepFunctions.lambda.register('errors-custom', () => {
      throw namedError('CustomError', 'This is a custom error!');
    });
    cloud.stepFunctions.lambda.register('errors-plain', () => {
      throw new Error('plain failure');
    });
    cloud.stepFunctions.lambda.register('errors-ok', () => ({ fine: true }));
  },
});

/** A machine whose Task `Call` may fall back to `Caught` (which outputs its input). */
function withFallback(task: object) {
  return { StartAt: 'Call', States: { Call: task, Caught: { Type: 'Pass', End: true } } };
}

describe('Catch', () => {
  it('catches a Lambda function error by its errorType and passes the error output on by ResultPath', async () => {
    // Arrange
    const arn = await createMachine(
      t.sfn,
      withFallback(
        invokeTask('errors-custom', {
          Catch: [{ ErrorEquals: ['CustomError'], ResultPath: '$.error', Next: 'Caught' }],
        }),
      ),
    );

    // Act
    const result = await run(t.sfn, arn, { order: 1 });

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    const output = JSON.parse(result.output as string);
    expect(output).toMatchObject({ order: 1, error: { Error: 'CustomError' } });
    expect(JSON.parse(output.error.Cause)).toMatchObject({
      errorType: 'CustomError',
      errorMessage: 'This is a custom error!',
    });
  });

  it('replaces the input with the error output when the Catcher has no ResultPath', async () => {
    // Arrange
    const arn = await createMachine(
      t.sfn,
      withFallback(invokeTask('errors-custom', { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }] })),
    );

    // Act
    const result = await run(t.sfn, arn, { order: 1 });

    // Assert
    expect(Object.keys(JSON.parse(result.output as string)).sort()).toEqual(['Cause', 'Error']);
  });

  it('uses the first Catcher, in order, whose ErrorEquals matches', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Call',
      States: {
        Call: invokeTask('errors-custom', {
          Catch: [
            { ErrorEquals: ['SomethingElse'], Next: 'Wrong' },
            { ErrorEquals: ['CustomError', 'Other'], Next: 'Right' },
            { ErrorEquals: ['States.ALL'], Next: 'Wrong' },
          ],
        }),
        Right: { Type: 'Pass', Result: 'right', End: true },
        Wrong: { Type: 'Pass', Result: 'wrong', End: true },
      },
    });

    // Act
    const result = await run(t.sfn, arn);

    // Assert
    expect(result.output).toBe('"right"');
  });

  it.each([
    ['the exact error name', 'errors-custom', 'CustomError', true],
    ['States.ALL', 'errors-custom', 'States.ALL', true],
    ['States.TaskFailed', 'errors-custom', 'States.TaskFailed', true],
    ['another name', 'errors-custom', 'OtherError', false],
    ['the name in another case (names are case-sensitive)', 'errors-custom', 'customerror', false],
    ['"Error" for a plain Error thrown by the function', 'errors-plain', 'Error', true],
  ])('ErrorEquals with %s', async (_case, functionName, errorName, caught) => {
    // Arrange
    const arn = await createMachine(
      t.sfn,
      withFallback(invokeTask(functionName, { Catch: [{ ErrorEquals: [errorName], Next: 'Caught' }] })),
    );

    // Act
    const result = await run(t.sfn, arn);

    // Assert
    expect(result.status).toBe(caught ? 'SUCCEEDED' : 'FAILED');
  });

  it('does not catch States.Runtime, even with States.ALL', async () => {
    // Arrange: a Parameters path that selects nothing is a States.Runtime error.
    const arn = await createMachine(
      t.sfn,
      withFallback({
        ...invokeTask('errors-ok', { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }] }),
        Parameters: { FunctionName: 'errors-ok', 'Payload.$': '$.not.there' },
      }),
    );

    // Act
    const result = await run(t.sfn, arn);

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  it('catches States.ResultPathMatchFailure when a Task result cannot be placed in its input', async () => {
    // Arrange
    const arn = await createMachine(
      t.sfn,
      withFallback(
        invokeTask('errors-ok', {
          ResultPath: '$.text.result',
          Catch: [{ ErrorEquals: ['States.ResultPathMatchFailure'], ResultPath: '$.error', Next: 'Caught' }],
        }),
      ),
    );

    // Act
    const result = await run(t.sfn, arn, { text: 'a string' });

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toMatchObject({
      text: 'a string',
      error: { Error: 'States.ResultPathMatchFailure' },
    });
  });

  it('fails with States.DataLimitExceeded, which States.ALL does not catch, when a task result is over 256 KiB', async () => {
    // Arrange
    t.cloud.stepFunctions.lambda.register('errors-huge', () => 'x'.repeat(300 * 1024));
    const arn = await createMachine(
      t.sfn,
      withFallback({
        Type: 'Task',
        Resource: functionArn('errors-huge'),
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
        End: true,
      }),
    );

    // Act
    const result = await run(t.sfn, arn);

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });

  it('fails the execution with the error and cause of an uncaught task error', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Call',
      States: { Call: invokeTask('errors-custom') },
    });

    // Act
    const result = await run(t.sfn, arn);

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'CustomError' });
    expect(JSON.parse(result.cause as string)).toMatchObject({ errorMessage: 'This is a custom error!' });
  });
});

describe('Retry', () => {
  it('does not retry when MaxAttempts is 0', async () => {
    // Arrange
    const name = uniqueName('errors-never');
    const calls = recordInvocations(t.cloud.stepFunctions.lambda, name, () => {
      throw namedError('Broken', 'no retry');
    });
    const arn = await createMachine(t.sfn, {
      StartAt: 'Call',
      States: { Call: invokeTask(name, { Retry: [{ ErrorEquals: ['Broken'], MaxAttempts: 0 }] }) },
    });

    // Act
    const result = await run(t.sfn, arn);

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'Broken' });
    expect(calls.events).toHaveLength(1);
  });

  it('applies only the first Retrier whose ErrorEquals matches', async () => {
    // Arrange
    const name = uniqueName('errors-first-retrier');
    const calls = recordInvocations(t.cloud.stepFunctions.lambda, name, () => {
      throw namedError('Broken', 'first retrier wins');
    });
    const arn = await createMachine(t.sfn, {
      StartAt: 'Call',
      States: {
        Call: invokeTask(name, {
          Retry: [
            { ErrorEquals: ['Broken'], MaxAttempts: 0 },
            { ErrorEquals: ['States.ALL'], MaxAttempts: 3, IntervalSeconds: 1 },
          ],
        }),
      },
    });

    // Act
    const result = await run(t.sfn, arn);

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'Broken' });
    expect(calls.events).toHaveLength(1);
  });
});

describe.concurrent('Retry intervals', () => {
  it('retries a failed task and goes on when the retry succeeds', async () => {
    // Arrange
    const name = uniqueName('errors-flaky');
    const calls = recordInvocations(t.cloud.stepFunctions.lambda, name, () => {
      if (calls.events.length === 1) throw namedError('Transient', 'try again');
      return { ok: true };
    });
    const arn = await createMachine(t.sfn, {
      StartAt: 'Call',
      States: { Call: invokeTask(name, { Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 1 }] }) },
    });

    // Act
    const result = await run(t.sfn, arn);

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toMatchObject({ Payload: { ok: true } });
    expect(calls.events).toHaveLength(2);
    const history = await historyOf(t.sfn, result.executionArn as string);
    expect(typesOf(history)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('waits IntervalSeconds before a retry, then hands the error to Catch once MaxAttempts are used up', async () => {
    // Arrange
    const name = uniqueName('errors-always');
    const calls = recordInvocations(t.cloud.stepFunctions.lambda, name, () => {
      throw namedError('Broken', 'still broken');
    });
    const arn = await createMachine(
      t.sfn,
      withFallback(
        invokeTask(name, {
          Retry: [{ ErrorEquals: ['Broken'], IntervalSeconds: 1, MaxAttempts: 1 }],
          Catch: [{ ErrorEquals: ['Broken'], ResultPath: '$.error', Next: 'Caught' }],
        }),
      ),
    );

    // Act
    const result = await run(t.sfn, arn);

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(calls.events).toHaveLength(2);
    const history = await historyOf(t.sfn, result.executionArn as string);
    expect(typesOf(history).filter((type) => type === 'TaskFailed')).toHaveLength(2);
    const interval = timeOf(history, 'TaskScheduled', 2) - timeOf(history, 'TaskFailed');
    expect(interval).toBeGreaterThanOrEqual(950);
    expect(interval).toBeLessThan(2000);
  });

  it('multiplies the interval by BackoffRate for each retry, up to MaxDelaySeconds', async () => {
    // Arrange
    const name = uniqueName('errors-backoff');
    const calls = recordInvocations(t.cloud.stepFunctions.lambda, name, () => {
      if (calls.events.length < 3) throw namedError('Busy', 'try later');
      return 'done';
    });
    const arn = await createMachine(t.sfn, {
      StartAt: 'Call',
      States: {
        Call: invokeTask(name, {
          Retry: [
            { ErrorEquals: ['Busy'], IntervalSeconds: 1, BackoffRate: 5, MaxDelaySeconds: 1, MaxAttempts: 2 },
          ],
        }),
      },
    });

    // Act
    const result = await run(t.sfn, arn);

    // Assert: two intervals of 1 s, the second capped from 5 s.
    expect(result.status).toBe('SUCCEEDED');
    const history = await historyOf(t.sfn, result.executionArn as string);
    const second = timeOf(history, 'TaskScheduled', 3) - timeOf(history, 'TaskFailed', 2);
    expect(second).toBeGreaterThanOrEqual(950);
    expect(second).toBeLessThan(2000);
  });

  it('retries a Task on a Lambda function ARN with the same input', async () => {
    // Arrange
    const name = uniqueName('errors-arn-flaky');
    const calls = recordInvocations(t.cloud.stepFunctions.lambda, name, (event) => {
      if (calls.events.length === 1) throw namedError('Transient', 'once');
      return event;
    });
    const arn = await createMachine(t.sfn, {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: functionArn(name),
          Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 1 }],
          End: true,
        },
      },
    });

    // Act
    const result = await run(t.sfn, arn, { attempt: 'same' });

    // Assert
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"attempt":"same"}' });
    expect(calls.events).toEqual([{ attempt: 'same' }, { attempt: 'same' }]);
  });
});
