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
