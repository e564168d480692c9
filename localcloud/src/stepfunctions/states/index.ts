import type { State, StateType } from '../asl/types.js';
import { choiceState } from './choice.js';
import { failState } from './fail.js';
import { mapState } from './map.js';
import type { StateFile } from './outcome.js';
import { parallelState } from './parallel.js';
import { passState } from './pass.js';
import { succeedState } from './succeed.js';
import { taskState } from './task.js';
import { waitState } from './wait.js';

export type { StateContext, StateFile, StateOutcome } from './outcome.js';

/** Each state type's logic, keyed so that a missing type does not compile. */
const stateFiles: { [T in StateType]: StateFile<Extract<State, { Type: T }>> } = {
  Pass: passState,
  Task: taskState,
  Choice: choiceState,
  Wait: waitState,
  Succeed: succeedState,
  Fail: failState,
  Parallel: parallelState,
  Map: mapState,
};

/** The logic of a state's type. */
export function stateFileFor(state: State): StateFile<State> {
  return stateFiles[state.Type] as StateFile<State>;
}
