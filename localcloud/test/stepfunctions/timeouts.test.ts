import { SendTaskHeartbeatCommand, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMachine,
  historyOf,
  run,
  startTestCloud,
  type TestCloud,
  waitForEnd,
} from '../support/cloud.js';
import { typesOf } from '../support/history.js';
import { functionArn, type Invocations, recordInvocations, sleep } from '../support/lambdas.js';

let t: TestCloud;
let counter = 0;
beforeAll(async () => {
  t = await startTestCloud();
  // A function that never answers: only a timeout ends the task.
  t.cloud.stepFunctions.lambda.register('timeouts-hang', () => new Promise(() => {}));
});
afterAll(async () => {
  await t.stop();
});

/** A `.waitForTaskToken` Task handing its token to `functionName`. */
function callback(functionName: string, fields: object = {}) {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: { FunctionName: functionName, Payload: { 'token.$': '$$.Task.Token' } },
    End: true,
    ...fields,
  };
}

/** A fresh function name that records the task tokens it receives. */
function tokenSink() {
  const name = `timeouts-sink-${++counter}`;
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
        States: {
          Call: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'timeouts-hang' },
            TimeoutSeconds: 1,
            End: true,
          },
        },
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
        States: {
          Call: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'timeouts-hang' },
            TimeoutSecondsPath: '$.limit',
            End: true,
          },
        },
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
          Call: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Parameters: { FunctionName: 'timeouts-hang' },
            TimeoutSeconds: 1,
            Catch: [{ ErrorEquals: [errorName], Next: 'Caught' }],
            End: true,
          },
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
      const name = `timeouts-slow-once-${++counter}`;
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
        States: { Call: callback(sink.name, { TimeoutSeconds: 1 }) },
      });
      const { executionArn } = await t.sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
      const { token } = await sink.calls.nth(1);

      // Act
      const result = await waitForEnd(t.sfn, executionArn as string);
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
        States: { Call: callback(sink.name, { HeartbeatSeconds: 1, TimeoutSeconds: 10 }) },
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
        States: { Call: callback(sink.name, { HeartbeatSeconds: 1, TimeoutSeconds: 10 }) },
      });
      const { executionArn } = await t.sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
      const { token } = await sink.calls.nth(1);

      // Act: heartbeats for twice the heartbeat interval, then the answer.
      for (let i = 0; i < 5; i++) {
        await sleep(400);
        await t.sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));
      }
      await t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"alive":true}' }));

      // Assert
      const result = await waitForEnd(t.sfn, executionArn as string);
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
        States: { Call: callback(sink.name) },
      });
      const { executionArn } = await t.sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
      const { token } = await sink.calls.nth(1);
      await waitForEnd(t.sfn, executionArn as string);

      // Act
      const late = t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));

      // Assert
      await expect(late).rejects.toMatchObject({ name: 'TaskTimedOut' });
    });
  });
});
