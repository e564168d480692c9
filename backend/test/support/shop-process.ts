import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The repository's root, from this file's folder. */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const CLI = join(ROOT, 'localcloud', 'dist', 'cli', 'start.js');

/** The shop as `npm start` runs it, in a child process that a test may kill. */
export interface ShopProcess {
  /** The web port's origin. */
  origin: string;
  /** The edge's URL. */
  edge: string;
  /** Starts the process (again), resolving once it is ready. */
  start(): Promise<void>;
  /** `kill -9`, resolving once the process is gone. */
  kill(): Promise<void>;
  /** Ctrl-C, resolving once the process has exited. */
  stop(): Promise<void>;
  /** Everything the process printed, across its starts. */
  output(): string;
}

/** A free loopback port. */
export function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }),
  );
}

/**
 * The built local cloud CLI with the backend (`node localcloud/dist/cli/start.js --app backend`)
 * on `dataDir` and fixed free ports, so that a restart answers where the last run did.
 */
export async function shopProcess(dataDir: string, env: Record<string, string>): Promise<ShopProcess> {
  const [edgePort, webPort] = [await freePort(), await freePort()];
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let printed = '';
  const args = [CLI, '--app', join(ROOT, 'backend'), '--data-dir', dataDir];
  args.push('--edge-port', String(edgePort), '--port', String(webPort));
  return {
    origin: `http://127.0.0.1:${webPort}`,
    edge: `http://127.0.0.1:${edgePort}`,
    async start() {
      const started = printed.length;
      const process_ = spawn(process.execPath, args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
      });
      child = process_;
      exited = new Promise((resolve) => process_.once('exit', () => resolve()));
      const collect = (chunk: Buffer) => {
        printed += chunk.toString();
      };
      process_.stdout?.on('data', collect);
      process_.stderr?.on('data', collect);
      const deadline = Date.now() + 30_000;
      while (!printed.slice(started).includes('ready in')) {
        if (process_.exitCode !== null || Date.now() > deadline)
          throw new Error(`The shop did not start:\n${printed.slice(started)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async kill() {
      child?.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child?.kill('SIGINT');
      await exited;
    },
    output: () => printed,
  };
}
