import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalCloud } from '../local-cloud.js';
import { StoreLockedError } from '../stepfunctions/engine/engine.js';
import { landingPage } from '../web/landing-page.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: process.env.LOCALCLOUD_DATA_DIR ?? '.data' },
    'edge-port': { type: 'string', default: process.env.LOCALCLOUD_EDGE_PORT ?? '4566' },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    sync: { type: 'boolean', default: process.env.LOCALCLOUD_SYNC === 'true' },
  },
  allowPositionals: false,
});

const dataDir = resolve(values['data-dir']);
const edgePort = Number(values['edge-port']);
const webPort = Number(values.port);
const started = performance.now();
const say = (line: string) => console.log(`localcloud: ${line}`);
say(`starting with data in ${dataDir}`);

/** The address phones on the same network reach this machine at, when serving beyond loopback. */
function networkAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? [])
      if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  return undefined;
}

const publicHost =
  values.host === '0.0.0.0' || values.host === '::' ? (networkAddress() ?? '127.0.0.1') : values.host;
const webUrl = `http://${publicHost}:${webPort}`;

try {
  const cloud = await LocalCloud.start({
    dataDir,
    edgePort,
    syncWrites: values.sync,
    log: say,
    web: {
      port: webPort,
      host: values.host,
      landingPage: () =>
        landingPage('Local cloud', [
          {
            title: 'Outbox',
            href: `http://127.0.0.1:${edgePort}/_localcloud/outbox`,
            description: 'Messages the local cloud "sent"',
          },
        ]),
      runtimeConfig: () => ({ region: cloud.region, mqttUrl: `${webUrl.replace('http', 'ws')}/mqtt` }),
    },
  });
  say(`AWS edge on ${cloud.endpoint} (loopback only)`);
  say(`web on ${webUrl} (MQTT at ${webUrl.replace('http', 'ws')}/mqtt)`);
  say(`ready in ${Math.round(performance.now() - started)} ms — Ctrl-C to stop`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await cloud.stop();
    say('stopped; data kept');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof StoreLockedError) {
    say(`${error.message}. Stop the other instance, or use --data-dir for a separate shop.`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    const port = (error as { port?: number }).port;
    say(
      `port ${port ?? `${edgePort} or ${webPort}`} is taken. Stop what uses it, or choose another with --edge-port / --port.`,
    );
  } else {
    console.error('localcloud: failed to start:', error);
  }
  process.exit(1);
}
