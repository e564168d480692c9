import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { UserPasswordRefusedError } from '../bootstrap/apply-declaration.js';
import type { ResourceDeclaration } from '../bootstrap/resource-declaration.js';
import { DEFAULT_PASSWORD_POLICY, passwordPolicyWords } from '../cognito/index.js';
import { FunctionLoadError } from '../lambda/load-handler.js';
import { COGNITO_WEB_PATH, LocalCloud } from '../local-cloud.js';
import { DEFAULT_RETENTION_DAYS, StoreLockedError } from '../stepfunctions/engine/engine.js';
import { landingPage } from '../web/landing-page.js';
import { parseWebApps, WebAppOptionError, webAppLinks } from '../web/web-apps.js';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: process.env.LOCALCLOUD_DATA_DIR ?? '.data' },
    'edge-port': { type: 'string', default: process.env.LOCALCLOUD_EDGE_PORT ?? '4566' },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    sync: { type: 'boolean', default: process.env.LOCALCLOUD_SYNC === 'true' },
    /** Days a closed workflow execution and its history are kept before they are deleted. */
    'execution-retention-days': {
      type: 'string',
      default: process.env.LOCALCLOUD_EXECUTION_RETENTION_DAYS ?? String(DEFAULT_RETENTION_DAYS),
    },
    /** Run the application's declared warm-up before "ready" (`--no-warm-up` skips it). */
    'warm-up': { type: 'boolean', default: process.env.LOCALCLOUD_WARM_UP !== 'false' },
    app: { type: 'string' },
    /** A built single-page app to serve, `<mount path>=<folder>` (repeatable), e.g. `/shop=web/dist`. */
    'web-app': { type: 'string', multiple: true, default: [] },
  },
  allowPositionals: false,
  allowNegative: true,
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

/**
 * An application package: its built `dist/resources.js` exports `resources`, the declaration whose
 * paths are relative to the package's folder.
 */
async function loadApp(folder: string | undefined, warmUp: boolean) {
  if (folder === undefined) return undefined;
  const baseDir = resolve(folder);
  const module = (await import(pathToFileURL(join(baseDir, 'dist', 'resources.js')).href)) as {
    resources?: ResourceDeclaration;
  };
  if (!module.resources) throw new Error(`${folder}/dist/resources.js exports no 'resources'`);
  return {
    declaration: module.resources,
    baseDir,
    warmUp,
    ...(process.env.STAFF_PASSWORD && { userPassword: process.env.STAFF_PASSWORD }),
  };
}

/** What the apps read at /config.json: where the API, MQTT and sign-in are, for one build to run anywhere. */
function runtimeConfig(cloud: LocalCloud) {
  const [pool] = Object.keys(cloud.resources?.userPools ?? {});
  const clients = pool ? cloud.resources?.userPoolClients[pool] : undefined;
  return {
    region: cloud.region,
    apiUrl: `${webUrl}/api`,
    mqttUrl: `${webUrl.replace('http', 'ws')}/mqtt`,
    ...(pool && {
      auth: {
        userPoolId: cloud.resources?.userPools[pool],
        userPoolClientId: clients ? Object.values(clients)[0] : undefined,
        userPoolEndpoint: `${webUrl}${COGNITO_WEB_PATH}`,
      },
    }),
  };
}

/** An option's value the CLI cannot use. */
class OptionError extends Error {}

/** The `--execution-retention-days` value: a whole number of days, at least one. */
function retentionDays(text: string): number {
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < 1)
    throw new OptionError(
      `--execution-retention-days expects a whole number of days, 1 or more; got '${text}'`,
    );
  return days;
}

try {
  const webApps = parseWebApps(values['web-app']);
  const executionRetentionDays = retentionDays(values['execution-retention-days']);
  const app = await loadApp(values.app, values['warm-up']);
  const cloud: LocalCloud = await LocalCloud.start({
    ...(app && { app }),
    dataDir,
    edgePort,
    syncWrites: values.sync,
    executionRetentionDays,
    log: say,
    web: {
      port: webPort,
      host: values.host,
      apps: webApps,
      landingPage: () =>
        landingPage('Local cloud', [
          ...webAppLinks(webApps),
          {
            title: 'Outbox',
            href: `http://127.0.0.1:${edgePort}/_localcloud/outbox`,
            description: 'Messages the local cloud "sent"',
          },
        ]),
      runtimeConfig: () => runtimeConfig(cloud),
    },
  });
  say(`AWS edge on ${cloud.endpoint} (loopback only)`);
  say(`web on ${webUrl} (MQTT at ${webUrl.replace('http', 'ws')}/mqtt)`);
  for (const path of Object.keys(webApps)) say(`app on ${webUrl}${path}/`);
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
  if (error instanceof WebAppOptionError || error instanceof OptionError) {
    say(error.message);
  } else if (error instanceof UserPasswordRefusedError) {
    say(
      `STAFF_PASSWORD is refused (${error.problem}): the user pool asks for ${passwordPolicyWords(DEFAULT_PASSWORD_POLICY)}.`,
    );
  } else if (error instanceof FunctionLoadError) {
    say(`the application cannot start: ${error.message}`);
  } else if (error instanceof StoreLockedError) {
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
