import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaRegistry, StepFunctionsEngine } from '@coffee/localcloud';
import { StateMachine } from 'aws-local-stepfunctions';
import { type LatencySummary, median, runClosedLoop, summarize, takeTurns } from './stats.js';
import { callbackMachine, inputFor, passChoiceMachine } from './workloads.js';

/** One engine's figures on one workload. */
export interface ThroughputResult {
  engine: string;
  workload: string;
  executions: number;
  /** The median of the rounds' executions per second. */
  executionsPerSecond: number;
  /** Each round's executions per second, in the order run. */
  roundsPerSecond: number[];
  /** Over every round's executions. */
  latency: LatencySummary;
}

/** How much to run: `rounds` runs of each engine on each workload, taking turns. */
export interface ThroughputPlan {
  executions: number;
  concurrency: number;
  rounds: number;
}

/** One run of one engine. */
interface RoundResult {
  engine: string;
  latencies: number[];
  executionsPerSecond: number;
}

/** Our engine, durable on disk, driven in process through its API. */
async function ours(workload: 'a' | 'b', plan: ThroughputPlan): Promise<RoundResult> {
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
  return round('localcloud (durable)', plan, latencies, elapsedMs);
}

/** The in-memory peer, aws-local-stepfunctions, on the same definitions. */
async function peer(workload: 'a' | 'b', plan: ThroughputPlan): Promise<RoundResult> {
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
  return round('aws-local-stepfunctions (in memory)', plan, latencies, elapsedMs);
}

function round(engine: string, plan: ThroughputPlan, latencies: number[], elapsedMs: number): RoundResult {
  return { engine, latencies, executionsPerSecond: plan.executions / (elapsedMs / 1000) };
}

/** An engine's rounds on a workload, as one result: the median round's rate, every latency. */
function combine(workload: 'a' | 'b', plan: ThroughputPlan, rounds: RoundResult[]): ThroughputResult {
  const rates = rounds.map((run) => run.executionsPerSecond);
  return {
    engine: rounds[0]?.engine ?? '',
    workload: workload === 'a' ? '(a) 5-state Pass/Choice' : '(b) one task-token round trip',
    executions: plan.executions,
    executionsPerSecond: median(rates),
    roundsPerSecond: rates,
    latency: summarize(rounds.flatMap((run) => run.latencies)),
  };
}

/**
 * Runs both engines on both workloads: a warm-up of each, then `plan.rounds` rounds in which the
 * two take turns, so that a slower spell of a shared machine falls on both.
 */
export async function compareEngines(plan: ThroughputPlan): Promise<ThroughputResult[]> {
  const results: ThroughputResult[] = [];
  for (const workload of ['a', 'b'] as const) {
    const rounds = await takeTurns(plan.rounds, {
      peer: () => peer(workload, plan),
      ours: () => ours(workload, plan),
    });
    results.push(combine(workload, plan, rounds.peer), combine(workload, plan, rounds.ours));
  }
  return results;
}
