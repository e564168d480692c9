import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { FunctionHost } from '../../src/lambda/function-host.js';
import { FunctionLoadError } from '../../src/lambda/load-handler.js';
import { LambdaFunctionError, LambdaRegistry } from '../../src/stepfunctions/integrations/lambda-registry.js';

const MODULE = join(import.meta.dirname, 'fixture', 'functions.mjs');
const NAMES = ['describe', 'fail', 'crash', 'slow'];

let host: FunctionHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** A registry whose functions run on a fresh host. */
async function hosted(): Promise<LambdaRegistry> {
  host = await FunctionHost.start(NAMES.map((name) => ({ name, module: MODULE, handler: name })));
  const registry = new LambdaRegistry();
  for (const name of NAMES) registry.register(name, host.handlerOf(name));
  return registry;
}

describe('functions on a worker thread of their own', () => {
  it('runs a handler off the services’ thread, with its event as JSON, the context and the shared environment', async () => {
    // Arrange
    process.env.FIXTURE_GREETING = 'hello';
    const registry = await hosted();

    // Act
    const answer = (await registry.invoke('describe', {
      at: new Date(Date.UTC(2026, 10, 22)),
      missing: undefined,
      n: 1,
    })) as Record<string, unknown>;

    // Assert
    expect(answer.threadId).not.toBe(threadId);
    expect(answer.event).toEqual({ at: '2026-11-22T00:00:00.000Z', n: 1 });
    expect(answer.functionName).toBe('describe');
    expect(answer.remainingMs).toBeGreaterThan(800_000);
    expect(answer.greeting).toBe('hello');
  });

  it('reports a handler’s error with its type, message and trace', async () => {
    const registry = await hosted();

    const error = await registry.invoke('fail', {}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(LambdaFunctionError);
    expect((error as LambdaFunctionError).toPayload()).toMatchObject({
      errorType: 'OutOfBeans',
      errorMessage: 'no beans left',
      trace: expect.arrayContaining([expect.stringContaining('functions.mjs')]),
    });
  });

  it('fails the invocations of a runtime that exits, and runs the next one on a new runtime', async () => {
    const registry = await hosted();
    const waiting = registry.invoke('slow', { ms: 5_000 });

    const crashed = await registry.invoke('crash', {}).catch((caught: unknown) => caught);

    expect((crashed as LambdaFunctionError).errorType).toBe('Runtime.ExitError');
    await expect(waiting).rejects.toMatchObject({ errorType: 'Runtime.ExitError' });
    expect(await registry.invoke('slow', { ms: 1 })).toBe('done');
  });

  it('refuses to start when a module lacks the declared export', async () => {
    const failure = FunctionHost.start([{ name: 'broken', module: MODULE, handler: 'notAFunction' }]);
    await expect(failure).rejects.toThrow(FunctionLoadError);
    await expect(failure).rejects.toThrow(`function 'broken': ${MODULE} has no export 'notAFunction'`);
  });

  it('refuses to start when a module throws as it loads, saying which function and why', async () => {
    const failure = FunctionHost.start([
      { name: 'describe', module: MODULE, handler: 'describe' },
      {
        name: 'limits',
        module: join(import.meta.dirname, 'fixture', 'misconfigured.mjs'),
        handler: 'handler',
      },
    ]);
    await expect(failure).rejects.toThrow(FunctionLoadError);
    await expect(failure).rejects.toThrow(
      `function 'limits' could not be loaded: LIMIT must be a whole number; it is "abc".`,
    );
  });

  it('fails what is still running when it closes, and takes no more', async () => {
    const registry = await hosted();
    const waiting = registry.invoke('slow', { ms: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));

    await host?.close();

    await expect(waiting).rejects.toMatchObject({ errorType: 'Runtime.ExitError' });
    await expect(registry.invoke('slow', { ms: 1 })).rejects.toMatchObject({
      errorType: 'Runtime.ExitError',
    });
  });
});
