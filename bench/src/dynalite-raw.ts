import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { runClosedLoop } from './stats.js';

/**
 * The ceiling of the store under the shop: dynalite alone, on disk, with no edge in front, taking
 * atomic counter updates (`ADD n :one`, the shape of most of the shop's writes) from the official
 * SDK client, `concurrency` at a time.
 */
export async function measureRawDynalite(updates: number, concurrency: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-dynalite-'));
  const server = dynalite({ path: dataDir, createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  try {
    await client.send(
      new CreateTableCommand({
        TableName: 'counters',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    const update = (i: number) =>
      client
        .send(
          new UpdateItemCommand({
            TableName: 'counters',
            Key: { id: { S: `c${i % 100}` } },
            UpdateExpression: 'ADD n :one',
            ExpressionAttributeValues: { ':one': { N: '1' } },
          }),
        )
        .then(() => undefined);
    await runClosedLoop(200, concurrency, update);
    const { elapsedMs } = await runClosedLoop(updates, concurrency, update);
    return updates / (elapsedMs / 1000);
  } finally {
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
