/**
 * Serialises values once per transaction: a state's output is also the next state's input, the
 * run's record and often the execution's output, and the same object asked again gives back the
 * same text. Values are never modified once made (input and output processing copy what they
 * change), so identity stands for content while a transaction is being built.
 */
export class JsonTextCache {
  private texts: Map<object, string> | undefined;

  /** `JSON.stringify(value)`, from the cache for an object already serialised. */
  of(value: unknown): string | undefined {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    if (!this.texts) this.texts = new Map();
    let text = this.texts.get(value);
    if (text === undefined) {
      text = JSON.stringify(value) as string | undefined;
      if (text !== undefined) this.texts.set(value, text);
    }
    return text;
  }
}

/**
 * How deep an execution input, a task's output or a definition may nest. Serialising and
 * validating recurse once per level, so a value nested thousands of levels (well under the 256 KB
 * payload limit) would overflow the stack; real ones nest a few dozen levels at most.
 */
export const MAX_JSON_NESTING = 500;

/**
 * How deep a JSON value nests (objects and arrays), measured without recursion, stopping as soon
 * as it passes `limit`: a value nested deeper than the engine can serialise is refused up front.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}
