import type { ParallelState } from '../asl/types.js';
import { processInput } from './input-processing.js';
import { type StateFile, transition } from './outcome.js';
import { processResult } from './result-processing.js';

/** A Parallel state: every branch gets the same input; the result is their outputs in order. */
export const parallelState: StateFile<ParallelState> = {
  enter(state, input, { context }) {
    const branchInput = processInput(state, input, context);
    return { kind: 'branch', inputs: state.Branches.map(() => branchInput), maxConcurrency: 0 };
  },
  complete(state, input, result, { context }) {
    return transition(state, processResult(state, input, result, context));
  },
};
