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
import { killHost, killRunningHosts, startKillableHost } from '../support/killable-host.js';
import { waitUntil } from './support/recorder.js';

/**
 * Kills the service's process with SIGKILL right after PutEvents answered, while every delivery
 * is still pending, then checks that the next start delivers every event that was acknowledged.
 */

const HOST = join(import.meta.dirname, 'support', 'crash-host.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-eventbridge-crash-'));

afterAll(() => {
  killRunningHosts();
  rmSync(dataDir, { recursive: true, force: true });
});

const startHost = (mode: 'hold' | 'record') =>
  startKillableHost(HOST, [dataDir, mode], (config) => new EventBridgeClient(config));

describe('a crash (SIGKILL)', () => {
  it('loses no event PutEvents acknowledged', async () => {
    // Arrange
    const first = await startHost('hold');
    await first.client.send(new PutRuleCommand({ Name: 'all', EventPattern: '{"source": ["crash.test"]}' }));
    await first.client.send(
      new PutTargetsCommand({
        Rule: 'all',
        Targets: [{ Id: 'sink', Arn: 'arn:aws:lambda:us-east-1:000000000000:function:sink' }],
      }),
    );
    const acknowledged: string[] = [];
    const entry = { Source: 'crash.test', DetailType: 'Crash', Detail: '{}' };

    // Act
    for (let batch = 0; batch < 5; batch++) {
      const put = await first.client.send(
        new PutEventsCommand({ Entries: Array.from({ length: 10 }, () => entry) }),
      );
      acknowledged.push(...(put.Entries ?? []).map((result) => result.EventId as string));
    }
    await killHost(first);
    const second = await startHost('record');
    const log = join(dataDir, 'delivered.log');
    const delivered = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
    await waitUntil(() => new Set(delivered()).size >= acknowledged.length, 10_000);
    await killHost(second);

    // Assert
    expect(new Set(delivered())).toEqual(new Set(acknowledged));
  });
});
