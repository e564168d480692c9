import type { TaskState } from '../asl/types.js';
import { applyInputPath, evaluatePayloadTemplate, readTypedPath } from '../io/index.js';
import { type StateFile, transition } from './outcome.js';
import { processResult } from './result-processing.js';

/** A Task state: calls its resource with its Parameters; the runner does the call. */
export const taskState: StateFile<TaskState> = {
  enter(state, input, { context }) {
    const effectiveInput = applyInputPath(input, state.InputPath, context);
    const parameters =
      state.Parameters === undefined
        ? effectiveInput
        : evaluatePayloadTemplate(state.Parameters, effectiveInput, context);
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
