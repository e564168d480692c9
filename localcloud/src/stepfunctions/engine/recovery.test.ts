import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { afterEach, describe, expect, it } from 'vitest';
import { Keys } from '../store/keys.js';
import { StepFunctionsEngine } from './engine.js';

const waiting = JSON.stringify({
  StartAt: 'Brew',
  States: { Brew: { Type: 'Wait', Seconds: 3600, End: true } },
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A store holding one execution waiting in a Wait state; the engine that made it is closed. */
async function storeWithWaitingExecution(): Promise<{ dataDir: string; executionArn: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sfn-recovery-'));
  dirs.push(dataDir);
  const engine = await StepFunctionsEngine.open({ dataDir });
  const machine = await engine.createStateMachine({ name: 'brew', definition: waiting, roleArn: 'role' });
  const { executionArn } = await engine.startExecution({ stateMachineArn: machine.stateMachineArn });
  await engine.close();
  return { dataDir, executionArn };
}

describe('recovery', () => {
  it('resumes a running execution from its runs, numbering new events after the last one', async () => {
    // Arrange
    const { dataDir, executionArn } = await storeWithWaitingExecution();

    // Act
    const engine = await StepFunctionsEngine.open({ dataDir });
    await engine.stopExecution(executionArn);
    const { items } = await engine.getExecutionHistory({ executionArn });
    await engine.close();

    // Assert
    expect(engine.runningCount).toBe(0);
    expect(items.map((event) => event.id)).toEqual([1, 2, 3]);
    expect(items.at(-1)?.type).toBe('ExecutionAborted');
  });

  it('takes the event counter stored on its own when it is ahead of the runs', async () => {
    // Arrange: as a store holds it when no run written with the newest event was kept.
    const { dataDir, executionArn } = await storeWithWaitingExecution();
    const db = new ClassicLevel<string, string>(dataDir, { valueEncoding: 'utf8' });
    await db.put(Keys.live(executionArn), JSON.stringify({ nextEventId: 7 }));
    await db.close();

    // Act
    const engine = await StepFunctionsEngine.open({ dataDir });
    await engine.stopExecution(executionArn);
    const { items } = await engine.getExecutionHistory({ executionArn });
    await engine.close();
    const reopened = new ClassicLevel<string, string>(dataDir, { valueEncoding: 'utf8' });
    const counter = await reopened.get(Keys.live(executionArn));
    await reopened.close();

    // Assert
    expect(items.at(-1)).toMatchObject({ id: 7, type: 'ExecutionAborted' });
    expect(counter).toBeUndefined();
  });
});

describe('stores written before', () => {
  it('lists executions whose index entry holds their ARN', async () => {
    // Arrange: the listing index as stores held it before its entries were left empty.
    const { dataDir, executionArn } = await storeWithWaitingExecution();
    const db = new ClassicLevel<string, string>(dataDir, { valueEncoding: 'utf8' });
    const machineArn = executionArn
      .slice(0, executionArn.lastIndexOf(':'))
      .replace(':execution:', ':stateMachine:');
    const [[key] = []] = await db.iterator(Keys.executionsByMachine(machineArn)).all();
    await db.put(key as string, executionArn);
    await db.close();

    // Act
    const engine = await StepFunctionsEngine.open({ dataDir });
    const { items } = await engine.listExecutions({ stateMachineArn: machineArn });
    await engine.close();

    // Assert
    expect(items.map((item) => item.executionArn)).toEqual([executionArn]);
  });
});
