import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { createMachine, historyOf, run, useTestCloud, waitForEnd } from '../support/cloud.js';
import { typesOf } from '../support/history.js';
import { callbackTask, recordInvocations } from '../support/lambdas.js';

const ROLE = 'arn:aws:iam::000000000000:role/test';

/** JSON text of objects nested `levels` deep: small, but deeper than any recursion survives. */
function deeplyNested(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}
const PASS_MACHINE = { StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } };
/** A machine whose executions stay RUNNING until the test answers the task token. */
const WAITING_MACHINE = {
  StartAt: 'Wait',
  States: { Wait: callbackTask('api-token-sink') },
};

let sinks: ReturnType<typeof recordInvocations<{ token: string }>>;
const t = useTestCloud({
  setup: ({ cloud }) => {
    sinks = recordInvocations(cloud.stepFunctions.lambda, 'api-token-sink', () => ({}));
  },
});

describe('CreateStateMachine', () => {
  it('returns the ARN of the new state machine and its creation date', async () => {
    // Act
    const created = await t.sfn.send(
      new CreateStateMachineCommand({
        name: 'api-create',
        definition: JSON.stringify(PASS_MACHINE),
        roleArn: ROLE,
      }),
    );

    // Assert
    expect(created.stateMachineArn).toBe('arn:aws:states:us-east-1:000000000000:stateMachine:api-create');
    expect(created.creationDate).toBeInstanceOf(Date);
  });

  it('is idempotent for the same name, definition and type, ignoring a different roleArn', async () => {
    // Arrange
    const request = { name: 'api-idempotent', definition: JSON.stringify(PASS_MACHINE), roleArn: ROLE };
    const first = await t.sfn.send(new CreateStateMachineCommand(request));

    // Act
    const again = await t.sfn.send(new CreateStateMachineCommand(request));
    const otherRole = await t.sfn.send(
      new CreateStateMachineCommand({ ...request, roleArn: 'arn:aws:iam::000000000000:role/other' }),
    );

    // Assert: the roleArn is not updated by the idempotent request.
    expect(again.stateMachineArn).toBe(first.stateMachineArn);
    expect(otherRole.stateMachineArn).toBe(first.stateMachineArn);
    const described = await t.sfn.send(
      new DescribeStateMachineCommand({ stateMachineArn: first.stateMachineArn }),
    );
    expect(described.roleArn).toBe(ROLE);
  });

  it.each([
    [
      'a different definition',
      'api-exists-definition',
      { definition: JSON.stringify({ ...PASS_MACHINE, Comment: 'changed' }) },
    ],
    ['a different type', 'api-exists-type', { type: 'EXPRESS' as const }],
  ])('answers StateMachineAlreadyExists for the same name with %s', async (_case, name, change) => {
    // Arrange
    const request = { name, definition: JSON.stringify(PASS_MACHINE), roleArn: ROLE };
    await t.sfn.send(new CreateStateMachineCommand(request));

    // Act
    const again = t.sfn.send(new CreateStateMachineCommand({ ...request, ...change }));

    // Assert
    await expect(again).rejects.toMatchObject({ name: 'StateMachineAlreadyExists' });
  });

  it.each([
    ['text that is not JSON', '{ "StartAt": '],
    ['no StartAt', JSON.stringify({ States: { A: { Type: 'Pass', End: true } } })],
    [
      'a StartAt naming no state',
      JSON.stringify({ StartAt: 'B', States: { A: { Type: 'Pass', End: true } } }),
    ],
    ['a Next naming no state', JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } })],
    ['a state with neither Next nor End', JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass' } } })],
    ['an unknown state type', JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Sleep', End: true } } })],
    [
      'a Choice state without Choices',
      JSON.stringify({
        StartAt: 'A',
        States: { A: { Type: 'Choice', Default: 'B' }, B: { Type: 'Succeed' } },
      }),
    ],
    [
      'States.ALL not last among Catchers',
      JSON.stringify({
        StartAt: 'A',
        States: {
          A: {
            Type: 'Parallel',
            Branches: [{ StartAt: 'X', States: { X: { Type: 'Succeed' } } }],
            Catch: [
              { ErrorEquals: ['States.ALL'], Next: 'B' },
              { ErrorEquals: ['Custom'], Next: 'B' },
            ],
            End: true,
          },
          B: { Type: 'Succeed' },
        },
      }),
    ],
    [
      'a Wait state with both Seconds and Timestamp',
      JSON.stringify({
        StartAt: 'A',
        States: { A: { Type: 'Wait', Seconds: 1, Timestamp: '2030-01-01T00:00:00Z', End: true } },
      }),
    ],
    [
      'a Fail state with both Cause and CausePath',
      JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Fail', Cause: 'x', CausePath: '$.why' } } }),
    ],
    [
      'a Parallel branch moving to a state outside the branch',
      JSON.stringify({
        StartAt: 'A',
        States: {
          A: {
            Type: 'Parallel',
            Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', Next: 'B' } } }],
            Next: 'B',
          },
          B: { Type: 'Succeed' },
        },
      }),
    ],
    [
      'a Task resource Step Functions does not recognise',
      JSON.stringify({
        StartAt: 'A',
        States: { A: { Type: 'Task', Resource: 'arn:aws:states:::nosuchservice:doThings', End: true } },
      }),
    ],
  ])('answers InvalidDefinition for %s', async (_case, definition) => {
    // Act
    const created = t.sfn.send(
      new CreateStateMachineCommand({ name: 'api-invalid', definition, roleArn: ROLE }),
    );

    // Assert
    await expect(created).rejects.toMatchObject({ name: 'InvalidDefinition' });
  });

  it('answers InvalidDefinition for a definition nested thousands of levels', async () => {
    // Act
    const created = t.sfn.send(
      new CreateStateMachineCommand({
        name: 'api-deep',
        definition: JSON.stringify({ ...PASS_MACHINE, Comment: JSON.parse(deeplyNested(3_000)) }),
        roleArn: ROLE,
      }),
    );

    // Assert
    await expect(created).rejects.toMatchObject({ name: 'InvalidDefinition' });
  });

  it('answers InvalidName for a name with whitespace or reserved characters', async () => {
    for (const name of ['has space', 'a/b', 'star*']) {
      // Act
      const created = t.sfn.send(
        new CreateStateMachineCommand({ name, definition: JSON.stringify(PASS_MACHINE), roleArn: ROLE }),
      );

      // Assert
      await expect(created).rejects.toMatchObject({ name: 'InvalidName' });
    }
  });
});

describe('DescribeStateMachine, ListStateMachines, UpdateStateMachine, DeleteStateMachine', () => {
  it('describes a state machine as created', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, PASS_MACHINE, 'api-describe');

    // Act
    const described = await t.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));

    // Assert
    expect(described).toMatchObject({
      stateMachineArn: arn,
      name: 'api-describe',
      status: 'ACTIVE',
      type: 'STANDARD',
      roleArn: ROLE,
    });
    expect(JSON.parse(described.definition as string)).toEqual(PASS_MACHINE);
  });

  it('answers StateMachineDoesNotExist for an unknown state machine', async () => {
    // Act
    const described = t.sfn.send(
      new DescribeStateMachineCommand({
        stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:api-nobody',
      }),
    );

    // Assert
    await expect(described).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
  });

  it('lists state machines page by page', async () => {
    // Arrange
    const arns = [
      await createMachine(t.sfn, PASS_MACHINE, 'api-list-a'),
      await createMachine(t.sfn, PASS_MACHINE, 'api-list-b'),
    ];

    // Act
    const listed: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await t.sfn.send(new ListStateMachinesCommand({ maxResults: 1, nextToken }));
      expect(page.stateMachines?.length).toBeLessThanOrEqual(1);
      listed.push(...(page.stateMachines ?? []).map((machine) => machine.stateMachineArn as string));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);

    // Assert
    expect(listed).toEqual(expect.arrayContaining(arns));
    expect(new Set(listed).size).toBe(listed.length);
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it('runs new executions on the updated definition while a running one keeps its own', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Wait',
      States: {
        Wait: { ...WAITING_MACHINE.States.Wait, End: undefined, ResultPath: null, Next: 'Version' },
        Version: { Type: 'Pass', Result: 'v1', End: true },
      },
    });
    const before = sinks.events.length;
    const { executionArn: old } = await t.sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    const { token } = await sinks.nth(before + 1);

    // Act
    const updated = await t.sfn.send(
      new UpdateStateMachineCommand({
        stateMachineArn: arn,
        definition: JSON.stringify({
          StartAt: 'Version',
          States: { Version: { Type: 'Pass', Result: 'v2', End: true } },
        }),
      }),
    );
    const fresh = await run(t.sfn, arn);
    await t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
    const finished = await waitForEnd(t.sfn, old as string);

    // Assert
    expect(updated.updateDate).toBeInstanceOf(Date);
    const described = await t.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
    expect(described.revisionId).toBe(updated.revisionId);
    expect(JSON.parse(described.definition as string).States.Version.Result).toBe('v2');
    expect(fresh.output).toBe('"v2"');
    expect(finished.output).toBe('"v1"');
  });

  it('answers InvalidDefinition to an update with an invalid definition, keeping the old one', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, PASS_MACHINE);

    // Act
    const updated = t.sfn.send(
      new UpdateStateMachineCommand({
        stateMachineArn: arn,
        definition: JSON.stringify({ StartAt: 'Nowhere', States: {} }),
      }),
    );

    // Assert
    await expect(updated).rejects.toMatchObject({ name: 'InvalidDefinition' });
    expect((await run(t.sfn, arn, { still: 'v1' })).output).toBe('{"still":"v1"}');
  });

  it('lets a running execution finish after its state machine is deleted', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, WAITING_MACHINE);
    const before = sinks.events.length;
    const { executionArn } = await t.sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    const { token } = await sinks.nth(before + 1);

    // Act
    await t.sfn.send(new DeleteStateMachineCommand({ stateMachineArn: arn }));
    await t.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"ok":true}' }));

    // Assert
    const finished = await waitForEnd(t.sfn, executionArn as string);
    expect(finished).toMatchObject({ status: 'SUCCEEDED', output: '{"ok":true}' });
    const listed = await t.sfn.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines?.map((machine) => machine.stateMachineArn)).not.toContain(arn);
  });
});

describe('StartExecution', () => {
  it('starts an execution named as asked, with the ARN and input AWS gives it', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, PASS_MACHINE, 'api-start');

    // Act
    const started = await t.sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: 'first-run', input: '{"a":1}' }),
    );
    const finished = await waitForEnd(t.sfn, started.executionArn as string);

    // Assert
    expect(started.executionArn).toBe('arn:aws:states:us-east-1:000000000000:execution:api-start:first-run');
    expect(started.startDate).toBeInstanceOf(Date);
    expect(finished).toMatchObject({
      name: 'first-run',
      stateMachineArn: arn,
      status: 'SUCCEEDED',
      input: '{"a":1}',
      output: '{"a":1}',
    });
    expect(finished.stopDate?.getTime()).toBeGreaterThanOrEqual((finished.startDate as Date).getTime());
  });

  it('uses "{}" as the input when none is given', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, PASS_MACHINE);

    // Act
    const { executionArn } = await t.sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    const finished = await waitForEnd(t.sfn, executionArn as string);

    // Assert
    expect(finished).toMatchObject({ input: '{}', output: '{}' });
  });

  it.each([
    ['the original is open and the input identical', true, '{"n":1}', 'succeeds with the same execution'],
    ['the original is open and the input different', true, '{"n":2}', 'ExecutionAlreadyExists'],
    ['the original is closed, even with the same input', false, '{"n":1}', 'ExecutionAlreadyExists'],
  ])('with a name already used, when %s', async (_case, open, secondInput, expected) => {
    // Arrange
    const arn = await createMachine(t.sfn, open ? WAITING_MACHINE : PASS_MACHINE);
    const first = await t.sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: 'same-name', input: '{"n":1}' }),
    );
    if (!open) await waitForEnd(t.sfn, first.executionArn as string);

    // Act
    const second = t.sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: 'same-name', input: secondInput }),
    );

    // Assert
    if (expected === 'ExecutionAlreadyExists') {
      await expect(second).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    } else {
      expect((await second).executionArn).toBe(first.executionArn);
      const listed = await t.sfn.send(new ListExecutionsCommand({ stateMachineArn: arn }));
      expect(listed.executions).toHaveLength(1);
    }
    if (open) await t.sfn.send(new StopExecutionCommand({ executionArn: first.executionArn }));
  });

  it('starts one execution for simultaneous calls with the same name and input', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, WAITING_MACHINE);
    const request = { stateMachineArn: arn, name: 'twice-at-once', input: '{"n":1}' };

    // Act
    const [first, second] = await Promise.all([
      t.sfn.send(new StartExecutionCommand(request)),
      t.sfn.send(new StartExecutionCommand(request)),
    ]);

    // Assert
    expect(second.executionArn).toBe(first.executionArn);
    const listed = await t.sfn.send(new ListExecutionsCommand({ stateMachineArn: arn }));
    expect(listed.executions).toHaveLength(1);
    await t.sfn.send(new StopExecutionCommand({ executionArn: first.executionArn }));
  });

  it.each([
    ['input that is not JSON', { input: '{ nope' }, 'InvalidExecutionInput'],
    ['input nested 20,000 levels', { input: deeplyNested(20_000) }, 'InvalidExecutionInput'],
    ['a name with whitespace', { name: 'two words' }, 'InvalidName'],
    [
      'an unknown state machine',
      { stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:api-missing' },
      'StateMachineDoesNotExist',
    ],
    ['a malformed state machine ARN', { stateMachineArn: 'not-an-arn' }, 'InvalidArn'],
  ])('answers an error for %s', async (_case, change, errorName) => {
    // Arrange
    const arn = await createMachine(t.sfn, PASS_MACHINE);

    // Act
    const started = t.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, ...change }));

    // Assert
    await expect(started).rejects.toMatchObject({ name: errorName });
  });
});

describe('DescribeExecution and ListExecutions', () => {
  it('answers ExecutionDoesNotExist for an unknown execution', async () => {
    // Act
    const described = t.sfn.send(
      new DescribeExecutionCommand({
        executionArn: 'arn:aws:states:us-east-1:000000000000:execution:api-start:nobody',
      }),
    );

    // Assert
    await expect(described).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
  });

  it('lists executions newest first, by status and page by page', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, {
      StartAt: 'Pick',
      States: {
        Pick: {
          Type: 'Choice',
          Choices: [{ Variable: '$.fail', BooleanEquals: true, Next: 'No' }],
          Default: 'Yes',
        },
        No: { Type: 'Fail', Error: 'Nope' },
        Yes: { Type: 'Succeed' },
      },
    });
    const names = ['one', 'two', 'three'];
    for (const [i, name] of names.entries()) {
      const { executionArn } = await t.sfn.send(
        new StartExecutionCommand({ stateMachineArn: arn, name, input: JSON.stringify({ fail: i === 1 }) }),
      );
      await waitForEnd(t.sfn, executionArn as string);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    // Act
    const all = await t.sfn.send(new ListExecutionsCommand({ stateMachineArn: arn }));
    const failed = await t.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'FAILED' }),
    );
    const firstPage = await t.sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 2 }));
    const secondPage = await t.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: arn, maxResults: 2, nextToken: firstPage.nextToken }),
    );

    // Assert
    expect(all.executions?.map((execution) => execution.name)).toEqual(['three', 'two', 'one']);
    expect(all.executions?.[0]).toMatchObject({ stateMachineArn: arn, status: 'SUCCEEDED' });
    expect(all.executions?.[0]?.startDate).toBeInstanceOf(Date);
    expect(all.executions?.[0]?.stopDate).toBeInstanceOf(Date);
    expect(failed.executions?.map((execution) => execution.name)).toEqual(['two']);
    expect(firstPage.executions?.map((execution) => execution.name)).toEqual(['three', 'two']);
    expect(firstPage.nextToken).toBeDefined();
    expect(secondPage.executions?.map((execution) => execution.name)).toEqual(['one']);
    expect(secondPage.nextToken).toBeUndefined();
  });

  it('answers StateMachineDoesNotExist when listing the executions of an unknown state machine', async () => {
    // Act
    const listed = t.sfn.send(
      new ListExecutionsCommand({
        stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:api-ghost',
      }),
    );

    // Assert
    await expect(listed).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
  });
});

describe('StopExecution', () => {
  it('aborts a running execution with the given error and cause', async () => {
    // Arrange
    const arn = await createMachine(t.sfn, WAITING_MACHINE);
    const { executionArn } = await t.sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));

    // Act
    const stopped = await t.sfn.send(
      new StopExecutionCommand({ executionArn, error: 'Operator.Stop', cause: 'not needed any more' }),
    );

    // Assert
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const described = await t.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({
      status: 'ABORTED',
      error: 'Operator.Stop',
      cause: 'not needed any more',
    });
    const history = await historyOf(t.sfn, executionArn as string);
    expect(typesOf(history).at(-1)).toBe('ExecutionAborted');
    expect(history.at(-1)?.executionAbortedEventDetails).toMatchObject({
      error: 'Operator.Stop',
      cause: 'not needed any more',
    });
  });

  it('answers ExecutionDoesNotExist for an unknown execution', async () => {
    // Act
    const stopped = t.sfn.send(
      new StopExecutionCommand({
        executionArn: 'arn:aws:states:us-east-1:000000000000:execution:api-start:ghost',
      }),
    );

    // Assert
    await expect(stopped).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
  });
});
