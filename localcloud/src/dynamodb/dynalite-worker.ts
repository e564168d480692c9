/**
 * The thread of a `DynaliteThread`: opens dynalite's store, listens on a loopback port (for the
 * Time to Live sweeper), and answers each request the edge hands it, which it feeds to dynalite's
 * request handler as if it had arrived on that port.
 */
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';
import { AwsServiceError } from '../aws-service-error.js';
import {
  type DynaliteWorkerData,
  type DynamoDbAnswer,
  errorAnswer,
  type ThreadMessage,
  type WorkerMessage,
} from './dynalite-protocol.js';
import { checkDynamoDbRequest, replayedRequest } from './request-guard.js';

const port = parentPort;
if (!port) throw new Error('dynalite-worker runs on a worker thread of a DynaliteThread');
const send = (message: WorkerMessage) => port.postMessage(message);
const { path, port: wantedPort } = workerData as DynaliteWorkerData;

const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.once('error', (error) => send({ kind: 'unstartable', message: error.message }));
server.listen(wantedPort, '127.0.0.1', () => {
  send({ kind: 'ready', port: (server.address() as AddressInfo).port });
});

port.on('message', (message: ThreadMessage) => {
  if (message.kind === 'close') {
    server.close((error) => {
      send({ kind: 'closed', ...(error && { message: error.message }) });
      port.close();
    });
    return;
  }
  const { id } = message;
  const body = Buffer.from(message.body);
  const answer = (reply: DynamoDbAnswer) => send({ kind: 'answer', id, answer: reply });
  try {
    checkDynamoDbRequest(body);
  } catch (error) {
    if (error instanceof AwsServiceError) return answer(errorAnswer(error));
    throw error;
  }
  server.emit('request', replayedRequest(message, body), capturedResponse(answer));
});

/**
 * The part of a `ServerResponse` dynalite's handler uses (status, headers, one `end`), collecting
 * the answer to send back instead of writing to a socket.
 */
function capturedResponse(done: (answer: DynamoDbAnswer) => void): ServerResponse {
  const headers: Record<string, string | number> = {};
  const response = {
    statusCode: 200,
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = value;
      return response;
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    end(body?: string | Buffer) {
      done({ status: response.statusCode, headers, body: body === undefined ? '' : String(body) });
      return response;
    },
  };
  return response as unknown as ServerResponse;
}
