import { describe, expect, it } from 'vitest';
import { createMachine, historyOf, run, useTestCloud } from './support/cloud.js';

const t = useTestCloud();

describe('smoke', () => {
  it('runs a Pass → Choice → Succeed machine through the SDK', async () => {
    const arn = await createMachine(t.sfn, {
      StartAt: 'Greet',
      States: {
        Greet: {
          Type: 'Pass',
          Parameters: { 'greeting.$': "States.Format('Hello, {}', $.name)" },
          ResultPath: '$.out',
          Next: 'Pick',
        },
        Pick: {
          Type: 'Choice',
          Choices: [{ Variable: '$.name', StringEquals: 'Ada', Next: 'Done' }],
          Default: 'Nope',
        },
        Nope: { Type: 'Fail', Error: 'Unknown', Cause: 'not Ada' },
        Done: { Type: 'Succeed' },
      },
    });
    const result = await run(t.sfn, arn, { name: 'Ada' });
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output as string)).toEqual({ name: 'Ada', out: { greeting: 'Hello, Ada' } });
    const types = (await historyOf(t.sfn, result.executionArn as string)).map((event) => event.type);
    expect(types).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    const failed = await run(t.sfn, arn, { name: 'Bob' });
    expect(failed).toMatchObject({ status: 'FAILED', error: 'Unknown', cause: 'not Ada' });
  });
});
