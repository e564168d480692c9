declare module 'dynalite' {
  import type { Server } from 'node:http';

  /** Options of dynalite 4. */
  export interface DynaliteOptions {
    /** Folder of the LevelDB store; in memory without it. */
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
    ssl?: boolean;
    verbose?: boolean;
    debug?: boolean;
  }

  /** Creates a DynamoDB-compatible HTTP server. */
  export default function dynalite(options?: DynaliteOptions): Server;
}

/** dynalite 4's internals that `TransactWriteItems` is built on (see transact-write-items.ts). */
declare module 'dynalite/db/index.js' {
  /** An error dynalite answers with: its status and DynamoDB's JSON error body. */
  export interface DynaliteError extends Error {
    statusCode?: number;
    body?: { __type: string; message: string };
  }

  /** A callback in dynalite's style. */
  export type Callback<T = unknown> = (error: DynaliteError | null | undefined, result?: T) => void;

  /** A table's description as dynalite keeps it. */
  export interface DynaliteTable {
    TableName: string;
    KeySchema: { AttributeName: string; KeyType: string }[];
  }

  /** One of the store's key spaces (a table's items, an index's entries) with its item locks. */
  export interface DynaliteSubDb {
    get(key: string, callback: Callback): void;
    put(key: string, value: unknown, callback: Callback): void;
    del(key: string, callback: Callback): void;
    /** Runs `exec` holding `key`; `release(done)` wraps `done` so that calling it lets go. */
    lock(key: string, exec: (release: <F extends (...args: never[]) => void>(done: F) => F) => void): void;
  }

  /** One write of a LevelDB batch on the store's single database. */
  export interface BatchOperation {
    type: 'put' | 'del';
    key: string;
    value?: unknown;
  }

  /** The store `dynalite()` creates: one LevelDB holding every table, index and item. */
  export interface DynaliteStore {
    options: { maxItemSize: number };
    db: {
      batch(operations: BatchOperation[], callback: Callback): void;
      get(key: string, callback: Callback): void;
      iterator(options: { gte: string; lt: string }): AsyncIterable<[string, unknown]>;
    };
    getTable(name: string, callback: Callback<DynaliteTable>): void;
    getItemDb(tableName: string): DynaliteSubDb;
    getIndexDb(indexType: string, tableName: string, indexName: string): DynaliteSubDb;
  }

  const db: {
    create(options: object): DynaliteStore;
    validateKey(key: unknown, table: DynaliteTable): DynaliteError | null | undefined;
    validateItem(item: unknown, table: DynaliteTable): DynaliteError | null | undefined;
    createKey(item: unknown, table: DynaliteTable): string;
    /**
     * Writes the index entries that replace `existingItem` by `item` (either absent for a put of
     * a new item or a delete), through `store.getIndexDb`: called by the write actions holding
     * the item's lock, before they write the item.
     */
    updateIndexes(
      store: DynaliteStore,
      table: DynaliteTable,
      existingItem: unknown,
      item: unknown,
      callback: Callback,
    ): void;
  };
  export default db;
}

declare module 'dynalite/validations/index.js' {
  import type { DynaliteStore } from 'dynalite/db/index.js';

  /** An action's request validation: its members' types and its own checks. */
  export interface ActionValidation {
    types: Record<string, unknown>;
    custom?: (data: Record<string, unknown>, store: DynaliteStore) => string | undefined;
  }

  const validations: {
    /** The request with its members converted to their types; throws the ValidationException. */
    checkTypes(data: unknown, types: ActionValidation['types']): Record<string, unknown>;
    /** Throws the ValidationException for a request breaking the action's constraints. */
    checkValidations(
      data: Record<string, unknown>,
      types: ActionValidation['types'],
      custom: ActionValidation['custom'],
      store: DynaliteStore,
    ): void;
  };
  export default validations;
}

declare module 'dynalite/validations/*.js' {
  import type { ActionValidation } from 'dynalite/validations/index.js';

  const validation: ActionValidation;
  export default validation;
}

declare module 'dynalite/actions/*.js' {
  import type { Callback, DynaliteStore } from 'dynalite/db/index.js';

  /** A DynamoDB action on a validated request. */
  const action: (store: DynaliteStore, data: Record<string, unknown>, callback: Callback<object>) => void;
  export default action;
}
