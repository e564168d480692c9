import type { StoreOp } from '../../store/group-commit.js';
import type { ContextObject } from '../asl/context-object.js';
import type { State, StateMachineDefinition } from '../asl/types.js';
import { Keys } from '../store/keys.js';
import type { ExecutionRecord, HistoryEventRecord, RunRecord } from './records.js';

/** The main run's id. */
export const MAIN_RUN_ID = 'main';

/**
 * What one mutation of an execution changed: history events to append, runs to write or delete,
 * and work to start once the changes are durable.
 */
export class Transaction {
  readonly events: HistoryEventRecord[] = [];
  readonly dirtyRuns = new Set<RunRecord>();
  readonly deletedRuns = new Set<string>();
  readonly afterCommit: Array<() => void> = [];
  /** Writes beyond the execution's own records, e.g. the listing index of a new execution. */
  readonly extraOps: StoreOp[] = [];
  recordChanged = false;
  /** Parents whose children are being started, to keep that loop from re-entering. */
  readonly pumping = new Set<string>();
}

/**
 * A running execution in memory: its record, definition and runs. Every change goes through
 * {@link LiveExecution.mutate}, one at a time, and is written before its effects start.
 */
export class LiveExecution {
  readonly runs = new Map<string, RunRecord>();
  closed = false;
  /** Runs with a record in the store, so deleting one that never reached it costs nothing. */
  private readonly storedRuns = new Set<string>();
  private liveKeyStored = false;
  private readonly queue: Array<{
    change: (tx: Transaction) => unknown;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
  }> = [];
  private draining = false;
  private readonly executionContext: ContextObject['Execution'];
  private readonly machineContext: ContextObject['StateMachine'];

  constructor(
    readonly record: ExecutionRecord,
    readonly definition: StateMachineDefinition,
    readonly roleArn: string,
    public nextEventId: number,
    private readonly commit: (ops: StoreOp[]) => Promise<void>,
    recoveredRuns: RunRecord[] = [],
  ) {
    for (const run of recoveredRuns) {
      this.runs.set(run.id, run);
      this.storedRuns.add(run.id);
    }
    this.liveKeyStored = recoveredRuns.length > 0;
    this.executionContext = {
      Id: record.executionArn,
      Input: JSON.parse(record.input),
      Name: record.name,
      RoleArn: roleArn,
      StartTime: new Date(record.startDate).toISOString(),
      RedriveCount: 0,
    };
    const machineName = record.stateMachineArn.slice(record.stateMachineArn.lastIndexOf(':') + 1);
    this.machineContext = { Id: record.stateMachineArn, Name: machineName };
  }

  /**
   * Runs `change` after every earlier change of this execution, writes what it changed, then
   * starts its effects. Changes that arrive in the same turn of the event loop share one
   * transaction and one write. Resolves with `change`'s value once written; rejects with its
   * error (a change that throws must do so before it changes anything).
   */
  mutate<T>(change: (tx: Transaction) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ change, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const changes = this.queue.splice(0);
      const tx = new Transaction();
      const outcomes = changes.map(({ change }) => {
        try {
          return { ok: true as const, value: change(tx) };
        } catch (error) {
          return { ok: false as const, error };
        }
      });
      try {
        await this.commit(this.opsOf(tx));
      } catch (error) {
        for (const { reject } of changes) reject(error);
        continue;
      }
      for (const effect of tx.afterCommit) effect();
      changes.forEach(({ resolve, reject }, i) => {
        const outcome = outcomes[i] as (typeof outcomes)[number];
        if (outcome.ok) resolve(outcome.value);
        else reject(outcome.error);
      });
    }
    this.draining = false;
  }

  /** The state a run is in. */
  stateOf(run: RunRecord): State {
    const state = this.definitionOf(run).States[run.stateName];
    if (!state) throw new Error(`State '${run.stateName}' is not in the definition`);
    return state;
  }

  /** The branch or item processor a run executes (the whole definition for the main run). */
  definitionOf(run: RunRecord): StateMachineDefinition {
    let node: StateMachineDefinition = this.definition;
    const path = run.definitionPath;
    for (let i = 0; i < path.length; ) {
      const state = node.States[path[i] as string] as unknown as Record<string, unknown>;
      const key = path[i + 1] as string;
      if (key === 'Branches') {
        node = (state.Branches as StateMachineDefinition[])[path[i + 2] as number] as StateMachineDefinition;
        i += 3;
      } else {
        node = state[key] as StateMachineDefinition;
        i += 2;
      }
    }
    return node;
  }

  /** The context object of a run's current state. */
  contextOf(run: RunRecord, taskToken?: string): ContextObject {
    return {
      Execution: this.executionContext,
      StateMachine: this.machineContext,
      State: {
        EnteredTime: new Date(run.enteredTime).toISOString(),
        Name: run.stateName,
        RetryCount: run.retryAttempts.reduce((sum, attempts) => sum + attempts, 0),
      },
      ...(taskToken !== undefined && { Task: { Token: taskToken } }),
    };
  }

  /** The child runs of a Parallel or Map state's run, in index order. */
  childrenOf(parentId: string): RunRecord[] {
    const children: RunRecord[] = [];
    for (const run of this.runs.values()) if (run.parentId === parentId) children.push(run);
    return children.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  }

  private opsOf(tx: Transaction): StoreOp[] {
    const arn = this.record.executionArn;
    const ops: StoreOp[] = [...tx.extraOps];
    const firstEvent = tx.events[0];
    if (firstEvent) {
      ops.push({ type: 'put', key: Keys.historyChunk(arn, firstEvent.id), value: JSON.stringify(tx.events) });
    }
    if (tx.recordChanged)
      ops.push({ type: 'put', key: Keys.execution(arn), value: JSON.stringify(this.record) });
    for (const id of tx.deletedRuns) {
      if (this.storedRuns.delete(id)) ops.push({ type: 'del', key: Keys.run(arn, id) });
    }
    if (this.closed) {
      if (this.liveKeyStored) ops.push({ type: 'del', key: Keys.live(arn) });
      this.liveKeyStored = false;
      return ops;
    }
    for (const run of tx.dirtyRuns) {
      if (this.runs.get(run.id) !== run) continue;
      ops.push({ type: 'put', key: Keys.run(arn, run.id), value: JSON.stringify(run) });
      this.storedRuns.add(run.id);
    }
    if (tx.events.length > 0) {
      ops.push({
        type: 'put',
        key: Keys.live(arn),
        value: JSON.stringify({ nextEventId: this.nextEventId }),
      });
      this.liveKeyStored = true;
    }
    return ops;
  }
}
