import db, {
  type BatchOperation,
  type Callback,
  type DynaliteStore,
  type DynaliteSubDb,
} from 'dynalite/db/index.js';
import { indexWrites, itemPrefix } from './dynalite-layout.js';

/** The index writes of each item write under way, by store, then by table and item key. */
const pendingIndexWrites = new WeakMap<DynaliteStore, Map<string, BatchOperation[]>>();
const writeIndexes = db.updateIndexes;

/**
 * Makes each single-item write of dynalite on `store` (PutItem, UpdateItem, DeleteItem, and the
 * puts and deletes of BatchWriteItem, which are made of them) one LevelDB batch: the item and its
 * index entries, which a crash leaves whole or absent. dynalite writes them one by one, the index
 * entries first, so a crash between left an index listing an item the table lacks, or missing
 * one it holds: a queue read through an index showed a ghost order, or lost a real one.
 *
 * dynalite's write actions call `db.updateIndexes` holding the item's lock, then write the item:
 * the index writes are held back there, and go with the item's write in its batch.
 */
export function writeItemsWhole(store: DynaliteStore): void {
  const pending = new Map<string, BatchOperation[]>();
  pendingIndexWrites.set(store, pending);
  db.updateIndexes = holdIndexWritesBack;
  const itemDb = store.getItemDb.bind(store);
  store.getItemDb = (tableName) => {
    const items = itemDb(tableName);
    const withIndexWrites = (key: string, write: BatchOperation, callback: Callback) => {
      const pendingKey = itemOf(tableName, key);
      const heldBack = pending.get(pendingKey) ?? [];
      pending.delete(pendingKey);
      store.db.batch([...heldBack, write], callback);
    };
    // Everything else (reads, the lock, the key streams of scans) is the key space's own.
    const wholeWrites: Pick<DynaliteSubDb, 'put' | 'del'> = {
      put: (key, value, callback) =>
        withIndexWrites(key, { type: 'put', key: itemPrefix(tableName) + key, value }, callback),
      del: (key, callback) =>
        withIndexWrites(key, { type: 'del', key: itemPrefix(tableName) + key }, callback),
    };
    return Object.assign(Object.create(items) as DynaliteSubDb, wholeWrites);
  };
}

/**
 * `db.updateIndexes` for the stores made whole: their index writes are held back until the item's
 * own write, which the item's lock keeps next in line; other stores' are written at once.
 */
const holdIndexWritesBack: typeof writeIndexes = (store, table, existingItem, item, callback) => {
  const pending = pendingIndexWrites.get(store);
  if (!pending) return writeIndexes(store, table, existingItem, item, callback);
  indexWrites(store, table, existingItem, item).then((writes) => {
    const written = item ?? existingItem;
    if (written) pending.set(itemOf(table.TableName, db.createKey(written, table)), writes);
    callback(null);
  }, callback);
};

function itemOf(tableName: string, key: string): string {
  return `${tableName}\n${key}`;
}
