import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMIT_ENV_VARS, type LimitName, SHOP_SETTINGS, SHOPS_ENV_VAR } from '@coffee/backend/contracts';
import { startLocalCloudProcess } from '@coffee/localcloud/process';

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
  /** More shops besides `main`, as `COFFEE_SHOPS` lists them, e.g. `terrace=Terrace bar`. */
  shops?: string;
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

/** The runtime could not start: a part is not built, or an app's build stays incomplete. */
export class RuntimeStartError extends Error {
  override readonly name = 'RuntimeStartError';
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

/** The environment of the runtime: the staff password, the limits, the shops, and no SDK noise. */
function runtimeEnv(options: RuntimeOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { STAFF_PASSWORD };
  // The engineer's own COFFEE_* settings must not reach a journey's shop.
  for (const name of SHOP_SETTINGS) env[name] = undefined;
  env[SHOPS_ENV_VAR] = options.shops;
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
    const runtime = await startLocalCloudProcess({
      dataDir: join(folder, 'data'),
      app: join(REPO_ROOT, 'backend'),
      webApps: await snapshotApps(join(folder, 'apps')),
      env: runtimeEnv(options),
      cwd: REPO_ROOT,
      startTimeoutMs: START_TIMEOUT_MS,
      stopTimeoutMs: STOP_TIMEOUT_MS,
    });
    return {
      webUrl: runtime.webUrl,
      edgeUrl: runtime.edgeUrl,
      output: runtime.output,
      stop: () => runtime.stop().finally(() => rm(folder, { recursive: true, force: true })),
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
