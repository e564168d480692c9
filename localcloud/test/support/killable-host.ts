import { type ChildProcess, spawn } from 'node:child_process';

/** A local cloud running in a child process, so that a crash test can kill it with SIGKILL. */
export interface KillableHost {
  child: ChildProcess;
  /** The edge's URL, as the host printed it. */
  endpoint: string;
}

/** Every host started and not yet killed, so that a failed check leaves none running. */
const running = new Set<ChildProcess>();

/**
 * Starts `script` (run with tsx) with `args`, and answers once it prints `READY <edge-url>`;
 * rejects if it exits before.
 */
export function startKillableHost(script: string, args: string[]): Promise<KillableHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  running.add(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) =>
      reject(new Error(`host exited with ${code} before it was ready: ${output}`)),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (!match?.[1]) return;
      child.removeAllListeners('exit');
      resolve({ child, endpoint: match[1] });
    });
  });
}

/** Kills a host with SIGKILL and waits until its process has exited. */
export function killHost(host: KillableHost): Promise<void> {
  running.delete(host.child);
  return new Promise((resolve) => {
    host.child.once('exit', () => resolve());
    host.child.kill('SIGKILL');
  });
}

/** Kills every host still running: for a suite's `afterAll`. */
export function killRunningHosts(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** The options of an SDK client of a killed-and-restarted host: no retries, which would hide a kill. */
export function hostClientConfig(endpoint: string) {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  };
}
