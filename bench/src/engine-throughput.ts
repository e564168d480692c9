import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaRegistry, StepFunctionsEngine } from '@coffee/localcloud';
import { StateMachine } from 'aws-local-stepfunctions';
import { type LatencySummary, runClosedLoop, summarize } from './stats.js';
import { callbackMachine, inputFor, passChoiceMachine } from './workloads.js';

/** One engine's figures on one workload. */
export interface ThroughputResult {
  engine: string;
  workload: string;
  executions: number;
  executionsPerSecond: number;
  latency: LatencySummary;
}

/** How much to run. */
export interface ThroughputPlan {
  executions: number;
  concurrency: number;
}

/** Our engine, durable on disk, driven in process through its API. */
async function ours(workload: 'a' | 'b', plan: ThroughputPlan): Promise<ThroughputResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-engine-'));
  const lambda = new LambdaRegistry();
  const engine = await StepFunctionsEngine.open({ dataDir, lambda });
  lambda.register('barista', async (event) => {
    const { token } = event as { token: string };
    // The barista answers on the next turn, through the same API SendTaskSuccess uses.
    setImmediate(() => void engine.sendTaskSuccess(token, { made: true }));
    return { accepted: true };
  });
  const definition =
    workload === 'a' ? passChoiceMachine : callbackMachine('arn:aws:states:::lambda:invoke.waitForTaskToken');
  const machine = await engine.createStateMachine({
    name: `bench-${workload}`,
    definition: JSON.stringify(definition),
    roleArn: 'arn:aws:iam::000000000000:role/bench',
  });
  const waiting = new Map<string, () => void>();
  engine.onExecutionClosed((record) => {
    if (record.status !== 'SUCCEEDED') throw new Error(`bench execution ${record.status}: ${record.cause}`);
    waiting.get(record.executionArn)?.();
  });
  const job = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const name = `run-${index}`;
      const arn = `${machine.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
      waiting.set(arn, () => {
        waiting.delete(arn);
        resolve();
      });
      engine
        .startExecution({
          stateMachineArn: machine.stateMachineArn,
          name,
          input: JSON.stringify(inputFor(index)),
        })
        .then((record) => {
          if (record.status !== 'RUNNING' && waiting.has(arn)) waiting.get(arn)?.();
        }, reject);
    });
  const { latencies, elapsedMs } = await runClosedLoop(plan.executions, plan.concurrency, job);
  await engine.close();
  rmSync(dataDir, { recursive: true, force: true });
  return result('localcloud (durable)', workload, plan, latencies, elapsedMs);
}

/** The in-memory peer, aws-local-stepfunctions, on the same definitions. */
async function peer(workload: 'a' | 'b', plan: ThroughputPlan): Promise<ThroughputResult> {
  const definition = workload === 'a' ? passChoiceMachine : callbackMachine('arn:aws:states:::lambda:invoke');
  const machine = new StateMachine(definition as never, { validationOptions: { checkArn: false } });
  const overrides =
    workload === 'b'
      ? {
          taskResourceLocalHandlers: {
            AwaitBarista: () =>
              new Promise<{ made: boolean }>((resolve) => setImmediate(() => resolve({ made: true }))),
          },
        }
      : {};
  // The peer has no task tokens: its context object is given one so the same Parameters evaluate.
  const context = workload === 'b' ? { Task: { Token: 'peer-token' } } : undefined;
  const job = async (index: number) => {
    await machine.run(inputFor(index), { overrides, ...(context && { context: context as never }) }).result;
  };
  const { latencies, elapsedMs } = await runClosedLoop(plan.executions, plan.concurrency, job);
  return result('aws-local-stepfunctions (in memory)', workload, plan, latencies, elapsedMs);
}

function result(
  engine: string,
  workload: 'a' | 'b',
  plan: ThroughputPlan,
  latencies: number[],
  elapsedMs: number,
): ThroughputResult {
  return {
    engine,
    workload: workload === 'a' ? '(a) 5-state Pass/Choice' : '(b) one task-token round trip',
    executions: plan.executions,
    executionsPerSecond: plan.executions / (elapsedMs / 1000),
    latency: summarize(latencies),
  };
}

/** Runs both engines on both workloads, each after a warm-up run. */
export async function compareEngines(plan: ThroughputPlan): Promise<ThroughputResult[]> {
  const results: ThroughputResult[] = [];
  const warmUp = plan;
  for (const workload of ['a', 'b'] as const) {
    await peer(workload, warmUp);
    await ours(workload, warmUp);
    results.push(await peer(workload, plan));
    results.push(await ours(workload, plan));
  }
  return results;
}
