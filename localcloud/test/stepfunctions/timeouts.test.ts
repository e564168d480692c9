import { SendTaskHeartbeatCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { createMachine, historyOf, run, startExecution, useTestCloud, waitForEnd } from '../support/cloud.js';
import { typesOf } from '../support/history.js';
import {
  callbackTask,
  functionArn,
  type Invocations,
  recordInvocations,
  sleep,
  uniqueName,
} from '../support/lambdas.js';

const t = useTestCloud({
  setup: ({ cloud }) => {
    // A function that never answers: only a timeout ends the task.
    cloud.stepFunctions.lambda.register('timeouts-hang', () => new Promise(() => {}));
  },
});

/** A lambda:invoke Task on `timeouts-hang`, with the timeout `fields` that alone can end it. */
function hangingTask(fields: object) {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: 'timeouts-hang' },
    End: true,
    ...fields,
  };
}

/** A fresh function name that records the task tokens it receives. */
function tokenSink() {
  const name = uniqueName('timeouts-sink');
  return {
    name,
    calls: recordInvocations<{ token: string }>(t.cloud.stepFunctions.lambda, name, () => ({})),
  };
}

// Every test waits for a deadline of its own; they wait side by side.
describe.concurrent('timeouts', () => {
  describe('Task TimeoutSeconds', () => {
    it('fails a task that runs longer than TimeoutSeconds with States.Timeout', async () => {
      // Arrange
      const arn = await createMachine(t.sfn, {
        StartAt: 'Call',
        States: { Call: hangingTask({ TimeoutSeconds: 1 }) },
      });
      const started = Date.now();

      // Act
      const result = await run(t.sfn, arn);

      // Assert
      expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      const history = await historyOf(t.sfn, result.executionArn as string);
      expect(typesOf(history)).toEqual([
        'ExecutionStarted',
        'TaskStateEntered',
        'TaskScheduled',
        'TaskStarted',
        'TaskTimedOut',
        'ExecutionFailed',
      ]);
      expect(history[2]?.taskScheduledEventDetails?.timeoutInSeconds).toBe(1);
      expect(history[4]?.taskTimedOutEventDetails).toMatchObject({ error: 'States.Timeout' });
    });

    it('times out a Task on a Lambda function ARN with LambdaFunctionTimedOut', async () => {
      // Arrange
      const arn = await createMachine(t.sfn, {
        StartAt: 'Call',
        States: {
          Call: { Type: 'Task', Resource: functionArn('timeouts-hang'), TimeoutSeconds: 1, End: true },
        },
      });

      // Act
      const result = await run(t.sfn, arn);

      // Assert
      expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
      const history = await historyOf(t.sfn, result.executionArn as string);
      expect(typesOf(history)).toContain('LambdaFunctionTimedOut');
    });

    it('reads the timeout from the input with TimeoutSecondsPath', async () => {
      // Arrange
      const arn = await createMachine(t.sfn, {
        StartAt: 'Call',
        States: { Call: hangingTask({ TimeoutSecondsPath: '$.limit' }) },
      });

      // Act
      const result = await run(t.sfn, arn, { limit: 1 });

      // Assert
      expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    });

    it.each([
      ['States.Timeout', true],
      ['States.ALL', true],
      ['States.TaskFailed', false],
    ])('a timeout is caught by ErrorEquals %s: %s', async (errorName, caught) => {
      // Arrange
      const arn = await createMachine(t.sfn, {
        StartAt: 'Call',
        States: {
          Call: hangingTask({ TimeoutSeconds: 1, Catch: [{ ErrorEquals: [errorName], Next: 'Caught' }] }),
          Caught: { Type: 'Pass', End: true },
        },
      });

      // Act
      const result = await run(t.sfn, arn);

      // Assert
      if (caught) {
        expect(result.status).toBe('SUCCEEDED');
        expect(JSON.parse(result.output as string)).toMatchObject({ Error: 'States.Timeout' });
      } else {
        expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
      }
    });

    it('retries a timed-out task', async () => {
      // Arrange
      const name = uniqueName('timeouts-slow-once');
      const calls: Invocations = recordInvocations(t.cloud.stepFunctions.lambda, name, (): unknown =>
        calls.events.length === 1 ? new Promise(() => {}) : { second: true },
      );
      const arn = await createMachine(t.sfn, {
        StartAt: 'Call',
        States: {
          Call: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: name },
            TimeoutSeconds: 1,
            Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 1 }],
            OutputPath: '$.Payload',
            End: true,
          },
        },
      });

      // Act
      const result = await run(t.sfn, arn);

      // Assert
      expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"second":true}' });
      expect(calls.events).toHaveLength(2);
    });

    it('times out a callback task and then answers TaskTimedOut to its token', async () => {
      // Arrange
      const sink = tokenSink();
      const arn = await createMachine(t.sfn, {
        StartAt: 'Call',
        States: { Call: callbackTask(sink.name, { TimeoutSeconds: 1 }) },
      });
      const executionArn = await startExecution(t.sfn, arn);
      const { token } = await sink.calls.nth(1);

      // Act
      const result = await waitForEnd(t.sfn, executionArn);
      const late = t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));

      // Assert
      expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
      await expect(late).rejects.toMatchObject({ name: 'TaskTimedOut' });
    });
  });

  describe('Task HeartbeatSeconds', () => {
    it('fails a callback task with States.HeartbeatTimeout when no heartbeat comes in time', async () => {
      // Arrange
      const sink = tokenSink();
      const arn = await createMachine(t.sfn, {
        StartAt: 'Call',
        States: { Call: callbackTask(sink.name, { HeartbeatSeconds: 1, TimeoutSeconds: 10 }) },
      });

      // Act
      const result = await run(t.sfn, arn);

      // Assert
      expect(result).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
      const history = await historyOf(t.sfn, result.executionArn as string);
      const timedOut = history.find((event) => event.type === 'TaskTimedOut');
      expect(timedOut?.taskTimedOutEventDetails).toMatchObject({ error: 'States.HeartbeatTimeout' });
      const scheduled = history.find((event) => event.type === 'TaskScheduled');
      expect(scheduled?.taskScheduledEventDetails).toMatchObject({
        heartbeatInSeconds: 1,
        timeoutInSeconds: 10,
      });
    });

    it('keeps a callback task alive while SendTaskHeartbeat comes within HeartbeatSeconds', async () => {
      // Arrange
      const sink = tokenSink();
      const arn = await createMachine(t.sfn, {
        StartAt: 'Call',
        States: { Call: callbackTask(sink.name, { HeartbeatSeconds: 1, TimeoutSeconds: 10 }) },
      });
      const executionArn = await startExecution(t.sfn, arn);
      const { token } = await sink.calls.nth(1);

      // Act: heartbeats for twice the heartbeat interval, then the answer.
      for (let i = 0; i < 5; i++) {
        await sleep(400);
        await t.sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
      }
      await t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"alive":true}' }));

      // Assert
      const result = await waitForEnd(t.sfn, executionArn);
      expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"alive":true}' });
    });
  });

  describe('state machine TimeoutSeconds', () => {
    it('ends an execution that runs longer than TimeoutSeconds as TIMED_OUT', async () => {
      // Arrange
      const arn = await createMachine(t.sfn, {
        TimeoutSeconds: 1,
        StartAt: 'Long',
        States: { Long: { Type: 'Wait', Seconds: 30, End: true } },
      });
      const started = Date.now();

      // Act
      const result = await run(t.sfn, arn);

      // Assert
      expect(result).toMatchObject({ status: 'TIMED_OUT' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(Date.now() - started).toBeLessThan(3000);
      const history = await historyOf(t.sfn, result.executionArn as string);
      expect(typesOf(history)).toEqual(['ExecutionStarted', 'WaitStateEntered', 'ExecutionTimedOut']);
      expect(history.at(-1)?.executionTimedOutEventDetails).toMatchObject({ error: 'States.Timeout' });
    });

    it('answers TaskTimedOut to the token of a task whose execution timed out', async () => {
      // Arrange
      const sink = tokenSink();
      const arn = await createMachine(t.sfn, {
        TimeoutSeconds: 1,
        StartAt: 'Call',
        States: { Call: callbackTask(sink.name) },
      });
      const executionArn = await startExecution(t.sfn, arn);
      const { token } = await sink.calls.nth(1);
      await waitForEnd(t.sfn, executionArn);

      // Act
      const late = t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));

      // Assert
      await expect(late).rejects.toMatchObject({ name: 'TaskTimedOut' });
    });
  });
});
