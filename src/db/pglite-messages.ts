/** The messages between the server's thread and the embedded database's worker (src/db/pglite-remote.ts). */

export interface WorkerStart {
  dataDir: string;
  startParams: string[];
}

export type ToWorker =
  | { type: 'query'; id: number; sql: string; params: unknown[] }
  | { type: 'listen'; id: number; channel: string }
  | { type: 'unlisten'; id: number; channel: string }
  | { type: 'close'; id: number };

/** A database error as plain fields (code, detail, constraint, ...), so the caller sees what PGlite threw. */
export interface ErrorFields {
  message: string;
  [field: string]: unknown;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; rows: unknown[]; affectedRows?: number }
  | { type: 'error'; id: number; error: ErrorFields }
  | { type: 'done'; id: number }
  | { type: 'notify'; channel: string };
