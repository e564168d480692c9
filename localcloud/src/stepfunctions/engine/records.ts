/**
 * What the engine stores: state machines, executions, history events and the live runs of
 * running executions. Times are epoch milliseconds; the API layer turns them into AWS's shapes.
 */

/** A state machine as DescribeStateMachine reports it. */
export interface StateMachineRecord {
  stateMachineArn: string;
  name: string;
  definition: string;
  roleArn: string;
  type: 'STANDARD' | 'EXPRESS';
  creationDate: number;
  /** Changes on every update; executions pin the revision they started with. */
  revisionId: string;
  updateDate?: number;
  description?: string;
  loggingConfiguration?: unknown;
  tracingConfiguration?: unknown;
}

/** The final and current statuses of an execution. */
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** An execution as DescribeExecution reports it. */
export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  /** The input as JSON text, as given. */
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  revisionId: string;
  traceHeader?: string;
}

/** One event of an execution's history, in AWS's shape but with a millisecond timestamp. */
export interface HistoryEventRecord {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  /** The details object, stored under its AWS name (e.g. `taskScheduledEventDetails`). */
  [details: string]: unknown;
}

/** An error raised in a run: its ASL name and cause. */
export interface RunError {
  error: string;
  cause: string;
}

/**
 * Where a run is inside its current state. A run is `entering` a state it has not started yet;
 * `waiting` for a Wait state or a retry interval; `tasking` while a Task is in flight; `branching`
 * while a Parallel or Map state's child runs work.
 */
export type RunPhase =
  | { kind: 'entering'; retry?: boolean }
  | { kind: 'waiting'; until: number; purpose: 'wait' | 'retry'; output?: unknown }
  | {
      kind: 'tasking';
      /** Parameters after template evaluation: what the integration is called with. */
      parameters: unknown;
      /** Set once the call has been handed to the integration (TaskSubmitted / TaskStarted). */
      started: boolean;
      /** For `.waitForTaskToken`: the token that resumes this task. */
      token?: string;
      timeoutAt?: number;
      heartbeatSeconds?: number;
      heartbeatAt?: number;
    }
  | {
      kind: 'branching';
      /** Inputs of the child runs (branch inputs for Parallel, items for Map). */
      inputs: unknown[];
      maxConcurrency: number;
      /** How many child runs were started; they start in index order. */
      started: number;
    };

/**
 * One thread of an execution: the main path, a Parallel branch or a Map iteration. A child run's
 * `definitionPath` locates its branch or item processor inside the state machine definition.
 */
export interface RunRecord {
  id: string;
  parentId?: string;
  /** Branch or item index within the parent state. */
  index?: number;
  definitionPath: Array<string | number>;
  stateName: string;
  /** The raw input of the current state, before InputPath. */
  stateInput: unknown;
  enteredTime: number;
  /** Attempts made so far, per Retrier of the current state. */
  retryAttempts: number[];
  phase: RunPhase;
  status: 'running' | 'succeeded' | 'failed';
  output?: unknown;
  failure?: RunError;
  /** The id of the last history event of this run, for `previousEventId`. */
  lastEventId: number;
}
