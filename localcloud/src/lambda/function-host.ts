import {
  type LambdaContext,
  LambdaFunctionError,
  type LambdaHandler,
} from '../stepfunctions/integrations/lambda-registry.js';
import { RestartableWorker, WorkerGoneError } from '../threads/restartable-worker.js';
import { siblingWorker } from '../threads/worker-source.js';
import { FunctionLoadError, type FunctionModule } from './load-handler.js';

/** An invocation, as the worker receives it. */
export interface InvocationMessage {
  functionName: string;
  /** The event as JSON text, as Lambda hands it to a runtime; absent for `undefined`. */
  event: string | undefined;
  invokedFunctionArn: string;
  awsRequestId: string;
  /** When the invocation times out, epoch milliseconds. */
  deadline: number;
}

/** What the worker answers for an invocation: its result as JSON text, or its error. */
export type InvocationAnswer =
  | { kind: 'result'; payload: string | undefined }
  | { kind: 'error'; errorType: string; errorMessage: string; trace: string[] };

/**
 * Runs functions' handlers on a worker thread of their own, as Lambda runs them in a runtime apart
 * from the services they call: their work (SDK clients, validation, signing) takes the machine's
 * other core instead of the services' event loop, events and results cross as JSON as they do on
 * AWS, and a function's module state is its own. The worker shares the process environment. If
 * it dies, the invocations it held fail with `Runtime.ExitError` and the next one starts another.
 */
export class FunctionHost {
  private readonly runtime: RestartableWorker<InvocationMessage, InvocationAnswer>;

  private constructor(functions: FunctionModule[]) {
    this.runtime = new RestartableWorker({
      source: siblingWorker(import.meta.url, 'function-worker'),
      workerData: () => functions,
      shareEnv: true,
      onCrash: (error) => console.error('[lambda] a function crashed its runtime:', error),
    });
  }

  /** Starts a worker with the modules of `functions` loaded; rejects if one cannot be loaded. */
  static async start(functions: FunctionModule[]): Promise<FunctionHost> {
    const host = new FunctionHost(functions);
    try {
      await host.runtime.start();
    } catch (error) {
      // The worker reports a module it could not load by the message of its FunctionLoadError.
      throw new FunctionLoadError(error instanceof Error ? error.message : String(error), { cause: error });
    }
    return host;
  }

  /** The handler that invokes function `name` on the worker. */
  handlerOf(name: string): LambdaHandler {
    return (event, context) => this.invoke(name, event, context);
  }

  /** Ends the worker; invocations still running fail as if the runtime had exited. */
  close(): Promise<void> {
    return this.runtime.close(false);
  }

  private async invoke(functionName: string, event: unknown, context: LambdaContext): Promise<unknown> {
    let answer: InvocationAnswer;
    try {
      answer = await this.runtime.request({
        functionName,
        event: JSON.stringify(event),
        invokedFunctionArn: context.invokedFunctionArn,
        awsRequestId: context.awsRequestId,
        deadline: Date.now() + context.getRemainingTimeInMillis(),
      });
    } catch (error) {
      if (error instanceof WorkerGoneError)
        throw new LambdaFunctionError('Runtime.ExitError', `Runtime ${error.message}`, []);
      throw error;
    }
    if (answer.kind === 'result')
      return answer.payload === undefined ? undefined : JSON.parse(answer.payload);
    throw new LambdaFunctionError(answer.errorType, answer.errorMessage, answer.trace);
  }
}
