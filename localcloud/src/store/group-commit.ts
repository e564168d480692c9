import type { ChainedBatch, ClassicLevel } from 'classic-level';

/** One write to the store: a put of a JSON-encoded value, or a delete. */
export type StoreOp = { type: 'put'; key: string; value: string } | { type: 'del'; key: string };

/** The next batch, filled as writes are queued, and the promise every caller of it waits on. */
interface PendingBatch {
  batch: ChainedBatch<ClassicLevel<string, string>, string, string>;
  written: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

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
  private pending: PendingBatch | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: ClassicLevel<string, string>,
    private readonly sync = false,
  ) {}

  /** Queues `ops` and resolves when they are written. */
  commit(ops: StoreOp[]): Promise<void> {
    if (ops.length === 0) return Promise.resolve();
    let pending = this.pending;
    if (!pending) {
      try {
        pending = newBatch(this.db);
      } catch (error) {
        return Promise.reject(error);
      }
      this.pending = pending;
      setImmediate(() => this.flush());
    }
    // Into the (native) batch at once, so that the values need not be kept until it is written.
    const { batch } = pending;
    try {
      for (const op of ops) {
        if (op.type === 'put') batch.put(op.key, op.value);
        else batch.del(op.key);
      }
    } catch (error) {
      // The batch cannot take these writes whole (the store is closing): it fails, and with it
      // every caller whose writes it holds.
      this.pending = undefined;
      pending.reject(error);
      void batch.close();
    }
    // Everyone in a batch shares its promise: one per batch rather than one per caller.
    return pending.written;
  }

  /** Resolves when everything queued so far is written. */
  async drain(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.inFlight]);
  }

  private flush(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const written: Promise<void> = pending.batch.write({ sync: this.sync }).then(
      () => {
        this.inFlight.delete(written);
        pending.resolve();
      },
      (error: unknown) => {
        this.inFlight.delete(written);
        pending.reject(error);
      },
    );
    this.inFlight.add(written);
  }
}

function newBatch(db: ClassicLevel<string, string>): PendingBatch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const written = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A chained batch: for many small operations it costs far less than an array batch.
  return { batch: db.batch(), written, resolve, reject };
}
