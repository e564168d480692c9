import { mkdirSync } from 'node:fs';
import { ClassicLevel } from 'classic-level';
import { StoreLockedError } from '../../stepfunctions/engine/engine.js';
import { GroupCommit, type StoreOp } from '../../store/group-commit.js';
import type { KeyRange } from './keys.js';

/**
 * The EventBridge service's store: a LevelDB folder of JSON records, written through a group
 * commit so that every acknowledged change has reached the operating system (and, with `sync`,
 * the disk) before its caller goes on.
 */
export class EventStore {
  private readonly writer: GroupCommit;

  private constructor(
    private readonly db: ClassicLevel<string, string>,
    sync: boolean,
  ) {
    this.writer = new GroupCommit(db, sync);
  }

  /**
   * Opens (creating if needed) the store in `dataDir`.
   *
   * @throws StoreLockedError when another running process holds it.
   */
  static async open(dataDir: string, sync = false): Promise<EventStore> {
    mkdirSync(dataDir, { recursive: true });
    const db = new ClassicLevel<string, string>(dataDir, { valueEncoding: 'utf8' });
    try {
      await db.open();
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (cause?.code === 'LEVEL_LOCKED' || /lock/i.test(String(cause?.message ?? error))) {
        throw new StoreLockedError(`The data folder ${dataDir} is in use by another running instance`);
      }
      throw error;
    }
    return new EventStore(db, sync);
  }

  /** Writes `ops` together; resolves once they are written. */
  commit(ops: StoreOp[]): Promise<void> {
    return this.writer.commit(ops);
  }

  /** Every record under a key range, parsed, in key order. */
  async scan<T>(keys: KeyRange): Promise<T[]> {
    const records: T[] = [];
    for await (const value of this.db.values(keys)) records.push(JSON.parse(value) as T);
    return records;
  }

  /** Lets pending writes finish and closes the store. */
  async close(): Promise<void> {
    await this.writer.drain();
    await this.db.close();
  }
}

/** A put of a record as JSON. */
export function put(key: string, record: unknown): StoreOp {
  return { type: 'put', key, value: JSON.stringify(record) };
}

/** A delete. */
export function del(key: string): StoreOp {
  return { type: 'del', key };
}
