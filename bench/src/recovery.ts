import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HOST = join(import.meta.dirname, 'recovery-host.ts');

/** Recovery time of a store holding `count` waiting executions, after SIGKILL. */
export interface RecoveryResult {
  waitingExecutions: number;
  recoveredMs: number;
  running: number;
}

function spawnHost(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', HOST, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Fills a store with `count` waiting executions in one process, kills it, recovers in another. */
export async function measureRecovery(count: number): Promise<RecoveryResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-recovery-'));
  try {
    const filler = spawnHost(['fill', dataDir, String(count)]);
    await new Promise<void>((resolve, reject) => {
      filler.once('exit', (code) => reject(new Error(`filler exited with ${code}`)));
      filler.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('FILLED')) resolve();
      });
    });
    filler.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      filler.once('exit', () => resolve());
      filler.kill('SIGKILL');
    });
    const recoverer = spawnHost(['recover', dataDir]);
    let output = '';
    recoverer.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await new Promise<void>((resolve) => recoverer.once('exit', () => resolve()));
    const { recoveredMs, running } = JSON.parse(output.trim()) as { recoveredMs: number; running: number };
    return { waitingExecutions: count, recoveredMs, running };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
