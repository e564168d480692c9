import fc from 'fast-check';

/** Runs per property in the short version: enough to walk every branch of a route, quick enough for `npm test`. */
export const SHORT_RUNS = 50;

/**
 * How many inputs each fuzz property tries: `FUZZ_RUNS` when set (the long version, e.g.
 * `FUZZ_RUNS=5000 npm run fuzz --workspace backend`), else the short version of `npm test`.
 */
export const FUZZ_RUNS = runsFromEnvironment(process.env.FUZZ_RUNS);

/**
 * The seed of every property: `FUZZ_SEED` when set, to replay a failure fast-check reported, else
 * a fixed one, so `npm test` tries the same inputs every time.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_122);

/** A request that takes longer than this counts as a hang. */
export const HANG_MS = 10_000;

function runsFromEnvironment(value: string | undefined): number {
  if (value === undefined || value === '') return SHORT_RUNS;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`FUZZ_RUNS must be a positive integer, not ${value}`);
  return runs;
}

/** Counts the inputs each suite tried, for its closing line. */
export class InputCounter {
  private readonly counts = new Map<string, number>();

  /** Counts one input tried against `target`. */
  count(target: string): void {
    this.counts.set(target, (this.counts.get(target) ?? 0) + 1);
  }

  /** Every input tried. */
  get total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  /** One line per target, then the total: what the suite prints when it ends. */
  summary(suite: string): string {
    const lines = [...this.counts].map(([target, count]) => `  ${target}: ${count}`);
    return `[${suite}] ${this.total} inputs tried (${FUZZ_RUNS} runs per property, seed ${FUZZ_SEED})\n${lines.join('\n')}`;
  }
}

/** The HTTP client refused to send a generated request (a header it deems invalid): not the server's answer. */
export class ClientRefusedError extends Error {
  override name = 'ClientRefusedError';
}

/**
 * Runs an async property with the suite's seed and run count; fast-check shrinks a failure to its
 * smallest input and names the seed and path to replay it. An input the HTTP client refuses to
 * send is skipped, not counted as a failure.
 */
export async function check<Ts extends [unknown, ...unknown[]]>(
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  predicate: (...args: Ts) => Promise<void>,
  runs = FUZZ_RUNS,
): Promise<void> {
  const skippingUnsendable = async (...args: Ts) => {
    try {
      await predicate(...args);
    } catch (error) {
      // An input the client cannot even send says nothing about the server: skip it.
      fc.pre(!(error instanceof ClientRefusedError));
      throw error;
    }
  };
  await fc.assert(fc.asyncProperty(...arbitraries, skippingUnsendable), { numRuns: runs, seed: FUZZ_SEED });
}
