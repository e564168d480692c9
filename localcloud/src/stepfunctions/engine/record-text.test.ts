import { describe, expect, it } from 'vitest';
import {
  EXECUTION_MEMBER_NAMES,
  encodeExecutionRecord,
  encodeRun,
  executionRecordHead,
  type JsonTexts,
  RUN_MEMBER_NAMES,
  TASK_PHASE_MEMBER_NAMES,
} from './record-text.js';
import type { ExecutionRecord, RunRecord } from './records.js';

/** What the stored text must parse back to: the record as `JSON.stringify` would have kept it. */
function asStringified(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** Serialises as a transaction does, counting what it is asked for. */
function texts(): JsonTexts & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    json(value) {
      asked.push(value);
      return JSON.stringify(value);
    },
  };
}

const STARTED: ExecutionRecord = {
  executionArn: 'arn:aws:states:us-east-1:000000000000:execution:orders:order-1',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:orders',
  name: 'order-1',
  status: 'RUNNING',
  startDate: 1_700_000_000_000,
  input: '{ "as": "sent", "quote": "\\"" }',
  revisionId: '0d4f1c2e-8a44-4f5f-9c55-2b1a0f3c6d7e',
};

const TASKING: RunRecord = {
  id: 'main',
  definitionPath: [],
  stateName: 'Await "barista"',
  stateInput: { size: 'large', note: 'caf\u00e9 \ud800' },
  enteredTime: 1_700_000_000_001,
  retryAttempts: [],
  phase: {
    kind: 'tasking',
    parameters: { FunctionName: 'barista', Payload: { token: 'n:main:arn' } },
    started: false,
    token: 'n:main:arn',
  },
  status: 'running',
  lastEventId: 6,
};

describe('execution record text', () => {
  it.each([
    ['a started execution', STARTED],
    [
      'a closed execution with every member',
      {
        ...STARTED,
        status: 'FAILED',
        stopDate: 1_700_000_000_009,
        output: '{"made":true}',
        error: 'States.TaskFailed',
        cause: 'the "milk" ran out\n',
        traceHeader: 'Root=1-5759e988-bd862e3fe1be46a994272793',
      },
    ],
  ] as Array<[string, ExecutionRecord]>)('parses back to %s', (_case, record) => {
    // Act
    const text = encodeExecutionRecord(record, executionRecordHead(record));

    // Assert
    expect(JSON.parse(text)).toEqual(asStringified(record));
  });

  it('is tested with every member of the record', () => {
    const full = [
      'executionArn',
      'stateMachineArn',
      'name',
      'status',
      'startDate',
      'stopDate',
      'input',
      'output',
      'error',
      'cause',
      'revisionId',
      'traceHeader',
    ];
    expect([...EXECUTION_MEMBER_NAMES].sort()).toEqual([...full].sort());
  });
});

describe('run record text', () => {
  it.each([
    ['a run waiting on a task token', TASKING],
    [
      'a child run with every member',
      {
        ...TASKING,
        id: 'main.2',
        parentId: 'main',
        index: 2,
        definitionPath: ['Fan', 'Branches', 2],
        retryAttempts: [1, 0],
        phase: {
          kind: 'tasking',
          parameters: ['a', 1],
          started: true,
          token: 't',
          timeoutAt: 1_700_000_009_000,
          heartbeatSeconds: 30,
          heartbeatAt: 1_700_000_003_000,
        },
        status: 'failed',
        output: { partial: [1, 2] },
        failure: { error: 'States.Timeout', cause: 'late "again"' },
      },
    ],
    ['a run entering a state', { ...TASKING, phase: { kind: 'entering' } }],
    ['a run retrying', { ...TASKING, phase: { kind: 'entering', retry: true } }],
    [
      'a run waiting',
      { ...TASKING, phase: { kind: 'waiting', until: 1_700_000_100_000, purpose: 'wait', output: { a: 1 } } },
    ],
    [
      'a run branching',
      { ...TASKING, phase: { kind: 'branching', inputs: [{ a: 1 }, 2], maxConcurrency: 0, started: 1 } },
    ],
    ['a run whose input is undefined', { ...TASKING, stateInput: undefined }],
  ] as Array<[string, RunRecord]>)('parses back to %s', (_case, run) => {
    // Act
    const text = encodeRun(run, texts());

    // Assert
    expect(JSON.parse(text)).toEqual(asStringified(run));
  });

  it("takes a task's input and parameters from the transaction's texts", () => {
    // Arrange
    const transaction = texts();

    // Act
    encodeRun(TASKING, transaction);

    // Assert
    expect(transaction.asked).toContain(TASKING.stateInput);
    expect(transaction.asked).toContain((TASKING.phase as { parameters: unknown }).parameters);
  });

  it('is tested with every member of a run and of a task phase', () => {
    expect([...RUN_MEMBER_NAMES].sort()).toEqual(
      [
        'id',
        'parentId',
        'index',
        'definitionPath',
        'stateName',
        'stateInput',
        'enteredTime',
        'retryAttempts',
        'phase',
        'status',
        'output',
        'failure',
        'lastEventId',
      ].sort(),
    );
    expect([...TASK_PHASE_MEMBER_NAMES].sort()).toEqual(
      ['kind', 'parameters', 'started', 'token', 'timeoutAt', 'heartbeatSeconds', 'heartbeatAt'].sort(),
    );
  });
});
