import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';
import { REFRESH } from './20261207_2701_search_everything.ts';

/**
 * A withdrawn meeting (migration 20261207_3001) in calendars and search:
 * - its SEQUENCE goes up when it is withdrawn (or reinstated), as for any change a calendar shows: the feeds list it
 *   as CANCELLED, and subscribers replace the event they hold only when its SEQUENCE grows (RFC 5545 3.8.7.4);
 * - the search index drops it: it was arranged in error, and its papers already left the index with their
 *   publication. Its page stays, with the public reason.
 * The sequence function is the one of migration 20261207_2100 with `withdrawn_at` added; the refresh function the
 * one of migration 20261207_2701 with the meeting kind limited to meetings not withdrawn.
 */
/** Only the refresh function of that migration's script (it also creates functions that exist already). */
const REFRESH_FUNCTION = REFRESH.slice(0, REFRESH.indexOf('create or replace function portal_search_rebuild'));
const MEETING_ROW = 'from meeting m join body b on b.id = m.body_id where m.id = portal_search_refresh.id;';

function sequenceFunction(columns: string): string {
  return `create or replace function quorum_meeting_sequence() returns trigger language plpgsql as $$
     begin
       if (${columns.split(', ').map((c) => `new.${c}`).join(', ')})
          is distinct from (${columns.split(', ').map((c) => `old.${c}`).join(', ')}) then
         new.sequence := old.sequence + 1;
       end if;
       return new;
     end $$;`;
}

const ORIGINAL_COLUMNS = 'date, start_time, end_time, location, status';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!REFRESH_FUNCTION.includes(MEETING_ROW)) throw new Error('migration 20261207_2701 no longer has the meeting row this migration narrows');
  await runSqlScript(db, sequenceFunction(`${ORIGINAL_COLUMNS}, withdrawn_at`));
  await runSqlScript(db, REFRESH_FUNCTION.replace(MEETING_ROW, MEETING_ROW.replace(';', ' and m.withdrawn_at is null;')));
  await runSqlScript(db, `delete from search_document d using meeting m where d.kind = 'meeting' and d.record_id = m.id and m.withdrawn_at is not null;`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, sequenceFunction(ORIGINAL_COLUMNS));
  await runSqlScript(db, REFRESH_FUNCTION);
  await runSqlScript(db, `select portal_search_refresh('meeting', id) from meeting where withdrawn_at is not null;`);
}
