import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * OParl 1.1 (section 2.7, "modified"): an object's `modified` changes whenever anything it shows changes, and a
 * client that lists with `modified_since` relies on it to keep a copy. Much of what an OParl object shows is not its
 * own row: a Meeting embeds its agenda items and names its participants, an AgendaItem shows its resolutions and vote
 * events, a Person embeds its memberships, an Organization lists them, a Location lists the meetings held there.
 *
 * A row's own changes already move its `updated_at` (quorum_audit, migration 0001), and the visibility views carry a
 * meeting's publication into its papers' `updated_at` (migration 20261207_1560). What they cannot see is a change to
 * another row the object shows, least of all one deleted or moved elsewhere. `oparl_change` records, per OParl object,
 * when such a change last happened; the statement triggers below write it in the same transaction as the change, so
 * every write path (back office, import, restore, psql) counts. The OParl queries (src/db/queries/api/oparl.ts) read
 * an object's `modified` as the latest of its row, its visibility and this table, and filter lists on the same value.
 *
 * Why a table and not touching the parent rows: touching a parent would write an audit entry that says nothing, bump
 * the portal's data version and wake every other trigger on the parent (search index, publication). Why statement triggers:
 * an import writes a table's rows of one paper in one statement, and one upsert per statement keeps its cost flat.
 *
 * Kinds (one per OParl object that embeds or derives): meeting, agenda-item, report (its Paper and File), person,
 * organization, location, body. A consultation is its agenda item's row and its meeting's body, so it needs none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, TABLE_AND_HELPERS);
  await runSqlScript(db, TRIGGER_FUNCTIONS);
  await runSqlScript(db, TRIGGERS);
}

const TABLE_AND_HELPERS = `
create table oparl_change (
  kind text not null,
  id text not null,
  changed_at timestamptz not null,
  primary key (kind, id)
);

-- The id of the Location a meeting's printed place is published as (src/db/queries/api/oparl.ts reads it too).
create function oparl_location_id(place text) returns text language sql immutable as $$
  select case when place is null then null else 'location-' || left(md5(place), 16) end
$$;

create function oparl_touch(touched_kind text, ids text[]) returns void language sql as $$
  insert into oparl_change (kind, id, changed_at)
  select distinct touched_kind, touched.id, now() from unnest(ids) as touched(id) where touched.id is not null
  on conflict (kind, id) do update set changed_at = excluded.changed_at where oparl_change.changed_at < excluded.changed_at
$$;

-- An agenda item shows what hangs off it (resolutions, vote events, its consultation); its meeting embeds it.
create function oparl_touch_agenda_items(item_ids text[]) returns void language plpgsql as $$
begin
  perform oparl_touch('agenda-item', item_ids);
  perform oparl_touch('meeting', array(select distinct a.meeting_id from agenda_item a where a.id = any(item_ids)));
end $$;

-- The agenda items a set of minutes is recorded against: what their resolutions and vote events show on.
create function oparl_touch_minutes(minute_ids text[]) returns void language plpgsql as $$
begin
  perform oparl_touch_agenda_items(array(select distinct mi.agenda_item_id from minute mi where mi.id = any(minute_ids) and mi.agenda_item_id is not null));
end $$;
`;

/**
 * One function per table; each runs once per statement and reads the statement's rows from its transition tables
 * (new_rows, old_rows), which exist only for the operations that have them, hence the branches on tg_op.
 */
const TRIGGER_FUNCTIONS = `
create function oparl_on_agenda_item() returns trigger language plpgsql as $$
begin
  -- The meeting embeds the item; the paper embeds the item as its consultation.
  if tg_op in ('INSERT', 'UPDATE') then
    perform oparl_touch('meeting', array(select meeting_id from new_rows));
    perform oparl_touch('report', array(select report_id from new_rows));
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    perform oparl_touch('meeting', array(select meeting_id from old_rows));
    perform oparl_touch('report', array(select report_id from old_rows));
  end if;
  return null;
end $$;

create function oparl_on_minute() returns trigger language plpgsql as $$
begin
  -- A minute decides which item its resolutions and votes show on, and whether they are public (its exemption).
  if tg_op in ('INSERT', 'UPDATE') then
    perform oparl_touch_agenda_items(array(select agenda_item_id from new_rows));
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    perform oparl_touch_agenda_items(array(select agenda_item_id from old_rows));
  end if;
  return null;
end $$;

create function oparl_on_minute_child() returns trigger language plpgsql as $$
begin
  -- Resolutions (the item's resolutionText) and vote events (its quorum:voteEvent).
  if tg_op in ('INSERT', 'UPDATE') then perform oparl_touch_minutes(array(select minute_id from new_rows)); end if;
  if tg_op in ('UPDATE', 'DELETE') then perform oparl_touch_minutes(array(select minute_id from old_rows)); end if;
  return null;
end $$;

create function oparl_on_attendance() returns trigger language plpgsql as $$
begin
  -- The meeting's participants.
  if tg_op in ('INSERT', 'UPDATE') then perform oparl_touch('meeting', array(select meeting_id from new_rows)); end if;
  if tg_op in ('UPDATE', 'DELETE') then perform oparl_touch('meeting', array(select meeting_id from old_rows)); end if;
  return null;
end $$;

create function oparl_on_membership() returns trigger language plpgsql as $$
begin
  -- The person embeds the membership; the organization lists it.
  if tg_op in ('INSERT', 'UPDATE') then
    perform oparl_touch('person', array(select person_id from new_rows));
    perform oparl_touch('organization', array(select (to_jsonb(r) ->> tg_argv[0]) from new_rows r));
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    perform oparl_touch('person', array(select person_id from old_rows));
    perform oparl_touch('organization', array(select (to_jsonb(r) ->> tg_argv[0]) from old_rows r));
  end if;
  return null;
end $$;

create function oparl_on_meeting() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    -- A place a meeting left no longer lists it (the place it went to sees the meeting's own updated_at).
    perform oparl_touch('location', array(
      select oparl_location_id(o.location) from old_rows o join new_rows n on n.id = o.id where o.location is distinct from n.location));
    -- A date moved out of a legislative term may leave the term without meetings: the Body embeds its terms.
    perform oparl_touch('body', array(
      select distinct b.authority_id from old_rows o join new_rows n on n.id = o.id join body b on b.id in (o.body_id, n.body_id)
       where o.date is distinct from n.date or o.body_id is distinct from n.body_id));
    -- A consultation names its meeting's body as its organization; the paper embeds the consultation.
    perform oparl_touch('report', array(
      select a.report_id from old_rows o join new_rows n on n.id = o.id join agenda_item a on a.meeting_id = n.id
       where o.body_id is distinct from n.body_id));
  elsif tg_op = 'DELETE' then
    perform oparl_touch('location', array(select oparl_location_id(location) from old_rows));
    perform oparl_touch('body', array(select distinct b.authority_id from old_rows o join body b on b.id = o.body_id));
  end if;
  return null;
end $$;

create function oparl_on_report() returns trigger language plpgsql as $$
begin
  -- Whether a report is public decides whether the items carrying it show a consultation.
  perform oparl_touch_agenda_items(array(
    select a.id from old_rows o join new_rows n on n.id = o.id join agenda_item a on a.report_id = n.id where o.exempt is distinct from n.exempt));
  return null;
end $$;

create function oparl_on_body() returns trigger language plpgsql as $$
begin
  -- A meeting's name is its body's name and its date.
  perform oparl_touch('meeting', array(
    select m.id from old_rows o join new_rows n on n.id = o.id join meeting m on m.body_id = n.id where o.name is distinct from n.name));
  return null;
end $$;
`;

/** Transition tables allow one event per trigger, so each table has up to three. */
function statementTriggers(table: string, fn: string, events: Array<'insert' | 'update' | 'delete'>, argument = ''): string {
  const referencing = { insert: 'new table as new_rows', update: 'old table as old_rows new table as new_rows', delete: 'old table as old_rows' };
  return events
    .map(
      (event) =>
        `create trigger ${table}_oparl_${event} after ${event} on ${table} referencing ${referencing[event]} for each statement execute function ${fn}(${argument});`,
    )
    .join('\n');
}

const ALL = ['insert', 'update', 'delete'] as const;

const TRIGGERS = [
  statementTriggers('agenda_item', 'oparl_on_agenda_item', [...ALL]),
  statementTriggers('minute', 'oparl_on_minute', [...ALL]),
  statementTriggers('resolution', 'oparl_on_minute_child', [...ALL]),
  statementTriggers('vote_event', 'oparl_on_minute_child', [...ALL]),
  statementTriggers('attendance', 'oparl_on_attendance', [...ALL]),
  statementTriggers('membership', 'oparl_on_membership', [...ALL], "'body_id'"),
  statementTriggers('group_membership', 'oparl_on_membership', [...ALL], "'group_id'"),
  statementTriggers('meeting', 'oparl_on_meeting', ['update', 'delete']),
  statementTriggers('report', 'oparl_on_report', ['update']),
  statementTriggers('body', 'oparl_on_body', ['update']),
].join('\n');

const TRIGGERED = [
  ['agenda_item', ALL],
  ['minute', ALL],
  ['resolution', ALL],
  ['vote_event', ALL],
  ['attendance', ALL],
  ['membership', ALL],
  ['group_membership', ALL],
  ['meeting', ['update', 'delete']],
  ['report', ['update']],
  ['body', ['update']],
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  const drops = TRIGGERED.flatMap(([table, events]) => events.map((event) => `drop trigger if exists ${table}_oparl_${event} on ${table};`));
  await runSqlScript(
    db,
    `${drops.join('\n')}
drop function if exists oparl_on_body();
drop function if exists oparl_on_report();
drop function if exists oparl_on_meeting();
drop function if exists oparl_on_membership();
drop function if exists oparl_on_attendance();
drop function if exists oparl_on_minute_child();
drop function if exists oparl_on_minute();
drop function if exists oparl_on_agenda_item();
drop function if exists oparl_touch_minutes(text[]);
drop function if exists oparl_touch_agenda_items(text[]);
drop function if exists oparl_touch(text, text[]);
drop function if exists oparl_location_id(text);
drop table if exists oparl_change;`,
  );
}
