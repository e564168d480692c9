/**
 * Errors of the Amazon States Language. Each carries its ASL error name as `name`, so matching a
 * Retrier's or Catcher's `ErrorEquals` is a string comparison, and its human-readable cause as
 * `cause`, exactly as they appear in an execution's history.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export class StatesError extends Error {
  /** The ASL error name, e.g. `States.Timeout` or `DynamoDB.ConditionalCheckFailedException`. */
  override readonly name: string;
  /** The cause, as a string (AWS serialises structured causes as JSON text). */
  override readonly cause: string;

  constructor(name: string, cause: string, options?: { original?: unknown }) {
    super(cause || name);
    this.name = name;
    this.cause = cause;
    if (options?.original !== undefined) Object.defineProperty(this, 'original', { value: options.original });
  }
}

/** The predefined error names of the States language. */
export const StatesErrorName = {
  All: 'States.ALL',
  DataLimitExceeded: 'States.DataLimitExceeded',
  ExceedToleratedFailureThreshold: 'States.ExceedToleratedFailureThreshold',
  HeartbeatTimeout: 'States.HeartbeatTimeout',
  IntrinsicFailure: 'States.IntrinsicFailure',
  ItemReaderFailed: 'States.ItemReaderFailed',
  NoChoiceMatched: 'States.NoChoiceMatched',
  ParameterPathFailure: 'States.ParameterPathFailure',
  Permissions: 'States.Permissions',
  ResultPathMatchFailure: 'States.ResultPathMatchFailure',
  ResultWriterFailed: 'States.ResultWriterFailed',
  Runtime: 'States.Runtime',
  TaskFailed: 'States.TaskFailed',
  Timeout: 'States.Timeout',
  BranchFailed: 'States.BranchFailed',
} as const;

/** Turns anything thrown into a {@link StatesError}, keeping ASL errors as they are. */
export function toStatesError(thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  if (thrown instanceof Error)
    return new StatesError(thrown.name || 'Error', thrown.message, { original: thrown });
  return new StatesError('Error', String(thrown));
}
