/** Table types for uploaded files (migration 20261125_0103). */
import type { ColumnType } from 'kysely';

export interface StoredFileTable {
  sha256: string;
  /** Buffer from the pg driver, Uint8Array from PGlite. */
  content: Uint8Array;
  byte_size: number;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** This capability's tables, part of the Database type (src/db/schema.ts lists every capability's). */
export interface FilesTables {
  stored_file: StoredFileTable;
}
