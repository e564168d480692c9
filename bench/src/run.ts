/**
 * The benchmarks: `npm run bench` from the repository root. Writes bench/results/engine.md.
 * BENCH_QUICK=1 runs a short version (used by `npm test` to keep the benchmark working).
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Api, pathFor } from '@coffee/backend/contracts';
import { measureDynamoDb } from './dynamodb-throughput.js';
import { measureEngineServiceCalls } from './engine-service-calls.js';
import { compareEngines } from './engine-throughput.js';
import { measureEventsToMqtt } from './events-to-mqtt.js';
import { latencyPlotSvg } from './latency-plot.js';
import { measureFanout } from './mqtt-fanout.js';
import { measureOpenOrders } from './open-orders.js';
import { measureRecovery } from './recovery.js';
import { measureSdkClientCost } from './sdk-client-cost.js';
import { startShop } from './shop-harness.js';
import { measureShopRush, type RushPlan, type ShopRushResult } from './shop-rush.js';
import { simulateRush, summaryLines } from './simulate/rush-simulator.js';
import { fixed, median, summarize } from './stats.js';

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
/** How many times the warm compressed rush runs, one after the other. */
const WARM_RUSH_RUNS = 5;
/**
 * How many just-started shops a just-started rush runs on, one each: the same seeded rush's p99
 * moved between 58 and 169 ms from one fresh shop to the next on this machine.
 */
const JUST_STARTED_RUNS = 3;
/** Issue 4's target for both of a shop rush's latencies, p99 in milliseconds. */
const RUSH_TARGET_P99_MS = 50;
const plan = quick
  ? { executions: 300, concurrency: 20, rounds: 1 }
  : { executions: 5_000, concurrency: 50, rounds: 7 };
const recoveryCount = quick ? 1_000 : 10_000;

console.log(
  `bench: engines, ${plan.rounds} rounds of ${plan.executions} executions each, ${plan.concurrency} in flight`,
);
const throughput = await compareEngines(plan);
for (const row of throughput) {
  console.log(
    `  ${row.workload} ${row.engine}: ${fixed(row.executionsPerSecond, 0)} exec/s, p50 ${fixed(row.latency.p50)} ms, p99 ${fixed(row.latency.p99)} ms`,
  );
}
console.log(`bench: recovery of ${recoveryCount} waiting executions after kill -9`);
const recovery = await measureRecovery(recoveryCount);
console.log(`  recovered ${recovery.running} in ${fixed(recovery.recoveredMs, 0)} ms`);

const fanoutSubscribers = quick ? 50 : 500;
console.log(`bench: PutEvents → MQTT, and fan-out to ${fanoutSubscribers} subscribers`);
const eventsToMqtt = await measureEventsToMqtt(quick ? 50 : 1_000, fanoutSubscribers, quick ? 3 : 20);
console.log(
  `  PutEvents → subscriber p50 ${fixed(eventsToMqtt.latency.p50, 2)} ms, p99 ${fixed(eventsToMqtt.latency.p99, 2)} ms; fan-out p50 ${fixed(eventsToMqtt.fanout.latency.p50)} ms`,
);
const fanout = await measureFanout(fanoutSubscribers, quick ? 3 : 20);
for (const row of fanout) {
  console.log(
    `  ${row.broker}: fan-out p50 ${fixed(row.latency.p50)} ms, ${fixed(row.deliveriesPerSecond, 0)} deliveries/s`,
  );
}

const compressedRush: RushPlan = { customers: 50, rounds: 3, arrivalWindowMs: 10_000, thinkMs: 1_000 };
// People's pace: a keynote break's 50 customers arriving within a minute, ~10 s per step; three
// orders each, so that the p99 is not simply the slowest of 50.
const peoplesPace: RushPlan = { customers: 50, rounds: 3, arrivalWindowMs: 60_000, thinkMs: 10_000 };
/**
 * A rush, how many times it runs in a row, and whether each run has a just-started shop of its own
 * (warmed up at start as `npm start` does, or with `--no-warm-up`).
 */
interface RushRun {
  plan: RushPlan;
  times: number;
  ownShop?: { warmUp: boolean };
}
const quickRush: RushPlan = { customers: 10, rounds: 1, arrivalWindowMs: 0, thinkMs: 0 };
const rushRuns: RushRun[] = quick
  ? [{ plan: quickRush, times: 1 }]
  : [
      // A shop's first rush, as right after `npm start` or a restart: each on a shop that has done
      // nothing but its warm-up; then, as its peer, on shops that skipped it. Then the same rush on
      // the warm shop, several times: the same seeded rush's p99 moved by 2× or more between runs on
      // this machine.
      { plan: compressedRush, times: JUST_STARTED_RUNS, ownShop: { warmUp: true } },
      { plan: compressedRush, times: JUST_STARTED_RUNS, ownShop: { warmUp: false } },
      { plan: compressedRush, times: WARM_RUSH_RUNS },
      { plan: { customers: 50, rounds: 1, arrivalWindowMs: 0, thinkMs: 0 }, times: 1 },
      { plan: peoplesPace, times: JUST_STARTED_RUNS, ownShop: { warmUp: true } },
      { plan: peoplesPace, times: 1 },
      // One customer alone, the code warm: the chain's own time, with nobody to queue behind.
      { plan: { customers: 1, rounds: 40, arrivalWindowMs: 0, thinkMs: 300 }, times: 1 },
    ];
// One shop, in a process of its own, for every shop benchmark but those on a shop of their own.
const shop = await startShop();
// The rows on this shop are the warm ones: its first rush, not reported, warms it up.
await measureShopRush(shop, quick ? quickRush : compressedRush);
/** A rush's runs, and the shop they met: warm, or just started (with or without its warm-up). */
interface MeasuredRush {
  runs: ShopRushResult[];
  shop: string;
}
/** In the order of `rushRuns`. */
const rushes: MeasuredRush[] = [];
for (const { plan, times, ownShop } of rushRuns) {
  const runs: ShopRushResult[] = [];
  for (let run = 0; run < times; run++) {
    console.log(
      `bench: shop rush, ${plan.customers} customers × ${plan.rounds} orders, arriving within ${plan.arrivalWindowMs} ms, ${plan.thinkMs} ms pauses${ownShop ? `, on a just-started shop of its own${ownShop.warmUp ? '' : ' without its warm-up'}` : ''}`,
    );
    const rushShop = ownShop ? await startShop(ownShop) : shop;
    const rush = await measureShopRush(rushShop, plan);
    if (ownShop) await rushShop.stop();
    runs.push(rush);
    console.log(
      `  scan → accepted p50 ${fixed(rush.scanToAccepted.p50)} ms, p99 ${fixed(rush.scanToAccepted.p99)} ms; drink → queue topic p50 ${fixed(rush.submitToQueue.p50)} ms, p99 ${fixed(rush.submitToQueue.p99)} ms; ${fixed(rush.lifecyclesPerSecond, 1)} lifecycles/s`,
    );
  }
  rushes.push({
    runs,
    shop: ownShop ? `just started${ownShop.warmUp ? '' : ', no warm-up'}` : 'warm',
  });
}

const openLevels = quick ? [10] : [10, 100, 1_000];
console.log(`bench: the shop with ${openLevels.join(', ')} orders open`);
const openOrders = await measureOpenOrders(shop, openLevels, quick ? 5 : 30, quick ? 2 : 5);

// The rush simulator (`npm run simulate`) through the public doors, at a rehearsal's pace.
const rehearsal = { seconds: quick ? 8 : 60, rate: quick ? 60 : 120 };
console.log(`bench: simulated rush, ${rehearsal.rate} customers/min for ${rehearsal.seconds} s`);
// The open orders above still hold their slots: room for the rehearsal.
await shop.call('PUT', pathFor(Api.updateLimits, { shopId: 'main' }), shop.barista, { capacity: 5_000 });
const simulated = await simulateRush(shop.client, {
  shopId: 'main',
  durationSeconds: rehearsal.seconds,
  customersPerMinute: rehearsal.rate,
  baristas: 3,
  makeSeconds: 2,
  chooseSeconds: 1,
  cancelShare: 0.1,
  walkAwayShare: 0,
  seed: 7,
  baristaPassword: shop.staffPassword,
  displayPassword: shop.staffPassword,
});
for (const line of summaryLines(simulated)) console.log(`  ${line}`);
if (simulated.faults > 0 || simulated.ordered === 0) throw new Error('The simulated rush met faults');
await shop.stop();
for (const row of openOrders) {
  console.log(
    `  ${row.openOrders} open: scan → accepted p99 ${fixed(row.scanToAccepted.p99)} ms, drink → queue p99 ${fixed(row.submitToQueue.p99)} ms, ${fixed(row.cpuPercent, 0)}% CPU, ${fixed(row.rssMiB, 0)} MiB`,
  );
}
const dynamodbRounds = quick ? 1 : 5;
const dynamodb = await measureDynamoDb(dynamodbRounds, quick ? 500 : 4_000, 50);
console.log(
  `bench: DynamoDB calls/s, raw dynalite ${fixed(dynamodb.rawDynalite.median, 0)}, localcloud ${fixed(dynamodb.localcloud.median, 0)}`,
);

const engineCalls = await measureEngineServiceCalls(quick ? 1 : 10, quick ? 200 : 1_000);
console.log(
  `bench: the engine's DynamoDB calls, CPU per call: over loopback ${fixed(engineCalls.overLoopback, 3)} ms, in process ${fixed(engineCalls.inProcess, 3)} ms`,
);

const sdkRounds = quick ? 1 : 10;
const sdkCosts = await measureSdkClientCost(sdkRounds, quick ? 100 : 500);
for (const row of sdkCosts) {
  console.log(
    `bench: ${row.call}, client CPU per call: ${fixed(row.builtPerCall, 3)} ms, with cached middleware ${fixed(row.cached, 3)} ms, without the logger too ${fixed(row.cachedWithoutCallLog, 3)} ms, lean ${fixed(row.lean, 3)} ms, lean over undici ${fixed(row.leanOverUndici, 3)} ms`,
  );
}

const rawFanoutP50 = fanout.find((row) => row.broker.startsWith('raw'))?.latency.p50 ?? Number.NaN;

const ratio = (workload: string) => {
  const rows = throughput.filter((row) => row.workload === workload);
  const ours = rows.find((row) => row.engine.startsWith('localcloud'));
  const peer = rows.find((row) => !row.engine.startsWith('localcloud'));
  return ours && peer ? ours.executionsPerSecond / peer.executionsPerSecond : Number.NaN;
};

const report = `# Benchmarks

## Step Functions engine

Run by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores
(${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.
Both engines run in the same process on the same definitions (\`bench/src/workloads.ts\`): after a
warm-up of each, ${plan.rounds} rounds in which they take turns, each round ${plan.executions} executions with
${plan.concurrency} in flight, so that a slower spell of the machine falls on both. Executions/s is the
median round's (every round's in brackets); latency, from the start call to the execution's end,
is over every round. Ours writes every transition to its store before acting on it; the peer
keeps nothing. The process runs with \`--max-semi-space-size=32\`, as \`npm start\` runs the local
cloud: the same for both engines.

| workload | engine | executions/s | p50 ms | p99 ms | max ms |
|---|---|---:|---:|---:|---:|
${throughput
  .map(
    (row) =>
      `| ${row.workload} | ${row.engine} | ${fixed(row.executionsPerSecond, 0)} (${row.roundsPerSecond.map((rate) => fixed(rate, 0)).join(', ')}) | ${fixed(row.latency.p50, 2)} | ${fixed(row.latency.p99, 2)} | ${fixed(row.latency.max, 2)} |`,
  )
  .join('\n')}

Throughput ratio, ours / peer: (a) ${fixed(ratio('(a) 5-state Pass/Choice'), 2)}×, (b) ${fixed(ratio('(b) one task-token round trip'), 2)}×
(target: at least 1×).

The peer has no task tokens; in (b) its Task is a local handler answered on the next turn of the
event loop, while ours issues a real token to a Lambda handler that answers it with
SendTaskSuccess.

### Recovery after kill -9

${recovery.waitingExecutions} executions waiting in a Wait state; the process that started them is
killed with SIGKILL; a new process opens the store. Recovered **${recovery.running}** running
executions, timers re-armed, in **${fixed(recovery.recoveredMs, 0)} ms** (target: under 2,000 ms).

## PutEvents → MQTT

A local cloud with a bus, a rule and a publisher function that forwards each event's detail to an
MQTT topic through the IoT data plane, as an application's publisher does; subscribers are \`mqtt\`
clients over WebSocket on the web port.

| measure | p50 ms | p99 ms |
|---|---:|---:|
| PutEvents → one subscriber, ${eventsToMqtt.events} events one at a time | ${fixed(eventsToMqtt.latency.p50, 2)} | ${fixed(eventsToMqtt.latency.p99, 2)} |
| PutEvents → all of ${eventsToMqtt.fanout.subscribers} subscribers, ${eventsToMqtt.fanout.rounds} rounds | ${fixed(eventsToMqtt.fanout.latency.p50, 1)} | ${fixed(eventsToMqtt.fanout.latency.p99, 1)} |

(target: PutEvents → subscriber p99 under 10 ms.)

One message published straight to a broker, to ${fanoutSubscribers} subscribers, in the same run:

| broker | p50 ms | p99 ms | deliveries/s |
|---|---:|---:|---:|
${fanout.map((row) => `| ${row.broker} | ${fixed(row.latency.p50, 1)} | ${fixed(row.latency.p99, 1)} | ${fixed(row.deliveriesPerSecond, 0)} |`).join('\n')}

The event-driven fan-out (PutEvents → rule → publisher → broker → ${eventsToMqtt.fanout.subscribers} subscribers) takes
${fixed(eventsToMqtt.fanout.latency.p50 / rawFanoutP50, 2)}× the raw aedes fan-out at p50 (target: within 2×).

## The shop under a rush

The whole shop as \`npm start\` runs it (the backend's declaration: HTTP API, OrderProcessor, rules,
publisher, MQTT), on a fresh data folder. Each customer signs in, then for each order: gets the
display's code, posts it with a fresh \`Idempotency-Key\` as the customer app does (**scan →
accepted**: the POST's round trip), waits for WorkflowStarted on
their topic, pauses, puts the drink (**drink → queue**: until WaitingCompletion of that order reaches a
display subscribed to the shop's queue topic); a barista makes and completes it; the customer waits
for OrderFinished before the next order. Pauses are ±50% around the mean, from a seeded generator.

| the shop | customers × orders | arrivals within | mean pause | scan → accepted p50 / p99 ms | drink → queue p50 / p99 ms | lifecycles/s | CPU % of a core | peak RSS MiB |
|---|---|---:|---:|---:|---:|---:|---:|---:|
${rushes.map(rushRow).join('\n')}

(target: p99 under ${RUSH_TARGET_P99_MS} ms for both, with 50 concurrent customers.) With more than one run, each
figure is the median over the runs; in brackets, every run's p99, then the p99 of all the runs'
samples together (with 450 samples, their fifth slowest: one bunched arrival moves it less than
it moves a run's own). The first three rows are a
compressed rush (pauses of a second, so about ${fixed(rushes[0]?.runs[0]?.lifecyclesPerSecond ?? 0, 0)} orders a second). The first is what a shop
does first after it starts: ${JUST_STARTED_RUNS} runs, each on a shop of its own that has done nothing but
its start-up warm-up (50 orders at a scratch shop before \`ready\`), as a shop's first rush after
\`npm start\` or a restart meets it. The second, its peer, is the same on shops started with
\`--no-warm-up\`: their code not yet optimised by the JavaScript engine (three threads each warm up
on their own). The third is the same rush on the warm shop (which has run it once before,
unreported), ${WARM_RUSH_RUNS} times one after the other. The fourth is 50
customers scanning at the same instant and choosing at once: ${burstCpuSentence(rushes[3]?.runs[0])} The next two are
people's pace, three orders each: 150 samples, so a p99 is the second slowest (with 50 it would be
the slowest); the first on ${JUST_STARTED_RUNS} just-started shops, the second on the warm shop. The last is one
customer alone, 40 orders one after the other: what the chain of calls below takes by itself, the
floor under the others' latencies.

What bounds them: scan → accepted is six waits one after the other (the shop and the customer's
record, read together; claiming the idempotency key, which names the order to come; reserving the
customer, taking a drink from the code, writing the order, putting NewOrder); drink → queue is eight (the order, the shop's menu, the conditional write,
SendTaskSuccess; then in the workflow the order number, the order's state and the
WaitingCompletion event; then the publisher's IoT publish). The API's and the publisher's calls are
AWS SDK calls over HTTP to the edge (about ${fixed(1000 / dynamodb.localcloud.median, 1)} ms each for an SDK call and dynalite's
answer at full load, see the parts' limits below), made on the functions' worker thread; the
workflow's reach the same services in the process, with their JSON protocol but no SDK or
socket. The edge, the engine, EventBridge and the broker answer on the process's main thread,
dynalite on a thread of its own.
The chain sets the floor; queueing on those three threads, which share the machine's cores, the
tail.

The shop runs in a process of its own, as \`npm start\` runs it; CPU (all its threads: the
functions' worker, dynalite's, LevelDB writes) and memory are that process's. The simulated phones, display and baristas run
in the benchmark's process, as real ones would run on their own devices.

![Latency distribution of the compressed rush on the first just-started shop](latency.svg)

### With more orders open

Orders left open (customers still choosing: each an execution waiting on its task token, a slot of
the barista queue taken), then 5 customers at a time through whole life cycles without pauses.

| open orders | scan → accepted p50 / p99 ms | drink → queue p50 / p99 ms | lifecycles/s | CPU % of a core | RSS MiB |
|---:|---:|---:|---:|---:|---:|
${openOrders
  .map(
    (r) =>
      `| ${r.openOrders} | ${fixed(r.scanToAccepted.p50, 1)} / ${fixed(r.scanToAccepted.p99, 1)} | ${fixed(r.submitToQueue.p50, 1)} / ${fixed(r.submitToQueue.p99, 1)} | ${fixed(r.lifecyclesPerSecond, 1)} | ${fixed(r.cpuPercent, 0)} | ${fixed(r.rssMiB, 0)} |`,
  )
  .join('\n')}

### A simulated rush

\`npm run simulate\` against the same shop: ${rehearsal.rate} customers a minute for ${rehearsal.seconds} s, choosing in
about 1 s, 10% cancelling, three baristas taking about 2 s a drink, all through the public API.

\`\`\`
${summaryLines(simulated).join('\n')}
\`\`\`

### The parts' own limits, in the same run

DynamoDB, from the SDK in the benchmark's process, 50 calls at a time, half GetItem and half atomic
counter updates (\`ADD n :one\`) on 100 items, on disk; the two take turns over ${dynamodbRounds} rounds
(median round, every round in brackets). Each order life cycle makes about 25 DynamoDB calls.

| DynamoDB | calls/s |
|---|---:|
| dynalite alone (its own HTTP server, no edge in front) | ${fixed(dynamodb.rawDynalite.median, 0)} (${dynamodb.rawDynalite.rounds.map((value) => fixed(value, 0)).join(', ')}) |
| localcloud (the edge; dynalite on a thread of its own, reading LevelDB synchronously there) | ${fixed(dynamodb.localcloud.median, 0)} (${dynamodb.localcloud.rounds.map((value) => fixed(value, 0)).join(', ')}) |

Ratio, localcloud / dynalite alone: ${fixed(dynamodb.localcloud.median / dynamodb.rawDynalite.median, 2)}×.

The Step Functions engine's DynamoDB tasks call the local DynamoDB in the process, with the wire's
JSON, as the edge would answer them over HTTP; before, they sent that HTTP request to the edge over
loopback. The process's CPU (its own thread and dynalite's) per call, GetItem and counter updates in
turn, one at a time; the two ways take turns over the rounds (median round). An order makes about
14 such calls from its workflow (DynamoDB and PutEvents tasks).

| the engine's call | CPU ms per call |
|---|---:|
| over loopback HTTP (before) | ${fixed(engineCalls.overLoopback, 3)} |
| in the process (now) | ${fixed(engineCalls.inProcess, 3)} |

Ratio, loopback / in process: ${fixed(engineCalls.overLoopback / engineCalls.inProcess, 2)}×.

aedes alone: see the fan-out table above.

The AWS SDK's own cost, on the thread that makes the call: each of these calls, one after another
from the benchmark's process, to a local cloud in a process of its own; with each command's
middleware built on every call (the SDK's default), built once per command type
(\`cacheMiddleware\`), built once without the SDK's logger middleware, which masks a copy of
every input and output for a logger the backend never sets, lean: no logger, and the client's
configuration turned from a V8 dictionary into fast properties, which the SDK copies three or four
times per call (\`leanClient\`), and lean over undici: the same client sending its requests with the
SDK's request handler on Node's undici HTTP client (\`@smithy/undici-http-handler\`) instead of its
default on \`node:http\`, how the backend configures every client. For DynamoDB, the first is
lib-dynamodb's document client, which refuses the cache, and the others the backend's
\`DocumentTables\`, which converts items with the same library on a caching client. The five take
turns over ${sdkRounds} rounds (median round). An order makes about 36 calls from the functions:
14 IoT publishes, about 16 DynamoDB calls, 4 PutEvents and 2 SendTaskSuccess.

| call | client CPU ms, built per call | cached | cached, no logger | lean | lean over undici (the backend's) | ratio, lean / over undici | ratio, first / last |
|---|---:|---:|---:|---:|---:|---:|---:|
${sdkCosts.map((row) => `| ${row.call} | ${fixed(row.builtPerCall, 3)} | ${fixed(row.cached, 3)} | ${fixed(row.cachedWithoutCallLog, 3)} | ${fixed(row.lean, 3)} | ${fixed(row.leanOverUndici, 3)} | ${fixed(row.lean / row.leanOverUndici, 2)}× | ${fixed(row.builtPerCall / row.leanOverUndici, 2)}× |`).join('\n')}
`;

if (!quick) {
  const firstRush = rushes[0]?.runs[0];
  if (firstRush) {
    const plot = latencyPlotSvg(`Shop rush: ${firstRush.customers} customers × ${firstRush.rounds} orders`, [
      { name: 'scan → accepted', samples: firstRush.samples.scanToAccepted, color: '#1f77b4' },
      { name: 'drink → queue topic', samples: firstRush.samples.submitToQueue, color: '#d62728' },
    ]);
    writeFileSync(join(import.meta.dirname, '..', 'results', 'latency.svg'), plot);
  }
  writeFileSync(join(import.meta.dirname, '..', 'results', 'report.md'), report);
  console.log('bench: wrote bench/results/report.md');
}

/**
 * A row of the rush table: each figure the median of the rush's runs; with more than one run, every
 * run's p99 follows in brackets, then the p99 of all the runs' samples together.
 */
function rushRow({ runs, shop }: MeasuredRush): string {
  const { customers, rounds, arrivalWindowMs, thinkMs } = runs[0] as ShopRushResult;
  const latency = (measure: 'scanToAccepted' | 'submitToQueue') => {
    const p99s = runs.map((run) => run[measure].p99);
    const cell = `${fixed(median(runs.map((run) => run[measure].p50)), 1)} / ${fixed(median(p99s), 1)}`;
    if (runs.length === 1) return cell;
    const pooled = runs.flatMap((run) => run.samples[measure]);
    return `${cell} (${p99s.map((p99) => fixed(p99, 1)).join(', ')}; all ${pooled.length}: ${fixed(summarize(pooled).p99, 1)})`;
  };
  return `| ${shop} | ${customers} × ${rounds} | ${arrivalWindowMs} ms | ${thinkMs} ms | ${latency('scanToAccepted')} | ${latency('submitToQueue')} | ${fixed(median(runs.map((run) => run.lifecyclesPerSecond)), 1)} | ${fixed(median(runs.map((run) => run.cpuPercent)), 0)} | ${fixed(median(runs.map((run) => run.peakRssMiB)), 0)} |`;
}

/**
 * Why 50 customers acting at the same instant wait: their work takes turns on the machine's cores,
 * whatever one order's chain of calls takes. The CPU per life cycle is the rush's own, its CPU
 * over its life cycles per second.
 */
function burstCpuSentence(burst: ShopRushResult | undefined): string {
  if (!burst) return '';
  const cores = cpus().length;
  const cpuMsPerLifecycle = ((burst.cpuPercent / 100) * 1000) / burst.lifecyclesPerSecond;
  const target = RUSH_TARGET_P99_MS;
  return `all of their scans are answered within ${target} ms only if a scan takes under ${fixed((target * cores) / burst.customers, 0)} ms of CPU on average (${target} ms on ${cores} cores, shared by ${burst.customers}); a whole life cycle took ${fixed(cpuMsPerLifecycle, 0)} ms of the shop's CPU in this rush (its CPU over its life cycles per second), so the later customers wait behind the earlier ones.`;
}
