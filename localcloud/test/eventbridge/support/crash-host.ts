/**
 * Runs the EventBridge service in a process of its own, so the crash test can kill it with
 * SIGKILL. Usage: crash-host.ts <data-dir> <hold|record>. With `hold`, the Lambda target `sink`
 * never returns, so every accepted event stays pending; with `record`, it appends each event's id
 * to `<data-dir>/delivered.log`. Prints `READY <edge-url>` once it accepts requests.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { EdgeServer } from '../../../src/edge/edge-server.js';
import { EventBridgeService } from '../../../src/eventbridge/index.js';
import { localTargetInvoker } from '../../../src/eventbridge/targets/local-target-invoker.js';
import { StepFunctionsEngine } from '../../../src/stepfunctions/engine/engine.js';
import { LambdaRegistry } from '../../../src/stepfunctions/integrations/index.js';

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir || (mode !== 'hold' && mode !== 'record'))
  throw new Error('usage: crash-host.ts <data-dir> <hold|record>');

const lambda = new LambdaRegistry();
lambda.register('sink', async (event) => {
  if (mode === 'hold') await new Promise(() => {});
  appendFileSync(join(dataDir, 'delivered.log'), `${(event as { id: string }).id}\n`);
});
const stepFunctions = await StepFunctionsEngine.open({ dataDir: join(dataDir, 'stepfunctions'), lambda });
const service = await EventBridgeService.open({
  dataDir: join(dataDir, 'eventbridge'),
  region: 'us-east-1',
  targets: localTargetInvoker({ stepFunctions, lambda }),
});
const edge = new EdgeServer({
  region: 'us-east-1',
  services: [service.awsJsonService()],
  routes: service.routes(),
});
await edge.listen(0);
process.stdout.write(`READY ${edge.url}\n`);
