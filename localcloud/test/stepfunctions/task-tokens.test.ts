import {
  DescribeExecutionCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import {
  createMachine,
  eventually,
  historyOf,
  startExecution,
  useTestCloud,
  waitForEnd,
} from '../support/cloud.js';
import { typesOf } from '../support/history.js';
import { callbackTask, type Invocations, recordInvocations, uniqueName } from '../support/lambdas.js';

const t = useTestCloud();

/** Starts an execution of a callback machine and returns it with the token its task handed out. */
async function startWaiting(fields: object = {}, input: unknown = { order: 'o-1' }) {
  const name = uniqueName('tokens-sink');
  const calls: Invocations<{ token: string; order?: string }> = recordInvocations(
    t.cloud.stepFunctions.lambda,
    name,
    () => ({ accepted: true }),
  );
  const arn = await createMachine(t.sfn, {
    StartAt: 'Brew',
    States: {
      Brew: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: name, Payload: { 'token.$': '$$.Task.Token', 'order.$': '$.order' } },
        End: true,
        ...fields,
      },
      ...('Catch' in fields && { Failed: { Type: 'Pass', End: true } }),
    },
  });
  const executionArn = await startExecution(t.sfn, arn, input);
  const event = await calls.nth(1);
  return { executionArn, token: event.token, event };
}

describe('the callback pattern (.waitForTaskToken)', () => {
  it('hands the task token to the function and waits, RUNNING, until SendTaskSuccess', async () => {
    // Arrange
    const { executionArn, token, event } = await startWaiting({ ResultPath: '$.brewed' });

    // Act
    const whileWaiting = await t.sfn.send(new DescribeExecutionCommand({ executionArn }));
    await t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"cup":"latte"}' }));

    // Assert
    expect(event.order).toBe('o-1');
    expect(typeof token).toBe('string');
    expect(whileWaiting.status).toBe('RUNNING');
    const result = await waitForEnd(t.sfn, executionArn);
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toEqual({ order: 'o-1', brewed: { cup: 'latte' } });
  });

  it('records TaskSubmitted with the function response, then TaskSucceeded with the callback output', async () => {
    // Arrange
    const { executionArn, token } = await startWaiting();
    await eventually(
      () => historyOf(t.sfn, executionArn),
      (history) => typesOf(history).includes('TaskSubmitted'),
    );

    // Act
    await t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '"done"' }));
    await waitForEnd(t.sfn, executionArn);

    // Assert
    const history = await historyOf(t.sfn, executionArn);
    expect(typesOf(history)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    const scheduled = history.find((event) => event.type === 'TaskScheduled')?.taskScheduledEventDetails;
    expect(scheduled).toMatchObject({ resourceType: 'lambda', resource: 'invoke.waitForTaskToken' });
    expect(JSON.parse(scheduled?.parameters as string).Payload.token).toBe(token);
    const submitted = history.find((event) => event.type === 'TaskSubmitted')?.taskSubmittedEventDetails;
    expect(JSON.parse(submitted?.output as string)).toMatchObject({
      Payload: { accepted: true },
      StatusCode: 200,
    });
    const succeeded = history.find((event) => event.type === 'TaskSucceeded')?.taskSucceededEventDetails;
    expect(succeeded?.output).toBe('"done"');
  });

  it('fails the task with the error and cause of SendTaskFailure', async () => {
    // Arrange
    const { executionArn, token } = await startWaiting();

    // Act
    await t.sfn.send(
      new SendTaskFailureCommand({ taskToken: token, error: 'Barista.OutOfMilk', cause: 'no oat milk left' }),
    );

    // Assert
    const result = await waitForEnd(t.sfn, executionArn);
    expect(result).toMatchObject({ status: 'FAILED', error: 'Barista.OutOfMilk', cause: 'no oat milk left' });
    const failed = (await historyOf(t.sfn, executionArn)).find((event) => event.type === 'TaskFailed');
    expect(failed?.taskFailedEventDetails).toMatchObject({
      error: 'Barista.OutOfMilk',
      cause: 'no oat milk left',
    });
  });

  it('lets Catch handle the error of SendTaskFailure', async () => {
    // Arrange
    const { executionArn, token } = await startWaiting({
      Catch: [{ ErrorEquals: ['Barista.OutOfMilk'], ResultPath: '$.problem', Next: 'Failed' }],
    });

    // Act
    await t.sfn.send(
      new SendTaskFailureCommand({ taskToken: token, error: 'Barista.OutOfMilk', cause: 'none left' }),
    );

    // Assert
    const result = await waitForEnd(t.sfn, executionArn);
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toEqual({
      order: 'o-1',
      problem: { Error: 'Barista.OutOfMilk', Cause: 'none left' },
    });
  });

  it('accepts the answer while the function that received the token is still running', async () => {
    // Arrange: the function answers its own token before it returns, as a fast worker would.
    const name = uniqueName('tokens-self');
    t.cloud.stepFunctions.lambda.register(name, async (event) => {
      const { token } = event as { token: string };
      await t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"early":true}' }));
      return { sent: true };
    });
    const arn = await createMachine(t.sfn, { StartAt: 'Brew', States: { Brew: callbackTask(name) } });

    // Act
    const executionArn = await startExecution(t.sfn, arn);

    // Assert
    expect(await waitForEnd(t.sfn, executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"early":true}',
    });
  });

  it('hands each attempt of a retried callback task a new token', async () => {
    // Arrange
    const name = uniqueName('tokens-retry');
    const calls = recordInvocations<{ token: string }>(t.cloud.stepFunctions.lambda, name, () => ({}));
    const arn = await createMachine(t.sfn, {
      StartAt: 'Brew',
      States: { Brew: callbackTask(name, { Retry: [{ ErrorEquals: ['Again'], IntervalSeconds: 1 }] }) },
    });
    const executionArn = await startExecution(t.sfn, arn);
    const first = await calls.nth(1);

    // Act
    await t.sfn.send(new SendTaskFailureCommand({ taskToken: first.token, error: 'Again' }));
    const second = await calls.nth(2);
    const stale = await t.sfn
      .send(new SendTaskSuccessCommand({ taskToken: first.token, output: '{}' }))
      .catch((error: unknown) => error);
    await t.sfn.send(new SendTaskSuccessCommand({ taskToken: second.token, output: '"second"' }));

    // Assert
    expect(second.token).not.toBe(first.token);
    expect(stale).toMatchObject({ name: 'TaskTimedOut' });
    expect(await waitForEnd(t.sfn, executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: '"second"',
    });
  });
});

describe('SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat errors', () => {
  it.each([
    ['SendTaskSuccess', (taskToken: string) => new SendTaskSuccessCommand({ taskToken, output: '{}' })],
    ['SendTaskFailure', (taskToken: string) => new SendTaskFailureCommand({ taskToken, error: 'E' })],
    ['SendTaskHeartbeat', (taskToken: string) => new SendTaskHeartbeatCommand({ taskToken })],
  ])('%s answers InvalidToken for a token Step Functions did not issue', async (_action, command) => {
    // Act
    const sent = t.sfn.send(command('not-a-real-token') as SendTaskSuccessCommand);

    // Assert
    await expect(sent).rejects.toMatchObject({ name: 'InvalidToken' });
  });

  it.each([
    ['SendTaskSuccess', (taskToken: string) => new SendTaskSuccessCommand({ taskToken, output: '{}' })],
    ['SendTaskFailure', (taskToken: string) => new SendTaskFailureCommand({ taskToken, error: 'E' })],
    ['SendTaskHeartbeat', (taskToken: string) => new SendTaskHeartbeatCommand({ taskToken })],
  ])('%s answers TaskTimedOut for the token of a task already closed', async (_action, command) => {
    // Arrange
    const { executionArn, token } = await startWaiting();
    await t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
    await waitForEnd(t.sfn, executionArn);

    // Act
    const sent = t.sfn.send(command(token) as SendTaskSuccessCommand);

    // Assert
    await expect(sent).rejects.toMatchObject({ name: 'TaskTimedOut' });
  });

  it('answers TaskTimedOut for the token of a stopped execution', async () => {
    // Arrange
    const { executionArn, token } = await startWaiting();
    await t.sfn.send(new StopExecutionCommand({ executionArn }));

    // Act
    const sent = t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));

    // Assert
    await expect(sent).rejects.toMatchObject({ name: 'TaskTimedOut' });
    expect((await waitForEnd(t.sfn, executionArn)).status).toBe('ABORTED');
  });

  it('answers InvalidOutput for output that is not JSON, and the task keeps waiting', async () => {
    // Arrange
    const { executionArn, token } = await startWaiting();

    // Act
    const sent = t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: 'not json' }));

    // Assert
    await expect(sent).rejects.toMatchObject({ name: 'InvalidOutput' });
    expect((await t.sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    await t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
    expect((await waitForEnd(t.sfn, executionArn)).status).toBe('SUCCEEDED');
  });

  it('accepts SendTaskHeartbeat for a waiting task', async () => {
    // Arrange
    const { executionArn, token } = await startWaiting({ HeartbeatSeconds: 60 });

    // Act
    const sent = await t.sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));

    // Assert
    expect(sent.$metadata.httpStatusCode).toBe(200);
    expect((await t.sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    await t.sfn.send(new StopExecutionCommand({ executionArn }));
  });
});
