/**
 * Lets requests run together, and one piece of work run alone: {@link alone} waits for the
 * requests under way to end and holds new ones back until it is done.
 */
export class RequestGate {
  private running = 0;
  private drained: (() => void) | undefined;
  /** Settles once the work running alone is done; `undefined` when none is. */
  private closed: Promise<unknown> | undefined;

  /** Runs one request, once no work runs alone. */
  async run<T>(request: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed.catch(() => undefined);
    this.running++;
    try {
      return await request();
    } finally {
      this.running--;
      if (this.running === 0) this.drained?.();
    }
  }

  /** Runs `work` with no request under way, after any other work running alone. */
  async alone<T>(work: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed.catch(() => undefined);
    const done = (async () => {
      if (this.running > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = undefined;
      return work();
    })();
    this.closed = done;
    try {
      return await done;
    } finally {
      this.closed = undefined;
    }
  }
}
