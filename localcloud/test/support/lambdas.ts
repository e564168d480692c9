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

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
