/** Table types for what `quorum import --oparl` remembers of each OParl server (migration 20261207_2501). */
import type { ColumnType } from 'kysely';
import type { Stamp } from './columns.ts';

export interface OParlSourceTable {
  id: string;
  url: string;
  /** The server time the last complete run started: the next run's `modified_since`. */
  synced_from: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_run_started_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_run_completed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface OParlRecordTable {
  source_id: string;
  /** The object's OParl id: its URL. */
  oparl_id: string;
  oparl_type: string;
  local_table: string;
  local_id: string;
  /** The object's `modified` as the server wrote it; an unchanged one is not written again. */
  modified: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

/** This capability's tables, part of the Database type (src/db/schema.ts lists every capability's). */
export interface OParlMirrorTables {
  oparl_source: OParlSourceTable;
  oparl_record: OParlRecordTable;
}
