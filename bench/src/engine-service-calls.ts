import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalCloud } from '@coffee/localcloud';
import { median, takeTurns } from './stats.js';

/** The process's CPU per call, milliseconds, the median round's, each way. */
export interface EngineServiceCallCost {
  overLoopback: number;
  inProcess: number;
}

/** A call's `X-Amz-Target` and JSON body in; the answer's body text out. */
type ServiceCall = (target: string, body: string) => Promise<string>;

const TABLE = 'engine-calls';
const KEY = { id: { S: 'o-1' } };
const GET = JSON.stringify({ TableName: TABLE, Key: KEY });
const COUNT = JSON.stringify({
  TableName: TABLE,
  Key: KEY,
  UpdateExpression: 'ADD n :one',
  ExpressionAttributeValues: { ':one': { N: '1' } },
});

/**
 * What a DynamoDB Task state's call costs the local cloud's process (its own thread and
 * dynalite's), made as the engine makes it — in the process, through the edge's `answer` — and as
 * it made it before: an HTTP request to the edge over loopback, on a keep-alive connection. Each
 * round makes `calls` calls one after another, a GetItem and then a counter update; the two ways
 * take turns over `rounds` rounds after a warm-up of each.
 */
export async function measureEngineServiceCalls(
  rounds: number,
  calls: number,
): Promise<EngineServiceCallCost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-engine-calls-'));
  const cloud = await LocalCloud.start({ dataDir, edgePort: 0, outboxLog: () => undefined });
  const agent = new Agent({ keepAlive: true });
  const overLoopback = loopbackCall(cloud.endpoint, agent);
  const inProcess: ServiceCall = async (target, body) =>
    (await cloud.edge.answer(target, body, cloud.region)).body;
  try {
    await overLoopback(
      'DynamoDB_20120810.CreateTable',
      JSON.stringify({
        TableName: TABLE,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    const round = (call: ServiceCall) => (warmUp: boolean) => cpuPerCall(call, warmUp ? calls / 5 : calls);
    const perRound = await takeTurns(rounds, {
      overLoopback: round(overLoopback),
      inProcess: round(inProcess),
    });
    return {
      overLoopback: median(perRound.overLoopback),
      inProcess: median(perRound.inProcess),
    };
  } finally {
    agent.destroy();
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function cpuPerCall(call: ServiceCall, calls: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++)
    await call(
      i % 2 === 0 ? 'DynamoDB_20120810.GetItem' : 'DynamoDB_20120810.UpdateItem',
      i % 2 === 0 ? GET : COUNT,
    );
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / calls;
}

/** An unsigned HTTP call to the edge, as the engine's integrations made them before. */
function loopbackCall(endpoint: string, agent: Agent): ServiceCall {
  return (target, body) =>
    new Promise((resolve, reject) => {
      const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
      const call = request(
        endpoint,
        {
          method: 'POST',
          agent,
          headers: {
            'x-amz-target': target,
            'content-type': 'application/x-amz-json-1.0',
            'content-length': Buffer.byteLength(body),
            'x-amz-date': date,
            authorization: `AWS4-HMAC-SHA256 Credential=bench/${date.slice(0, 8)}/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0`,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        },
      );
      call.on('error', reject);
      call.end(body);
    });
}
