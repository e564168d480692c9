import type { Server } from 'node:http';
import dynalite, { type DynaliteOptions } from 'dynalite';
import db, { type DynaliteStore } from 'dynalite/db/index.js';
import { writeItemsWhole } from './whole-item-writes.js';

/**
 * dynalite's server together with the store it serves. dynalite keeps its store to itself; the
 * actions it lacks (`TransactWriteItems`) are built on that same store, its item locks and its
 * single LevelDB, so the store is caught as `dynalite()` creates it. Its single-item writes are
 * made whole there (see {@link writeItemsWhole}).
 */
export function startDynalite(options: DynaliteOptions): { server: Server; store: DynaliteStore } {
  const create = db.create;
  let store: DynaliteStore | undefined;
  db.create = (storeOptions) => {
    store = create(storeOptions);
    writeItemsWhole(store);
    return store;
  };
  try {
    const server = dynalite(options);
    if (!store) throw new Error('dynalite created no store');
    return { server, store };
  } finally {
    db.create = create;
  }
}
