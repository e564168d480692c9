/**
 * Walking a parsed definition for the checks of `validate-definition.ts`: its state machines
 * (the top level, each Parallel branch, each Map ItemProcessor/Iterator), their states, and
 * JSON Pointers to report problems at, as AWS does (`at /States/X/Next`).
 */

/** A JSON object of unknown content. */
export type JsonObject = { [key: string]: unknown };

/** Whether a value is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Extends a JSON Pointer with one segment, escaping `~` and `/` (RFC 6901). */
export function pointerTo(base: string, segment: string | number): string {
  return `${base}/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** One state of a state machine, with the pointer to it. */
export interface StateEntry {
  readonly name: string;
  readonly state: JsonObject;
  readonly pointer: string;
}

/** One state machine: the top level, a Parallel branch or a Map's item processor. */
export interface Scope {
  /** Pointer to the object holding `StartAt` and `States` (`''` for the top level). */
  readonly pointer: string;
  /** The object itself. */
  readonly node: JsonObject;
  readonly startAt: unknown;
  /** The `States` field as written, whatever it holds. */
  readonly statesField: unknown;
  /** The states that are JSON objects; anything else is left to the schema checks. */
  readonly states: readonly StateEntry[];
}

/** Every state machine in a definition, outermost first. */
export function scopesOf(machine: JsonObject, pointer = ''): Scope[] {
  const statesPointer = pointerTo(pointer, 'States');
  const states = isJsonObject(machine.States)
    ? Object.entries(machine.States).flatMap(([name, state]) =>
        isJsonObject(state) ? [{ name, state, pointer: pointerTo(statesPointer, name) }] : [],
      )
    : [];
  const scope: Scope = {
    pointer,
    node: machine,
    startAt: machine.StartAt,
    statesField: machine.States,
    states,
  };
  return [scope, ...states.flatMap(nestedScopes)];
}

function nestedScopes({ state, pointer }: StateEntry): Scope[] {
  const nested: Scope[] = [];
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
    const branchesPointer = pointerTo(pointer, 'Branches');
    state.Branches.forEach((branch: unknown, index) => {
      if (isJsonObject(branch)) nested.push(...scopesOf(branch, pointerTo(branchesPointer, index)));
    });
  }
  if (state.Type === 'Map') {
    for (const field of ['ItemProcessor', 'Iterator']) {
      const processor = state[field];
      if (isJsonObject(processor)) nested.push(...scopesOf(processor, pointerTo(pointer, field)));
    }
  }
  return nested;
}
