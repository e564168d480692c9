import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** Run from its TypeScript source (this package's own tests), the CLI is too, through tsx. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
/**
 * The CLI next to this module's folder, and how `node` runs it: as `npm start` does, with a young
 * generation large enough that what waits a few milliseconds for a store write dies young instead
 * of being promoted (the root package.json's `start` gives the same flag).
 */
const CLI = [
  '--max-semi-space-size=32',
  ...(FROM_SOURCE ? ['--import', 'tsx'] : []),
  fileURLToPath(new URL(`../cli/start.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url)),
];

/** How a local cloud process is started: the CLI's options, plus its environment. */
export interface LocalCloudProcessOptions {
  /** The data folder (`--data-dir`); a restart finds its data there. */
  dataDir: string;
  /** The application package folder (`--app`). */
  app?: string;
  /** Built single-page apps to serve, by mount path (`--web-app <path>=<folder>`). */
  webApps?: Record<string, string>;
  /** Variables added to this process's environment for the child. */
  env?: NodeJS.ProcessEnv;
  /** Options for the child's `node`, e.g. `['--cpu-prof']`. */
  nodeOptions?: string[];
  /** The working folder of the child. */
  cwd?: string;
  /** How long the process may take to print "ready"; 60 s unless set. */
  startTimeoutMs?: number;
  /** How long a stopping process may take before it is killed; 10 s unless set. */
  stopTimeoutMs?: number;
}

/** A local cloud running as a child process, as `npm start` runs it, on ports of its own. */
export interface LocalCloudProcess {
  /** The web port's origin, e.g. `http://127.0.0.1:40123`. */
  readonly webUrl: string;
  /** The AWS edge's origin (loopback only). */
  readonly edgeUrl: string;
  /** The running child's process id, if it runs. */
  readonly pid: number | undefined;
  /** Every line the process printed, across its starts. */
  readonly output: string[];
  /** Starts it again on the same ports and data folder, resolving once it is ready. */
  restart(): Promise<void>;
  /** `kill -9`, resolving once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (SIGKILL after the stop timeout), resolving once the process has exited. */
  stop(): Promise<void>;
}

/** The process failed to start; its message carries what the process printed. */
export class LocalCloudStartError extends Error {
  override readonly name = 'LocalCloudStartError';
}

/** How many times to pick free ports before giving up. */
const PORT_ATTEMPTS = 3;

/**
 * Starts `localcloud` (the built CLI) in a child process on free loopback ports, resolving once it
 * is ready. A port taken between choosing and listening is retried on other ports. The child is
 * killed if this process exits without stopping it.
 */
export async function startLocalCloudProcess(options: LocalCloudProcessOptions): Promise<LocalCloudProcess> {
  for (let attempt = 1; ; attempt += 1) {
    const child = new ChildLocalCloud(options, await freePort(), await freePort());
    try {
      await child.restart();
      return child;
    } catch (error) {
      const portTaken = error instanceof LocalCloudStartError && /is taken/.test(error.message);
      if (!portTaken || attempt === PORT_ATTEMPTS) throw error;
    }
  }
}

class ChildLocalCloud implements LocalCloudProcess {
  readonly webUrl: string;
  readonly edgeUrl: string;
  readonly output: string[] = [];
  private child: ChildProcess | undefined;
  private exited: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: LocalCloudProcessOptions,
    private readonly edgePort: number,
    private readonly webPort: number,
  ) {
    this.webUrl = `http://127.0.0.1:${webPort}`;
    this.edgeUrl = `http://127.0.0.1:${edgePort}`;
  }

  get pid(): number | undefined {
    return this.running() ? this.child?.pid : undefined;
  }

  async restart(): Promise<void> {
    const { options } = this;
    const args = [...(options.nodeOptions ?? []), ...CLI, '--data-dir', options.dataDir];
    args.push('--edge-port', String(this.edgePort), '--port', String(this.webPort));
    if (options.app) args.push('--app', options.app);
    for (const [path, folder] of Object.entries(options.webApps ?? {}))
      args.push('--web-app', `${path}=${folder}`);
    const child = spawn(process.execPath, args, {
      ...(options.cwd && { cwd: options.cwd }),
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        process.off('exit', killOnExit);
        resolve(undefined);
      }),
    );
    const startTimeoutMs = options.startTimeoutMs ?? 60_000;
    const printedBefore = this.output.length;
    const printed = () => this.output.slice(printedBefore).join('\n');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new LocalCloudStartError(`No "ready" within ${startTimeoutMs} ms:\n${printed()}`));
      }, startTimeoutMs);
      const onLine = (line: string) => {
        this.output.push(line);
        if (/^localcloud: ready in /.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      };
      collectLines(child.stdout, onLine);
      collectLines(child.stderr, onLine);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new LocalCloudStartError(`The local cloud exited with code ${code}:\n${printed()}`));
      });
    });
  }

  async kill(): Promise<void> {
    if (!this.running()) return;
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (!this.running()) return;
    this.child?.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), this.options.stopTimeoutMs ?? 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  private running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }
}

/** A TCP port free on loopback right now, as the operating system picks it. */
export function freePort(): Promise<number> {
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
