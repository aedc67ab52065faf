import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * A meeting's page lists the published scrutiny recommendations made at it (issue 19), so a write to a
 * recommendation or to the item it belongs to must renew that meeting's cached page, or an unpublished
 * recommendation would stay on show. The scoped bump of migration 20261207_2801: the meeting's own page and every
 * page that depends on meetings (the search among them, which lists recommendations too). A row whose meeting is
 * gone already bumps everything.
 */
const SCOPED: Record<string, string> = {
  scrutiny_item: 'select meeting_id from R',
  scrutiny_recommendation: 'select (select i.meeting_id from scrutiny_item i where i.id = R.item_id) from R',
};

const EVENTS = [
  { event: 'insert', suffix: 'ins', referencing: 'referencing new table as new_rows' },
  { event: 'update', suffix: 'upd', referencing: 'referencing old table as old_rows new table as new_rows' },
  { event: 'delete', suffix: 'del', referencing: 'referencing old table as old_rows' },
] as const;

const rowsOf = (expression: string, table: 'new_rows' | 'old_rows') => expression.replaceAll(/\bR\b/g, table);

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, expression] of Object.entries(SCOPED)) {
    await runSqlScript(
      db,
      `
create function portal_scope_${table}() returns trigger language plpgsql as $$
declare ids text[] := '{}';
begin
  if TG_OP in ('INSERT', 'UPDATE') then ids := ids || array(${rowsOf(expression, 'new_rows')}); end if;
  if TG_OP in ('UPDATE', 'DELETE') then ids := ids || array(${rowsOf(expression, 'old_rows')}); end if;
  perform portal_bump_meetings(ids);
  return null;
end $$;
create trigger ${table}_portal_version after truncate on ${table} for each statement execute function portal_bump_data_version();
`,
    );
    for (const { event, suffix, referencing } of EVENTS) {
      await runSqlScript(
        db,
        `create trigger ${table}_portal_scope_${suffix} after ${event} on ${table} ${referencing} for each statement execute function portal_scope_${table}();`,
      );
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of Object.keys(SCOPED)) {
    await runSqlScript(
      db,
      `
drop trigger if exists ${table}_portal_scope_ins on ${table};
drop trigger if exists ${table}_portal_scope_upd on ${table};
drop trigger if exists ${table}_portal_scope_del on ${table};
drop trigger if exists ${table}_portal_version on ${table};
drop function if exists portal_scope_${table}();
`,
    );
  }
}
