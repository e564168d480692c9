import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDbAnswer } from '../../src/dynamodb/dynalite-protocol.js';
import { DynaliteThread } from '../../src/dynamodb/dynalite-thread.js';

const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-dynalite-thread-'));
let dynalite: DynaliteThread;

/** One DynamoDB action on dynalite's thread, as the edge hands it over. */
function call(action: string, input: unknown): Promise<DynamoDbAnswer> {
  const body = Buffer.from(JSON.stringify(input));
  return dynalite.call({
    method: 'POST',
    url: '/',
    headers: {
      'x-amz-target': `DynamoDB_20120810.${action}`,
      'content-type': 'application/x-amz-json-1.0',
      'content-length': String(body.length),
      'x-amz-date': '20260101T000000Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x',
    },
    body,
  });
}

const errorType = (answer: DynamoDbAnswer) =>
  String((JSON.parse(answer.body) as { __type?: string }).__type)
    .split('#')
    .pop();

/** dynalite's thread, to end as a crash inside dynalite would. */
async function runningThread(): Promise<Worker> {
  return (dynalite as unknown as { worker: { worker: Promise<Worker> } }).worker.worker;
}

beforeAll(async () => {
  dynalite = await DynaliteThread.start(dataDir);
  const created = await call('CreateTable', {
    TableName: 'beans',
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  });
  expect(created.status).toBe(200);
  // As on AWS, a new table takes writes once it is ACTIVE.
  while (!(await call('DescribeTable', { TableName: 'beans' })).body.includes('"TableStatus":"ACTIVE"'))
    await new Promise((resolve) => setTimeout(resolve, 5));
  const put = await call('PutItem', {
    TableName: 'beans',
    Item: { id: { S: 'kenya' }, roast: { S: 'light' } },
  });
  expect(put.status).toBe(200);
});
afterAll(async () => {
  await dynalite.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('dynalite on its own thread', () => {
  it('answers a body that is JSON but not an object with SerializationException, and goes on serving', async () => {
    const body = Buffer.from('[1, 2]');
    const answer = await dynalite.call({
      method: 'POST',
      url: '/',
      headers: { 'x-amz-target': 'DynamoDB_20120810.GetItem', 'content-type': 'application/x-amz-json-1.0' },
      body,
    });
    expect([answer.status, errorType(answer)]).toEqual([400, 'SerializationException']);
    const read = await call('GetItem', { TableName: 'beans', Key: { id: { S: 'kenya' } } });
    expect(JSON.parse(read.body)).toEqual({ Item: { id: { S: 'kenya' }, roast: { S: 'light' } } });
  });

  it('answers the requests a dying thread held with InternalServerError, then serves the same store on the same port', async () => {
    const port = dynalite.port;
    const thread = await runningThread();
    // Many requests, then the crash in the same tick: the thread cannot have answered them all.
    const held = Array.from({ length: 200 }, () =>
      call('GetItem', { TableName: 'beans', Key: { id: { S: 'kenya' } } }),
    );
    const crashed = thread.terminate();
    const answers = await Promise.all(held);
    await crashed;
    const outcomes = answers.map((answer) =>
      answer.status === 200 ? 'answered' : `${answer.status} ${errorType(answer)}`,
    );
    expect(new Set(outcomes)).toContain('500 InternalServerError');
    expect(
      outcomes.filter((outcome) => outcome !== 'answered' && outcome !== '500 InternalServerError'),
    ).toEqual([]);

    const read = await call('GetItem', { TableName: 'beans', Key: { id: { S: 'kenya' } } });
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body)).toEqual({ Item: { id: { S: 'kenya' }, roast: { S: 'light' } } });
    expect(dynalite.port).toBe(port);
  });

  it('answers the requests handed over before it began to close, and refuses those after', async () => {
    const read = () => call('GetItem', { TableName: 'beans', Key: { id: { S: 'kenya' } } });
    const held = Array.from({ length: 200 }, read);
    await dynalite.close();
    expect((await Promise.all(held)).map((answer) => answer.status)).toEqual(Array(200).fill(200));
    const late = await read();
    expect([late.status, errorType(late)]).toEqual([503, 'ServiceUnavailable']);
  });
});
