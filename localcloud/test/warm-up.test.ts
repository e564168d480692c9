import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResourceDeclaration } from '../src/bootstrap/resource-declaration.js';
import { LocalCloud } from '../src/local-cloud.js';
import { sdkConfig } from './support/cloud.js';

const declaration = (warmUpHandler: string): ResourceDeclaration => ({
  tables: { notes: { partitionKey: { name: 'id', type: 'S' } } },
  functions: {
    count: { entry: 'app.mjs', handler: 'count', environment: { NOTES_TABLE: { table: 'notes' } } },
  },
  warmUp: { entry: 'app.mjs', handler: warmUpHandler, environment: { NOTES_TABLE: { table: 'notes' } } },
});

/** The clouds a test started, stopped after it. */
const started: Array<{ cloud: LocalCloud; dataDir: string }> = [];
afterEach(async () => {
  for (const { cloud, dataDir } of started.splice(0)) {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Starts a cloud with the fixture application; answers it and the progress lines logged before it was up. */
async function start(warmUpHandler: string, warmUp: boolean) {
  const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-warm-up-'));
  const lines: string[] = [];
  const cloud = await LocalCloud.start({
    dataDir,
    edgePort: 0,
    log: (line) => lines.push(line),
    app: {
      declaration: declaration(warmUpHandler),
      baseDir: join(import.meta.dirname, 'warm-up-fixture'),
      warmUp,
    },
  });
  started.push({ cloud, dataDir });
  return { cloud, linesWhenUp: [...lines] };
}

describe("an application's warm-up", () => {
  it('runs once before the start resolves, on the runtime of the declared functions, and is no function of its own', async () => {
    // Act
    const { cloud, linesWhenUp } = await start('warmUp', true);

    // Assert
    expect(linesWhenUp.at(-1)).toMatch(/^warmed up in \d+ ms: 1 note$/);
    expect(await cloud.lambda.invoke('count', {})).toEqual({ warmUps: 1 });
    expect(cloud.lambda.has('warmUp')).toBe(false);
    expect(cloud.lambda.has('(warm-up)')).toBe(false);
    const dynamodb = new DynamoDBClient(sdkConfig(cloud.endpoint));
    const note = await dynamodb.send(
      new GetItemCommand({ TableName: 'notes', Key: { id: { S: 'warm-up-1' } } }),
    );
    expect(note.Item).toBeDefined();
    dynamodb.destroy();
  });

  it('does not run unless asked to', async () => {
    // Act
    const { cloud, linesWhenUp } = await start('warmUp', false);

    // Assert
    expect(await cloud.lambda.invoke('count', {})).toEqual({ warmUps: 0 });
    expect(linesWhenUp.join('\n')).not.toContain('warm');
  });

  it('leaves the cloud running when it fails, and says why', async () => {
    // Act
    const { cloud, linesWhenUp } = await start('failingWarmUp', true);

    // Assert
    expect(linesWhenUp.at(-1)).toBe(
      'the warm-up failed, so the first users meet cold code: the espresso machine is cold',
    );
    expect(await cloud.lambda.invoke('count', {})).toEqual({ warmUps: 0 });
  });
});
