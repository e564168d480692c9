import { describe, expect, it } from 'vitest';
import type { StoreOp } from '../../store/group-commit.js';
import { Keys } from '../store/keys.js';
import { isoTime, LiveExecution, MAIN_RUN_ID } from './live-execution.js';
import type { ExecutionRecord, RunRecord } from './records.js';

const ARN = 'arn:aws:states:us-east-1:000000000000:execution:orders:order-1';

function liveExecution(written: StoreOp[][]) {
  const record: ExecutionRecord = {
    executionArn: ARN,
    stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:orders',
    name: 'order-1',
    status: 'RUNNING',
    startDate: 1_700_000_000_000,
    input: '{}',
    revisionId: 'r1',
  };
  const main: RunRecord = {
    id: MAIN_RUN_ID,
    definitionPath: [],
    stateName: 'Brew',
    stateInput: {},
    enteredTime: 1_700_000_000_000,
    retryAttempts: [],
    phase: { kind: 'entering' },
    status: 'running',
    lastEventId: 3,
  };
  const commit = async (ops: StoreOp[]) => {
    written.push(ops);
  };
  return new LiveExecution(record, {}, { StartAt: 'Brew', States: {} }, 'role', 4, commit, [main]);
}

describe('LiveExecution', () => {
  it('leaves the event counter to the runs when a run written holds the newest event', async () => {
    // Arrange
    const written: StoreOp[][] = [];
    const execution = liveExecution(written);
    const main = execution.runs.get(MAIN_RUN_ID) as RunRecord;

    // Act
    await execution.mutate((tx) => {
      tx.events.push('{"id":4}');
      tx.firstEventId = execution.nextEventId++;
      main.lastEventId = 4;
      tx.dirtyRuns.add(main);
    });

    // Assert
    const keys = (written[0] ?? []).map((op) => op.key);
    expect(keys).toEqual([Keys.historyChunk(ARN, 4), Keys.run(ARN, MAIN_RUN_ID)]);
  });

  it('writes the event counter on its own when no run written holds the newest event', async () => {
    // Arrange
    const written: StoreOp[][] = [];
    const execution = liveExecution(written);

    // Act
    await execution.mutate((tx) => {
      tx.events.push('{"id":4}');
      tx.firstEventId = execution.nextEventId++;
    });

    // Assert
    expect(written[0]).toContainEqual({ type: 'put', key: Keys.live(ARN), value: '{"nextEventId":5}' });
  });
});

describe('isoTime', () => {
  it.each([
    0, 5, 42, 999, 1_000, 1_700_000_000_007, 1_700_000_000_070, 1_700_000_000_700, 1_700_000_001_000, -1,
    -1_500, 253_402_300_799_999, 253_402_300_800_000, -62_167_219_200_001,
  ])('writes %d as toISOString does', (ms) => {
    // Act
    const first = isoTime(ms);
    const again = isoTime(ms);

    // Assert
    expect(first).toBe(new Date(ms).toISOString());
    expect(again).toBe(first);
  });
});
