import type { SucceedState } from '../asl/types.js';
import type { StateFile } from './outcome.js';
import { selectInput, selectOutput } from './paths.js';

/** A Succeed state: ends its run successfully with its (filtered) input. */
export const succeedState: StateFile<SucceedState> = {
  enter(state, input, { context }) {
    return {
      kind: 'end',
      output: selectOutput(selectInput(input, state.InputPath, context), state.OutputPath, context),
    };
  },
};
