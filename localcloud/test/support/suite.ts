import { afterAll, beforeAll } from 'vitest';

/**
 * A stand-in for a value that exists only once `get` answers it: reading any property forwards to
 * the value, and fails with a clear message before then. It lets a test file declare what its
 * `beforeAll` starts as a `const` at the top, instead of a `let` assigned in the hook.
 */
export function lateBound<T extends object>(what: string, get: () => T | undefined): T {
  const current = (): T => {
    const value = get();
    if (value === undefined) throw new Error(`${what} is not ready yet: read it inside a test or a hook`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_stub, key) => Reflect.get(current(), key),
    set: (_stub, key, value) => Reflect.set(current(), key, value),
    has: (_stub, key) => Reflect.has(current(), key),
  });
}

/**
 * Starts a resource for the whole test file in `beforeAll` (then runs `setup` on it, e.g. to
 * register functions) and stops it in `afterAll`, answering a {@link lateBound} stand-in for it.
 * The resource is stopped even when `setup` fails, as a `let` assigned first in `beforeAll` was.
 */
export function suiteResource<T extends object>(
  what: string,
  start: () => Promise<T>,
  stop: (value: T) => Promise<void>,
  setup?: (value: T) => unknown,
): T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await start();
    await setup?.(value);
  });
  afterAll(async () => {
    if (value !== undefined) await stop(value);
  });
  return lateBound(what, () => value);
}
