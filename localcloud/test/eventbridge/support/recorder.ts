import type { LambdaRegistry } from '../../../src/stepfunctions/integrations/index.js';

/** A Lambda function registered for a test: what it received, and a switch to make it fail. */
export interface RecordingFunction {
  /** Its ARN, for PutTargets. */
  arn: string;
  /** Every event it was invoked with, failed invocations included. */
  readonly events: unknown[];
  /** While set, each invocation throws an error of this name. */
  failWith: string | undefined;
}

/**
 * Registers a function that records its events and fails while `failWith` is set, as a function
 * that throws does on Lambda.
 */
export function recordingFunction(
  lambda: LambdaRegistry,
  name: string,
  failWith?: string,
): RecordingFunction {
  const fn: RecordingFunction = { arn: lambda.arnOf(name), events: [], failWith };
  lambda.register(name, (event) => {
    fn.events.push(event);
    if (fn.failWith !== undefined) {
      const error = new Error(`${name} is failing on purpose`);
      error.name = fn.failWith;
      throw error;
    }
    return null;
  });
  return fn;
}

/** Polls until `condition` holds, or fails after `timeoutMs`. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
