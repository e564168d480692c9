import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type LocalCloudProcess, startLocalCloudProcess } from '../src/process/local-cloud-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-process-'));
let runtime: LocalCloudProcess | undefined;
afterAll(async () => {
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The state machines the edge lists: an AWS call that needs the process up. */
async function listStateMachines(edgeUrl: string): Promise<unknown> {
  const response = await fetch(edgeUrl, {
    method: 'POST',
    headers: {
      'x-amz-target': 'AWSStepFunctions.ListStateMachines',
      'content-type': 'application/x-amz-json-1.0',
    },
    body: '{}',
  });
  return response.json();
}

describe('a local cloud in a child process', () => {
  it('starts ready on ports of its own, comes back on the same ports after kill -9, and stops', async () => {
    runtime = await startLocalCloudProcess({ dataDir });
    expect(runtime.pid).toBeGreaterThan(0);
    expect(await listStateMachines(runtime.edgeUrl)).toEqual({ stateMachines: [] });

    await runtime.kill();
    expect(runtime.pid).toBeUndefined();
    await expect(fetch(runtime.edgeUrl)).rejects.toThrow();

    await runtime.restart();
    expect(await listStateMachines(runtime.edgeUrl)).toEqual({ stateMachines: [] });
    expect(runtime.output.filter((line) => line.startsWith('localcloud: ready in'))).toHaveLength(2);

    await runtime.stop();
    expect(runtime.pid).toBeUndefined();
    expect(runtime.output).toContain('localcloud: stopped; data kept');
  });
});
