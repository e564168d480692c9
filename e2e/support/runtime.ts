import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { LIMIT_ENV_VARS, type LimitName } from '@coffee/backend/contracts';

/** The repository's root folder: where the CLI, the backend and the built apps are. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The password the journeys give the staff accounts `barista` and `display` (`STAFF_PASSWORD`). */
export const STAFF_PASSWORD = 'e2e-Staff-password-1';

/** The apps the runtime serves, by mount path, each from its built `dist/` folder. */
const WEB_APPS = {
  '/order': 'apps/customer/dist',
  '/barista': 'apps/barista/dist',
  '/display': 'apps/display/dist',
} as const;

/** How long the runtime may take to say "ready" (it takes about 3 s on two busy cores). */
const START_TIMEOUT_MS = 60_000;

/** How long a stopping runtime may take before it is killed. */
const STOP_TIMEOUT_MS = 10_000;

/**
 * Limits every journey's shop starts with unless it asks otherwise: QR codes that rotate hourly
 * (the longest period allowed), so that no code changes under a journey; `scanQrCode` waits out
 * the rare rotation anyway.
 */
const STEADY_LIMITS: Partial<Record<LimitName, number>> = { codeSeconds: 3600 };

/** What a journey asks of its runtime: the first limits of the default shop `main`. */
export interface RuntimeOptions {
  /** A name for the logs and the data folder, e.g. `happy-path`. */
  name: string;
  /** The default shop's first limits, passed as the `COFFEE_*` variables (within the backend's bounds). */
  limits?: Partial<Record<LimitName, number>>;
}

/** A running local cloud: its two ports, and what it printed so far. */
export interface Runtime {
  /** The web port's origin, e.g. `http://127.0.0.1:40123`: apps, API, MQTT, `/config.json`. */
  webUrl: string;
  /** The AWS edge's origin (loopback only): Cognito, DynamoDB, the outbox. */
  edgeUrl: string;
  /** Everything the process printed, one line each (for failure reports). */
  output: string[];
  /** Stops the process (SIGTERM, then SIGKILL) and deletes its folder (data and app snapshots). */
  stop(): Promise<void>;
}

/** The runtime failed to start; its message carries what the process printed. */
export class RuntimeStartError extends Error {
  override readonly name = 'RuntimeStartError';
}

/** A TCP port free on loopback right now, as the operating system picks it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('No port was assigned'));
      });
    });
  });
}

/** Fails early, in words, when a part the runtime needs has not been built. */
function checkBuilt(): void {
  const needed = [
    'localcloud/dist/cli/start.js',
    'backend/dist/resources.js',
    ...Object.values(WEB_APPS).map((folder) => `${folder}/index.html`),
  ];
  const missing = needed.filter((path) => !existsSync(join(REPO_ROOT, path)));
  if (missing.length > 0) {
    throw new RuntimeStartError(
      `Not built: ${missing.join(', ')}. Run \`npx turbo run build\` at the repository root first.`,
    );
  }
}

/** The asset files an app's `index.html` loads, e.g. `assets/index-abc.js`. */
function assetsOf(indexHtml: string): string[] {
  return [...indexHtml.matchAll(/(?:src|href)="[^"]*?\/(assets\/[^"]+)"/g)].flatMap((match) =>
    match[1] ? [match[1]] : [],
  );
}

/**
 * Copies each built app into `folder` (source maps left out) and answers the copies by mount path:
 * the runtime serves a snapshot, so that a rebuild while the journeys run (another engineer's
 * `turbo run build`) cannot pull a bundle from under a page. A copy caught mid-build (an asset its
 * `index.html` names is missing) is taken again.
 */
async function snapshotApps(folder: string): Promise<Record<string, string>> {
  const copies: Record<string, string> = {};
  for (const [path, source] of Object.entries(WEB_APPS)) {
    const target = join(folder, source.replaceAll('/', '-'));
    for (let attempt = 1; ; attempt += 1) {
      await rm(target, { recursive: true, force: true });
      await cp(join(REPO_ROOT, source), target, {
        recursive: true,
        filter: (file) => !file.endsWith('.map'),
      });
      const index = await readFile(join(target, 'index.html'), 'utf8').catch(() => '');
      if (index && assetsOf(index).every((asset) => existsSync(join(target, asset)))) break;
      if (attempt === 10)
        throw new RuntimeStartError(`${source} stays incomplete: is a build of it failing?`);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    copies[path] = target;
  }
  return copies;
}

/** The environment of the runtime: the staff password, the limits, and no SDK noise. */
function runtimeEnv(options: RuntimeOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STAFF_PASSWORD,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  for (const name of Object.keys(LIMIT_ENV_VARS) as LimitName[]) delete env[LIMIT_ENV_VARS[name]];
  for (const [name, value] of Object.entries({ ...STEADY_LIMITS, ...options.limits })) {
    env[LIMIT_ENV_VARS[name as LimitName]] = String(value);
  }
  return env;
}

/**
 * Starts the local cloud as `npm start` does (`localcloud/dist/cli/start.js --app backend`), on
 * free ports with a fresh data folder, serving a snapshot of the three built apps; resolves once
 * it prints "ready". Nothing is shared with another runtime, so a journey can close the shop or
 * fill the queue without disturbing the others.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  checkBuilt();
  const folder = await mkdtemp(join(tmpdir(), `coffee-e2e-${options.name}-`));
  try {
    const apps = await snapshotApps(join(folder, 'apps'));
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await launch(options, folder, apps);
      } catch (error) {
        // A free port can be taken between asking for it and listening on it: try other ports.
        const portTaken = error instanceof RuntimeStartError && /is taken/.test(error.message);
        if (!portTaken || attempt === PORT_ATTEMPTS) throw error;
      }
    }
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** How many times to pick free ports before giving up. */
const PORT_ATTEMPTS = 3;

async function launch(
  options: RuntimeOptions,
  folder: string,
  apps: Record<string, string>,
): Promise<Runtime> {
  const [edgePort, webPort] = [await freePort(), await freePort()];
  const args = [
    join(REPO_ROOT, 'localcloud/dist/cli/start.js'),
    '--app',
    join(REPO_ROOT, 'backend'),
    '--data-dir',
    join(folder, 'data'),
    '--edge-port',
    String(edgePort),
    '--port',
    String(webPort),
    ...Object.entries(apps).flatMap(([path, copy]) => ['--web-app', `${path}=${copy}`]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: runtimeEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A worker that dies without its teardown must not leave the runtime (and its ports) behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      process.off('exit', killOnExit);
      resolve(code);
    }),
  );
  const output: string[] = [];

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new RuntimeStartError(`No "ready" within ${START_TIMEOUT_MS} ms:\n${output.join('\n')}`));
    }, START_TIMEOUT_MS);
    const onLine = (line: string) => {
      output.push(line);
      if (/^localcloud: ready in /.test(line)) {
        clearTimeout(timer);
        resolve();
      }
    };
    collectLines(child.stdout, onLine);
    collectLines(child.stderr, onLine);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new RuntimeStartError(`The runtime exited with code ${code}:\n${output.join('\n')}`));
    });
  });

  return {
    webUrl: `http://127.0.0.1:${webPort}`,
    edgeUrl: `http://127.0.0.1:${edgePort}`,
    output,
    stop: () => stopProcess(child, exited).finally(() => rm(folder, { recursive: true, force: true })),
  };
}

/** Calls `onLine` with each non-empty line of `stream`, a line split across chunks kept whole. */
function collectLines(stream: Readable | null, onLine: (line: string) => void): void {
  let pending = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(line);
  });
  stream?.on('end', () => {
    if (pending.trim()) onLine(pending);
  });
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
