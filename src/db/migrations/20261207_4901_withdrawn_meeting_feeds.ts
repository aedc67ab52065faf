import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';
import { REFRESH } from './20261207_2701_search_everything.ts';

/**
 * A withdrawn meeting (migration 20261207_3001) leaves the search index: it was arranged in error, and its papers
 * already left the index with their publication. Its page stays, with the public reason; the calendars list it as
 * cancelled with a higher SEQUENCE (migration 20261207_4301). The refresh function is the one of migration
 * 20261207_2701 with the meeting kind limited to meetings not withdrawn.
 */

/** Only the refresh function of that migration's script (it also creates functions that exist already). */
const REFRESH_FUNCTION = REFRESH.slice(0, REFRESH.indexOf('create or replace function portal_search_rebuild'));
const MEETING_ROW = 'from meeting m join body b on b.id = m.body_id where m.id = portal_search_refresh.id;';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!REFRESH_FUNCTION.includes(MEETING_ROW)) throw new Error('migration 20261207_2701 no longer has the meeting row this migration narrows');
  await runSqlScript(db, REFRESH_FUNCTION.replace(MEETING_ROW, MEETING_ROW.replace(';', ' and m.withdrawn_at is null;')));
  await runSqlScript(db, `delete from search_document d using meeting m where d.kind = 'meeting' and d.record_id = m.id and m.withdrawn_at is not null;`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, REFRESH_FUNCTION);
  await runSqlScript(db, `select portal_search_refresh('meeting', id) from meeting where withdrawn_at is not null;`);
}
