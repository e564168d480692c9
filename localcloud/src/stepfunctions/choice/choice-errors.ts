import { StatesError, StatesErrorName } from '../errors.js';

/**
 * A Choice Rule's path selected nothing. AWS fails the state with `States.Runtime` here (only
 * `IsPresent` tolerates a missing Variable), with this wording.
 *
 * @see https://states-language.net/spec.html#choice-state
 */
export function invalidPathError(path: string, context: unknown): StatesError {
  return new StatesError(
    StatesErrorName.Runtime,
    `${whileExecuting(context)}Invalid path '${path}': The choice state's condition path references an invalid value.`,
  );
}

/**
 * No top-level Choice Rule matched and the state has no `Default`.
 *
 * @see https://states-language.net/spec.html#choice-state
 */
export function noChoiceMatchedError(context: unknown): StatesError {
  return new StatesError(
    StatesErrorName.NoChoiceMatched,
    `${whileExecuting(context)}No Choice Rule matched the state input and no Default was given.`,
  );
}

/** A Choice Rule the definition checks should have refused, found while running it. */
export function malformedRuleError(reason: string, context: unknown): StatesError {
  return new StatesError(StatesErrorName.Runtime, `${whileExecuting(context)}Invalid Choice Rule: ${reason}`);
}

function whileExecuting(context: unknown): string {
  const name = stateName(context);
  return name === undefined ? '' : `An error occurred while executing the state '${name}'. `;
}

function stateName(context: unknown): string | undefined {
  if (typeof context !== 'object' || context === null || !('State' in context)) return undefined;
  const state = context.State;
  if (typeof state !== 'object' || state === null || !('Name' in state)) return undefined;
  return typeof state.Name === 'string' ? state.Name : undefined;
}
