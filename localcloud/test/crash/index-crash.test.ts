import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AttributeValue,
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createActiveTable } from '../support/cloud.js';
import { killHost, killRunningHosts, startKillableHost } from '../support/killable-host.js';

/**
 * Kills the local cloud with SIGKILL while single-item writes (puts, updates that move an item
 * in its indexes, deletes) run on a table with two global secondary indexes, then checks after
 * each restart that every index lists exactly the table's items, each as it stands in the table,
 * and that every acknowledged write is there.
 */

const KILLS = 3;
const WRITERS = 8;
const TABLE = 'tickets';
/** Indexes whose entries are the whole item, keyed by `state` and by `owner`. */
const INDEXES = ['byState', 'byOwner'] as const;
const HOST = join(import.meta.dirname, 'crash-host.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-index-crash-'));

const startHost = () => startKillableHost(HOST, [dataDir], (config) => new DynamoDBClient(config));

type Item = Record<string, AttributeValue>;

/** Every item of the table, or of one of its indexes, by its `id`, each as text to compare. */
async function scan(dynamodb: DynamoDBClient, indexName?: string): Promise<Map<string, string>> {
  const items = new Map<string, string>();
  let start: Item | undefined;
  do {
    const page = await dynamodb.send(
      new ScanCommand({
        TableName: TABLE,
        IndexName: indexName,
        ConsistentRead: !indexName,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) items.set(item.id?.S as string, JSON.stringify(sorted(item)));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

function sorted(item: Item): Item {
  return Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A ticket's steps in order; `deleted` is its absence from the table. */
const STEPS = ['new', 'doing', 'done', 'deleted'] as const;
type Step = (typeof STEPS)[number];

/**
 * One writer's tickets, one after another: put `new`, moved to `doing` and then `done` (each
 * update moves it in both indexes), deleted every other time. Answers each ticket's last step
 * acknowledged.
 */
async function writeTickets(dynamodb: DynamoDBClient, writer: number, running: () => boolean) {
  const acknowledged = new Map<string, Step>();
  for (let n = 0; running(); n++) {
    const id = `ticket-${writer}-${n}`;
    try {
      await dynamodb.send(
        new PutItemCommand({
          TableName: TABLE,
          Item: { id: { S: id }, state: { S: 'new' }, owner: { S: `owner-${n % 3}` } },
        }),
      );
      acknowledged.set(id, 'new');
      for (const [state, owner] of [
        ['doing', `owner-${(n + 1) % 3}`],
        ['done', `owner-${(n + 2) % 3}`],
      ] as const) {
        await dynamodb.send(
          new UpdateItemCommand({
            TableName: TABLE,
            Key: { id: { S: id } },
            UpdateExpression: 'SET #state = :state, #owner = :owner',
            ExpressionAttributeNames: { '#state': 'state', '#owner': 'owner' },
            ExpressionAttributeValues: { ':state': { S: state }, ':owner': { S: owner } },
          }),
        );
        acknowledged.set(id, state);
      }
      if (n % 2 === 0) {
        await dynamodb.send(new DeleteItemCommand({ TableName: TABLE, Key: { id: { S: id } } }));
        acknowledged.set(id, 'deleted');
      }
    } catch {
      break; // Not acknowledged: the process died during the call.
    }
  }
  return acknowledged;
}

afterAll(() => {
  killRunningHosts();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('crash: kill -9 during writes to a table with indexes', () => {
  it(`leaves every index listing exactly the table's items, and keeps every acknowledged write, across ${KILLS} kills`, async () => {
    let host = await startHost();
    await createActiveTable(host.client, {
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['id', 'state', 'owner'].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: INDEXES.map((IndexName) => ({
        IndexName,
        KeySchema: [
          { AttributeName: IndexName === 'byState' ? 'state' : 'owner', KeyType: 'HASH' },
          { AttributeName: 'id', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
    let writes = 0;

    for (let round = 0; round < KILLS; round++) {
      const current = host;
      let running = true;
      const work = Promise.all(
        Array.from({ length: WRITERS }, (_, writer) =>
          writeTickets(current.client, round * WRITERS + writer, () => running),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1000));
      running = false;
      await killHost(current);
      const acknowledged = await work;
      host = await startHost();

      const items = await scan(host.client);
      const listed = [...items.values()].sort();
      for (const indexName of INDEXES) {
        const entries = [...(await scan(host.client, indexName)).values()].sort();
        expect({ indexName, entries }).toEqual({ indexName, entries: listed });
      }
      for (const [id, step] of acknowledged.flatMap((writer) => [...writer])) {
        writes++;
        const item = items.get(id);
        const landed = item === undefined ? 'deleted' : (JSON.parse(item) as Item).state?.S;
        // The step cut off by the kill may have landed after the acknowledged one.
        const stepOrNext = STEPS.slice(STEPS.indexOf(step), STEPS.indexOf(step) + 2);
        expect({ id, landed }).toEqual({ id, landed: expect.toBeOneOf(stepOrNext) });
      }
    }
    expect(writes).toBeGreaterThan(0);
  }, 120_000);
});
