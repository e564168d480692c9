/**
 * A process of its own for the recovery benchmark. `fill <dir> <n>` starts n executions that wait
 * an hour, prints FILLED, and waits to be killed. `recover <dir>` opens the store, prints how
 * long recovery took as JSON, and exits.
 */
import { StepFunctionsEngine } from '@coffee/localcloud';

const [mode, dataDir, countText] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: recovery-host.ts fill|recover <dir> [count]');

if (mode === 'fill') {
  const engine = await StepFunctionsEngine.open({ dataDir });
  const machine = await engine.createStateMachine({
    name: 'waiting',
    definition: JSON.stringify({
      StartAt: 'Accept',
      States: {
        Accept: { Type: 'Pass', Next: 'Brew' },
        Brew: { Type: 'Wait', Seconds: 3600, Next: 'Done' },
        Done: { Type: 'Succeed' },
      },
    }),
    roleArn: 'arn:aws:iam::000000000000:role/bench',
  });
  const count = Number(countText ?? 10_000);
  const batch = 200;
  for (let i = 0; i < count; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, (_, j) =>
        engine.startExecution({
          stateMachineArn: machine.stateMachineArn,
          name: `wait-${i + j}`,
          input: '{"cup":1}',
        }),
      ),
    );
  }
  process.stdout.write('FILLED\n');
  setInterval(() => undefined, 60_000);
} else {
  const started = performance.now();
  const engine = await StepFunctionsEngine.open({ dataDir });
  const recoveredMs = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ recoveredMs, running: engine.runningCount })}\n`);
  await engine.close();
  process.exit(0);
}
