import type { ChoiceState } from '../asl/types.js';
import { selectNextState } from '../choice/index.js';
import { applyInputPath, applyOutputPath } from '../io/index.js';
import type { StateFile } from './outcome.js';

/** A Choice state: the first matching rule's Next, else Default, else `States.NoChoiceMatched`. */
export const choiceState: StateFile<ChoiceState> = {
  enter(state, input, { context }) {
    const effectiveInput = applyInputPath(input, state.InputPath, context);
    const next = selectNextState(state, effectiveInput, context);
    return { kind: 'next', next, output: applyOutputPath(effectiveInput, state.OutputPath, context) };
  },
};
