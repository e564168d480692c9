import { SHARE_ENV, Worker } from 'node:worker_threads';
import type { WorkerSource } from './worker-source.js';

/** What a {@link RestartableWorker} posts to its thread: a request, or the order to close. */
export type ToWorker<Request> = { kind: 'request'; id: number; request: Request } | { kind: 'close' };

/**
 * What the thread posts back: started (with what the parent needs to know) or not, a request's
 * answer, or closed (with a problem met while closing, if any).
 */
export type FromWorker<Answer, Ready> =
  | { kind: 'ready'; ready: Ready }
  | { kind: 'unstartable'; message: string }
  | { kind: 'answer'; id: number; answer: Answer }
  | { kind: 'closed'; problem?: string };

/**
 * A request the thread could not answer: it ended under it, or the worker is closing. The message
 * completes a sentence whose subject is the thread (`exited with exit status 1`).
 */
export class WorkerGoneError extends Error {
  constructor(
    readonly reason: 'exited' | 'closing',
    message: string,
  ) {
    super(message);
  }
}

/** How to start the thread of a {@link RestartableWorker}. */
export interface RestartableWorkerOptions<Ready> {
  source: WorkerSource;
  /** The thread's `workerData`, asked for at each start. */
  workerData: () => unknown;
  /** Whether the thread shares the process's environment variables instead of a copy. */
  shareEnv?: boolean;
  /** Told what each started thread reported. */
  onReady?: (ready: Ready) => void;
  /** Told of a started thread's uncaught error, which ends it. */
  onCrash: (error: Error) => void;
}

/**
 * A worker thread answering requests, which is started again on the next request after it dies:
 * the requests it held fail with {@link WorkerGoneError}.
 */
export class RestartableWorker<Request, Answer, Ready = undefined> {
  /** The running thread, once started; a new one is started on the next request after one dies. */
  private worker: Promise<Worker> | undefined;
  private readonly pending = new Map<
    number,
    { resolve: (answer: Answer) => void; reject: (error: unknown) => void }
  >();
  private nextId = 1;
  private closing = false;
  /** Told when no request is held any more, while a graceful close waits for that. */
  private onIdle: (() => void) | undefined;

  constructor(private readonly options: RestartableWorkerOptions<Ready>) {}

  /** Starts the thread; rejects with what kept it from starting. */
  async start(): Promise<void> {
    this.worker = this.spawn();
    await this.worker;
  }

  /**
   * The thread's answer to `request`, starting a thread when none runs.
   *
   * @throws WorkerGoneError when the thread ends before answering, or the worker is closing.
   * @throws Error when a new thread could not start.
   */
  async request(request: Request): Promise<Answer> {
    if (this.closing) throw new WorkerGoneError('closing', 'is closing');
    this.worker ??= this.spawn();
    const worker = await this.worker;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ kind: 'request', id, request } satisfies ToWorker<Request>);
    });
  }

  /**
   * Ends the thread and takes no more requests. `graceful` first waits for the answers to those it
   * holds, then asks the thread to close and waits until it has; otherwise those held fail with
   * {@link WorkerGoneError}.
   *
   * @throws Error with the problem the thread met while closing.
   */
  async close(graceful: boolean): Promise<void> {
    this.closing = true;
    const worker = await this.worker?.catch(() => undefined);
    this.worker = undefined;
    if (!worker) return;
    let problem: string | undefined;
    if (graceful) {
      if (this.pending.size > 0)
        await new Promise<void>((resolve) => {
          this.onIdle = resolve;
        });
      problem = await new Promise<string | undefined>((resolve) => {
        worker.on('message', (message: FromWorker<Answer, Ready>) => {
          if (message.kind === 'closed') resolve(message.problem);
        });
        worker.once('exit', () => resolve(undefined));
        worker.postMessage({ kind: 'close' } satisfies ToWorker<Request>);
      });
    }
    await worker.terminate();
    if (problem) throw new Error(problem);
  }

  private spawn(): Promise<Worker> {
    const [source, sourceOptions] = this.options.source;
    const worker = new Worker(source, {
      ...sourceOptions,
      workerData: this.options.workerData(),
      ...(this.options.shareEnv && { env: SHARE_ENV }),
      // The parent's options (a CPU profile, tsx) are not the thread's.
      execArgv: [],
    });
    const started = new Promise<Worker>((resolve, reject) => {
      let ready = false;
      worker.on('message', (message: FromWorker<Answer, Ready>) => {
        if (message.kind === 'ready') {
          ready = true;
          this.options.onReady?.(message.ready);
          resolve(worker);
        } else if (message.kind === 'unstartable') {
          reject(new Error(message.message));
          void worker.terminate();
        } else if (message.kind === 'answer') {
          this.pending.get(message.id)?.resolve(message.answer);
          this.pending.delete(message.id);
          if (this.pending.size === 0) this.onIdle?.();
        }
      });
      worker.on('error', (error) => {
        if (!ready) reject(error);
        else this.options.onCrash(error);
      });
      worker.on('exit', (code) => {
        if (this.worker === started) this.worker = undefined;
        if (!ready) reject(new Error(`The thread exited (${code}) while starting`));
        const gone = new WorkerGoneError('exited', `exited with exit status ${code}`);
        for (const { reject: fail } of this.pending.values()) fail(gone);
        this.pending.clear();
        this.onIdle?.();
      });
    });
    return started;
  }
}
