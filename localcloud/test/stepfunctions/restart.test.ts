import {
  DescribeExecutionCommand,
  type HistoryEvent,
  ListExecutionsCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { LambdaRegistry } from '../../src/stepfunctions/integrations/index.js';
import { createMachine, eventually, historyOf, run, useTestCloud, waitForEnd } from '../support/cloud.js';
import { timeOf, typesOf } from '../support/history.js';
import { callbackTask, type Invocations, namedError, recordInvocations, sleep } from '../support/lambdas.js';

/**
 * Every scenario is set up, the cloud restarts once, and each test then checks what happened to
 * its execution afterwards: one restart keeps the file fast.
 */
const lambda = new LambdaRegistry();
const t = useTestCloud({ lambda });
const started: Record<string, string> = {};
let token = '';
let historyBeforeRestart: HistoryEvent[] = [];
let closedMachine = '';
let tokenMachine = '';
let slowCalls: Invocations;

beforeAll(async () => {
  const tokens = recordInvocations<{ token: string }>(lambda, 'restart-token', () => ({ queued: true }));
  recordInvocations(lambda, 'restart-sink', () => ({}));
  let flakyCalls = 0;
  lambda.register('restart-flaky', () => {
    flakyCalls++;
    if (flakyCalls === 1) throw namedError('Transient', 'fails before the restart');
    return { after: 'restart' };
  });
  // The first call is still running when the cloud stops; the task runs again after the restart.
  const slow: Invocations = recordInvocations(lambda, 'restart-slow', async () => {
    const attempt: number = slow.events.length;
    if (attempt === 1) await sleep(1500);
    return { attempt };
  });
  slowCalls = slow;

  const machines = {
    wait: await createMachine(t.sfn, {
      StartAt: 'Pause',
      States: { Pause: { Type: 'Wait', Seconds: 2, End: true } },
    }),
    token: await createMachine(t.sfn, { StartAt: 'Brew', States: { Brew: callbackTask('restart-token') } }),
    taskTimeout: await createMachine(t.sfn, {
      StartAt: 'Brew',
      States: { Brew: callbackTask('restart-sink', { TimeoutSeconds: 2 }) },
    }),
    executionTimeout: await createMachine(t.sfn, {
      TimeoutSeconds: 2,
      StartAt: 'Long',
      States: { Long: { Type: 'Wait', Seconds: 60, End: true } },
    }),
    retry: await createMachine(t.sfn, {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'restart-flaky' },
          Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 2 }],
          OutputPath: '$.Payload',
          End: true,
        },
      },
    }),
    inFlight: await createMachine(t.sfn, {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'restart-slow' },
          OutputPath: '$.Payload',
          End: true,
        },
      },
    }),
    map: await createMachine(t.sfn, {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: {
            StartAt: 'Pause',
            States: { Pause: { Type: 'Wait', Seconds: 1, Next: 'Done' }, Done: { Type: 'Pass', End: true } },
          },
          End: true,
        },
      },
    }),
  };
  tokenMachine = machines.token;
  closedMachine = await createMachine(t.sfn, { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
  await run(t.sfn, closedMachine, { closed: true });

  const inputs: Record<string, unknown> = { map: ['a', 'b'] };
  const startedAt = Date.now();
  for (const [name, stateMachineArn] of Object.entries(machines)) {
    const { executionArn } = await t.sfn.send(
      new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(inputs[name] ?? {}) }),
    );
    started[name] = executionArn as string;
  }
  token = (await tokens.nth(1)).token;
  const reached = async (name: string, type: string) =>
    eventually(
      () => historyOf(t.sfn, started[name] as string),
      (history) => typesOf(history).includes(type),
    );
  historyBeforeRestart = await reached('token', 'TaskSubmitted');
  await reached('retry', 'TaskFailed');
  await reached('map', 'WaitStateEntered');
  await slow.nth(1);

  // Late enough that a deadline counted again from the restart would come visibly late.
  await sleep(startedAt + 1000 - Date.now());
  await t.restart();
});

describe('after a restart', () => {
  it('fires a Wait state at its original deadline', async () => {
    // Act
    const result = await waitForEnd(t.sfn, started.wait as string);

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    const history = await historyOf(t.sfn, started.wait as string);
    const waited = timeOf(history, 'WaitStateExited') - timeOf(history, 'WaitStateEntered');
    expect(waited).toBeGreaterThanOrEqual(1950);
    expect(waited).toBeLessThan(2800);
  });

  it('keeps the history of a waiting execution intact and goes on numbering after it', async () => {
    // Act
    const history = await historyOf(t.sfn, started.token as string);

    // Assert
    expect(history).toEqual(historyBeforeRestart);
    expect((await t.sfn.send(new DescribeExecutionCommand({ executionArn: started.token }))).status).toBe(
      'RUNNING',
    );
    const listed = await t.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: tokenMachine, statusFilter: 'RUNNING' }),
    );
    expect(listed.executions?.map((execution) => execution.executionArn)).toEqual([started.token]);
  });

  it('accepts a task token issued before the restart', async () => {
    // Act
    await t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"served":true}' }));

    // Assert
    const result = await waitForEnd(t.sfn, started.token as string);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"served":true}' });
    const history = await historyOf(t.sfn, started.token as string);
    expect(history.slice(0, historyBeforeRestart.length)).toEqual(historyBeforeRestart);
    expect(typesOf(history.slice(historyBeforeRestart.length))).toEqual([
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(history.map((event) => event.id)).toEqual(history.map((_event, i) => i + 1));
  });

  it('times out a task at its original TimeoutSeconds deadline', async () => {
    // Act
    const result = await waitForEnd(t.sfn, started.taskTimeout as string);

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    const history = await historyOf(t.sfn, started.taskTimeout as string);
    const ran = timeOf(history, 'TaskTimedOut') - timeOf(history, 'TaskScheduled');
    expect(ran).toBeGreaterThanOrEqual(1950);
    expect(ran).toBeLessThan(2800);
  });

  it('times out the execution at its original TimeoutSeconds deadline', async () => {
    // Act
    const result = await waitForEnd(t.sfn, started.executionTimeout as string);

    // Assert
    expect(result.status).toBe('TIMED_OUT');
    const ran = (result.stopDate as Date).getTime() - (result.startDate as Date).getTime();
    expect(ran).toBeGreaterThanOrEqual(1950);
    expect(ran).toBeLessThan(2800);
  });

  it('retries a failed task after its original retry interval', async () => {
    // Act
    const result = await waitForEnd(t.sfn, started.retry as string);

    // Assert
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"after":"restart"}' });
    const history = await historyOf(t.sfn, started.retry as string);
    const interval = timeOf(history, 'TaskScheduled', 2) - timeOf(history, 'TaskFailed');
    expect(interval).toBeGreaterThanOrEqual(1950);
    expect(interval).toBeLessThan(2800);
  });

  it('runs again a task that was in flight when the cloud stopped', async () => {
    // Act
    const result = await waitForEnd(t.sfn, started.inFlight as string);

    // Assert
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"attempt":2}' });
    expect(slowCalls.events).toHaveLength(2);
    const types = typesOf(await historyOf(t.sfn, started.inFlight as string));
    expect(types.filter((type) => type === 'TaskSucceeded')).toHaveLength(1);
    expect(types.filter((type) => type === 'TaskStateEntered')).toHaveLength(1);
  });

  it('finishes a Map state whose iterations were waiting', async () => {
    // Act
    const result = await waitForEnd(t.sfn, started.map as string);

    // Assert
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '["a","b"]' });
    const types = typesOf(await historyOf(t.sfn, started.map as string));
    expect(types.filter((type) => type === 'MapIterationSucceeded')).toHaveLength(2);
  });

  it('still knows a closed execution and refuses its name again', async () => {
    // Arrange
    const [closed] =
      (await t.sfn.send(new ListExecutionsCommand({ stateMachineArn: closedMachine }))).executions ?? [];

    const described = await t.sfn.send(new DescribeExecutionCommand({ executionArn: closed?.executionArn }));

    // Act
    const again = t.sfn.send(
      new StartExecutionCommand({
        stateMachineArn: closedMachine,
        name: closed?.name,
        input: '{"closed":true}',
      }),
    );

    // Assert
    expect(closed?.status).toBe('SUCCEEDED');
    expect(described.output).toBe('{"closed":true}');
    await expect(again).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
  });
});
