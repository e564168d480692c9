import { type ChildProcess, spawn } from 'node:child_process';
import { sdkConfig } from './cloud.js';

/** The options of an SDK client of a killable host: no retries, which would hide a kill. */
export type HostClientConfig = ReturnType<typeof sdkConfig> & { maxAttempts: number };

/** A local cloud running in a child process, so that a crash test can kill it with SIGKILL. */
export interface KillableHost<Client extends { destroy(): void }> {
  child: ChildProcess;
  /** An SDK client of the host's edge. */
  client: Client;
}

/** Every host started and not yet killed, so that a failed check leaves none running. */
const running = new Set<ChildProcess>();

/**
 * Starts `script` (run with tsx) with `args`, and answers once it prints `READY <edge-url>`, with
 * `client` made for that edge; rejects if the host exits before.
 */
export function startKillableHost<Client extends { destroy(): void }>(
  script: string,
  args: string[],
  client: (config: HostClientConfig) => Client,
): Promise<KillableHost<Client>> {
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
      resolve({ child, client: client({ ...sdkConfig(match[1]), maxAttempts: 1 }) });
    });
  });
}

/** Kills a host with SIGKILL, ends its client, and waits until its process has exited. */
export function killHost(host: KillableHost<{ destroy(): void }>): Promise<void> {
  running.delete(host.child);
  host.client.destroy();
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
