import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * One committee's meetings in the order of the OParl lists (an Organization's meetings, issue 23): date descending,
 * then id under the "C" collation (src/db/queries/api/filters.ts, byIdC). meeting_date_id_c_idx (migration
 * 20261207_5502) holds every body's meetings in that order, so one body's page read the other bodies' meetings on the
 * way (twenty committees: twenty times the page); the unique (body_id, date) key gives the dates but not the ids'
 * order. With this a page of one body's meetings, first or reached by a cursor, reads its own rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `create index if not exists meeting_body_date_id_c_idx on meeting (body_id, date desc, id collate "C");`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `drop index if exists meeting_body_date_id_c_idx;`);
}
