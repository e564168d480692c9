/** The parts of dynalite (an in-memory DynamoDB, no type declarations of its own) the tests use. */
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** How long CreateTable takes, in milliseconds. */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    /** A LevelDB folder; in memory without it. */
    path?: string;
  }

  export default function dynalite(options?: DynaliteOptions): Server;
}
