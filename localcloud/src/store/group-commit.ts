import type { ChainedBatch, ClassicLevel } from 'classic-level';

/** One write to the store: a put of a JSON-encoded value, or a delete. */
export type StoreOp = { type: 'put'; key: string; value: string } | { type: 'del'; key: string };

/**
 * How much a batch holds (characters of keys and values) before it is written without waiting for
 * the end of the turn. When many callers write in the same turn, as a busy engine's executions do,
 * the store then writes the first of them on its own thread while the turn goes on, instead of
 * every one of them waiting for one large write once the turn is over.
 */
const EARLY_WRITE_SIZE = 32 * 1024;

/** The next batch, filled as writes are queued, and the promise every caller of it waits on. */
interface PendingBatch {
  batch: ChainedBatch<ClassicLevel<string, string>, string, string>;
  /** Characters of keys and values queued so far. */
  size: number;
  written: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Batches writes from many concurrent callers into LevelDB batches: one per turn of the event
 * loop, or sooner once a batch holds {@link EARLY_WRITE_SIZE}. A caller's writes go into one batch
 * whole, and its promise resolves once they have reached the operating system (LevelDB appends
 * them to its log before the batch call completes), which is the durability the engine promises
 * for a process crash. With `sync`, each batch is also flushed to the disk.
 *
 * Several batches may be in flight together: LevelDB orders concurrent writers itself, and a
 * caller that needs its writes ordered (one execution's transitions) waits for each before
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
      let created: PendingBatch;
      try {
        created = newBatch(this.db);
      } catch (error) {
        return Promise.reject(error);
      }
      pending = created;
      this.pending = created;
      setImmediate(() => this.flush(created));
    }
    // Into the (native) batch at once, so that the values need not be kept until it is written.
    const { batch, written } = pending;
    let size = pending.size;
    try {
      for (const op of ops) {
        if (op.type === 'put') {
          batch.put(op.key, op.value);
          size += op.key.length + op.value.length;
        } else {
          batch.del(op.key);
          size += op.key.length;
        }
      }
    } catch (error) {
      // The batch cannot take these writes whole (the store is closing): it fails, and with it
      // every caller whose writes it holds.
      this.pending = undefined;
      pending.reject(error);
      void batch.close();
      return written;
    }
    pending.size = size;
    if (size >= EARLY_WRITE_SIZE) this.flush(pending);
    // Everyone in a batch shares its promise: one per batch rather than one per caller.
    return written;
  }

  /** Resolves when everything queued so far is written. */
  async drain(): Promise<void> {
    if (this.pending) this.flush(this.pending);
    await Promise.allSettled([...this.inFlight]);
  }

  /** Writes `pending`, unless it has been written (or has failed) already. */
  private flush(pending: PendingBatch): void {
    if (this.pending !== pending) return;
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
  return { batch: db.batch(), size: 0, written, resolve, reject };
}
