import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoDbService } from '../../src/dynamodb/dynamodb-service.js';

const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-dynamo-shutdown-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('stopping DynamoDB while a request is arriving', () => {
  it('answers a request whose body completes after close began with ServiceUnavailable, and closes cleanly', async () => {
    const dynamodb = await DynamoDbService.start({ dataDir });
    const route = dynamodb.route();
    const server = createServer(
      (req, res) => void route.handle(req, res, new URL(req.url ?? '/', 'http://localhost')),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const body = JSON.stringify({});
    const answer = new Promise<{ status: number; type: string }>((resolve, reject) => {
      const call = request(
        {
          port,
          method: 'POST',
          headers: {
            'x-amz-target': 'DynamoDB_20120810.ListTables',
            'content-type': 'application/x-amz-json-1.0',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              type:
                String((JSON.parse(text) as { __type?: string }).__type)
                  .split('#')
                  .pop() ?? '',
            }),
          );
        },
      );
      call.on('error', reject);
      call.write(body.slice(0, 1));
      // The rest arrives once close has begun.
      void sleep(100).then(() => call.end(body.slice(1)));
    });
    await sleep(50);
    const closed = dynamodb.close();

    expect(await answer).toEqual({ status: 503, type: 'ServiceUnavailable' });
    await closed;
    await new Promise((resolve) => server.close(resolve));
  });
});
