import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';
import { DATA_VERSION_CHANNEL } from './20261125_0403_data_version_notify.ts';

/**
 * Cache invalidation by what changed (issue 23 item 3). Until now every write bumped one counter and so emptied the
 * whole page cache. Now the counter is split in three:
 *
 * - `portal_data_version.version`: bumped by a write to any table not listed below (bodies, people, reports,
 *   registers, plans, ...): every cached page depends on it, exactly as before. A new table whose trigger calls
 *   `portal_bump_data_version()` is therefore safe by default.
 * - `portal_data_version.meetings`: bumped by a write to a meeting's parts (the tables below); every page except a
 *   meeting's own page depends on it (lists, registers, feeds, people's and committees' pages, OParl).
 * - `portal_meeting_version(meeting_id)`: bumped for each meeting whose page shows a changed row. A meeting's page
 *   depends on the first counter and its own row here, so a write to one meeting's minutes leaves every other
 *   meeting's cached page in place.
 *
 * A meeting's page (src/db/queries/meetings.ts) reads its own meeting's rows of these tables and, through them, rows
 * that may belong to another meeting: a report carried by agenda items of several meetings (and exempt when any of
 * them is: the visibility rule, migration 20261207_1560), the agenda item or minute a minute, declaration or vote
 * names. So a changed row bumps every meeting that can show it: its own, and those whose rows point at it. A row
 * whose meeting cannot be found (a cascade that already removed its parent) bumps the first counter: when unsure, the
 * whole cache goes, never a stale page. The meeting row itself and its workflow's companions (corrections) stay on
 * the first counter: a meeting's date and body are its URL, and other meetings' pages print them.
 *
 * Statement-level triggers with transition tables: an import's bulk insert bumps each counter once.
 */
const SCOPED: Record<string, string> = {
  // An agenda item's report may be on other meetings' agendas, and an exempt item makes that report exempt there too.
  agenda_item: `select meeting_id from R
    union select a.meeting_id from agenda_item a where a.report_id in (select report_id from R where report_id is not null)
    union select m.meeting_id from minute m where m.agenda_item_id in (select id from R)
    union select d.meeting_id from declaration d where d.agenda_item_id in (select id from R)`,
  attendance: 'select meeting_id from R',
  question: 'select meeting_id from R',
  declaration: 'select meeting_id from R',
  // A minute is exempt when its agenda item is; declarations and votes print its number and title.
  minute: `select meeting_id from R
    union select a.meeting_id from agenda_item a where a.id in (select agenda_item_id from R)
    union select d.meeting_id from declaration d where d.minute_id in (select id from R)
    union select v.meeting_id from vote_event v where v.minute_id in (select id from R)`,
  resolution: 'select (select m.meeting_id from minute m where m.id = R.minute_id) from R',
  motion: 'select (select m.meeting_id from minute m where m.id = R.minute_id) from R',
  vote_event: `select meeting_id from R
    union select m.meeting_id from minute m where m.id in (select minute_id from R)`,
  vote: 'select (select v.meeting_id from vote_event v where v.id = R.vote_event_id) from R',
  // The workflow says whether the agenda and the minutes are public yet (Local Government Act 1972 ss. 100B, 100C).
  meeting_workflow: 'select id from R',
};

const EVENTS = [
  { event: 'insert', suffix: 'ins', referencing: 'referencing new table as new_rows' },
  { event: 'update', suffix: 'upd', referencing: 'referencing old table as old_rows new table as new_rows' },
  { event: 'delete', suffix: 'del', referencing: 'referencing old table as old_rows' },
] as const;

const rowsOf = (expression: string, table: 'new_rows' | 'old_rows') => expression.replaceAll(/\bR\b/g, table);

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
alter table portal_data_version add column meetings bigint not null default 1;
create table portal_meeting_version (
  meeting_id text primary key,
  version bigint not null
);
create index if not exists declaration_minute_idx on declaration (minute_id);
create index if not exists declaration_agenda_item_idx on declaration (agenda_item_id);

create function portal_bump_meetings(ids text[]) returns void language plpgsql as $$
begin
  if cardinality(ids) = 0 then return; end if;
  if array_position(ids, null) is not null then
    -- A row whose meeting is unknown: renew everything rather than risk a stale page.
    update portal_data_version set version = version + 1 where singleton;
  else
    update portal_data_version set meetings = meetings + 1 where singleton;
    -- In a fixed order, so two transactions bumping the same meetings never wait on each other in a circle.
    insert into portal_meeting_version (meeting_id, version)
      select distinct id, 1 from unnest(ids) as id order by id
      on conflict (meeting_id) do update set version = portal_meeting_version.version + 1;
  end if;
  perform pg_notify('${DATA_VERSION_CHANNEL}', '');
end $$;
`,
  );
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
drop trigger if exists ${table}_portal_version on ${table};
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
drop function if exists portal_scope_${table}();
drop trigger if exists ${table}_portal_version on ${table};
create trigger ${table}_portal_version after insert or update or delete or truncate on ${table} for each statement execute function portal_bump_data_version();
`,
    );
  }
  await runSqlScript(
    db,
    `
drop function if exists portal_bump_meetings(text[]);
drop index if exists declaration_minute_idx;
drop index if exists declaration_agenda_item_idx;
drop table if exists portal_meeting_version;
alter table portal_data_version drop column if exists meetings;
`,
  );
}
