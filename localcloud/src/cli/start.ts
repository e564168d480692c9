import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalCloud } from '../local-cloud.js';
import { StoreLockedError } from '../stepfunctions/engine/engine.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: process.env.LOCALCLOUD_DATA_DIR ?? '.data' },
    'edge-port': { type: 'string', default: process.env.LOCALCLOUD_EDGE_PORT ?? '4566' },
    sync: { type: 'boolean', default: process.env.LOCALCLOUD_SYNC === 'true' },
  },
  allowPositionals: false,
});

const dataDir = resolve(values['data-dir']);
const edgePort = Number(values['edge-port']);
const started = performance.now();
console.log(`localcloud: starting with data in ${dataDir}`);

try {
  const cloud = await LocalCloud.start({ dataDir, edgePort, syncWrites: values.sync });
  console.log(`localcloud: Step Functions resumed ${cloud.stepFunctions.runningCount} running execution(s)`);
  console.log(`localcloud: AWS edge listening on ${cloud.endpoint} (loopback only)`);
  console.log(`localcloud: ready in ${Math.round(performance.now() - started)} ms — Ctrl-C to stop`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('localcloud: stopping…');
    await cloud.stop();
    console.log('localcloud: stopped; data kept');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof StoreLockedError) {
    console.error(
      `localcloud: ${error.message}. Stop the other instance, or use --data-dir for a separate shop.`,
    );
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `localcloud: port ${edgePort} is taken. Stop what uses it, or set LOCALCLOUD_EDGE_PORT / --edge-port.`,
    );
  } else {
    console.error('localcloud: failed to start:', error);
  }
  process.exit(1);
}
