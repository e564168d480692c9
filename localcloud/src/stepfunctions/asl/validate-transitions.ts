import {
  isJsonObject,
  type JsonObject,
  pointerTo,
  type Scope,
  type StateEntry,
  scopesOf,
} from './validate-scopes.js';

/** One named transition target and where the definition gives it. */
interface Transition {
  readonly field: 'Next' | 'Default';
  readonly target: string;
  readonly pointer: string;
}

/**
 * Transition checks, each within its own state machine (a Parallel branch or Map processor can
 * neither leave nor be entered): `StartAt` and every `Next`/`Default` (Choice Rules and Catchers
 * included) must name a state of the same machine, every state must be reachable from `StartAt`,
 * as AWS's CreateStateMachine requires, and some state must end the machine.
 *
 * @see https://states-language.net/spec.html#parallel-state
 */
export function validateTransitions(machine: unknown): string[] {
  if (!isJsonObject(machine)) return [];
  return scopesOf(machine).flatMap(scopeProblems);
}

function scopeProblems(scope: Scope): string[] {
  const names = new Set(scope.states.map((entry) => entry.name));
  const problems: string[] = [];
  if (typeof scope.startAt !== 'string') return problems;
  if (!names.has(scope.startAt)) {
    problems.push(
      `MISSING_TRANSITION_TARGET: Missing 'StartAt' target: ${scope.startAt} at ${pointerTo(scope.pointer, 'StartAt')}`,
    );
  }
  for (const entry of scope.states) {
    for (const { field, target, pointer } of transitionsOf(entry)) {
      if (!names.has(target)) {
        problems.push(`MISSING_TRANSITION_TARGET: Missing '${field}' target: ${target} at ${pointer}`);
      }
    }
  }
  if (!scope.states.some(({ state }) => isTerminal(state))) {
    const at = scope.pointer === '' ? '/' : scope.pointer;
    problems.push(`MISSING_TERMINAL_STATE: No state ends the state machine (End, Succeed or Fail) at ${at}`);
  }
  const reachable = reachableFrom(scope.startAt, scope);
  for (const { name, pointer } of scope.states) {
    if (!reachable.has(name)) {
      problems.push(`MISSING_TRANSITION_TARGET: State "${name}" is not reachable. at ${pointer}`);
    }
  }
  return problems;
}

function isTerminal(state: JsonObject): boolean {
  return state.End === true || state.Type === 'Succeed' || state.Type === 'Fail';
}

function reachableFrom(startAt: string, scope: Scope): Set<string> {
  const byName = new Map(scope.states.map((entry) => [entry.name, entry]));
  const reached = new Set<string>();
  const pending = [startAt];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const entry = byName.get(name);
    if (entry === undefined || reached.has(name)) continue;
    reached.add(name);
    pending.push(...transitionsOf(entry).map((transition) => transition.target));
  }
  return reached;
}

function transitionsOf({ state, pointer }: StateEntry): Transition[] {
  const transitions: Transition[] = [];
  const add = (field: Transition['field'], target: unknown, at: string) => {
    if (typeof target === 'string') transitions.push({ field, target, pointer: pointerTo(at, field) });
  };
  add('Next', state.Next, pointer);
  add('Default', state.Default, pointer);
  for (const listField of ['Choices', 'Catch']) {
    const list = state[listField];
    if (!Array.isArray(list)) continue;
    list.forEach((item: unknown, index) => {
      if (isJsonObject(item)) add('Next', item.Next, pointerTo(pointerTo(pointer, listField), index));
    });
  }
  return transitions;
}
