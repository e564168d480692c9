import type { WaitState } from '../asl/types.js';
import { StatesError, StatesErrorName } from '../errors.js';
import { readTypedPath } from '../io/index.js';
import type { StateFile } from './outcome.js';
import { selectInput, selectOutput } from './paths.js';

/** A Wait state: resumes after Seconds or at a Timestamp, given directly or by a path. */
export const waitState: StateFile<WaitState> = {
  enter(state, input, { context, now }) {
    const effectiveInput = selectInput(input, state.InputPath, context);
    const output = selectOutput(effectiveInput, state.OutputPath, context);
    return { kind: 'waitUntil', until: waitDeadline(state, effectiveInput, context, now), output };
  },
};

function waitDeadline(state: WaitState, input: unknown, context: unknown, now: number): number {
  if (state.Seconds !== undefined) return now + state.Seconds * 1000;
  if (state.Timestamp !== undefined) return Date.parse(state.Timestamp);
  if (state.SecondsPath !== undefined) {
    return now + readTypedPath('SecondsPath', state.SecondsPath, input, context, 'nonNegativeInteger') * 1000;
  }
  if (state.TimestampPath !== undefined) {
    return Date.parse(readTypedPath('TimestampPath', state.TimestampPath, input, context, 'timestamp'));
  }
  throw new StatesError(
    StatesErrorName.Runtime,
    'A Wait state needs Seconds, SecondsPath, Timestamp or TimestampPath',
  );
}
