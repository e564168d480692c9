import type { PassState } from '../asl/types.js';
import { processInput } from './input-processing.js';
import { type StateFile, transition } from './outcome.js';
import { placeResult, selectOutput } from './paths.js';

/** A Pass state: passes its input, or a fixed `Result`, or its `Parameters`, to the next state. */
export const passState: StateFile<PassState> = {
  enter(state, input, { context }) {
    const parameters = processInput(state, input, context);
    const result = state.Result === undefined ? parameters : state.Result;
    const output = selectOutput(placeResult(input, result, state.ResultPath), state.OutputPath, context);
    return transition(state, output);
  },
};
