/**
 * The key layout of the engine's store. Keys sort so that range scans answer the API's
 * questions: all state machines, one machine's executions newest first, one execution's history
 * in order, and the live runs of running executions (what recovery reads).
 */

const SEPARATOR = '\u0000';
const END = '\uffff';
/** Large enough that inverting a millisecond timestamp keeps a fixed width until the year 2286. */
const MAX_TIME = 9_999_999_999_999;

/** A key prefix and the bounds that scan every key under it. */
export interface KeyRange {
  gt: string;
  lt: string;
}

function range(prefix: string): KeyRange {
  return { gt: prefix, lt: prefix + END };
}

/** Key builders for each kind of record. */
export const Keys = {
  stateMachine: (arn: string) => `sm${SEPARATOR}${arn}`,
  stateMachines: (): KeyRange => range(`sm${SEPARATOR}`),
  revision: (arn: string, revisionId: string) => `rev${SEPARATOR}${arn}${SEPARATOR}${revisionId}`,
  revisions: (arn: string): KeyRange => range(`rev${SEPARATOR}${arn}${SEPARATOR}`),
  execution: (arn: string) => `ex${SEPARATOR}${arn}`,
  /** Index of a machine's executions, newest first. */
  executionByMachine: (machineArn: string, startMs: number, executionArn: string) =>
    `exm${SEPARATOR}${machineArn}${SEPARATOR}${String(MAX_TIME - startMs).padStart(13, '0')}${SEPARATOR}${executionArn}`,
  executionsByMachine: (machineArn: string): KeyRange => range(`exm${SEPARATOR}${machineArn}${SEPARATOR}`),
  /** Every machine's {@link Keys.executionByMachine} keys: by machine, each machine's newest first. */
  executionsOfAllMachines: (): KeyRange => range(`exm${SEPARATOR}`),
  /** Splits an {@link Keys.executionByMachine} key back into its machine, start and execution. */
  parseExecutionByMachine: (key: string): { machineArn: string; startMs: number; executionArn: string } => {
    const [, machineArn = '', invertedStart = '', executionArn = ''] = key.split(SEPARATOR);
    return { machineArn, startMs: MAX_TIME - Number(invertedStart), executionArn };
  },
  /** The history events one transaction appended, keyed by the id of the first. */
  historyChunk: (executionArn: string, firstEventId: number) =>
    `h${SEPARATOR}${executionArn}${SEPARATOR}${String(firstEventId).padStart(10, '0')}`,
  history: (executionArn: string): KeyRange => range(`h${SEPARATOR}${executionArn}${SEPARATOR}`),
  /**
   * The event counter of a running execution, when its runs do not tell it: recovery resumes
   * after the newest event a stored run has seen, or this, whichever is later.
   */
  live: (executionArn: string) => `live${SEPARATOR}${executionArn}`,
  lives: (): KeyRange => range(`live${SEPARATOR}`),
  /** One run (the main path, a Parallel branch or a Map iteration) of a running execution. */
  run: (executionArn: string, runId: string) => `run${SEPARATOR}${executionArn}${SEPARATOR}${runId}`,
  runs: (): KeyRange => range(`run${SEPARATOR}`),
  /** Splits a run key back into its execution and run. */
  parseRun: (key: string): { executionArn: string; runId: string } => {
    const [, executionArn = '', runId = ''] = key.split(SEPARATOR);
    return { executionArn, runId };
  },
} as const;
