/**
 * The runtime of a `FunctionHost`'s worker thread: loads the functions' modules, then runs
 * each invocation it is sent and answers its result or error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { functionErrorOf, type LambdaHandler } from '../stepfunctions/integrations/lambda-registry.js';
import type { InvocationMessage, WorkerMessage } from './function-host.js';
import { type FunctionModule, loadHandler } from './load-handler.js';

const port = parentPort;
if (!port) throw new Error('function-worker runs on a worker thread of a FunctionHost');
const send = (message: WorkerMessage) => port.postMessage(message);

const handlers = new Map<string, LambdaHandler>();
try {
  for (const fn of workerData as FunctionModule[]) handlers.set(fn.name, await loadHandler(fn));
  port.on('message', (message: InvocationMessage) => void run(message));
  send({ kind: 'ready' });
} catch (error) {
  send({ kind: 'unloadable', message: error instanceof Error ? error.message : String(error) });
}

async function run(invocation: InvocationMessage): Promise<void> {
  const { id, functionName, deadline } = invocation;
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
    send({ kind: 'result', id, payload: JSON.stringify(result) });
  } catch (error) {
    send({ kind: 'error', id, ...functionErrorOf(error).toPayload() });
  }
}
