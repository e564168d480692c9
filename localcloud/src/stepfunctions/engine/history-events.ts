import type { StateType } from '../asl/types.js';

/**
 * The history event types AWS writes for each state type on entering and leaving it.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */
export const StateEventTypes: { [T in StateType]: { entered: string; exited: string | undefined } } = {
  Pass: { entered: 'PassStateEntered', exited: 'PassStateExited' },
  Task: { entered: 'TaskStateEntered', exited: 'TaskStateExited' },
  Choice: { entered: 'ChoiceStateEntered', exited: 'ChoiceStateExited' },
  Wait: { entered: 'WaitStateEntered', exited: 'WaitStateExited' },
  Succeed: { entered: 'SucceedStateEntered', exited: 'SucceedStateExited' },
  Fail: { entered: 'FailStateEntered', exited: undefined },
  Parallel: { entered: 'ParallelStateEntered', exited: 'ParallelStateExited' },
  Map: { entered: 'MapStateEntered', exited: 'MapStateExited' },
};
