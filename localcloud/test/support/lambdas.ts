import type { LambdaRegistry } from '../../src/stepfunctions/integrations/index.js';

/** The Lambda ARN of a locally registered function, for plain-ARN Task resources. */
export function functionArn(name: string): string {
  return `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
}

/** An error with a custom `name`, as a Lambda function throws it (Lambda reports it as `errorType`). */
export function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** The events a registered function received, and a way to wait for the next ones. */
export interface Invocations<T = Record<string, unknown>> {
  /** Every event so far, in order. */
  readonly events: T[];
  /** Resolves with the `n`-th event (from 1), as soon as it has arrived. */
  nth(n: number): Promise<T>;
}

/**
 * Registers a function that records each event and answers with `reply(event)` (the event itself
 * by default). A `.waitForTaskToken` test reads the token from the recorded event.
 */
export function recordInvocations<T = Record<string, unknown>>(
  registry: LambdaRegistry,
  name: string,
  reply: (event: T) => unknown = (event) => event,
): Invocations<T> {
  const events: T[] = [];
  const waiting: Array<{ n: number; resolve: (event: T) => void }> = [];
  registry.register(name, (event) => {
    events.push(event as T);
    for (const waiter of waiting.filter((entry) => entry.n === events.length)) waiter.resolve(event as T);
    return reply(event as T);
  });
  return {
    events,
    nth(n) {
      const arrived = events[n - 1];
      if (arrived !== undefined) return Promise.resolve(arrived);
      return new Promise((resolve) => waiting.push({ n, resolve }));
    },
  };
}

/**
 * A `lambda:invoke` Task calling `functionName` with the state's input as the payload; `fields`
 * (Catch, Retry, OutputPath, Next, ...) are added to or override its `End: true`.
 */
export function invokeTask(functionName: string, fields: object = {}): Record<string, unknown> {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: functionName, 'Payload.$': '$' },
    End: true,
    ...fields,
  };
}

/**
 * A `.waitForTaskToken` Task handing its token to `functionName` as `{ token }`, for a function
 * made with {@link recordInvocations}; `fields` are added to or override its `End: true`.
 */
export function callbackTask(functionName: string, fields: object = {}): Record<string, unknown> {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: { FunctionName: functionName, Payload: { 'token.$': '$$.Task.Token' } },
    End: true,
    ...fields,
  };
}

let names = 0;

/** A function name no other test of the worker uses, for a handler registered by one test only. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${++names}`;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
