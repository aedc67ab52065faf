import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Notices of motion on agendas (issue 17). A council's procedure rules let a member give written notice of a motion
 * before a meeting; the summons prints it, with its mover and perhaps a seconder, under an item of its own, and it has
 * no outcome until it is debated. So:
 *
 * - an agenda item has a kind (`src/domain/agenda-item-kind.ts`): `item`, `notice_of_motion`, `question`,
 *   `petition`; existing items are `item`;
 * - a motion belongs to a minute (as moved and recorded) or to an agenda item (as given notice of), or both once a
 *   notice is debated; `result` is null until it is decided.
 *
 * The public views follow: `public_agenda_item` gains the kind, and `public_motion` shows an agenda item's motions
 * when the agenda is public and the item not exempt (the minute's motions as before, migration 20261207_1560; a
 * `create or replace view` may only add columns at the end). A changed motion of an agenda item renews its meeting's
 * cached page (migration 20261207_2801's scoped version, which found a motion's meeting through its minute only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
alter table agenda_item add column kind text not null default 'item'
  check (kind in ('item', 'notice_of_motion', 'question', 'petition'));
alter table motion alter column minute_id drop not null;
alter table motion add column agenda_item_id text references agenda_item(id);
alter table motion add column result text;
alter table motion add constraint motion_owner check (minute_id is not null or agenda_item_id is not null);
create index if not exists motion_agenda_item_idx on motion (agenda_item_id);
${PUBLIC_AGENDA_ITEM('a.kind')}
${PUBLIC_MOTION_WITH_NOTICES}
${scopeFunction(MOTION_MEETING_WITH_ITEMS)}
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // A view's columns cannot be dropped by "create or replace": the two views are made again as they were.
  await runSqlScript(
    db,
    `
${scopeFunction(MOTION_MEETING)}
drop view public_motion;
${PUBLIC_MOTION}
delete from motion where minute_id is null;
drop index if exists motion_agenda_item_idx;
alter table motion drop constraint motion_owner;
alter table motion drop column result;
alter table motion drop column agenda_item_id;
alter table motion alter column minute_id set not null;
`,
  );
}

/** The view of migration 20261207_1560, with the kind after its last column. */
const PUBLIC_AGENDA_ITEM = (kind: string) => `
create or replace view public_agenda_item as
select a.id, a.meeting_id, a.number, a.position, a.title,
       case when a.exempt then null else a.description end as description,
       a.page_from, a.page_to, a.exempt, a.exempt_paragraphs,
       case when a.exempt then null else a.report_id end as report_id,
       a.source_document_id, a.source_line_from, a.source_line_to,
       a.created_at, greatest(a.updated_at, s.changed_at) as updated_at, ${kind} as kind
  from agenda_item a join public_paper_state s on s.meeting_id = a.meeting_id
 where s.agenda_public;
`;

const PUBLIC_MOTION = `
create view public_motion as
select mo.id, mo.minute_id, mo.position, mo.text, mo.mover_id, mo.seconder_id,
       mo.created_at, greatest(mo.updated_at, mi.updated_at) as updated_at
  from motion mo join public_minute mi on mi.id = mo.minute_id
 where not mi.exempt;
`;

/** A motion recorded in a minute shows with the minute; a notice not yet minuted shows with its agenda item. */
const PUBLIC_MOTION_WITH_NOTICES = `
create or replace view public_motion as
select mo.id, mo.minute_id, mo.position, mo.text, mo.mover_id, mo.seconder_id,
       mo.created_at, greatest(mo.updated_at, mi.updated_at) as updated_at, mo.agenda_item_id, mo.result
  from motion mo join public_minute mi on mi.id = mo.minute_id
 where not mi.exempt
union all
select mo.id, mo.minute_id, mo.position, mo.text, mo.mover_id, mo.seconder_id,
       mo.created_at, greatest(mo.updated_at, a.updated_at) as updated_at, mo.agenda_item_id, mo.result
  from motion mo join public_agenda_item a on a.id = mo.agenda_item_id
 where mo.minute_id is null and not a.exempt;
`;

const MOTION_MEETING = 'select (select m.meeting_id from minute m where m.id = R.minute_id) from R';
const MOTION_MEETING_WITH_ITEMS = `select coalesce((select m.meeting_id from minute m where m.id = R.minute_id),
                       (select a.meeting_id from agenda_item a where a.id = R.agenda_item_id)) from R`;

/** Migration 20261207_2801's per-table function for the motion table, finding the meeting by `expression`. */
function scopeFunction(expression: string): string {
  const rows = (table: string) => expression.replaceAll(/\bR\b/g, table);
  return `
create or replace function portal_scope_motion() returns trigger language plpgsql as $$
declare ids text[] := '{}';
begin
  if TG_OP in ('INSERT', 'UPDATE') then ids := ids || array(${rows('new_rows')}); end if;
  if TG_OP in ('UPDATE', 'DELETE') then ids := ids || array(${rows('old_rows')}); end if;
  perform portal_bump_meetings(ids);
  return null;
end $$;
`;
}
