import { SHARE_ENV, Worker } from 'node:worker_threads';
import {
  type LambdaContext,
  LambdaFunctionError,
  type LambdaHandler,
} from '../stepfunctions/integrations/lambda-registry.js';
import { siblingWorker } from '../threads/worker-source.js';
import type { FunctionModule } from './load-handler.js';

/** An invocation, as the worker receives it. */
export interface InvocationMessage {
  id: number;
  functionName: string;
  /** The event as JSON text, as Lambda hands it to a runtime; absent for `undefined`. */
  event: string | undefined;
  invokedFunctionArn: string;
  awsRequestId: string;
  /** When the invocation times out, epoch milliseconds. */
  deadline: number;
}

/** What the worker answers: loaded, not loaded, an invocation's result or its error. */
export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'unloadable'; message: string }
  | { kind: 'result'; id: number; payload: string | undefined }
  | { kind: 'error'; id: number; errorType: string; errorMessage: string; trace: string[] };

/**
 * Runs functions' handlers on a worker thread of their own, as Lambda runs them in a runtime apart
 * from the services they call: their work (SDK clients, validation, signing) takes the machine's
 * other core instead of the services' event loop, events and results cross as JSON as they do on
 * AWS, and a function's module state is its own. The worker shares the process environment. If
 * it dies, the invocations it held fail with `Runtime.ExitError` and the next one starts another.
 */
export class FunctionHost {
  /** The running worker, once loaded; a new one is started on the next invocation after one dies. */
  private worker: Promise<Worker> | undefined;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (payload: unknown) => void; reject: (error: unknown) => void }
  >();
  private closing = false;

  private constructor(private readonly functions: FunctionModule[]) {}

  /** Starts a worker with the modules of `functions` loaded; rejects if one cannot be loaded. */
  static async start(functions: FunctionModule[]): Promise<FunctionHost> {
    const host = new FunctionHost(functions);
    host.worker = host.spawn();
    await host.worker;
    return host;
  }

  /** The handler that invokes function `name` on the worker. */
  handlerOf(name: string): LambdaHandler {
    return (event, context) => this.invoke(name, event, context);
  }

  /** Ends the worker; invocations still running fail as if the runtime had exited. */
  async close(): Promise<void> {
    this.closing = true;
    const worker = await this.worker?.catch(() => undefined);
    this.worker = undefined;
    await worker?.terminate();
  }

  private async invoke(functionName: string, event: unknown, context: LambdaContext): Promise<unknown> {
    if (this.closing) throw runtimeExit('the function host is stopping');
    this.worker ??= this.spawn();
    const worker = await this.worker;
    const id = this.nextId++;
    const message: InvocationMessage = {
      id,
      functionName,
      event: JSON.stringify(event),
      invokedFunctionArn: context.invokedFunctionArn,
      awsRequestId: context.awsRequestId,
      deadline: Date.now() + context.getRemainingTimeInMillis(),
    };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(message);
    });
  }

  private spawn(): Promise<Worker> {
    const [source, sourceOptions] = siblingWorker(import.meta.url, 'function-worker');
    const worker = new Worker(source, {
      ...sourceOptions,
      workerData: this.functions,
      env: SHARE_ENV,
      // The parent's options (a CPU profile, tsx) are not the worker's.
      execArgv: [],
    });
    const loaded = new Promise<Worker>((resolve, reject) => {
      let ready = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'ready') {
          ready = true;
          resolve(worker);
        } else if (message.kind === 'unloadable') {
          reject(new Error(message.message));
          void worker.terminate();
        } else this.settle(message);
      });
      worker.on('error', (error) => {
        if (!ready) reject(error);
        else console.error('[lambda] a function crashed its runtime:', error);
      });
      worker.on('exit', (code) => {
        if (this.worker === loaded) this.worker = undefined;
        if (!ready) reject(new Error(`The function runtime exited (${code}) while loading`));
        const exited = runtimeExit(`Runtime exited with exit status ${code}`);
        for (const { reject: fail } of this.pending.values()) fail(exited);
        this.pending.clear();
      });
    });
    return loaded;
  }

  private settle(message: Extract<WorkerMessage, { id: number }>): void {
    const invocation = this.pending.get(message.id);
    if (!invocation) return;
    this.pending.delete(message.id);
    if (message.kind === 'result') {
      invocation.resolve(message.payload === undefined ? undefined : JSON.parse(message.payload));
      return;
    }
    invocation.reject(new LambdaFunctionError(message.errorType, message.errorMessage, message.trace));
  }
}

/** Lambda's error for a runtime that ended under an invocation. */
function runtimeExit(message: string): LambdaFunctionError {
  return new LambdaFunctionError('Runtime.ExitError', message, []);
}
