/**
 * The benchmarks: `npm run bench` from the repository root. Writes bench/results/engine.md.
 * BENCH_QUICK=1 runs a short version (used by `npm test` to keep the benchmark working).
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { compareEngines } from './engine-throughput.js';
import { measureRecovery } from './recovery.js';
import { fixed } from './stats.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// aws-local-stepfunctions 3 calls Promise.withResolvers, which Node 20 lacks.
const promise = Promise as unknown as { withResolvers?: () => unknown };
promise.withResolvers ??= () => {
  let resolve: unknown;
  let reject: unknown;
  const created = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise: created, resolve, reject };
};

const quick = process.env.BENCH_QUICK === '1';
const plan = quick ? { executions: 300, concurrency: 20 } : { executions: 5_000, concurrency: 50 };
const recoveryCount = quick ? 1_000 : 10_000;

console.log(`bench: engines, ${plan.executions} executions each, ${plan.concurrency} in flight`);
const throughput = await compareEngines(plan);
for (const row of throughput) {
  console.log(
    `  ${row.workload} ${row.engine}: ${fixed(row.executionsPerSecond, 0)} exec/s, p50 ${fixed(row.latency.p50)} ms, p99 ${fixed(row.latency.p99)} ms`,
  );
}
console.log(`bench: recovery of ${recoveryCount} waiting executions after kill -9`);
const recovery = await measureRecovery(recoveryCount);
console.log(`  recovered ${recovery.running} in ${fixed(recovery.recoveredMs, 0)} ms`);

const ratio = (workload: string) => {
  const rows = throughput.filter((row) => row.workload === workload);
  const ours = rows.find((row) => row.engine.startsWith('localcloud'));
  const peer = rows.find((row) => !row.engine.startsWith('localcloud'));
  return ours && peer ? ours.executionsPerSecond / peer.executionsPerSecond : Number.NaN;
};

const report = `# Engine benchmark

Run by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores
(${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.
Both engines run in the same process, one after the other, on the same definitions
(\`bench/src/workloads.ts\`), each after a warm-up: ${plan.executions} executions, ${plan.concurrency} in
flight. Latency is from the start call to the execution's end. Ours writes every transition to
its store before acting on it; the peer keeps nothing.

| workload | engine | executions/s | p50 ms | p99 ms | max ms |
|---|---|---:|---:|---:|---:|
${throughput
  .map(
    (row) =>
      `| ${row.workload} | ${row.engine} | ${fixed(row.executionsPerSecond, 0)} | ${fixed(row.latency.p50, 2)} | ${fixed(row.latency.p99, 2)} | ${fixed(row.latency.max, 2)} |`,
  )
  .join('\n')}

Throughput ratio, ours / peer: (a) ${fixed(ratio('(a) 5-state Pass/Choice'), 2)}×, (b) ${fixed(ratio('(b) one task-token round trip'), 2)}×
(target: at least 1×).

The peer has no task tokens; in (b) its Task is a local handler answered on the next turn of the
event loop, while ours issues a real token to a Lambda handler that answers it with
SendTaskSuccess.

## Recovery after kill -9

${recovery.waitingExecutions} executions waiting in a Wait state; the process that started them is
killed with SIGKILL; a new process opens the store. Recovered **${recovery.running}** running
executions, timers re-armed, in **${fixed(recovery.recoveredMs, 0)} ms** (target: under 2,000 ms).
`;

if (!quick) {
  writeFileSync(join(import.meta.dirname, '..', 'results', 'engine.md'), report);
  console.log('bench: wrote bench/results/engine.md');
}
