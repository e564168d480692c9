import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type EngineOptions, StepFunctionsEngine } from './engine.js';
import type { ExecutionRecord } from './records.js';

const DAY_MS = 86_400_000;
/** Two writes of history: the Wait state's end comes from a timer. */
const brewed = JSON.stringify({
  StartAt: 'Brew',
  States: { Brew: { Type: 'Pass', Next: 'Cool' }, Cool: { Type: 'Wait', Seconds: 0, End: true } },
});
const quickBrew = JSON.stringify({ StartAt: 'Brew', States: { Brew: { Type: 'Pass', End: true } } });
/** Waits longer than any test moves its clock. */
const waitingAYear = JSON.stringify({
  StartAt: 'Rest',
  States: { Rest: { Type: 'Wait', Seconds: 400 * 86_400, End: true } },
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data folder and a clock that tests move by hand. */
function storeAndClock() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sfn-retention-'));
  dirs.push(dataDir);
  const clock = { now: Date.UTC(2026, 0, 1) };
  const open = (options: Partial<EngineOptions> = {}) =>
    StepFunctionsEngine.open({ dataDir, now: () => clock.now, ...options });
  return { clock, open };
}

/** Starts an execution and resolves once its end is written. */
async function run(engine: StepFunctionsEngine, stateMachineArn: string, name: string): Promise<string> {
  const closed = new Promise<ExecutionRecord>((resolve) => {
    const stop = engine.onExecutionClosed((record) => {
      if (record.name !== name) return;
      stop();
      resolve(record);
    });
  });
  const { executionArn } = await engine.startExecution({ stateMachineArn, name });
  await closed;
  return executionArn;
}

const gone = { name: 'ExecutionDoesNotExist' };

describe('closed executions are kept for the retention period, then deleted', () => {
  it('deletes one closed longer ago, with its history and listing, and its name starts anew', async () => {
    // Arrange
    const { clock, open } = storeAndClock();
    const engine = await open();
    const brew = await engine.createStateMachine({ name: 'brew', definition: brewed, roleArn: 'role' });
    const rest = await engine.createStateMachine({ name: 'rest', definition: waitingAYear, roleArn: 'role' });
    const old = await run(engine, brew.stateMachineArn, 'old');
    const { executionArn: resting } = await engine.startExecution({ stateMachineArn: rest.stateMachineArn });
    clock.now += 60 * DAY_MS;
    const recent = await run(engine, brew.stateMachineArn, 'recent');
    clock.now += 30 * DAY_MS + 1;

    // Act
    const deleted = await engine.deleteExpiredExecutions();

    // Assert
    expect(deleted).toBe(1);
    await expect(engine.getExecution(old)).rejects.toMatchObject(gone);
    await expect(engine.getExecutionHistory({ executionArn: old })).rejects.toMatchObject(gone);
    const listed = await engine.listExecutions({ stateMachineArn: brew.stateMachineArn });
    expect(listed.items.map((execution) => execution.name)).toEqual(['recent']);
    expect((await engine.getExecutionHistory({ executionArn: recent })).items.length).toBeGreaterThan(0);
    expect((await engine.getExecution(resting)).status).toBe('RUNNING');
    // A shorter history under the same name: none of the old one's events may show through.
    await engine.updateStateMachine({ stateMachineArn: brew.stateMachineArn, definition: quickBrew });
    const again = await run(engine, brew.stateMachineArn, 'old');
    const history = await engine.getExecutionHistory({ executionArn: again });
    expect(history.items.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    await engine.close();
  });

  it('deletes the expired ones once it opens, by the retention it is given', async () => {
    // Arrange
    const { clock, open } = storeAndClock();
    const first = await open();
    const brew = await first.createStateMachine({ name: 'brew', definition: brewed, roleArn: 'role' });
    const arns = [await run(first, brew.stateMachineArn, 'a'), await run(first, brew.stateMachineArn, 'b')];
    await first.close();
    clock.now += 91 * DAY_MS;

    // Act
    const keeping = await open({ retentionDays: 365 });
    await keeping.deleteExpiredExecutions();
    const kept = await Promise.all(arns.map((arn) => keeping.getExecution(arn)));
    await keeping.close();
    const reopened = await open();

    // Assert: in the background, without being asked.
    expect(kept.map((record) => record.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    await vi.waitFor(async () => {
      for (const arn of arns) await expect(reopened.getExecution(arn)).rejects.toMatchObject(gone);
    });
    expect((await reopened.listExecutions({ stateMachineArn: brew.stateMachineArn })).items).toEqual([]);
    await reopened.close();
  });
});
