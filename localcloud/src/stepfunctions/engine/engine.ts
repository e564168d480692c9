import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { ClassicLevel } from 'classic-level';
import { AwsServiceError } from '../../aws-service-error.js';
import { GroupCommit, type StoreOp } from '../../store/group-commit.js';
import type { State, StateMachineDefinition } from '../asl/types.js';
import { validateDefinition } from '../asl/validate-definition.js';
import { LambdaRegistry, type LocalServiceCall, TaskIntegrations } from '../integrations/index.js';
import { Keys } from '../store/keys.js';
import { executionArn, isValidName, machineOfExecution, stateMachineArn } from './arns.js';
import { decodeHistoryChunk } from './history-chunk.js';
import { MAX_JSON_NESTING, nestsDeeperThan } from './json-text.js';
import { LiveExecution } from './live-execution.js';
import type {
  ExecutionRecord,
  ExecutionStatus,
  HistoryEventRecord,
  RunRecord,
  StateMachineRecord,
} from './records.js';
import { Runner } from './runner.js';
import { sfnSdkService } from './sfn-sdk-service.js';
import { decodeTaskToken } from './task-token.js';
import { TimerQueue } from './timer-queue.js';

/** How to open an engine. */
export interface EngineOptions {
  /** Folder of the engine's store; created if missing. Without it the engine keeps nothing. */
  dataDir: string;
  /** Region of ARNs created without one, and of the integrations' calls. */
  region?: string;
  /** The local services that DynamoDB and EventBridge Task states call (the edge's answers). */
  services?: LocalServiceCall;
  /** Handlers for Lambda tasks; a new registry if not given. */
  lambda?: LambdaRegistry;
  /** Flush every write to the disk, for power loss; off, writes survive a process crash. */
  syncWrites?: boolean;
  /** The clock, for tests. */
  now?: () => number;
  /**
   * How long a closed execution stays (its record, its history, its place in listings) before it
   * is deleted and its name may start a new one; {@link DEFAULT_RETENTION_DAYS} by default.
   */
  retentionDays?: number;
  /**
   * Resume running executions as the engine opens (the default). Without it, call
   * {@link StepFunctionsEngine.resume} once the services they call are up.
   */
  resume?: boolean;
}

/** One page of a listing. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Raised when the store is held by another running process. */
export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
}

/** How long AWS keeps a closed Standard execution. */
export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;
/** How often expired executions are deleted after the one deletion at open. */
const RETENTION_INTERVAL_MS = 3_600_000;
/** Deletions written together while expiring executions. */
const EXPIRY_BATCH_OPS = 1000;

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

/**
 * A durable Step Functions engine. Every acknowledged change (a state machine, a started
 * execution, a state transition, a task token's answer) is written to the store before the call
 * returns; {@link StepFunctionsEngine.open} resumes every running execution where it was.
 */
export class StepFunctionsEngine {
  readonly lambda: LambdaRegistry;
  readonly region: string;
  private readonly live = new Map<string, LiveExecution>();
  /** Definitions by revision id. */
  private readonly definitions = new Map<string, StateMachineDefinition>();
  /** State machines read so far; this process is the store's only writer, so it stays true. */
  private readonly machines = new Map<string, StateMachineRecord | undefined>();
  private readonly timers: TimerQueue;
  private readonly integrations: TaskIntegrations;
  private readonly runner: Runner;
  private readonly writer: GroupCommit;
  private readonly closedListeners = new Set<(record: ExecutionRecord) => void>();
  private readonly retentionMs: number;
  /** The deletion of expired executions under way, which closing waits for. */
  private expiring: Promise<number> | undefined;
  private retentionTimer: NodeJS.Timeout | undefined;
  private closing = false;
  private readonly commit = (ops: StoreOp[]) => this.writer.commit(ops);

  private constructor(
    private readonly db: ClassicLevel<string, string>,
    private readonly options: EngineOptions,
  ) {
    const now = options.now ?? Date.now;
    this.region = options.region ?? 'us-east-1';
    this.retentionMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * DAY_MS;
    this.lambda = options.lambda ?? new LambdaRegistry(this.region);
    this.timers = new TimerQueue(now);
    this.writer = new GroupCommit(db, options.syncWrites);
    this.integrations = new TaskIntegrations({
      region: this.region,
      ...(options.services && { services: options.services }),
      lambda: this.lambda,
      sdkServices: { sfn: sfnSdkService(this) },
    });
    this.runner = new Runner({
      now,
      timers: this.timers,
      integrations: this.integrations,
      region: this.region,
      isClosing: () => this.closing,
      executionClosed: (execution) => {
        this.live.delete(execution.record.executionArn);
        for (const listener of this.closedListeners) listener(this.snapshot(execution.record));
      },
    });
  }

  /** Opens the store at `options.dataDir` and resumes every running execution. */
  static async open(options: EngineOptions): Promise<StepFunctionsEngine> {
    mkdirSync(options.dataDir, { recursive: true });
    const db = new ClassicLevel<string, string>(options.dataDir, {
      valueEncoding: 'utf8',
      writeBufferSize: 32 * 1024 * 1024,
    });
    try {
      await db.open();
    } catch (error) {
      const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? '';
      const message = String((error as { cause?: Error }).cause?.message ?? error);
      if (code === 'LEVEL_LOCKED' || /lock/i.test(message)) {
        throw new StoreLockedError(
          `The data folder ${options.dataDir} is in use by another running instance`,
        );
      }
      throw error;
    }
    const engine = new StepFunctionsEngine(db, options);
    engine.expireHourly();
    if (options.resume !== false) await engine.resume();
    return engine;
  }

  /**
   * Calls `listener` with the final record of every execution that ends, once that end is
   * written. Returns a function that removes the listener.
   */
  onExecutionClosed(listener: (record: ExecutionRecord) => void): () => void {
    this.closedListeners.add(listener);
    return () => this.closedListeners.delete(listener);
  }

  /** How many executions are running. */
  get runningCount(): number {
    return this.live.size;
  }

  /** Stops timers, lets pending writes finish and closes the store. Running executions stay running. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.timers.stop();
    clearInterval(this.retentionTimer);
    await this.expiring?.catch(() => undefined);
    await this.writer.drain();
    await this.db.close();
  }

  // --- State machines ---

  /**
   * CreateStateMachine. Idempotent for the same name, definition, type, logging and tracing
   * configuration; a different `roleArn` is ignored (and not updated), as on AWS.
   *
   * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html
   */
  async createStateMachine(request: {
    name: string;
    definition: string;
    roleArn: string;
    type?: 'STANDARD' | 'EXPRESS';
    region?: string;
    description?: string;
    loggingConfiguration?: unknown;
    tracingConfiguration?: unknown;
  }): Promise<StateMachineRecord> {
    if (!isValidName(request.name))
      throw new AwsServiceError('InvalidName', `Invalid Name: '${request.name}'`);
    const arn = stateMachineArn(request.region ?? this.region, request.name);
    const existing = this.findStateMachine(arn);
    // Validation compiles the whole ASL schema; a definition already stored has passed it.
    if (existing?.definition !== request.definition) this.checkDefinition(request.definition);
    if (existing) {
      if (isSameStateMachine(existing, request)) return existing;
      throw new AwsServiceError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
    }
    const record: StateMachineRecord = {
      stateMachineArn: arn,
      name: request.name,
      definition: request.definition,
      roleArn: request.roleArn,
      type: request.type ?? 'STANDARD',
      creationDate: this.now(),
      revisionId: randomUUID(),
      ...(request.description !== undefined && { description: request.description }),
      ...(request.loggingConfiguration !== undefined && {
        loggingConfiguration: request.loggingConfiguration,
      }),
      ...(request.tracingConfiguration !== undefined && {
        tracingConfiguration: request.tracingConfiguration,
      }),
    };
    await this.writer.commit([
      { type: 'put', key: Keys.stateMachine(arn), value: JSON.stringify(record) },
      { type: 'put', key: Keys.revision(arn, record.revisionId), value: record.definition },
    ]);
    this.machines.set(arn, record);
    return record;
  }

  /** UpdateStateMachine: running executions keep the revision they started with. */
  async updateStateMachine(request: {
    stateMachineArn: string;
    definition?: string;
    roleArn?: string;
    loggingConfiguration?: unknown;
    tracingConfiguration?: unknown;
  }): Promise<StateMachineRecord> {
    const record = await this.getStateMachine(request.stateMachineArn);
    if (request.definition !== undefined && request.definition !== record.definition) {
      this.checkDefinition(request.definition);
    }
    const updated: StateMachineRecord = {
      ...record,
      ...(request.definition !== undefined && { definition: request.definition }),
      ...(request.roleArn !== undefined && { roleArn: request.roleArn }),
      ...(request.loggingConfiguration !== undefined && {
        loggingConfiguration: request.loggingConfiguration,
      }),
      ...(request.tracingConfiguration !== undefined && {
        tracingConfiguration: request.tracingConfiguration,
      }),
      revisionId: randomUUID(),
      updateDate: this.now(),
    };
    await this.writer.commit([
      { type: 'put', key: Keys.stateMachine(updated.stateMachineArn), value: JSON.stringify(updated) },
      {
        type: 'put',
        key: Keys.revision(updated.stateMachineArn, updated.revisionId),
        value: updated.definition,
      },
    ]);
    this.machines.set(updated.stateMachineArn, updated);
    return updated;
  }

  /** DescribeStateMachine. */
  async getStateMachine(arn: string): Promise<StateMachineRecord> {
    return this.stateMachineOrThrow(arn);
  }

  /** ListStateMachines, by ARN order. */
  async listStateMachines(maxResults?: number, nextToken?: string): Promise<Page<StateMachineRecord>> {
    return this.page(
      Keys.stateMachines(),
      maxResults,
      nextToken,
      (value) => JSON.parse(value) as StateMachineRecord,
    );
  }

  /** DeleteStateMachine: running executions finish on the revision they started with. */
  async deleteStateMachine(arn: string): Promise<void> {
    await this.writer.commit([{ type: 'del', key: Keys.stateMachine(arn) }]);
    this.machines.set(arn, undefined);
  }

  // --- Executions ---

  /**
   * StartExecution. Idempotent by name while the execution runs: the same name and input give
   * the same execution; a different input, or a closed execution, `ExecutionAlreadyExists`.
   */
  async startExecution(request: {
    stateMachineArn: string;
    name?: string;
    input?: string;
    traceHeader?: string;
  }): Promise<ExecutionRecord> {
    const machine = this.stateMachineOrThrow(request.stateMachineArn);
    const name = request.name ?? randomUUID();
    if (!isValidName(name)) throw new AwsServiceError('InvalidName', `Invalid Name: '${name}'`);
    const inputText = request.input ?? '{}';
    let input: unknown;
    try {
      input = JSON.parse(inputText);
    } catch {
      throw new AwsServiceError(
        'InvalidExecutionInput',
        "Invalid State Machine Execution Input: 'Invalid JSON'",
      );
    }
    if (nestsDeeperThan(input, MAX_JSON_NESTING))
      throw new AwsServiceError(
        'InvalidExecutionInput',
        `Invalid State Machine Execution Input: 'nested deeper than ${MAX_JSON_NESTING} levels'`,
      );
    const arn = executionArn(machine.stateMachineArn, name);
    const running = this.live.get(arn);
    if (running) return this.sameExecution(running, inputText);
    // Read synchronously: a new name is nearly always absent, answered from memory, and handing
    // the read to the store's thread cost more than the read (a third of a busy engine's time).
    if (this.db.getSync(Keys.execution(arn)) !== undefined)
      throw new AwsServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);

    const definition = this.definitionOf(machine.stateMachineArn, machine.revisionId);
    const record: ExecutionRecord = {
      executionArn: arn,
      stateMachineArn: machine.stateMachineArn,
      name,
      status: 'RUNNING',
      startDate: this.now(),
      input: inputText,
      revisionId: machine.revisionId,
      ...(request.traceHeader !== undefined && { traceHeader: request.traceHeader }),
    };
    const execution = new LiveExecution(record, input, definition, machine.roleArn, 1, this.commit);
    this.live.set(arn, execution);
    await execution
      .mutate((tx) => {
        tx.recordChanged = true;
        // The key ends with the ARN: the value, which stores written before held the ARN, is empty.
        tx.extraOps.push({
          type: 'put',
          key: Keys.executionByMachine(machine.stateMachineArn, record.startDate, arn),
          value: '',
        });
        this.runner.start(execution, tx, input);
      })
      .catch((error: unknown) => {
        this.live.delete(arn);
        throw error;
      });
    return this.snapshot(record);
  }

  /** DescribeExecution. */
  async getExecution(arn: string): Promise<ExecutionRecord> {
    const live = this.live.get(arn);
    if (live) return this.snapshot(live.record);
    const record = await this.findExecution(arn);
    if (!record) throw new AwsServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return record;
  }

  /** ListExecutions of a state machine, newest first, optionally by status. */
  async listExecutions(request: {
    stateMachineArn: string;
    statusFilter?: ExecutionStatus;
    maxResults?: number;
    nextToken?: string;
  }): Promise<Page<ExecutionRecord>> {
    await this.getStateMachine(request.stateMachineArn);
    const range = Keys.executionsByMachine(request.stateMachineArn);
    const limit = pageSize(request.maxResults);
    const items: ExecutionRecord[] = [];
    const after = request.nextToken !== undefined ? decodePageToken(request.nextToken) : undefined;
    let lastKey: string | undefined;
    for await (const key of this.db.keys({ gt: after ?? range.gt, lt: range.lt })) {
      if (items.length === limit) return { items, nextToken: encodePageToken(lastKey as string) };
      const arn = Keys.parseExecutionByMachine(key).executionArn;
      const record = this.live.get(arn)?.record ?? (await this.findExecution(arn));
      if (record && (!request.statusFilter || record.status === request.statusFilter)) {
        items.push(this.snapshot(record));
        lastKey = key;
      }
    }
    return { items };
  }

  /** StopExecution: the execution ends ABORTED; stopping a closed one changes nothing. */
  async stopExecution(arn: string, error?: string, cause?: string): Promise<ExecutionRecord> {
    const execution = this.live.get(arn);
    if (!execution) return this.getExecution(arn);
    await execution.mutate((tx) => {
      if (!execution.closed) this.runner.abort(execution, tx, error, cause);
    });
    return this.snapshot(execution.record);
  }

  /** GetExecutionHistory: AWS's event types in order, paginated. */
  async getExecutionHistory(request: {
    executionArn: string;
    maxResults?: number;
    nextToken?: string;
    reverseOrder?: boolean;
  }): Promise<Page<HistoryEventRecord>> {
    const arn = request.executionArn;
    await this.getExecution(arn);
    // DescribeExecution answers from memory: the events of a change it already shows may still be
    // in the write queue.
    await this.writer.drain();
    const limit = pageSize(request.maxResults);
    const range = Keys.history(arn);
    const lastReturned = request.nextToken !== undefined ? decodeEventToken(request.nextToken) : undefined;
    const items: HistoryEventRecord[] = [];
    const take = (events: HistoryEventRecord[], keep: (id: number) => boolean) => {
      for (const event of events) if (keep(event.id) && items.length <= limit) items.push(event);
    };
    if (request.reverseOrder) {
      const before = lastReturned ?? Number.POSITIVE_INFINITY;
      const upper =
        lastReturned !== undefined ? { lte: Keys.historyChunk(arn, lastReturned) } : { lt: range.lt };
      for await (const value of this.db.values({ gt: range.gt, ...upper, reverse: true })) {
        take(decodeHistoryChunk(value).reverse(), (id) => id < before);
        if (items.length > limit) break;
      }
    } else {
      const after = lastReturned ?? 0;
      let from = range.gt;
      if (lastReturned !== undefined) {
        const chunkOf = { gt: range.gt, lte: Keys.historyChunk(arn, after + 1), reverse: true, limit: 1 };
        for await (const key of this.db.keys(chunkOf)) from = key;
      }
      for await (const value of this.db.values({ gte: from, lt: range.lt })) {
        take(decodeHistoryChunk(value), (id) => id > after);
        if (items.length > limit) break;
      }
    }
    if (items.length <= limit) return { items };
    items.length = limit;
    return { items, nextToken: encodeEventToken((items.at(-1) as HistoryEventRecord).id) };
  }

  /**
   * Deletes every execution that closed longer ago than the retention period, its history and its
   * place in listings, as AWS does after 90 days, so that a data folder in use for months stops
   * growing; a deleted execution's name may start a new one. Runs in the background as the engine
   * opens and hourly after; a call while one runs joins it. Resolves with how many it deleted.
   */
  deleteExpiredExecutions(): Promise<number> {
    this.expiring ??= this.deleteClosedBefore(this.now() - this.retentionMs).finally(() => {
      this.expiring = undefined;
    });
    return this.expiring;
  }

  // --- Task tokens ---

  /** SendTaskSuccess. */
  sendTaskSuccess(token: string, output: unknown): Promise<void> {
    return this.withTask(token, (execution, tx, run) =>
      this.runner.tokenSucceeded(execution, tx, run, output),
    );
  }

  /** SendTaskFailure. */
  sendTaskFailure(token: string, error = '', cause = ''): Promise<void> {
    return this.withTask(token, (execution, tx, run) =>
      this.runner.tokenFailed(execution, tx, run, { error, cause }),
    );
  }

  /** SendTaskHeartbeat. */
  sendTaskHeartbeat(token: string): Promise<void> {
    return this.withTask(token, (execution, tx, run) => {
      if (run.phase.kind === 'tasking') this.runner.heartbeat(execution, tx, run, run.phase);
    });
  }

  private async withTask(
    token: string,
    act: (
      execution: LiveExecution,
      tx: Parameters<Parameters<LiveExecution['mutate']>[0]>[0],
      run: RunRecord,
    ) => void,
  ): Promise<void> {
    const { executionArn: arn, runId } = decodeTaskToken(token);
    const execution = this.live.get(arn);
    const gone = () =>
      new AwsServiceError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
    if (!execution) throw gone();
    await execution.mutate((tx) => {
      const run = execution.runs.get(runId);
      if (execution.closed || !run || run.phase.kind !== 'tasking' || run.phase.token !== token) throw gone();
      act(execution, tx, run);
    });
  }

  // --- Internals ---

  /** Deletes expired executions now, in the background, and hourly after. */
  private expireHourly(): void {
    const expire = () => {
      this.deleteExpiredExecutions().catch((error: unknown) => {
        if (!this.closing) console.error('[stepfunctions] deleting expired executions failed:', error);
      });
    };
    expire();
    this.retentionTimer = setInterval(expire, RETENTION_INTERVAL_MS);
    this.retentionTimer.unref();
  }

  private async deleteClosedBefore(cutoff: number): Promise<number> {
    const all = Keys.executionsOfAllMachines();
    let below = all.lt;
    let deleted = 0;
    const ops: StoreOp[] = [];
    // Each machine's executions sort newest first, so walking backwards meets its oldest first; at
    // its first one started since the cutoff (none later can have closed before it), the walk skips
    // to the machine before.
    walk: while (!this.closing) {
      for await (const key of this.db.keys({ gt: all.gt, lt: below, reverse: true })) {
        if (this.closing) break walk;
        const { machineArn, startMs, executionArn: arn } = Keys.parseExecutionByMachine(key);
        if (startMs >= cutoff) {
          below = Keys.executionsByMachine(machineArn).gt;
          continue walk;
        }
        if (!(await this.closedBefore(arn, cutoff))) continue;
        // An execution goes in one batch, its history with its record: until the record goes, no
        // new execution can take the name and write a history of its own.
        for await (const chunk of this.db.keys(Keys.history(arn))) ops.push({ type: 'del', key: chunk });
        ops.push({ type: 'del', key: Keys.execution(arn) }, { type: 'del', key });
        deleted++;
        if (ops.length >= EXPIRY_BATCH_OPS) await this.writer.commit(ops.splice(0));
      }
      break;
    }
    if (ops.length > 0) await this.writer.commit(ops);
    return deleted;
  }

  /** Whether an execution closed before `cutoff` (or its record is gone, its listing left over). */
  private async closedBefore(arn: string, cutoff: number): Promise<boolean> {
    if (this.live.has(arn)) return false;
    const record = await this.findExecution(arn);
    return !record || (record.stopDate !== undefined && record.stopDate < cutoff);
  }

  private sameExecution(running: LiveExecution, inputText: string): ExecutionRecord {
    if (running.closed || running.record.input !== inputText) {
      throw new AwsServiceError(
        'ExecutionAlreadyExists',
        `Execution Already Exists: '${running.record.executionArn}'`,
      );
    }
    return this.snapshot(running.record);
  }

  private checkDefinition(definition: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(definition);
    } catch {
      parsed = undefined; // validateDefinition says why.
    }
    if (nestsDeeperThan(parsed, MAX_JSON_NESTING))
      throw new AwsServiceError(
        'InvalidDefinition',
        `Invalid State Machine Definition: 'nested deeper than ${MAX_JSON_NESTING} levels'`,
      );
    const result = validateDefinition(definition);
    if (!result.ok)
      throw new AwsServiceError(
        'InvalidDefinition',
        `Invalid State Machine Definition: '${result.problems.join(', ')}'`,
      );
    const unsupported = taskResources(result.definition).filter(
      (resource) => !this.integrations.resolve(resource),
    );
    if (unsupported.length > 0) {
      throw new AwsServiceError(
        'InvalidDefinition',
        `Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The resource provided ${unsupported.join(', ')} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.'`,
      );
    }
  }

  private definitionOf(machineArn: string, revisionId: string): StateMachineDefinition {
    // Revision ids are random UUIDs: one names one definition, whatever its machine.
    let definition = this.definitions.get(revisionId);
    if (!definition) {
      const text = this.db.getSync(Keys.revision(machineArn, revisionId));
      if (text === undefined)
        throw new Error(`Revision ${revisionId} of ${machineArn} is missing from the store`);
      definition = JSON.parse(text) as StateMachineDefinition;
      this.definitions.set(revisionId, definition);
    }
    return definition;
  }

  private findStateMachine(arn: string): StateMachineRecord | undefined {
    if (this.machines.has(arn)) return this.machines.get(arn);
    const value = this.db.getSync(Keys.stateMachine(arn));
    const record = value === undefined ? undefined : (JSON.parse(value) as StateMachineRecord);
    this.machines.set(arn, record);
    return record;
  }

  private stateMachineOrThrow(arn: string): StateMachineRecord {
    const record = this.findStateMachine(arn);
    if (!record)
      throw new AwsServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return record;
  }

  /** A closed (or not yet resumed) execution's record, read without blocking the event loop. */
  private async findExecution(arn: string): Promise<ExecutionRecord | undefined> {
    const value = await this.db.get(Keys.execution(arn));
    return value === undefined ? undefined : (JSON.parse(value) as ExecutionRecord);
  }

  private snapshot(record: ExecutionRecord): ExecutionRecord {
    return { ...record };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async page<T>(
    range: { gt: string; lt: string },
    maxResults: number | undefined,
    nextToken: string | undefined,
    parse: (value: string) => T,
  ): Promise<Page<T>> {
    const limit = pageSize(maxResults);
    const after = nextToken !== undefined ? decodePageToken(nextToken) : undefined;
    const items: T[] = [];
    let lastKey: string | undefined;
    for await (const [key, value] of this.db.iterator({
      gt: after ?? range.gt,
      lt: range.lt,
      limit: limit + 1,
    })) {
      if (items.length === limit) return { items, nextToken: encodePageToken(lastKey as string) };
      items.push(parse(value));
      lastKey = key;
    }
    return { items };
  }

  /**
   * Loads every running execution and its runs, re-arms timers and re-runs interrupted tasks.
   * Resolves with how many executions are running.
   */
  async resume(): Promise<number> {
    await this.recover();
    return this.live.size;
  }

  private async recover(): Promise<void> {
    // A running execution has a record for each of its runs (its main run at least) until it
    // closes; the newest event a run has seen gives the event counter, unless one was stored.
    const runsByExecution = new Map<string, RunRecord[]>();
    for await (const [key, value] of this.db.iterator(Keys.runs())) {
      const { executionArn: arn } = Keys.parseRun(key);
      const list = runsByExecution.get(arn) ?? [];
      list.push(JSON.parse(value) as RunRecord);
      runsByExecution.set(arn, list);
    }
    const counters = new Map<string, number>();
    for await (const [key, value] of this.db.iterator(Keys.lives())) {
      counters.set(
        key.slice(Keys.live('').length),
        (JSON.parse(value) as { nextEventId: number }).nextEventId,
      );
    }
    const arns = [...new Set([...runsByExecution.keys(), ...counters.keys()])];
    if (arns.length === 0) return;
    const values = await this.db.getMany(arns.map((arn) => Keys.execution(arn)));
    const resumed: Promise<void>[] = [];
    for (const [i, arn] of arns.entries()) {
      const value = values[i];
      if (value === undefined) continue;
      const record = JSON.parse(value) as ExecutionRecord;
      if (record.status !== 'RUNNING') continue;
      const runs = runsByExecution.get(arn) ?? [];
      let nextEventId = counters.get(arn) ?? 1;
      for (const run of runs) nextEventId = Math.max(nextEventId, run.lastEventId + 1);
      const machine = this.findStateMachine(machineOfExecution(arn));
      const definition = this.definitionOf(record.stateMachineArn, record.revisionId);
      const execution = new LiveExecution(
        record,
        JSON.parse(record.input),
        definition,
        machine?.roleArn ?? '',
        nextEventId,
        this.commit,
        runs,
        counters.has(arn),
      );
      this.live.set(arn, execution);
      resumed.push(execution.mutate((tx) => this.runner.resume(execution, tx)));
    }
    await Promise.all(resumed);
  }
}

/** Whether a CreateStateMachine request repeats an existing state machine (roleArn aside). */
function isSameStateMachine(
  existing: StateMachineRecord,
  request: {
    definition: string;
    type?: string;
    loggingConfiguration?: unknown;
    tracingConfiguration?: unknown;
  },
): boolean {
  return (
    existing.definition === request.definition &&
    existing.type === (request.type ?? 'STANDARD') &&
    JSON.stringify(existing.loggingConfiguration) === JSON.stringify(request.loggingConfiguration) &&
    JSON.stringify(existing.tracingConfiguration) === JSON.stringify(request.tracingConfiguration)
  );
}

function pageSize(maxResults: number | undefined): number {
  if (maxResults === undefined || maxResults === 0) return DEFAULT_PAGE_SIZE;
  return Math.min(maxResults, MAX_PAGE_SIZE);
}

function encodePageToken(key: string): string {
  return Buffer.from(key).toString('base64url');
}

function encodeEventToken(eventId: number): string {
  return Buffer.from(`event:${eventId}`).toString('base64url');
}

function decodeEventToken(token: string): number {
  const match = /^event:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw new AwsServiceError('InvalidToken', "Invalid Token: 'Invalid pagination token'");
  return Number(match[1]);
}

function decodePageToken(token: string): string {
  const key = Buffer.from(token, 'base64url').toString('utf8');
  if (!key.includes('\u0000'))
    throw new AwsServiceError('InvalidToken', "Invalid Token: 'Invalid pagination token'");
  return key;
}

/** Every Task resource in a definition, branches and item processors included. */
function taskResources(definition: StateMachineDefinition): string[] {
  const resources: string[] = [];
  const visit = (states: Record<string, State>) => {
    for (const state of Object.values(states)) {
      if (state.Type === 'Task') resources.push(state.Resource);
      if (state.Type === 'Parallel') for (const branch of state.Branches) visit(branch.States);
      if (state.Type === 'Map') visit((state.ItemProcessor ?? state.Iterator)?.States ?? {});
    }
  };
  visit(definition.States);
  return resources;
}
