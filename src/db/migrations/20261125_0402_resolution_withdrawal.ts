import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';
import { REFRESH_FUNCTIONS } from './20261125_0400_portal_search.ts';

/**
 * A resolution taken out of draft minutes is withdrawn, never deleted: the row stays with when and by whom, and
 * every public reader (pages, search, feeds, API, documents) leaves it out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
alter table resolution add column withdrawn_at timestamptz;
alter table resolution add column withdrawn_by text;
`,
  );
  // The search index reads a minute's resolutions: the same function, reading only those in force.
  const start = REFRESH_FUNCTIONS.indexOf('create function portal_search_refresh');
  const end = REFRESH_FUNCTIONS.indexOf('end $$;', start) + 'end $$;'.length;
  const refresh = REFRESH_FUNCTIONS.slice(start, end)
    .replace('create function', 'create or replace function')
    .replace('from resolution r where r.minute_id = mi.id', 'from resolution r where r.minute_id = mi.id and r.withdrawn_at is null');
  if (!refresh.includes('r.withdrawn_at is null')) throw new Error('migration 0402: the search function no longer reads resolutions as expected');
  await runSqlScript(db, refresh);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const start = REFRESH_FUNCTIONS.indexOf('create function portal_search_refresh');
  const end = REFRESH_FUNCTIONS.indexOf('end $$;', start) + 'end $$;'.length;
  await runSqlScript(db, REFRESH_FUNCTIONS.slice(start, end).replace('create function', 'create or replace function'));
  await runSqlScript(db, `alter table resolution drop column withdrawn_at; alter table resolution drop column withdrawn_by;`);
}
