import type { StoreOp } from '../../store/group-commit.js';
import type { ContextObject } from '../asl/context-object.js';
import type { State, StateMachineDefinition } from '../asl/types.js';
import { Keys } from '../store/keys.js';
import { encodeHistoryChunk } from './history-chunk.js';
import { JsonTextCache } from './json-text.js';
import { encodeExecutionRecord, encodeRun, executionRecordHead } from './record-text.js';
import type { ExecutionRecord, RunRecord } from './records.js';

/**
 * The second {@link isoTime} last formatted, as `YYYY-MM-DDTHH:MM:SS.`: the times of one second
 * (most of them, under load) only add their milliseconds to it.
 */
let isoSecond = { second: Number.NaN, prefix: '' };

/** An epoch millisecond time as the context object gives it: `Date#toISOString`. */
export function isoTime(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== isoSecond.second) {
    const text = new Date(second * 1000).toISOString();
    // Years outside 0000–9999 are written longer: those are left to toISOString.
    isoSecond = { second, prefix: text.length === 24 ? text.slice(0, 20) : '' };
  }
  const millis = ms - second * 1000;
  if (isoSecond.prefix === '' || !Number.isInteger(millis)) return new Date(ms).toISOString();
  return `${isoSecond.prefix}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

/** The main run's id. */
export const MAIN_RUN_ID = 'main';

/**
 * What one mutation of an execution changed: history events to append, runs to write or delete,
 * and work to start once the changes are durable.
 */
export class Transaction {
  /** The history events to append, encoded (see `history-chunk.ts`). */
  readonly events: string[] = [];
  /** The id of the first of {@link Transaction.events}. */
  firstEventId = 0;
  readonly dirtyRuns = new Set<RunRecord>();
  readonly afterCommit: Array<() => void> = [];
  /** Writes beyond the execution's own records, e.g. the listing index of a new execution. */
  readonly extraOps: StoreOp[] = [];
  recordChanged = false;
  private deleted: Set<string> | undefined;
  private pumpingParents: Set<string> | undefined;
  private readonly texts = new JsonTextCache();
  private lastPayload: string | undefined;

  /** Runs to delete (made on first use: most transactions delete none). */
  get deletedRuns(): Set<string> {
    if (!this.deleted) this.deleted = new Set();
    return this.deleted;
  }

  /** Parents whose children are being started, to keep that loop from re-entering. */
  get pumping(): Set<string> {
    if (!this.pumpingParents) this.pumpingParents = new Set();
    return this.pumpingParents;
  }

  /** The runs to delete, if any. */
  deletions(): Iterable<string> {
    return this.deleted ?? [];
  }

  /**
   * Whether `payload`, the JSON text of an event about to be appended, is the one the newest of
   * {@link Transaction.events} with a payload carried, which the stored event then leaves out
   * (see `history-chunk.ts`).
   */
  repeatsPayload(payload: string): boolean {
    const repeated = payload === this.lastPayload;
    this.lastPayload = payload;
    return repeated;
  }

  /** `JSON.stringify(value)`, serialised once however often this transaction writes it. */
  json(value: unknown): string | undefined {
    return this.texts.of(value);
  }
}

/** A change waiting for its turn, then for its write. */
interface PendingChange {
  change: (tx: Transaction) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Whether `change` threw; `outcome` is then the error, otherwise its value. */
  failed: boolean;
  outcome: unknown;
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
  private queue: PendingChange[] = [];
  private draining = false;
  /** The parts of the context object that stay the same, made when a state first reads it. */
  private executionContext: ContextObject['Execution'] | undefined;
  private machineContext: ContextObject['StateMachine'] | undefined;
  /** The stored text of the record's members that never change (see `record-text.ts`). */
  private recordHead: string | undefined;

  /**
   * @param input The execution's input, parsed.
   * @param counterStored Whether the event counter has a record of its own in the store (see
   *   {@link Keys.live}), to be deleted when the execution closes.
   */
  constructor(
    readonly record: ExecutionRecord,
    private readonly input: unknown,
    readonly definition: StateMachineDefinition,
    readonly roleArn: string,
    public nextEventId: number,
    private readonly commit: (ops: StoreOp[]) => Promise<void>,
    recoveredRuns: RunRecord[] = [],
    private counterStored = false,
  ) {
    for (const run of recoveredRuns) {
      this.runs.set(run.id, run);
      this.storedRuns.add(run.id);
    }
  }

  /**
   * Runs `change` after every earlier change of this execution, writes what it changed, then
   * starts its effects. Changes that arrive in the same turn of the event loop share one
   * transaction and one write. Resolves with `change`'s value once written; rejects with its
   * error (a change that throws must do so before it changes anything).
   */
  mutate<T>(change: (tx: Transaction) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        change,
        resolve: resolve as (value: unknown) => void,
        reject,
        failed: false,
        outcome: undefined,
      });
      if (!this.draining) {
        this.draining = true;
        setImmediate(this.drainLater);
      }
    });
  }

  private readonly drainLater = () => void this.drain();

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const changes = this.queue;
      this.queue = [];
      const tx = new Transaction();
      for (const pending of changes) {
        try {
          pending.outcome = pending.change(tx);
        } catch (error) {
          pending.failed = true;
          pending.outcome = error;
        }
      }
      // Only the effects outlive the write: the transaction's events and texts are garbage by then.
      const { afterCommit } = tx;
      try {
        await this.commit(this.opsOf(tx));
      } catch (error) {
        for (const { reject } of changes) reject(error);
        continue;
      }
      for (const effect of afterCommit) effect();
      for (const { failed, outcome, resolve, reject } of changes) {
        if (failed) reject(outcome);
        else resolve(outcome);
      }
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
    let retryCount = 0;
    for (const attempts of run.retryAttempts) retryCount += attempts;
    if (!this.executionContext || !this.machineContext) {
      const { record } = this;
      this.executionContext = {
        Id: record.executionArn,
        Input: this.input,
        Name: record.name,
        RoleArn: this.roleArn,
        StartTime: isoTime(record.startDate),
        RedriveCount: 0,
      };
      const machineName = record.stateMachineArn.slice(record.stateMachineArn.lastIndexOf(':') + 1);
      this.machineContext = { Id: record.stateMachineArn, Name: machineName };
    }
    const context: ContextObject = {
      Execution: this.executionContext,
      StateMachine: this.machineContext,
      State: { EnteredTime: isoTime(run.enteredTime), Name: run.stateName, RetryCount: retryCount },
    };
    if (taskToken !== undefined) context.Task = { Token: taskToken };
    return context;
  }

  /** The child runs of a Parallel or Map state's run, in index order. */
  childrenOf(parentId: string): RunRecord[] {
    const children: RunRecord[] = [];
    for (const run of this.runs.values()) if (run.parentId === parentId) children.push(run);
    return children.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  }

  private opsOf(tx: Transaction): StoreOp[] {
    const arn = this.record.executionArn;
    const ops = tx.extraOps;
    if (tx.events.length > 0) {
      ops.push({
        type: 'put',
        key: Keys.historyChunk(arn, tx.firstEventId),
        value: encodeHistoryChunk(tx.events),
      });
    }
    if (tx.recordChanged) {
      this.recordHead ??= executionRecordHead(this.record);
      ops.push({
        type: 'put',
        key: Keys.execution(arn),
        value: encodeExecutionRecord(this.record, this.recordHead),
      });
    }
    for (const id of tx.deletions()) {
      if (this.storedRuns.delete(id)) ops.push({ type: 'del', key: Keys.run(arn, id) });
    }
    if (this.closed) {
      if (this.counterStored) ops.push({ type: 'del', key: Keys.live(arn) });
      this.counterStored = false;
      return ops;
    }
    let newestWritten = 0;
    for (const run of tx.dirtyRuns) {
      if (this.runs.get(run.id) !== run) continue;
      ops.push({ type: 'put', key: Keys.run(arn, run.id), value: encodeRun(run, tx) });
      this.storedRuns.add(run.id);
      if (run.lastEventId > newestWritten) newestWritten = run.lastEventId;
    }
    // Recovery takes the event counter from the newest event a stored run has seen. Should no run
    // written here hold the newest event, the counter is written on its own.
    if (tx.events.length > 0 && newestWritten < this.nextEventId - 1) {
      ops.push({
        type: 'put',
        key: Keys.live(arn),
        value: JSON.stringify({ nextEventId: this.nextEventId }),
      });
      this.counterStored = true;
    }
    return ops;
  }
}
