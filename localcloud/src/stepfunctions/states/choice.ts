import type { ChoiceState } from '../asl/types.js';
import { selectNextState } from '../choice/index.js';
import type { StateFile } from './outcome.js';
import { selectInput, selectOutput } from './paths.js';

/** A Choice state: the first matching rule's Next, else Default, else `States.NoChoiceMatched`. */
export const choiceState: StateFile<ChoiceState> = {
  enter(state, input, { context }) {
    const effectiveInput = selectInput(input, state.InputPath, context);
    const next = selectNextState(state, effectiveInput, context);
    return { kind: 'next', next, output: selectOutput(effectiveInput, state.OutputPath, context) };
  },
};
