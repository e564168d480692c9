import { mkdirSync } from 'node:fs';
import { ClassicLevel } from 'classic-level';
import { StoreLockedError } from '../../stepfunctions/engine/engine.js';
import { GroupCommit, type StoreOp } from '../../store/group-commit.js';
import type { KeyRange } from './keys.js';
import { Mutex } from './mutex.js';

/** One entry of a scan. */
export interface Entry<T> {
  key: string;
  value: T;
}

/** Builds a put of a JSON value. */
export function put(key: string, value: unknown): StoreOp {
  return { type: 'put', key, value: JSON.stringify(value) };
}

/** Builds a delete. */
export function del(key: string): StoreOp {
  return { type: 'del', key };
}

/**
 * The user-pool service's LevelDB store: JSON values under the keys of {@link Keys}, written
 * through a group commit, with a mutex for the check-then-write sections.
 */
export class CognitoStore {
  private readonly writer: GroupCommit;
  private readonly mutex = new Mutex();

  private constructor(
    private readonly db: ClassicLevel<string, string>,
    syncWrites: boolean,
  ) {
    this.writer = new GroupCommit(db, syncWrites);
  }

  /** Opens (creating if needed) the store in `dataDir`. */
  static async open(dataDir: string, syncWrites = false): Promise<CognitoStore> {
    mkdirSync(dataDir, { recursive: true });
    const db = new ClassicLevel<string, string>(dataDir, { valueEncoding: 'utf8' });
    try {
      await db.open();
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code ?? '';
      const message = String((error as { cause?: Error }).cause?.message ?? error);
      if (code === 'LEVEL_LOCKED' || /lock/i.test(message)) {
        throw new StoreLockedError(`The data folder ${dataDir} is in use by another running instance`);
      }
      throw error;
    }
    return new CognitoStore(db, syncWrites);
  }

  /** The JSON value at `key`, or undefined. */
  async get<T>(key: string): Promise<T | undefined> {
    const text = await this.db.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  /** Entries in `range` in key order, starting after `after` when given. */
  async scan<T>(range: KeyRange, options: { after?: string; limit?: number } = {}): Promise<Entry<T>[]> {
    const gt = options.after !== undefined && options.after > range.gt ? options.after : range.gt;
    const entries: Entry<T>[] = [];
    for await (const [key, text] of this.db.iterator({ gt, lt: range.lt, limit: options.limit ?? -1 })) {
      entries.push({ key, value: JSON.parse(text) as T });
    }
    return entries;
  }

  /** One page of `range`: up to `limit` entries after `after`, and the last key when more follow. */
  async page<T>(
    range: KeyRange,
    limit: number,
    after?: string,
  ): Promise<{ entries: Entry<T>[]; lastKey?: string }> {
    const entries = await this.scan<T>(range, { limit: limit + 1, ...(after !== undefined && { after }) });
    if (entries.length <= limit) return { entries };
    const kept = entries.slice(0, limit);
    return { entries: kept, lastKey: kept[kept.length - 1]?.key as string };
  }

  /** Writes `ops` in one batch; resolves once they are written. */
  write(ops: StoreOp[]): Promise<void> {
    return this.writer.commit(ops);
  }

  /** Runs a check-then-write section after every earlier one has finished. */
  exclusive<T>(section: () => Promise<T>): Promise<T> {
    return this.mutex.run(section);
  }

  /** Waits for pending writes and closes the store. */
  async close(): Promise<void> {
    await this.mutex.run(async () => undefined);
    await this.writer.drain();
    await this.db.close();
  }
}
