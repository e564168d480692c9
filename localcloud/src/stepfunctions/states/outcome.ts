import type { ContextObject } from '../asl/context-object.js';
import type { Json } from '../asl/types.js';

/**
 * What a state file decides, for the runner to persist and carry out. A state file never sleeps
 * and never does I/O: it returns one of these.
 */
export type StateOutcome =
  /** Go to `next` with `output` (already through ResultPath and OutputPath). */
  | { kind: 'next'; next: string; output: unknown }
  /** The run ends here with `output`. */
  | { kind: 'end'; output: unknown }
  /** The state raised an error (a Fail state, or a processing failure). */
  | { kind: 'fail'; error: string; cause: string }
  /** Resume at `until` (epoch ms), then finish the state with `output`. */
  | { kind: 'waitUntil'; until: number; output: unknown }
  /** Call a task resource with `parameters`; the result goes through {@link StateFile.complete}. */
  | { kind: 'invoke'; parameters: unknown; timeoutSeconds?: number; heartbeatSeconds?: number }
  /** Run child runs, one per input; their outputs, in order, go through {@link StateFile.complete}. */
  | { kind: 'branch'; inputs: unknown[]; maxConcurrency: number };

/** What a state file reads besides its definition and input. */
export interface StateContext {
  /** The context object (`$$`). */
  context: ContextObject;
  /** The current time in epoch milliseconds. */
  now: number;
}

/** One state type's logic: how it starts, and for Task, Parallel and Map how it finishes. */
export interface StateFile<S> {
  /** Processes the state's input and decides what happens. */
  enter(state: S, input: unknown, ctx: StateContext): StateOutcome;
  /** Turns a task's or child runs' result into the state's outcome (ResultSelector, ResultPath, OutputPath). */
  complete?(state: S, input: unknown, result: unknown, ctx: StateContext): StateOutcome;
}

/** The `next` or `end` outcome of a state that carries `Next` or `End`. */
export function transition(state: { Next?: string; End?: boolean }, output: unknown): StateOutcome {
  return state.Next !== undefined ? { kind: 'next', next: state.Next, output } : { kind: 'end', output };
}

/** Narrows a template field (Parameters, ResultSelector, ...) to JSON. */
export function asTemplate(value: unknown): Json {
  return value as Json;
}
