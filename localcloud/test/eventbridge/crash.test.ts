import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EventBridgeClient,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, describe, expect, it } from 'vitest';
import { waitUntil } from './support/recorder.js';

/**
 * Kills the service's process with SIGKILL right after PutEvents answered, while every delivery
 * is still pending, then checks that the next start delivers every event that was acknowledged.
 */

const HOST = join(import.meta.dirname, 'support', 'crash-host.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-eventbridge-crash-'));
const children = new Set<ChildProcess>();

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Host {
  child: ChildProcess;
  events: EventBridgeClient;
}

function startHost(mode: 'hold' | 'record'): Promise<Host> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOST, dataDir, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) =>
      reject(new Error(`host exited with ${code} before it was ready: ${output}`)),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (!match) return;
      child.removeAllListeners('exit');
      const events = new EventBridgeClient({
        endpoint: match[1],
        region: 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        maxAttempts: 1,
      });
      resolve({ child, events });
    });
  });
}

function kill(host: Host): Promise<void> {
  return new Promise((resolve) => {
    host.child.once('exit', () => resolve());
    host.child.kill('SIGKILL');
    host.events.destroy();
    children.delete(host.child);
  });
}

describe('a crash (SIGKILL)', () => {
  it('loses no event PutEvents acknowledged', async () => {
    // Arrange
    const first = await startHost('hold');
    await first.events.send(new PutRuleCommand({ Name: 'all', EventPattern: '{"source": ["crash.test"]}' }));
    await first.events.send(
      new PutTargetsCommand({
        Rule: 'all',
        Targets: [{ Id: 'sink', Arn: 'arn:aws:lambda:us-east-1:000000000000:function:sink' }],
      }),
    );
    const acknowledged: string[] = [];
    const entry = { Source: 'crash.test', DetailType: 'Crash', Detail: '{}' };

    // Act
    for (let batch = 0; batch < 5; batch++) {
      const put = await first.events.send(
        new PutEventsCommand({ Entries: Array.from({ length: 10 }, () => entry) }),
      );
      acknowledged.push(...(put.Entries ?? []).map((result) => result.EventId as string));
    }
    await kill(first);
    const second = await startHost('record');
    const log = join(dataDir, 'delivered.log');
    const delivered = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
    await waitUntil(() => new Set(delivered()).size >= acknowledged.length, 10_000);
    await kill(second);

    // Assert
    expect(new Set(delivered())).toEqual(new Set(acknowledged));
  });
});
