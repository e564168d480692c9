import { AwsServiceError } from '../aws-service-error.js';
import { RestartableWorker, WorkerGoneError } from '../threads/restartable-worker.js';
import { siblingWorker } from '../threads/worker-source.js';
import {
  type DynaliteReady,
  type DynaliteWorkerData,
  type DynamoDbAnswer,
  type DynamoDbCall,
  errorAnswer,
} from './dynalite-protocol.js';

/**
 * dynalite on a worker thread of its own. Its work (validation, expression evaluation, LevelDB's
 * reads and writes) was the largest share of the services' event loop; there it held up every
 * other service's answer. If the thread dies, the requests it held are answered with
 * `InternalServerError` (which the SDK retries) and the next request starts another on the same
 * store and port.
 */
export class DynaliteThread {
  private readonly worker: RestartableWorker<DynamoDbCall, DynamoDbAnswer, DynaliteReady>;
  /** The loopback port dynalite listens on, kept across restarts. */
  private listening = 0;

  private constructor(path: string, tableStatusMs: number) {
    this.worker = new RestartableWorker({
      source: siblingWorker(import.meta.url, 'dynalite-worker'),
      workerData: (): DynaliteWorkerData => ({ path, port: this.listening, tableStatusMs }),
      onReady: ({ port }) => {
        this.listening = port;
      },
      onCrash: (error) => console.error('[dynamodb] dynalite crashed its thread:', error),
    });
  }

  /**
   * Opens the store in `path` on a new thread; rejects if it cannot be opened. A table created,
   * updated or deleted stays `CREATING`, `UPDATING` or `DELETING` for `tableStatusMs`.
   */
  static async start(path: string, tableStatusMs = 0): Promise<DynaliteThread> {
    const thread = new DynaliteThread(path, tableStatusMs);
    await thread.worker.start();
    return thread;
  }

  /** The loopback port dynalite itself listens on, for clients that reach it directly. */
  get port(): number {
    return this.listening;
  }

  /** dynalite's answer to `call`; a thread that dies under it answers `InternalServerError`. */
  async call(call: DynamoDbCall): Promise<DynamoDbAnswer> {
    try {
      return await this.worker.request(call);
    } catch (error) {
      if (error instanceof WorkerGoneError && error.reason === 'exited')
        return errorAnswer(new AwsServiceError('InternalServerError', 'DynamoDB restarted', 500));
      const message =
        error instanceof WorkerGoneError
          ? 'is shutting down'
          : `could not restart: ${(error as Error).message}`;
      return errorAnswer(new AwsServiceError('ServiceUnavailable', `DynamoDB ${message}`, 503));
    }
  }

  /** Closes the store once the requests handed over are answered, and ends the thread. */
  close(): Promise<void> {
    return this.worker.close(true);
  }
}
