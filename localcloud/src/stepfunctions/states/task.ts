import type { TaskState } from '../asl/types.js';
import { readTypedPath } from '../io/index.js';
import { processInput } from './input-processing.js';
import { type StateFile, transition } from './outcome.js';
import { processResult } from './result-processing.js';

/** A Task state: calls its resource with its Parameters; the runner does the call. */
export const taskState: StateFile<TaskState> = {
  enter(state, input, { context }) {
    const parameters = processInput(state, input, context);
    const timeoutSeconds =
      state.TimeoutSecondsPath !== undefined
        ? readTypedPath('TimeoutSecondsPath', state.TimeoutSecondsPath, input, context, 'positiveInteger')
        : state.TimeoutSeconds;
    const heartbeatSeconds =
      state.HeartbeatSecondsPath !== undefined
        ? readTypedPath('HeartbeatSecondsPath', state.HeartbeatSecondsPath, input, context, 'positiveInteger')
        : state.HeartbeatSeconds;
    return {
      kind: 'invoke',
      parameters,
      ...(timeoutSeconds !== undefined && { timeoutSeconds }),
      ...(heartbeatSeconds !== undefined && { heartbeatSeconds }),
    };
  },
  complete(state, input, result, { context }) {
    return transition(state, processResult(state, input, result, context));
  },
};
