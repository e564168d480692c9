import { SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { createMachine, historyOf, run, startExecution, useTestCloud, waitForEnd } from '../support/cloud.js';
import { timeOf } from '../support/history.js';
import { callbackTask, namedError, recordInvocations } from '../support/lambdas.js';

const t = useTestCloud();

describe('the context object ($$)', () => {
  it('describes the execution, the state machine and the current state', async () => {
    // Arrange
    const arn = await createMachine(
      t.sfn,
      {
        StartAt: 'Look',
        States: {
          Look: {
            Type: 'Pass',
            Parameters: {
              'executionId.$': '$$.Execution.Id',
              'executionName.$': '$$.Execution.Name',
              'executionInput.$': '$$.Execution.Input',
              'roleArn.$': '$$.Execution.RoleArn',
              'startTime.$': '$$.Execution.StartTime',
              'machineId.$': '$$.StateMachine.Id',
              'machineName.$': '$$.StateMachine.Name',
              'stateName.$': '$$.State.Name',
              'enteredTime.$': '$$.State.EnteredTime',
              'retryCount.$': '$$.State.RetryCount',
            },
            End: true,
          },
        },
      },
      'context-machine',
    );

    // Act
    const { executionArn } = await t.sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: 'context-run', input: '{"cups":2}' }),
    );
    const result = await waitForEnd(t.sfn, executionArn as string);

    // Assert
    const output = JSON.parse(result.output as string);
    expect(output).toMatchObject({
      executionId: executionArn,
      executionName: 'context-run',
      executionInput: { cups: 2 },
      roleArn: 'arn:aws:iam::000000000000:role/test',
      machineId: arn,
      machineName: 'context-machine',
      stateName: 'Look',
      retryCount: 0,
    });
    expect(Date.parse(output.startTime)).toBe((result.startDate as Date).getTime());
    const history = await historyOf(t.sfn, executionArn as string);
    expect(Date.parse(output.enteredTime)).toBe(timeOf(history, 'PassStateEntered'));
  });

  it('keeps the original execution input in $$.Execution.Input while the state input changes', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Change',
      States: {
        Change: { Type: 'Pass', Result: { replaced: true }, Next: 'Look' },
        Look: {
          Type: 'Pass',
          Parameters: { 'original.$': '$$.Execution.Input', 'current.$': '$' },
          End: true,
        },
      },
    });

    // Act
    const result = await run(t.sfn, arn, { order: 'o-5' });

    // Assert
    expect(JSON.parse(result.output as string)).toEqual({
      original: { order: 'o-5' },
      current: { replaced: true },
    });
  });

  it('counts retries of the current state in $$.State.RetryCount', async () => {
    // Arrange
    const calls = recordInvocations<{ retryCount: number }>(
      t.cloud.stepFunctions.lambda,
      'context-retry',
      (event) => {
        if (calls.events.length === 1) throw namedError('Again', 'once more');
        return event;
      },
    );
    const arn = await createMachine(t.sfn, {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'context-retry', Payload: { 'retryCount.$': '$$.State.RetryCount' } },
          Retry: [{ ErrorEquals: ['Again'], IntervalSeconds: 1 }],
          End: true,
        },
      },
    });

    // Act
    const result = await run(t.sfn, arn);

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(calls.events.map((event) => event.retryCount)).toEqual([0, 1]);
  });

  it('gives a .waitForTaskToken task its token in $$.Task.Token', async () => {
    // Arrange
    const calls = recordInvocations<{ token: string }>(
      t.cloud.stepFunctions.lambda,
      'context-token',
      () => ({}),
    );
    const arn = await createMachine(t.sfn, {
      StartAt: 'Call',
      States: { Call: callbackTask('context-token') },
    });
    const executionArn = await startExecution(t.sfn, arn);

    // Act
    const { token } = await calls.nth(1);
    await t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '"answered"' }));

    // Assert
    expect(token.length).toBeGreaterThan(0);
    expect(await waitForEnd(t.sfn, executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: '"answered"',
    });
  });

  it('gives each Map item its index and value in $$.Map.Item inside ItemSelector', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemSelector: {
            'index.$': '$$.Map.Item.Index',
            'value.$': '$$.Map.Item.Value',
            'state.$': '$$.State.Name',
          },
          ItemProcessor: { StartAt: 'Keep', States: { Keep: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    });

    // Act
    const result = await run(t.sfn, arn, ['espresso', { drink: 'mocha' }]);

    // Assert
    expect(JSON.parse(result.output as string)).toEqual([
      { index: 0, value: 'espresso', state: 'Each' },
      { index: 1, value: { drink: 'mocha' }, state: 'Each' },
    ]);
  });

  it('can be read with InputPath, OutputPath and ResultSelector', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Look',
      States: {
        Look: { Type: 'Pass', InputPath: '$$.Execution.Input.order', ResultPath: '$.state', Next: 'Name' },
        Name: { Type: 'Pass', Result: {}, ResultPath: '$.ignored', OutputPath: '$$.State.Name', End: true },
      },
    });

    // Act
    const result = await run(t.sfn, arn, { order: { id: 1 } });

    // Assert
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '"Name"' });
  });
});
