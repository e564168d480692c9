import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './restartable-worker.js';

/** The thread's side of a `RestartableWorker`: what it tells its parent, and how it serves it. */
export interface ParentChannel<Request, Answer, Ready> {
  /** The thread is started; requests may come. */
  ready(ready: Ready): void;
  /** The thread cannot start; `message` says why. */
  unstartable(message: string): void;
  /**
   * Answers each request with `handle`; on the order to close, runs `close` (answering the
   * problem it met, if any), reports it and lets the thread end.
   */
  serve(handle: (request: Request) => Promise<Answer>, close?: () => Promise<string | undefined>): void;
}

/** The channel to this worker thread's parent. */
export function parentChannel<Request, Answer, Ready = undefined>(): ParentChannel<Request, Answer, Ready> {
  const port = parentPort;
  if (!port) throw new Error('This module runs on a worker thread of a RestartableWorker');
  const send = (message: FromWorker<Answer, Ready>) => port.postMessage(message);
  return {
    ready: (ready) => send({ kind: 'ready', ready }),
    unstartable: (message) => send({ kind: 'unstartable', message }),
    serve(handle, close) {
      port.on('message', (message: ToWorker<Request>) => {
        if (message.kind === 'request') {
          void handle(message.request).then((answer) => send({ kind: 'answer', id: message.id, answer }));
          return;
        }
        void (close?.() ?? Promise.resolve(undefined)).then((problem) => {
          send({ kind: 'closed', ...(problem && { problem }) });
          port.close();
        });
      });
    },
  };
}
