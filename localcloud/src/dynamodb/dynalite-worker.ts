/**
 * The thread of a `DynaliteThread`: opens dynalite's store, listens on a loopback port (for the
 * Time to Live sweeper), and answers each request the edge hands it, which it feeds to dynalite's
 * request handler as if it had arrived on that port; the transactions and the creation and deletion
 * of global secondary indexes, which dynalite lacks, are answered here on the same store (see
 * {@link DynamoDbTransactions} and {@link GlobalIndexChanges}).
 */
import type { RequestListener, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { workerData } from 'node:worker_threads';
import { ClassicLevel } from 'classic-level';
import { AwsServiceError } from '../aws-service-error.js';
import { parentChannel } from '../threads/parent-channel.js';
import {
  type DynaliteReady,
  type DynaliteWorkerData,
  type DynamoDbAnswer,
  type DynamoDbCall,
  errorAnswer,
} from './dynalite-protocol.js';
import { startDynalite } from './dynalite-store.js';
import { GlobalIndexChanges } from './global-index-changes.js';
import type { JsonAnswer } from './json-answer.js';
import { RequestGate } from './request-gate.js';
import { checkDynamoDbRequest, replayedRequest } from './request-guard.js';
import { DynamoDbTransactions } from './transactions.js';

const parent = parentChannel<DynamoDbCall, DynamoDbAnswer, DynaliteReady>();
const { path, port, tableStatusMs } = workerData as DynaliteWorkerData;

readSynchronously();
const { server, store } = startDynalite({
  path,
  createTableMs: tableStatusMs,
  deleteTableMs: tableStatusMs,
  updateTableMs: tableStatusMs,
});
const transactions = new DynamoDbTransactions(store);
const indexChanges = new GlobalIndexChanges(store);
/** Every request passes it, those on the loopback port too: an index change runs alone. */
const gate = new RequestGate();
const dynaliteHandler = server.listeners('request')[0] as RequestListener;
server.removeAllListeners('request');
server.on('request', (request, response) => {
  void gate.run(
    () =>
      new Promise((resolve) => {
        response.once('close', resolve);
        dynaliteHandler(request, response);
      }),
  );
});
/** How often the records of expired `ClientRequestToken`s are deleted. */
const TOKEN_SWEEP_MS = 60_000;
// A sweep that fails is simply tried again a minute later.
const tokenSweep = setInterval(() => void transactions.sweepTokens().catch(() => {}), TOKEN_SWEEP_MS);
server.once('error', (error) => parent.unstartable(error.message));
server.listen(port, '127.0.0.1', () => {
  parent.serve(answer, () => {
    clearInterval(tokenSweep);
    return new Promise((resolve) => server.close((error) => resolve(error?.message)));
  });
  parent.ready({ port: (server.address() as AddressInfo).port });
});

/** The actions answered on this thread rather than by dynalite, by their `X-Amz-Target`. */
const TRANSACTIONS = new Map<string, (input: Record<string, unknown>) => Promise<JsonAnswer>>([
  ['DynamoDB_20120810.TransactWriteItems', (input) => transactions.write(input)],
  ['DynamoDB_20120810.TransactGetItems', (input) => transactions.get(input)],
]);
const UPDATE_TABLE = 'DynamoDB_20120810.UpdateTable';

/** dynalite's answer to a call, or the guard's refusal of one dynalite would handle badly. */
function answer(call: DynamoDbCall): Promise<DynamoDbAnswer> {
  const body = Buffer.from(call.body);
  try {
    checkDynamoDbRequest(body);
  } catch (error) {
    if (error instanceof AwsServiceError) return Promise.resolve(errorAnswer(error));
    throw error;
  }
  const target = String(call.headers['x-amz-target']);
  const indexChange = target === UPDATE_TABLE ? jsonObject(body) : undefined;
  if (indexChange && GlobalIndexChanges.isIndexChange(indexChange))
    return gate.alone(async () => jsonAnswer(await indexChanges.apply(indexChange)));
  return gate.run(() => {
    const transaction = TRANSACTIONS.get(target);
    if (transaction) return transactionAnswer(transaction, body);
    return new Promise((resolve) => dynaliteHandler(replayedRequest(call, body), capturedResponse(resolve)));
  });
}

/** The JSON object `body` holds, or `undefined` when it holds none (dynalite answers that). */
function jsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The answer to a transaction's request. */
async function transactionAnswer(
  transaction: (input: Record<string, unknown>) => Promise<JsonAnswer>,
  body: Buffer,
): Promise<DynamoDbAnswer> {
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return errorAnswer(new AwsServiceError('SerializationException', 'The request body is not JSON'));
  }
  return jsonAnswer(await transaction(input as Record<string, unknown>));
}

function jsonAnswer({ status, body }: JsonAnswer): DynamoDbAnswer {
  const text = JSON.stringify(body);
  return {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(text) },
    body: text,
  };
}

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

/**
 * Makes dynalite's LevelDB reads synchronous on this thread, which has nothing else to do while it
 * waits, instead of each being a round trip through libuv's thread pool (shared by every thread of
 * the process): a read LevelDB answers from memory takes microseconds, the round trip much longer.
 * The thread answered 1.1 to 1.6 times as many GetItem and UpdateItem calls a second this way.
 * Writes still go through the pool. Only this thread's copy of the module is changed; the other
 * stores keep theirs. A classic-level without a synchronous read is left as it is.
 */
function readSynchronously(): void {
  const level = ClassicLevel.prototype as unknown as {
    _get(key: unknown, options: unknown): Promise<unknown>;
    _getSync?: (key: unknown, options: unknown) => unknown;
  };
  const getSync = level._getSync;
  if (typeof getSync !== 'function') return;
  level._get = async function (this: typeof level, key, options) {
    return getSync.call(this, key, options);
  };
}
