import type { ExecutionRecord, RunPhase, RunRecord } from './records.js';

/**
 * The stored text of execution and run records: what `JSON.stringify` writes for them (the reader
 * parses it as it always has), made from templates rather than by walking each record again.
 * Values a transaction has already serialised (a run's state input, a task's parameters) are
 * spliced in as the text it has, rather than serialised once more.
 *
 * Every member of a record must be written here. The tables below list them, so that a member
 * added to a record's type and forgotten here does not compile.
 */

/** Gives the JSON text of a value, as `JSON.stringify` writes it (a `Transaction`). */
export interface JsonTexts {
  json(value: unknown): string | undefined;
}

const EXECUTION_MEMBERS: { [K in keyof ExecutionRecord]-?: 'head' | 'tail' } = {
  executionArn: 'head',
  stateMachineArn: 'head',
  name: 'head',
  startDate: 'head',
  input: 'head',
  revisionId: 'head',
  traceHeader: 'head',
  status: 'tail',
  stopDate: 'tail',
  output: 'tail',
  error: 'tail',
  cause: 'tail',
};

const RUN_MEMBERS: { [K in keyof RunRecord]-?: true } = {
  id: true,
  parentId: true,
  index: true,
  definitionPath: true,
  stateName: true,
  stateInput: true,
  enteredTime: true,
  retryAttempts: true,
  phase: true,
  status: true,
  output: true,
  failure: true,
  lastEventId: true,
};

const TASK_PHASE_MEMBERS: { [K in keyof Extract<RunPhase, { kind: 'tasking' }>]-?: true } = {
  kind: true,
  parameters: true,
  started: true,
  token: true,
  timeoutAt: true,
  heartbeatSeconds: true,
  heartbeatAt: true,
};

/** The members of an execution record, all of which {@link encodeExecutionRecord} writes. */
export const EXECUTION_MEMBER_NAMES = Object.keys(EXECUTION_MEMBERS);

/** The members of a run record, all of which {@link encodeRun} writes. */
export const RUN_MEMBER_NAMES = Object.keys(RUN_MEMBERS);

/** The members of a task's phase, all of which {@link encodeRun} writes. */
export const TASK_PHASE_MEMBER_NAMES = Object.keys(TASK_PHASE_MEMBERS);

/**
 * The text of an execution record's members that never change once it has started (its ARNs,
 * name, input, start date, revision and trace header), to be kept and given to
 * {@link encodeExecutionRecord}.
 */
export function executionRecordHead(record: ExecutionRecord): string {
  let text = `{"executionArn":${JSON.stringify(record.executionArn)},"stateMachineArn":${JSON.stringify(record.stateMachineArn)},"name":${JSON.stringify(record.name)},"startDate":${record.startDate},"input":${JSON.stringify(record.input)},"revisionId":${JSON.stringify(record.revisionId)}`;
  if (record.traceHeader !== undefined) text += `,"traceHeader":${JSON.stringify(record.traceHeader)}`;
  return text;
}

/** The stored text of an execution record; `head` is {@link executionRecordHead} of it. */
export function encodeExecutionRecord(record: ExecutionRecord, head = executionRecordHead(record)): string {
  let text = `${head},"status":"${record.status}"`;
  if (record.stopDate !== undefined) text += `,"stopDate":${record.stopDate}`;
  if (record.output !== undefined) text += `,"output":${JSON.stringify(record.output)}`;
  if (record.error !== undefined) text += `,"error":${JSON.stringify(record.error)}`;
  if (record.cause !== undefined) text += `,"cause":${JSON.stringify(record.cause)}`;
  return `${text}}`;
}

/**
 * The stored text of a run record. Run ids are made by the engine (`main`, `main.0`, ...) and
 * need no escaping; numbers are finite.
 */
export function encodeRun(run: RunRecord, texts: JsonTexts): string {
  const path = run.definitionPath.length === 0 ? '[]' : JSON.stringify(run.definitionPath);
  const attempts = run.retryAttempts.length === 0 ? '[]' : JSON.stringify(run.retryAttempts);
  let text = `{"id":"${run.id}","definitionPath":${path},"stateName":${JSON.stringify(run.stateName)},"enteredTime":${run.enteredTime},"retryAttempts":${attempts},"phase":${encodePhase(run.phase, texts)},"status":"${run.status}","lastEventId":${run.lastEventId}`;
  if (run.parentId !== undefined) text += `,"parentId":"${run.parentId}"`;
  if (run.index !== undefined) text += `,"index":${run.index}`;
  const input = texts.json(run.stateInput);
  if (input !== undefined) text += `,"stateInput":${input}`;
  const output = run.output === undefined ? undefined : texts.json(run.output);
  if (output !== undefined) text += `,"output":${output}`;
  if (run.failure !== undefined) text += `,"failure":${JSON.stringify(run.failure)}`;
  return `${text}}`;
}

function encodePhase(phase: RunPhase, texts: JsonTexts): string {
  if (phase.kind === 'entering' && phase.retry === undefined) return '{"kind":"entering"}';
  if (phase.kind !== 'tasking') return JSON.stringify(phase);
  let text = `{"kind":"tasking","started":${phase.started}`;
  const parameters = texts.json(phase.parameters);
  if (parameters !== undefined) text += `,"parameters":${parameters}`;
  if (phase.token !== undefined) text += `,"token":${JSON.stringify(phase.token)}`;
  if (phase.timeoutAt !== undefined) text += `,"timeoutAt":${phase.timeoutAt}`;
  if (phase.heartbeatSeconds !== undefined) text += `,"heartbeatSeconds":${phase.heartbeatSeconds}`;
  if (phase.heartbeatAt !== undefined) text += `,"heartbeatAt":${phase.heartbeatAt}`;
  return `${text}}`;
}
