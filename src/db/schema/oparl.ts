/** Kysely types of the OParl change record (migration 20261207_2601). Import this file where it is used. */
import type { ColumnType } from 'kysely';

/** The OParl objects whose shown content reaches beyond their own row (the migration lists what each shows). */
export type OParlChangeKind = 'meeting' | 'agenda-item' | 'report' | 'person' | 'organization' | 'location' | 'body';

/** When something an OParl object shows, other than its own row, last changed; written by triggers only. */
export interface OParlChangeTable {
  kind: ColumnType<OParlChangeKind, never, never>;
  id: ColumnType<string, never, never>;
  changed_at: ColumnType<Date, never, never>;
}

/** This capability's tables, part of the Database type. */
export interface OParlTables {
  oparl_change: OParlChangeTable;
}
