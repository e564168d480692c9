import type { SucceedState } from '../asl/types.js';
import { applyInputPath, applyOutputPath } from '../io/index.js';
import type { StateFile } from './outcome.js';

/** A Succeed state: ends its run successfully with its (filtered) input. */
export const succeedState: StateFile<SucceedState> = {
  enter(state, input, { context }) {
    return {
      kind: 'end',
      output: applyOutputPath(applyInputPath(input, state.InputPath, context), state.OutputPath, context),
    };
  },
};
