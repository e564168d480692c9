import { randomUUID } from 'node:crypto';
import type { Catcher, MapState, ParallelState, Retrier, State, TaskState } from '../asl/types.js';
import { StatesError, StatesErrorName, toStatesError } from '../errors.js';
import type { TaskIntegrations, TaskResource } from '../integrations/index.js';
import { MAX_PAYLOAD_BYTES } from '../intrinsics/index.js';
import { applyResultPath } from '../io/index.js';
import { errorOutput, findCatcher, planRetry } from '../retry/index.js';
import { type StateOutcome, stateFileFor } from '../states/index.js';
import {
  encodeDetailsEvent,
  encodeEvent,
  encodeStateEvent,
  type StateEventKind,
  stateEvent,
} from './history-chunk.js';
import { StateEventTypes } from './history-events.js';
import { type LiveExecution, MAIN_RUN_ID, type Transaction } from './live-execution.js';
import type { ExecutionStatus, RunError, RunPhase, RunRecord } from './records.js';
import { contextFor } from './state-context.js';
import { encodeTaskToken } from './task-token.js';
import type { TimerQueue } from './timer-queue.js';

/** What the runner needs from the engine around it. */
export interface RunnerHost {
  now(): number;
  readonly timers: TimerQueue;
  readonly integrations: TaskIntegrations;
  /** The region written into task history events. */
  readonly region: string;
  /** Called once an execution has closed and its final record is written. */
  executionClosed(execution: LiveExecution): void;
  /**
   * True once the engine is closing. A task result that arrives then is dropped: the store can no
   * longer take it, and the task runs again at the next start, as after a crash.
   */
  isClosing(): boolean;
}

type TaskPhase = Extract<RunPhase, { kind: 'tasking' }>;
type BranchPhase = Extract<RunPhase, { kind: 'branching' }>;

/** The event type of each task outcome, for plain Lambda ARNs and other tasks. */
const TASK_EVENT_TYPES = Object.fromEntries(
  (['Succeeded', 'Failed', 'TimedOut', 'Submitted'] as const).map((outcome) => [
    outcome,
    { lambda: `LambdaFunction${outcome}`, task: `Task${outcome}` },
  ]),
) as Record<'Succeeded' | 'Failed' | 'TimedOut' | 'Submitted', { lambda: string; task: string }>;

/** The member AWS writes beside an output in an event's details, as JSON text. */
const NOT_TRUNCATED = '"outputDetails":{"truncated":false}';

/**
 * Moves runs from state to state. Every method runs inside a {@link LiveExecution.mutate} and
 * records what it changed in the transaction; task calls start only after the change is written.
 */
export class Runner {
  /** The `resourceType` and `resource` members of each resource's task events, as JSON text. */
  private readonly resourceFields = new WeakMap<TaskResource, string>();

  constructor(private readonly host: RunnerHost) {}

  /** Starts a new execution's main run. */
  start(execution: LiveExecution, tx: Transaction, input: unknown): void {
    const { record } = execution;
    // The input stays the text it was given (not necessarily what JSON.stringify writes): escaped.
    this.emitDetails(
      execution,
      tx,
      undefined,
      'ExecutionStarted',
      `{"input":${JSON.stringify(record.input)},"inputDetails":{"truncated":false},"roleArn":${JSON.stringify(execution.roleArn)}}`,
      undefined,
      undefined,
      record.startDate,
    );
    const main: RunRecord = {
      id: MAIN_RUN_ID,
      definitionPath: [],
      stateName: execution.definition.StartAt,
      stateInput: input,
      enteredTime: this.host.now(),
      retryAttempts: [],
      phase: { kind: 'entering' },
      status: 'running',
      lastEventId: execution.nextEventId - 1,
    };
    execution.runs.set(main.id, main);
    tx.dirtyRuns.add(main);
    this.watchExecutionTimeout(execution);
    this.advance(execution, tx, main);
  }

  /** Picks up a recovered execution where it was: timers re-armed, interrupted tasks run again. */
  resume(execution: LiveExecution, tx: Transaction): void {
    this.watchExecutionTimeout(execution);
    for (const run of [...execution.runs.values()]) {
      if (run.status !== 'running' || execution.runs.get(run.id) !== run) continue;
      const { phase } = run;
      if (phase.kind === 'entering') this.advance(execution, tx, run);
      else if (phase.kind === 'waiting') this.armWait(execution, run, phase);
      else if (phase.kind === 'tasking') {
        this.armTaskTimers(execution, run, phase);
        if (!phase.started) this.callTaskAfterCommit(execution, tx, run, phase);
      } else this.pumpBranches(execution, tx, run);
    }
  }

  /** A `.waitForTaskToken` task's token came back with SendTaskSuccess. */
  tokenSucceeded(execution: LiveExecution, tx: Transaction, run: RunRecord, output: unknown): void {
    this.taskSucceeded(execution, tx, run, output);
  }

  /** A `.waitForTaskToken` task's token came back with SendTaskFailure. */
  tokenFailed(execution: LiveExecution, tx: Transaction, run: RunRecord, failure: RunError): void {
    this.taskFailed(execution, tx, run, new StatesError(failure.error, failure.cause));
  }

  /** SendTaskHeartbeat: the task's heartbeat deadline starts again. */
  heartbeat(execution: LiveExecution, tx: Transaction, run: RunRecord, phase: TaskPhase): void {
    if (phase.heartbeatSeconds === undefined) return;
    phase.heartbeatAt = this.host.now() + phase.heartbeatSeconds * 1000;
    tx.dirtyRuns.add(run);
    this.armTaskTimers(execution, run, phase);
  }

  /** StopExecution: the execution ends ABORTED. */
  abort(
    execution: LiveExecution,
    tx: Transaction,
    error: string | undefined,
    cause: string | undefined,
  ): void {
    this.close(execution, tx, 'ABORTED', 'ExecutionAborted', {
      executionAbortedEventDetails: {
        ...(error !== undefined && { error }),
        ...(cause !== undefined && { cause }),
      },
    });
    if (error !== undefined) execution.record.error = error;
    if (cause !== undefined) execution.record.cause = cause;
  }

  /** Runs a run's states until it has to wait for time, a task or its children. */
  private advance(execution: LiveExecution, tx: Transaction, run: RunRecord): void {
    while (!execution.closed && run.status === 'running' && run.phase.kind === 'entering') {
      this.enter(execution, tx, run, run.phase.retry === true);
    }
  }

  private enter(execution: LiveExecution, tx: Transaction, run: RunRecord, retrying: boolean): void {
    const state = execution.stateOf(run);
    if (!retrying) {
      run.enteredTime = this.host.now();
      run.retryAttempts = [];
      this.emitStateEvent(
        execution,
        tx,
        run,
        'entered',
        StateEventTypes[state.Type].entered,
        tx.json(run.stateInput),
        run.enteredTime,
      );
    }
    const taskResource = state.Type === 'Task' ? this.host.integrations.resolve(state.Resource) : undefined;
    const token =
      taskResource?.pattern === 'wait-for-task-token'
        ? encodeTaskToken(execution.record.executionArn, run.id, randomUUID())
        : undefined;
    let outcome: StateOutcome;
    try {
      if (state.Type === 'Task' && !taskResource) {
        throw new StatesError(StatesErrorName.Runtime, `The resource '${state.Resource}' is not supported`);
      }
      outcome = stateFileFor(state).enter(state, run.stateInput, {
        context: contextFor(execution, run, state, 'enter', token),
        now: this.host.now(),
      });
    } catch (thrown) {
      this.raise(execution, tx, run, state, toStatesError(thrown));
      return;
    }
    this.carryOut(execution, tx, run, state, outcome, taskResource, token);
  }

  private carryOut(
    execution: LiveExecution,
    tx: Transaction,
    run: RunRecord,
    state: State,
    outcome: StateOutcome,
    taskResource?: TaskResource,
    token?: string,
  ): void {
    switch (outcome.kind) {
      case 'next':
        this.exit(execution, tx, run, state, outcome.output);
        this.moveTo(tx, run, outcome.next, outcome.output);
        return;
      case 'end':
        this.exit(execution, tx, run, state, outcome.output);
        this.finishRun(execution, tx, run, { output: outcome.output });
        return;
      case 'fail':
        this.finishRun(execution, tx, run, { failure: { error: outcome.error, cause: outcome.cause } });
        return;
      case 'waitUntil': {
        const phase: RunPhase = {
          kind: 'waiting',
          until: outcome.until,
          purpose: 'wait',
          output: outcome.output,
        };
        run.phase = phase;
        tx.dirtyRuns.add(run);
        this.armWait(execution, run, phase);
        return;
      }
      case 'invoke':
        this.scheduleTask(execution, tx, run, taskResource as TaskResource, outcome, token);
        return;
      case 'branch':
        this.startBranches(execution, tx, run, state as ParallelState | MapState, outcome);
        return;
    }
  }

  private moveTo(tx: Transaction, run: RunRecord, next: string, input: unknown): void {
    run.stateName = next;
    run.stateInput = input;
    run.phase = { kind: 'entering' };
    run.retryAttempts = [];
    tx.dirtyRuns.add(run);
  }

  private exit(
    execution: LiveExecution,
    tx: Transaction,
    run: RunRecord,
    state: State,
    output: unknown,
  ): void {
    const exited = StateEventTypes[state.Type].exited;
    if (exited) this.emitStateEvent(execution, tx, run, 'exited', exited, tx.json(output));
  }

  /** An error raised in a state: retried, caught, or the end of the run. */
  private raise(
    execution: LiveExecution,
    tx: Transaction,
    run: RunRecord,
    state: State,
    error: StatesError,
  ): void {
    const { Retry: retriers, Catch: catchers } = state as { Retry?: Retrier[]; Catch?: Catcher[] };
    const retry = planRetry(retriers, error.name, run.retryAttempts);
    if (retry) {
      run.retryAttempts[retry.retrierIndex] = (run.retryAttempts[retry.retrierIndex] ?? 0) + 1;
      for (let i = 0; i < run.retryAttempts.length; i++) run.retryAttempts[i] ??= 0;
      const phase: RunPhase = { kind: 'waiting', until: this.host.now() + retry.delayMs, purpose: 'retry' };
      run.phase = phase;
      tx.dirtyRuns.add(run);
      this.armWait(execution, run, phase);
      return;
    }
    const catcher = findCatcher(catchers, error.name);
    if (catcher) {
      let output: unknown;
      try {
        output = applyResultPath(run.stateInput, errorOutput(error.name, error.cause), catcher.ResultPath);
      } catch (thrown) {
        const failure = toStatesError(thrown);
        this.finishRun(execution, tx, run, { failure: { error: failure.name, cause: failure.cause } });
        return;
      }
      this.exit(execution, tx, run, state, output);
      this.moveTo(tx, run, catcher.Next, output);
      this.advance(execution, tx, run);
      return;
    }
    this.finishRun(execution, tx, run, { failure: { error: error.name, cause: error.cause } });
  }

  // --- Wait states and retry intervals ---

  private armWait(
    execution: LiveExecution,
    run: RunRecord,
    phase: Extract<RunPhase, { kind: 'waiting' }>,
  ): void {
    this.host.timers.schedule(phase.until, () => {
      if (run.phase !== phase || execution.closed) return;
      void execution.mutate((tx) => {
        if (run.phase !== phase || execution.closed) return;
        if (phase.purpose === 'retry') {
          run.phase = { kind: 'entering', retry: true };
          tx.dirtyRuns.add(run);
        } else {
          const state = execution.stateOf(run);
          this.exit(execution, tx, run, state, phase.output);
          if (state.Type === 'Wait' && state.Next !== undefined)
            this.moveTo(tx, run, state.Next, phase.output);
          else this.finishRun(execution, tx, run, { output: phase.output });
        }
        this.advance(execution, tx, run);
      });
    });
  }

  // --- Task states ---

  private scheduleTask(
    execution: LiveExecution,
    tx: Transaction,
    run: RunRecord,
    resource: TaskResource,
    outcome: Extract<StateOutcome, { kind: 'invoke' }>,
    token: string | undefined,
  ): void {
    const now = this.host.now();
    const phase: TaskPhase = {
      kind: 'tasking',
      parameters: outcome.parameters,
      started: false,
      ...(token !== undefined && { token }),
      ...(outcome.timeoutSeconds !== undefined && { timeoutAt: now + outcome.timeoutSeconds * 1000 }),
      ...(outcome.heartbeatSeconds !== undefined && {
        heartbeatSeconds: outcome.heartbeatSeconds,
        heartbeatAt: now + outcome.heartbeatSeconds * 1000,
      }),
    };
    run.phase = phase;
    tx.dirtyRuns.add(run);
    const timeout =
      outcome.timeoutSeconds !== undefined ? `,"timeoutInSeconds":${outcome.timeoutSeconds}` : '';
    if (resource.lambdaFunctionArn) {
      this.emitDetails(
        execution,
        tx,
        run,
        'LambdaFunctionScheduled',
        `{${this.fieldsOf(resource)},"inputDetails":{"truncated":false}${timeout}}`,
        'input',
        tx.json(outcome.parameters),
      );
      this.emit(execution, tx, run, 'LambdaFunctionStarted', {});
    } else {
      const heartbeat =
        outcome.heartbeatSeconds !== undefined ? `,"heartbeatInSeconds":${outcome.heartbeatSeconds}` : '';
      this.emitDetails(
        execution,
        tx,
        run,
        'TaskScheduled',
        `{${this.fieldsOf(resource)},"region":${JSON.stringify(this.host.region)}${timeout}${heartbeat}}`,
        'parameters',
        tx.json(outcome.parameters),
      );
      this.emitDetails(execution, tx, run, 'TaskStarted', `{${this.fieldsOf(resource)}}`);
    }
    this.armTaskTimers(execution, run, phase);
    this.callTaskAfterCommit(execution, tx, run, phase);
  }

  private callTaskAfterCommit(
    execution: LiveExecution,
    tx: Transaction,
    run: RunRecord,
    phase: TaskPhase,
  ): void {
    const state = execution.stateOf(run) as TaskState;
    const resource = this.host.integrations.resolve(state.Resource) as TaskResource;
    tx.afterCommit.push(() => {
      this.host.integrations.invoke(resource, phase.parameters).then(
        async (result) => {
          if (this.host.isClosing()) return;
          await execution.mutate((next) => {
            if (run.phase !== phase || execution.closed) return;
            if (phase.token === undefined) {
              this.taskSucceeded(execution, next, run, result);
              return;
            }
            phase.started = true;
            next.dirtyRuns.add(run);
            this.emitTaskEvent(execution, next, run, resource, 'Submitted', NOT_TRUNCATED, next.json(result));
          });
        },
        async (thrown: unknown) => {
          if (this.host.isClosing()) return;
          await execution.mutate((next) => {
            if (run.phase !== phase || execution.closed) return;
            this.taskFailed(execution, next, run, toStatesError(thrown));
          });
        },
      );
    });
  }

  private armTaskTimers(execution: LiveExecution, run: RunRecord, phase: TaskPhase): void {
    const check = () => {
      if (run.phase !== phase || execution.closed) return;
      void execution.mutate((tx) => {
        if (run.phase !== phase || execution.closed) return;
        const now = this.host.now();
        if (phase.timeoutAt !== undefined && now >= phase.timeoutAt) {
          this.taskTimedOut(execution, tx, run, StatesErrorName.Timeout);
        } else if (phase.heartbeatAt !== undefined && now >= phase.heartbeatAt) {
          this.taskTimedOut(execution, tx, run, StatesErrorName.HeartbeatTimeout);
        }
      });
    };
    if (phase.timeoutAt !== undefined) this.host.timers.schedule(phase.timeoutAt, check);
    if (phase.heartbeatAt !== undefined) this.host.timers.schedule(phase.heartbeatAt, check);
  }

  private taskSucceeded(execution: LiveExecution, tx: Transaction, run: RunRecord, result: unknown): void {
    const state = execution.stateOf(run) as TaskState;
    const resource = this.host.integrations.resolve(state.Resource) as TaskResource;
    const output = tx.json(result ?? null) as string;
    const bytes = Buffer.byteLength(output, 'utf8');
    if (bytes > MAX_PAYLOAD_BYTES) {
      const cause = `The task result is ${bytes} bytes, over the payload quota of ${MAX_PAYLOAD_BYTES} bytes`;
      this.taskFailed(execution, tx, run, new StatesError(StatesErrorName.DataLimitExceeded, cause));
      return;
    }
    this.emitTaskEvent(execution, tx, run, resource, 'Succeeded', NOT_TRUNCATED, output);
    this.complete(execution, tx, run, state, result ?? null);
  }

  private taskFailed(execution: LiveExecution, tx: Transaction, run: RunRecord, error: StatesError): void {
    this.taskEnded(execution, tx, run, 'Failed', error);
  }

  private taskTimedOut(execution: LiveExecution, tx: Transaction, run: RunRecord, errorName: string): void {
    this.taskEnded(execution, tx, run, 'TimedOut', new StatesError(errorName, ''));
  }

  private taskEnded(
    execution: LiveExecution,
    tx: Transaction,
    run: RunRecord,
    outcome: 'Failed' | 'TimedOut',
    error: StatesError,
  ): void {
    const state = execution.stateOf(run) as TaskState;
    const resource = this.host.integrations.resolve(state.Resource) as TaskResource;
    const failure = JSON.stringify({ error: error.name, cause: error.cause }).slice(1, -1);
    this.emitTaskEvent(execution, tx, run, resource, outcome, failure);
    this.raise(execution, tx, run, state, error);
    this.advance(execution, tx, run);
  }

  /**
   * A task's event: `LambdaFunction<Outcome>` for a plain function ARN, otherwise `Task<Outcome>`
   * naming the resource, as AWS writes them. `fields` are the details' members as JSON text;
   * `output`, the result's JSON text, if any.
   */
  private emitTaskEvent(
    execution: LiveExecution,
    tx: Transaction,
    run: RunRecord,
    resource: TaskResource,
    outcome: 'Succeeded' | 'Failed' | 'TimedOut' | 'Submitted',
    fields: string,
    output?: string,
  ): void {
    const types = TASK_EVENT_TYPES[outcome];
    const payloadField = output === undefined ? undefined : 'output';
    if (resource.lambdaFunctionArn) {
      this.emitDetails(execution, tx, run, types.lambda, `{${fields}}`, payloadField, output);
    } else {
      const text = `{${this.fieldsOf(resource)}${fields === '' ? '' : `,${fields}`}}`;
      this.emitDetails(execution, tx, run, types.task, text, payloadField, output);
    }
  }

  /**
   * The members that name a task's resource in its events, as JSON text: `resourceType` and
   * `resource`, or for a plain function ARN (whose events name it only when it is scheduled)
   * `resource`.
   */
  private fieldsOf(resource: TaskResource): string {
    let text = this.resourceFields.get(resource);
    if (text === undefined) {
      const fields = resource.lambdaFunctionArn
        ? { resource: resource.lambdaFunctionArn }
        : { resourceType: resource.resourceType, resource: resource.resource };
      text = JSON.stringify(fields).slice(1, -1);
      this.resourceFields.set(resource, text);
    }
    return text;
  }

  /** A Task's or Parallel/Map state's result goes through result processing to the next state. */
  private complete(
    execution: LiveExecution,
    tx: Transaction,
    run: RunRecord,
    state: State,
    result: unknown,
  ): void {
    const file = stateFileFor(state);
    let outcome: StateOutcome;
    try {
      outcome = (file.complete as NonNullable<typeof file.complete>)(state, run.stateInput, result, {
        context: contextFor(execution, run, state, 'complete'),
        now: this.host.now(),
      });
    } catch (thrown) {
      this.raise(execution, tx, run, state, toStatesError(thrown));
      this.advance(execution, tx, run);
      return;
    }
    this.carryOut(execution, tx, run, state, outcome);
    this.advance(execution, tx, run);
  }

  // --- Parallel and Map states ---

  private startBranches(
    execution: LiveExecution,
    tx: Transaction,
    run: RunRecord,
    state: ParallelState | MapState,
    outcome: Extract<StateOutcome, { kind: 'branch' }>,
  ): void {
    run.phase = {
      kind: 'branching',
      inputs: outcome.inputs,
      maxConcurrency: outcome.maxConcurrency,
      started: 0,
    };
    tx.dirtyRuns.add(run);
    if (state.Type === 'Parallel') this.emit(execution, tx, run, 'ParallelStateStarted', {});
    else
      this.emit(execution, tx, run, 'MapStateStarted', {
        mapStateStartedEventDetails: { length: outcome.inputs.length },
      });
    this.pumpBranches(execution, tx, run);
  }

  /**
   * Starts child runs while concurrency allows, and finishes the state once every child has
   * succeeded or one has failed. Children that finish at once are handled by the same loop.
   */
  private pumpBranches(execution: LiveExecution, tx: Transaction, parent: RunRecord): void {
    if (tx.pumping.has(parent.id)) return;
    tx.pumping.add(parent.id);
    try {
      for (;;) {
        const phase = parent.phase;
        if (phase.kind !== 'branching' || execution.closed || execution.runs.get(parent.id) !== parent)
          return;
        const state = execution.stateOf(parent) as ParallelState | MapState;
        const children = execution.childrenOf(parent.id);
        const failed = children.find((child) => child.status === 'failed');
        if (failed) {
          this.branchFailed(execution, tx, parent, state, children, failed);
          return;
        }
        const running = children.filter((child) => child.status === 'running').length;
        if (phase.started === phase.inputs.length && running === 0) {
          this.branchesSucceeded(execution, tx, parent, state, children);
          return;
        }
        const limit = phase.maxConcurrency > 0 ? phase.maxConcurrency : Number.POSITIVE_INFINITY;
        if (phase.started === phase.inputs.length || running >= limit) return;
        this.startChild(execution, tx, parent, state, phase);
      }
    } finally {
      tx.pumping.delete(parent.id);
    }
  }

  private startChild(
    execution: LiveExecution,
    tx: Transaction,
    parent: RunRecord,
    state: ParallelState | MapState,
    phase: BranchPhase,
  ): void {
    const index = phase.started++;
    tx.dirtyRuns.add(parent);
    const processorKey =
      state.Type === 'Map' ? (state.ItemProcessor ? 'ItemProcessor' : 'Iterator') : undefined;
    const definitionPath = [
      ...parent.definitionPath,
      parent.stateName,
      ...(processorKey === undefined ? ['Branches', index] : [processorKey]),
    ];
    const child: RunRecord = {
      id: `${parent.id}.${index}`,
      parentId: parent.id,
      index,
      definitionPath,
      stateName: '',
      stateInput: phase.inputs[index],
      enteredTime: this.host.now(),
      retryAttempts: [],
      phase: { kind: 'entering' },
      status: 'running',
      lastEventId: parent.lastEventId,
    };
    child.stateName = execution.definitionOf(child).StartAt;
    execution.runs.set(child.id, child);
    tx.dirtyRuns.add(child);
    if (state.Type === 'Map') {
      this.emit(execution, tx, child, 'MapIterationStarted', {
        mapIterationStartedEventDetails: { name: parent.stateName, index },
      });
    }
    this.advance(execution, tx, child);
  }

  private branchesSucceeded(
    execution: LiveExecution,
    tx: Transaction,
    parent: RunRecord,
    state: ParallelState | MapState,
    children: RunRecord[],
  ): void {
    for (const child of children) this.dropRun(execution, tx, child);
    this.emit(
      execution,
      tx,
      parent,
      state.Type === 'Parallel' ? 'ParallelStateSucceeded' : 'MapStateSucceeded',
      {},
    );
    this.complete(
      execution,
      tx,
      parent,
      state,
      children.map((child) => child.output),
    );
  }

  private branchFailed(
    execution: LiveExecution,
    tx: Transaction,
    parent: RunRecord,
    state: ParallelState | MapState,
    children: RunRecord[],
    failed: RunRecord,
  ): void {
    for (const child of children) {
      if (child.status === 'running' && state.Type === 'Map') {
        this.emit(execution, tx, child, 'MapIterationAborted', {
          mapIterationAbortedEventDetails: { name: parent.stateName, index: child.index },
        });
      }
      this.dropRun(execution, tx, child);
    }
    this.emit(
      execution,
      tx,
      parent,
      state.Type === 'Parallel' ? 'ParallelStateFailed' : 'MapStateFailed',
      {},
    );
    const failure = failed.failure as RunError;
    this.raise(execution, tx, parent, state, new StatesError(failure.error, failure.cause));
    this.advance(execution, tx, parent);
  }

  private dropRun(execution: LiveExecution, tx: Transaction, run: RunRecord): void {
    for (const child of execution.childrenOf(run.id)) this.dropRun(execution, tx, child);
    execution.runs.delete(run.id);
    tx.deletedRuns.add(run.id);
    run.status = run.status === 'running' ? 'failed' : run.status;
  }

  // --- Ending runs and executions ---

  private finishRun(
    execution: LiveExecution,
    tx: Transaction,
    run: RunRecord,
    result: { output: unknown } | { failure: RunError },
  ): void {
    if ('output' in result) {
      run.status = 'succeeded';
      run.output = result.output;
    } else {
      run.status = 'failed';
      run.failure = result.failure;
    }
    run.phase = { kind: 'entering' };
    tx.dirtyRuns.add(run);
    if (run.parentId === undefined) {
      this.closeMain(execution, tx, run);
      return;
    }
    const parent = execution.runs.get(run.parentId);
    if (!parent) return;
    const parentState = execution.stateOf(parent);
    if (parentState.Type === 'Map') {
      const details = { name: parent.stateName, index: run.index };
      if (run.status === 'succeeded') {
        this.emit(execution, tx, run, 'MapIterationSucceeded', {
          mapIterationSucceededEventDetails: details,
        });
      } else {
        this.emit(execution, tx, run, 'MapIterationFailed', { mapIterationFailedEventDetails: details });
      }
    }
    this.pumpBranches(execution, tx, parent);
  }

  private closeMain(execution: LiveExecution, tx: Transaction, main: RunRecord): void {
    if (main.status === 'succeeded') {
      const output = tx.json(main.output ?? null) as string;
      execution.record.output = output;
      if (this.closeRecord(execution, tx, 'SUCCEEDED')) {
        this.emitDetails(
          execution,
          tx,
          execution.runs.get(MAIN_RUN_ID),
          'ExecutionSucceeded',
          `{${NOT_TRUNCATED}}`,
          'output',
          output,
        );
        this.closeRuns(execution, tx);
      }
    } else {
      const failure = main.failure as RunError;
      execution.record.error = failure.error;
      execution.record.cause = failure.cause;
      this.close(execution, tx, 'FAILED', 'ExecutionFailed', { executionFailedEventDetails: failure });
    }
  }

  private close(
    execution: LiveExecution,
    tx: Transaction,
    status: ExecutionStatus,
    eventType: string,
    details: Record<string, unknown>,
  ): void {
    if (!this.closeRecord(execution, tx, status)) return;
    this.emit(execution, tx, execution.runs.get(MAIN_RUN_ID), eventType, details);
    this.closeRuns(execution, tx);
  }

  /** Gives a running execution its final status; false if it had one already. */
  private closeRecord(execution: LiveExecution, tx: Transaction, status: ExecutionStatus): boolean {
    if (execution.closed) return false;
    const { record } = execution;
    record.status = status;
    record.stopDate = this.host.now();
    tx.recordChanged = true;
    return true;
  }

  /** After the closing event: the runs go, and the engine hears of the end once it is written. */
  private closeRuns(execution: LiveExecution, tx: Transaction): void {
    for (const id of execution.runs.keys()) tx.deletedRuns.add(id);
    execution.runs.clear();
    execution.closed = true;
    tx.afterCommit.push(() => this.host.executionClosed(execution));
  }

  private watchExecutionTimeout(execution: LiveExecution): void {
    const seconds = execution.definition.TimeoutSeconds;
    if (seconds === undefined) return;
    this.host.timers.schedule(execution.record.startDate + seconds * 1000, () => {
      if (execution.closed) return;
      void execution.mutate((tx) => {
        this.close(execution, tx, 'TIMED_OUT', 'ExecutionTimedOut', {
          executionTimedOutEventDetails: { error: StatesErrorName.Timeout, cause: 'The execution timed out' },
        });
        execution.record.error = StatesErrorName.Timeout;
        execution.record.cause = 'The execution timed out';
      });
    });
  }

  /** An event in the stored `details` form (see {@link encodeDetailsEvent}). */
  private emitDetails(
    execution: LiveExecution,
    tx: Transaction,
    run: RunRecord | undefined,
    type: string,
    detailsText: string,
    payloadField?: string,
    payload?: string,
    timestamp = this.host.now(),
  ): void {
    const id = this.nextEventId(execution, tx);
    const previousEventId = run?.lastEventId ?? id - 1;
    const repeated = payload !== undefined && tx.repeatsPayload(payload);
    tx.events.push(
      encodeDetailsEvent(id, previousEventId, timestamp, type, detailsText, payloadField, payload, repeated),
    );
    if (run) {
      run.lastEventId = id;
      tx.dirtyRuns.add(run);
    }
  }

  private emit(
    execution: LiveExecution,
    tx: Transaction,
    run: RunRecord | undefined,
    type: string,
    details: Record<string, unknown>,
    timestamp = this.host.now(),
  ): void {
    const id = this.nextEventId(execution, tx);
    tx.events.push(
      encodeEvent({ id, previousEventId: run?.lastEventId ?? id - 1, timestamp, type, ...details }),
    );
    if (run) {
      run.lastEventId = id;
      tx.dirtyRuns.add(run);
    }
  }

  /** A state entered or exited event; `payload` is the state's input or output as JSON text. */
  private emitStateEvent(
    execution: LiveExecution,
    tx: Transaction,
    run: RunRecord,
    kind: StateEventKind,
    type: string,
    payload: string | undefined,
    timestamp = this.host.now(),
  ): void {
    const id = this.nextEventId(execution, tx);
    const { lastEventId: previousEventId, stateName: name } = run;
    tx.events.push(
      payload === undefined
        ? encodeEvent(stateEvent(kind, id, previousEventId, timestamp, type, name, payload))
        : encodeStateEvent(
            kind,
            id,
            previousEventId,
            timestamp,
            type,
            name,
            payload,
            tx.repeatsPayload(payload),
          ),
    );
    run.lastEventId = id;
    tx.dirtyRuns.add(run);
  }

  private nextEventId(execution: LiveExecution, tx: Transaction): number {
    const id = execution.nextEventId++;
    if (tx.events.length === 0) tx.firstEventId = id;
    return id;
  }
}
