/**
 * Runs a local cloud in a process of its own, so the crash test can kill it with SIGKILL.
 * Usage: crash-host.ts <data-dir>. Prints `READY <edge-url>` once it accepts requests.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalCloud } from '../../src/local-cloud.js';
import { LambdaRegistry } from '../../src/stepfunctions/integrations/index.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-host.ts <data-dir>');

const lambda = new LambdaRegistry();
// A request-response task with a visible side effect: every invocation is appended to a file.
lambda.register('record', async (event) => {
  appendFileSync(join(dataDir, 'invocations.log'), `${JSON.stringify(event)}\n`);
  return { recorded: true };
});
// The first half of a callback task: accepts the token, which the test answers later.
lambda.register('hold', async () => ({ held: true }));
const cloud = await LocalCloud.start({ dataDir, edgePort: 0, lambda });
process.stdout.write(`READY ${cloud.endpoint}\n`);
