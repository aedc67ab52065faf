import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Indexes in the order of the OParl lists (issue 23 item 2). The lists are ordered by id under the "C" collation, so
 * that pages and cursors agree on every server (src/db/queries/api/filters.ts, byIdC); an index under the database's
 * own collation cannot give that order, so every page sorted the whole list (60,000 buffers for a page of papers at
 * one year). With these a page, first or reached by a next link's cursor, reads its own rows from the index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create index if not exists report_id_c_idx on report (id collate "C");
create index if not exists agenda_item_id_c_idx on agenda_item (id collate "C");
create index if not exists person_id_c_idx on person (id collate "C");
create index if not exists meeting_date_id_c_idx on meeting (date desc, id collate "C");
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop index if exists meeting_date_id_c_idx;
drop index if exists person_id_c_idx;
drop index if exists agenda_item_id_c_idx;
drop index if exists report_id_c_idx;
`,
  );
}
