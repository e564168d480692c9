import { Worker } from 'node:worker_threads';
import { AwsServiceError } from '../aws-service-error.js';
import { siblingWorker } from '../threads/worker-source.js';
import {
  type DynaliteWorkerData,
  type DynamoDbAnswer,
  type DynamoDbCall,
  errorAnswer,
  type WorkerMessage,
} from './dynalite-protocol.js';

/**
 * dynalite on a worker thread of its own. Its work (validation, expression evaluation, LevelDB's
 * reads and writes) was the largest share of the services' event loop; there it held up every
 * other service's answer. If the thread dies, the requests it held are answered with
 * `InternalServerError` (which the SDK retries) and the next request starts another on the same
 * store and port.
 */
export class DynaliteThread {
  /** The running thread, once its store is open; another is started after one dies. */
  private worker: Promise<Worker> | undefined;
  private readonly pending = new Map<number, (answer: DynamoDbAnswer) => void>();
  private nextId = 1;
  private closing = false;

  private constructor(
    private readonly path: string,
    /** The loopback port dynalite listens on, kept across restarts. */
    private listening: number,
  ) {}

  /** Opens the store in `path` on a new thread; rejects if it cannot be opened. */
  static async start(path: string): Promise<DynaliteThread> {
    const thread = new DynaliteThread(path, 0);
    thread.worker = thread.spawn();
    await thread.worker;
    return thread;
  }

  /** The loopback port dynalite itself listens on, for clients that reach it directly. */
  get port(): number {
    return this.listening;
  }

  /** dynalite's answer to `call`; a thread that dies under it answers `InternalServerError`. */
  async call(call: DynamoDbCall): Promise<DynamoDbAnswer> {
    if (this.closing) return unavailable('DynamoDB is shutting down');
    this.worker ??= this.spawn();
    let worker: Worker;
    try {
      worker = await this.worker;
    } catch (error) {
      return unavailable(`DynamoDB could not restart: ${(error as Error).message}`);
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ kind: 'call', id, ...call });
    });
  }

  /** Closes the store once the requests handed over are answered, and ends the thread. */
  async close(): Promise<void> {
    this.closing = true;
    const worker = await this.worker?.catch(() => undefined);
    this.worker = undefined;
    if (!worker) return;
    const problem = new Promise<string | undefined>((resolve) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'closed') resolve(message.message);
      });
      worker.once('exit', () => resolve(undefined));
    });
    worker.postMessage({ kind: 'close' });
    const message = await problem;
    await worker.terminate();
    if (message) throw new Error(`DynamoDB's store did not close cleanly: ${message}`);
  }

  private spawn(): Promise<Worker> {
    const [source, options] = siblingWorker(import.meta.url, 'dynalite-worker');
    const workerData: DynaliteWorkerData = { path: this.path, port: this.listening };
    // The parent's options (a CPU profile, tsx) are not the thread's.
    const worker = new Worker(source, { ...options, workerData, execArgv: [] });
    const started = new Promise<Worker>((resolve, reject) => {
      let ready = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'ready') {
          ready = true;
          this.listening = message.port;
          resolve(worker);
        } else if (message.kind === 'unstartable') {
          reject(new Error(message.message));
          void worker.terminate();
        } else if (message.kind === 'answer') {
          this.pending.get(message.id)?.(message.answer);
          this.pending.delete(message.id);
        }
      });
      worker.on('error', (error) => {
        if (!ready) reject(error);
        else console.error('[dynamodb] dynalite crashed its thread:', error);
      });
      worker.on('exit', (code) => {
        if (this.worker === started) this.worker = undefined;
        if (!ready) reject(new Error(`dynalite's thread exited (${code}) while starting`));
        for (const answer of this.pending.values())
          answer(errorAnswer(new AwsServiceError('InternalServerError', 'DynamoDB restarted', 500)));
        this.pending.clear();
      });
    });
    return started;
  }
}

function unavailable(message: string): DynamoDbAnswer {
  return errorAnswer(new AwsServiceError('ServiceUnavailable', message, 503));
}
