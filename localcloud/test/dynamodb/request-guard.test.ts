import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalCloud } from '../../src/local-cloud.js';

const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-dynamo-guard-'));
let cloud: LocalCloud;

beforeAll(async () => {
  cloud = await LocalCloud.start({ dataDir, edgePort: 0, outboxLog: () => undefined });
});
afterAll(async () => {
  await cloud.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A DynamoDB call as raw JSON 1.0, with a signature-shaped (never checked) Authorization header. */
async function dynamodb(action: string, body: string): Promise<{ status: number; type: string }> {
  const response = await fetch(cloud.endpoint, {
    method: 'POST',
    headers: {
      'x-amz-target': `DynamoDB_20120810.${action}`,
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-date': '20260101T000000Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc',
    },
    body,
  });
  const answer = (await response.json()) as { __type?: string };
  return { status: response.status, type: String(answer.__type).split('#').pop() ?? '' };
}

describe('DynamoDB requests dynalite would mishandle', () => {
  it.each(['null', '[]', '42', '"text"', 'true'])(
    'answers a %s body with SerializationException, and keeps serving',
    async (body) => {
      expect(await dynamodb('GetItem', body)).toEqual({ status: 400, type: 'SerializationException' });
      expect((await dynamodb('ListTables', '{}')).status).toBe(200);
    },
  );

  it('refuses an expression nested deep enough to stall the parser, at once', async () => {
    const started = performance.now();
    const nested = `${'('.repeat(30)}a = :a${')'.repeat(30)}`;

    const answer = await dynamodb(
      'Scan',
      JSON.stringify({
        TableName: 'any',
        FilterExpression: nested,
        ExpressionAttributeValues: { ':a': { S: 'x' } },
      }),
    );

    expect(answer).toEqual({ status: 400, type: 'ValidationException' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('answers a malformed table name on the Time to Live actions with ValidationException', async () => {
    expect(await dynamodb('DescribeTimeToLive', JSON.stringify({ TableName: ' ' }))).toEqual({
      status: 400,
      type: 'ValidationException',
    });
  });
});
