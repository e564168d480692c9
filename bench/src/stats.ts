/** Summary of a latency sample, in milliseconds. */
export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
}

/** Percentiles of a sample (nearest-rank). */
export function summarize(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: at(50), p99: at(99), max: sorted.at(-1) ?? 0 };
}

/** The middle value of `values` (nearest-rank, as {@link summarize}'s p50). */
export function median(values: number[]): number {
  return summarize(values).p50;
}

/**
 * Runs `total` jobs keeping `concurrency` in flight; returns each job's latency and the elapsed
 * wall time.
 */
export async function runClosedLoop(
  total: number,
  concurrency: number,
  job: (index: number) => Promise<void>,
): Promise<{ latencies: number[]; elapsedMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const index = next++;
      const t0 = performance.now();
      await job(index);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, elapsedMs: performance.now() - started };
}

/**
 * Runs each contender once to warm up (`warmUp` true), then `rounds` rounds in which they take
 * turns, so that a slower spell of a shared machine falls on all of them. Answers each contender's
 * rounds, in the order run.
 */
export async function takeTurns<Name extends string, T>(
  rounds: number,
  contenders: Record<Name, (warmUp: boolean) => Promise<T>>,
): Promise<Record<Name, T[]>> {
  const names = Object.keys(contenders) as Name[];
  const results = Object.fromEntries(names.map((name) => [name, [] as T[]])) as Record<Name, T[]>;
  for (const name of names) await contenders[name](true);
  for (let round = 0; round < rounds; round++) {
    for (const name of names) results[name].push(await contenders[name](false));
  }
  return results;
}

/** Formats a number with a fixed number of decimals. */
export function fixed(value: number, decimals = 1): string {
  return value.toFixed(decimals);
}
