import type { ContextObject } from '../asl/context-object.js';
import type { State } from '../asl/types.js';
import type { LiveExecution } from './live-execution.js';
import type { RunRecord } from './records.js';

/**
 * Which states read the context object (`$$`), so that the others are not given one built for
 * them at every state entered. Only `$$` paths read it (in paths, payload templates and intrinsic
 * functions), besides Choice states' error messages and Map states' item selectors.
 */

/** Entering a state (input processing and the state's work), or completing a task's result. */
export type StateStep = 'enter' | 'complete';

/**
 * Given to a state that does not read the context object. Reading it anyway is an engine bug,
 * reported as one rather than answered with wrong values.
 */
const UNREAD_CONTEXT = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(
      ['Execution', 'State', 'StateMachine', 'Task', 'Map'].map((name) => [
        name,
        {
          enumerable: true,
          get: () => {
            throw new Error(`The context object was read by a state thought not to read it (${name})`);
          },
        },
      ]),
    ),
  ),
) as ContextObject;

const readsOnEnter = new WeakMap<State, boolean>();
const readsOnComplete = new WeakMap<State, boolean>();

/** The context object for `run`'s current state at `step`, or none if the state does not read it. */
export function contextFor(
  execution: LiveExecution,
  run: RunRecord,
  state: State,
  step: StateStep,
  token?: string,
): ContextObject {
  return readsContext(state, step) ? execution.contextOf(run, token) : UNREAD_CONTEXT;
}

function readsContext(state: State, step: StateStep): boolean {
  const known = step === 'enter' ? readsOnEnter : readsOnComplete;
  let reads = known.get(state);
  if (reads === undefined) {
    if (step === 'enter') {
      reads = state.Type === 'Choice' || state.Type === 'Map' || JSON.stringify(state).includes('$$');
    } else {
      // Result processing: ResultSelector and OutputPath (ResultPath never reads the context).
      const { ResultSelector, OutputPath } = state as { ResultSelector?: unknown; OutputPath?: unknown };
      reads = JSON.stringify([ResultSelector, OutputPath]).includes('$$');
    }
    known.set(state, reads);
  }
  return reads;
}
