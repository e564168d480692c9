/**
 * The runtime of a `FunctionHost`'s worker thread: loads the functions' modules, then runs
 * each invocation it is sent and answers its result or error.
 */
import { workerData } from 'node:worker_threads';
import { functionErrorOf, type LambdaHandler } from '../stepfunctions/integrations/lambda-registry.js';
import { parentChannel } from '../threads/parent-channel.js';
import type { InvocationAnswer, InvocationMessage } from './function-host.js';
import { type FunctionModule, loadHandler } from './load-handler.js';

const parent = parentChannel<InvocationMessage, InvocationAnswer>();
const handlers = new Map<string, LambdaHandler>();
try {
  for (const fn of workerData as FunctionModule[]) handlers.set(fn.name, await loadHandler(fn));
  parent.serve(run);
  parent.ready(undefined);
} catch (error) {
  parent.unstartable(error instanceof Error ? error.message : String(error));
}

async function run(invocation: InvocationMessage): Promise<InvocationAnswer> {
  const { functionName, deadline } = invocation;
  try {
    const handler = handlers.get(functionName);
    if (!handler) throw new Error(`Function '${functionName}' is not hosted here`);
    const event = invocation.event === undefined ? undefined : JSON.parse(invocation.event);
    const result = await handler(event, {
      functionName,
      invokedFunctionArn: invocation.invokedFunctionArn,
      awsRequestId: invocation.awsRequestId,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    });
    return { kind: 'result', payload: JSON.stringify(result) };
  } catch (error) {
    return { kind: 'error', ...functionErrorOf(error).toPayload() };
  }
}
