import type { BatchOperation, DynaliteSubDb } from 'dynalite/db/index.js';

/**
 * A view of one of dynalite's key spaces whose reads go to it and whose writes are held back in
 * `writes` under their full key (dynalite's key spaces are prefixes, `prefix`, of its one
 * LevelDB), for one batch of the database to take them all. Its lock is the caller's, already
 * held. `sawItem` learns each item read.
 */
export function heldBackWrites(
  subDb: DynaliteSubDb,
  prefix: string,
  writes: BatchOperation[],
  sawItem?: (item: unknown) => void,
): DynaliteSubDb {
  return {
    get: (key, callback) =>
      subDb.get(key, (error, item) => {
        if (!error) sawItem?.(item);
        callback(error, item);
      }),
    put: (key, value, callback) => {
      writes.push({ type: 'put', key: prefix + key, value });
      queueMicrotask(() => callback(null));
    },
    del: (key, callback) => {
      writes.push({ type: 'del', key: prefix + key });
      queueMicrotask(() => callback(null));
    },
    lock: (_key, exec) => exec((done) => done),
  };
}

/** Where dynalite keeps the items of `tableName` in its LevelDB. */
export function itemPrefix(tableName: string): string {
  return `item-${tableName}~`;
}

/** Where dynalite keeps the entries of an index in its LevelDB. */
export function indexPrefix(indexType: string, tableName: string, indexName: string): string {
  return `index-${indexType.toLowerCase()}~${tableName}~${indexName}~`;
}
