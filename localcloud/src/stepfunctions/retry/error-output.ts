/**
 * The Error Output: the result a caught error gives the state, which the Catcher's `ResultPath`
 * (default `$`) places into the state's input for the Catcher's `Next` state.
 *
 * @see https://states-language.net/spec.html#error-output
 */
export interface ErrorOutput {
  /** The error name. */
  readonly Error: string;
  /** Human-readable text about the error, when there is any. */
  readonly Cause?: string;
}

/** Builds the Error Output for an error name and its cause. */
export function errorOutput(errorName: string, cause?: string): ErrorOutput {
  return cause === undefined ? { Error: errorName } : { Error: errorName, Cause: cause };
}
