import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import { historyOf } from '../support/cloud.js';
import { killHost, killRunningHosts, startKillableHost } from '../support/killable-host.js';

/**
 * Kills the engine's process with SIGKILL at random moments while executions are being started,
 * waited on and answered, then checks after each restart that nothing acknowledged was lost.
 */

const KILLS = Number(process.env.CRASH_KILLS ?? 3);
const HOST = join(import.meta.dirname, 'crash-host.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'localcloud-crash-'));

const startHost = () => startKillableHost(HOST, [dataDir], (config) => new SFNClient(config));

const definition = {
  StartAt: 'Accept',
  States: {
    Accept: { Type: 'Pass', Result: { accepted: true }, ResultPath: '$.accept', Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: 1, Next: 'AwaitBarista' },
    AwaitBarista: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'hold', Payload: { 'token.$': '$$.Task.Token' } },
      ResultPath: '$.barista',
      TimeoutSeconds: 300,
      Next: 'Record',
    },
    Record: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:000000000000:function:record',
      Parameters: { 'name.$': '$$.Execution.Name' },
      ResultPath: '$.record',
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

/** The token a waiting execution's callback task was given, read from its history. */
async function pendingToken(sfn: SFNClient, executionArn: string): Promise<string | undefined> {
  const events = await historyOf(sfn, executionArn);
  const scheduled = events.filter((event) => event.type === 'TaskScheduled');
  const last = scheduled.at(-1)?.taskScheduledEventDetails?.parameters;
  if (!last || !JSON.parse(last).FunctionName?.includes('hold')) return undefined;
  return JSON.parse(last).Payload.token as string;
}

afterAll(() => {
  killRunningHosts();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('crash: kill -9 under load', () => {
  it(`loses no acknowledged execution or answer across ${KILLS} kills`, async () => {
    let host = await startHost();
    const { stateMachineArn } = await host.client.send(
      new CreateStateMachineCommand({
        name: 'crash-test',
        definition: JSON.stringify(definition),
        roleArn: 'arn:aws:iam::000000000000:role/test',
      }),
    );
    const started = new Map<string, string>();
    const answered = new Set<string>();
    let counter = 0;

    for (let kill_ = 0; kill_ < KILLS; kill_++) {
      const current = host;
      let running = true;
      const starter = async () => {
        while (running) {
          const name = `order-${counter++}`;
          try {
            const { executionArn } = await current.client.send(
              new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify({ name }) }),
            );
            started.set(name, executionArn as string);
          } catch {
            return; // Not acknowledged: the process died during the call.
          }
        }
      };
      const answerer = async () => {
        while (running) {
          for (const [name, arn] of started) {
            if (!running) return;
            if (answered.has(name)) continue;
            try {
              const token = await pendingToken(current.client, arn);
              if (!token) continue;
              await current.client.send(
                new SendTaskSuccessCommand({ taskToken: token, output: '{"made":true}' }),
              );
              answered.add(name);
            } catch {
              if (!running) return;
            }
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      const work = Promise.all([starter(), starter(), starter(), answerer()]);
      await new Promise((resolve) => setTimeout(resolve, 800 + Math.random() * 1200));
      running = false;
      await killHost(current);
      await work;
      host = await startHost();
      // Right after the restart every acknowledged execution is there.
      for (const [name, arn] of started) {
        const described = await host.client.send(new DescribeExecutionCommand({ executionArn: arn }));
        expect(described.name).toBe(name);
        expect(['RUNNING', 'SUCCEEDED']).toContain(described.status);
        if (answered.has(name)) {
          const events = await historyOf(host.client, arn);
          expect(events.some((event) => event.type === 'TaskSucceeded')).toBe(true);
        }
      }
    }

    // Drive everything to the end on the last process: answer every token still pending.
    const deadline = Date.now() + 30_000;
    const open = new Set(started.keys());
    while (open.size > 0 && Date.now() < deadline) {
      for (const name of [...open]) {
        const arn = started.get(name) as string;
        const described = await host.client.send(new DescribeExecutionCommand({ executionArn: arn }));
        if (described.status === 'SUCCEEDED') {
          open.delete(name);
          continue;
        }
        expect(described.status).toBe('RUNNING');
        const token = await pendingToken(host.client, arn);
        if (token) {
          await host.client
            .send(new SendTaskSuccessCommand({ taskToken: token, output: '{"made":true}' }))
            .catch(() => undefined);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect([...open]).toEqual([]);

    // Every execution's history is whole: ids 1..n in order, one start, one success.
    for (const arn of started.values()) {
      const events = await historyOf(host.client, arn);
      expect(events.map((event) => event.id)).toEqual(events.map((_, i) => i + 1));
      expect(events.filter((event) => event.type === 'ExecutionStarted')).toHaveLength(1);
      expect(events.filter((event) => event.type === 'ExecutionSucceeded')).toHaveLength(1);
    }
    // The side-effecting task ran at least once for every execution (again only if interrupted).
    const recorded = new Set(
      readFileSync(join(dataDir, 'invocations.log'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).name as string),
    );
    for (const name of started.keys()) expect(recorded.has(name)).toBe(true);
    console.log(
      `crash test: ${started.size} executions acknowledged, ${answered.size} answered before a kill, ${KILLS} kills, 0 lost`,
    );
    await killHost(host);
  }, 120_000);
});
