/**
 * How dynalite lays out its one LevelDB (tables, items and index entries under key prefixes), and
 * the reads and writes of it that the actions dynalite lacks are built from.
 */
import db, {
  type BatchOperation,
  type DynaliteStore,
  type DynaliteSubDb,
  type DynaliteTable,
} from 'dynalite/db/index.js';

/** dynalite's own writing of an item's index entries, before `writeItemsWhole` changes it. */
const dynaliteUpdateIndexes = db.updateIndexes;

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

/** Where dynalite keeps the description of the table `tableName` in its LevelDB. */
export function tableKey(tableName: string): string {
  return `table~${tableName}`;
}

/** The bounds of an iterator over every key under `prefix`. */
export function keySpace(prefix: string): { gte: string; lt: string } {
  return { gte: prefix, lt: `${prefix}\xff` };
}

/** A view of `store` whose index entries' writes are held back in `writes`. */
export function withIndexWritesHeldBack(store: DynaliteStore, writes: BatchOperation[]): DynaliteStore {
  return {
    ...store,
    getIndexDb: (indexType, tableName, indexName) =>
      heldBackWrites(
        store.getIndexDb(indexType, tableName, indexName),
        indexPrefix(indexType, tableName, indexName),
        writes,
      ),
  };
}

/**
 * The writes of the index entries that replace `existingItem`'s by `item`'s (either absent: a new
 * item, a deleted one) in the indexes `table` describes, computed as dynalite's writes compute them.
 */
export function indexWrites(
  store: DynaliteStore,
  table: DynaliteTable,
  existingItem: unknown,
  item: unknown,
): Promise<BatchOperation[]> {
  const writes: BatchOperation[] = [];
  return new Promise((resolve, reject) =>
    dynaliteUpdateIndexes(withIndexWritesHeldBack(store, writes), table, existingItem, item, (error) =>
      error ? reject(error) : resolve(writes),
    ),
  );
}

/** The description of the table `name` (dynalite's ResourceNotFoundException when there is none). */
export function readTable(store: DynaliteStore, name: string): Promise<DynaliteTable> {
  return new Promise((resolve, reject) =>
    store.getTable(name, (error, table) => (error || !table ? reject(error) : resolve(table))),
  );
}

/** Writes `operations` to dynalite's LevelDB in one batch, which a crash leaves whole or absent. */
export function writeBatch(store: DynaliteStore, operations: BatchOperation[]): Promise<void> {
  return new Promise((resolve, reject) =>
    store.db.batch(operations, (error) => (error ? reject(error) : resolve())),
  );
}
