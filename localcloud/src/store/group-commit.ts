import type { ClassicLevel } from 'classic-level';

/** One write to the store: a put of a JSON-encoded value, or a delete. */
export type StoreOp = { type: 'put'; key: string; value: string } | { type: 'del'; key: string };

/**
 * Batches writes from many concurrent callers into one LevelDB batch per turn of the event loop.
 * A caller's promise resolves once its writes have reached the operating system (LevelDB appends
 * them to its log before the batch call completes), which is the durability the engine promises
 * for a process crash. With `sync`, each batch is also flushed to the disk.
 *
 * Batches of different turns may be in flight together: LevelDB orders concurrent writers itself,
 * and a caller that needs its writes ordered (one execution's transitions) waits for each before
 * making the next.
 */
export class GroupCommit {
  private pending: StoreOp[] = [];
  private waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private readonly inFlight = new Set<Promise<void>>();
  private scheduled = false;

  constructor(
    private readonly db: ClassicLevel<string, string>,
    private readonly sync = false,
  ) {}

  /** Queues `ops` and resolves when they are written. */
  commit(ops: StoreOp[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    for (const op of ops) this.pending.push(op);
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Resolves when everything queued so far is written. */
  async drain(): Promise<void> {
    if (this.pending.length > 0) this.flush();
    await Promise.allSettled([...this.inFlight]);
  }

  private flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const ops = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    // A chained batch: for many small operations it costs far less than an array batch.
    const batch = this.db.batch();
    for (const op of ops) {
      if (op.type === 'put') batch.put(op.key, op.value);
      else batch.del(op.key);
    }
    const written: Promise<void> = batch.write({ sync: this.sync }).then(
      () => {
        this.inFlight.delete(written);
        for (const waiter of waiters) waiter.resolve();
      },
      (error: unknown) => {
        this.inFlight.delete(written);
        for (const waiter of waiters) waiter.reject(error);
      },
    );
    this.inFlight.add(written);
  }
}
