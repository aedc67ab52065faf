import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The public decisions register kept on write (issue 23): one row per entry the public may see, with the columns the
 * register shows, filters on and sorts by, so a page is an index range (filters, then newest first) and a count stops
 * at its bound, whatever the size of the archive. Before, each request joined and sorted every resolution and decision
 * (120,000 resolutions at twenty years).
 *
 * An entry is a resolution of published, non-exempt minutes (the `public_resolution` view of migration
 * 20261207_1560: Local Government Act 1972 ss. 100B and 100C, Schedule 12A), not withdrawn, of a meeting not
 * withdrawn (a withdrawn meeting's papers stop being public: migration 20261207_3001), or a recorded decision
 * (executive, urgent, key), all of which the register has always listed: their records are open to inspection
 * (Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England) Regulations 2012,
 * regs. 13 and 14). `decision_register_source` is the one place that
 * rule is written; a resolution's entry is provisional while its minutes are published but not yet approved.
 *
 * Kept by statement-level triggers with transition tables, each of which works out the meetings (for resolutions) or
 * decisions whose entries a statement may have changed and hands them to one SQL function,
 * `decision_register_refresh`, which reads their entries again from `decision_register_source` and writes what differs:
 * resolutions (text, position, minute, withdrawal), minutes (meeting, number, title, exemption, agenda item), agenda
 * items (exemption, which a minute's derives from), meetings (date, body, withdrawal), the meeting workflow
 * (publication and approval of minutes), bodies (name, slug) and decisions. So the table always equals the source
 * recomputed (property test test/portal/decision-register.test.ts), and whatever makes a record public, unpublished,
 * confidential or withdrawn moves its entry in the same transaction. Derived, so not exported
 * (src/services/export/sections.ts); a restore rebuilds it through the same triggers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, TABLE);
  await runSqlScript(db, FUNCTIONS);
  await runSqlScript(db, TRIGGERS);
  await runSqlScript(db, BACKFILL);
}

// The register's order is date (newest first), then body name, minute number, position and id (nulls last, as in
// the query it replaced): every index below ends in that order, so a page is read in order and stops at its size.
const ORDER = 'date desc, body_name asc nulls last, minute_number asc nulls last, position, id';

const TABLE = `
create table decision_register_entry (
  kind text not null check (kind in ('resolution', 'decision')),
  id text not null,
  date date not null,
  subject text not null,
  text text not null,
  body_id text,
  body_name text,
  body_slug text,
  maker_person_id text,
  maker_role text,
  meeting_id text,
  minute_number text,
  is_key boolean not null,
  is_urgent boolean not null,
  provisional boolean not null,
  position integer not null,
  primary key (kind, id)
);
create index decision_register_order_idx on decision_register_entry (${ORDER});
create index decision_register_body_idx on decision_register_entry (body_id, ${ORDER});
create index decision_register_maker_idx on decision_register_entry (maker_person_id, ${ORDER}) where maker_person_id is not null;
create index decision_register_key_idx on decision_register_entry (${ORDER}) where is_key;
create index decision_register_urgent_idx on decision_register_entry (${ORDER}) where is_urgent;
create index decision_register_meeting_idx on decision_register_entry (meeting_id) where meeting_id is not null;
`;

const FUNCTIONS = `
-- The rule: what the register lists, and what it shows of each entry.
create view decision_register_source as
select 'resolution'::text as kind, r.id, m.date, mi.title as subject, r.text,
       b.id as body_id, b.name as body_name, b.slug as body_slug,
       null::text as maker_person_id, null::text as maker_role,
       m.id as meeting_id, mi.number as minute_number,
       false as is_key, false as is_urgent,
       coalesce(w.minutes_published_at is not null and w.minutes_approved_at is null, false) as provisional,
       r.position
  from resolution r
  join minute mi on mi.id = r.minute_id
  join meeting m on m.id = mi.meeting_id
  join body b on b.id = m.body_id
  left join meeting_workflow w on w.id = m.id
 where m.withdrawn_at is null
   and exists (select 1 from public_resolution pr where pr.id = r.id)
union all
select 'decision'::text, d.id, d.decision_date, d.subject, d.text,
       b.id, b.name, b.slug,
       d.decision_maker_person_id, d.decision_maker_role,
       null::text, null::text,
       d.is_key, d.is_urgent, false, 0
  from decision d
  left join body b on b.id = d.decision_maker_body_id;

-- Reads again the entries of these meetings' resolutions and of these decisions, and writes only what differs: a
-- refresh that changes nothing leaves no dead rows behind (the attendance figures' delete and re-insert of every
-- touched key left generated databases mostly dead rows). The public views join many tables: past the default
-- collapse limits (8) the planner would plan the view apart and read every resolution for a few.
create function decision_register_refresh(meetings text[], decisions text[]) returns void language plpgsql
set join_collapse_limit = 20 set from_collapse_limit = 20 as $$
begin
  if cardinality(meetings) > 0 then
    with source as (
      select s.kind, s.id, s.date, s.subject, s.text, s.body_id, s.body_name, s.body_slug, s.maker_person_id, s.maker_role, s.meeting_id, s.minute_number, s.is_key, s.is_urgent, s.provisional, s.position
        from decision_register_source s where s.kind = 'resolution' and s.meeting_id = any(meetings)),
    gone as (
      delete from decision_register_entry e where e.kind = 'resolution' and e.meeting_id = any(meetings) and not exists (select 1 from source where source.id = e.id))
    insert into decision_register_entry as e (kind, id, date, subject, text, body_id, body_name, body_slug, maker_person_id, maker_role, meeting_id, minute_number, is_key, is_urgent, provisional, position)
    select kind, id, date, subject, text, body_id, body_name, body_slug, maker_person_id, maker_role, meeting_id, minute_number, is_key, is_urgent, provisional, position from source
    on conflict (kind, id) do update set date = excluded.date, subject = excluded.subject, text = excluded.text, body_id = excluded.body_id, body_name = excluded.body_name, body_slug = excluded.body_slug, maker_person_id = excluded.maker_person_id, maker_role = excluded.maker_role, meeting_id = excluded.meeting_id, minute_number = excluded.minute_number, is_key = excluded.is_key, is_urgent = excluded.is_urgent, provisional = excluded.provisional, position = excluded.position
     where (e.date, e.subject, e.text, e.body_id, e.body_name, e.body_slug, e.maker_person_id, e.maker_role, e.meeting_id, e.minute_number, e.is_key, e.is_urgent, e.provisional, e.position) is distinct from (excluded.date, excluded.subject, excluded.text, excluded.body_id, excluded.body_name, excluded.body_slug, excluded.maker_person_id, excluded.maker_role, excluded.meeting_id, excluded.minute_number, excluded.is_key, excluded.is_urgent, excluded.provisional, excluded.position);
  end if;
  if cardinality(decisions) > 0 then
    with source as (
      select s.kind, s.id, s.date, s.subject, s.text, s.body_id, s.body_name, s.body_slug, s.maker_person_id, s.maker_role, s.meeting_id, s.minute_number, s.is_key, s.is_urgent, s.provisional, s.position
        from decision_register_source s where s.kind = 'decision' and s.id = any(decisions)),
    gone as (
      delete from decision_register_entry e where e.kind = 'decision' and e.id = any(decisions) and not exists (select 1 from source where source.id = e.id))
    insert into decision_register_entry as e (kind, id, date, subject, text, body_id, body_name, body_slug, maker_person_id, maker_role, meeting_id, minute_number, is_key, is_urgent, provisional, position)
    select kind, id, date, subject, text, body_id, body_name, body_slug, maker_person_id, maker_role, meeting_id, minute_number, is_key, is_urgent, provisional, position from source
    on conflict (kind, id) do update set date = excluded.date, subject = excluded.subject, text = excluded.text, body_id = excluded.body_id, body_name = excluded.body_name, body_slug = excluded.body_slug, maker_person_id = excluded.maker_person_id, maker_role = excluded.maker_role, meeting_id = excluded.meeting_id, minute_number = excluded.minute_number, is_key = excluded.is_key, is_urgent = excluded.is_urgent, provisional = excluded.provisional, position = excluded.position
     where (e.date, e.subject, e.text, e.body_id, e.body_name, e.body_slug, e.maker_person_id, e.maker_role, e.meeting_id, e.minute_number, e.is_key, e.is_urgent, e.provisional, e.position) is distinct from (excluded.date, excluded.subject, excluded.text, excluded.body_id, excluded.body_name, excluded.body_slug, excluded.maker_person_id, excluded.maker_role, excluded.meeting_id, excluded.minute_number, excluded.is_key, excluded.is_urgent, excluded.provisional, excluded.position);
  end if;
end $$;

-- The trigger functions gather keys here, not in a helper: transition tables are visible only to the trigger's own
-- queries. Updates that change nothing the register reads touch nothing.

-- A resolution's meeting, before and after (a deleted one's minute may be gone already: its entry knows the meeting).
create function decision_register_on_resolution() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform decision_register_refresh(array(select distinct mi.meeting_id from resolution_new n join minute mi on mi.id = n.minute_id), '{}');
  elsif tg_op = 'DELETE' then
    perform decision_register_refresh(array(select distinct e.meeting_id from resolution_old o
                                              join decision_register_entry e on e.kind = 'resolution' and e.id = o.id), '{}');
  else
    perform decision_register_refresh(array(
      with changed as (
        select n.id, n.minute_id as new_minute, o.minute_id as old_minute
          from resolution_new n full join resolution_old o on o.id = n.id
         where (n.minute_id, n.position, n.text, n.withdrawn_at) is distinct from (o.minute_id, o.position, o.text, o.withdrawn_at))
      select mi.meeting_id from changed c join minute mi on mi.id in (c.new_minute, c.old_minute)
      union
      select e.meeting_id from changed c join decision_register_entry e on e.kind = 'resolution' and e.id = c.id), '{}');
  end if;
  return null;
end $$;

-- A new minute has no resolutions yet (they refer to it), so only its changes and deletions are followed.
create function decision_register_on_minute() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform decision_register_refresh(array(select distinct meeting_id from minute_old), '{}');
  else
    perform decision_register_refresh(array(
      select unnest(array[n.meeting_id, o.meeting_id])
        from minute_new n full join minute_old o on o.id = n.id
       where (n.meeting_id, n.number, n.title, n.exempt, n.agenda_item_id)
             is distinct from (o.meeting_id, o.number, o.title, o.exempt, o.agenda_item_id)), '{}');
  end if;
  return null;
end $$;

-- A minute's exemption derives from its agenda item's: the meetings of the minutes of an item whose exemption changed.
create function decision_register_on_agenda_item() returns trigger language plpgsql as $$
begin
  perform decision_register_refresh(array(
    select distinct mi.meeting_id
      from agenda_item_new n join agenda_item_old o on o.id = n.id
      join minute mi on mi.agenda_item_id = n.id
     where n.exempt is distinct from o.exempt), '{}');
  return null;
end $$;

-- A new meeting has no minutes yet, so only its changes and deletions are followed.
create function decision_register_on_meeting() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform decision_register_refresh(array(select id from meeting_old), '{}');
  else
    perform decision_register_refresh(array(
      select n.id from meeting_new n join meeting_old o on o.id = n.id
       where (n.date, n.body_id, n.withdrawn_at is null) is distinct from (o.date, o.body_id, o.withdrawn_at is null)), '{}');
  end if;
  return null;
end $$;

create function decision_register_on_workflow() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform decision_register_refresh(array(select id from meeting_workflow_new), '{}');
  elsif tg_op = 'DELETE' then
    perform decision_register_refresh(array(select id from meeting_workflow_old), '{}');
  else
    perform decision_register_refresh(array(
      select coalesce(n.id, o.id) from meeting_workflow_new n full join meeting_workflow_old o on o.id = n.id
       where (n.minutes_published_at is null, n.minutes_approved_at is null)
             is distinct from (o.minutes_published_at is null, o.minutes_approved_at is null)), '{}');
  end if;
  return null;
end $$;

-- A body's name and slug are shown (and its name sorts): its meetings' resolutions and the decisions it took.
create function decision_register_on_body() returns trigger language plpgsql as $$
begin
  perform decision_register_refresh(
    array(select m.id from body_new n join body_old o on o.id = n.id join meeting m on m.body_id = n.id
           where (n.name, n.slug) is distinct from (o.name, o.slug)),
    array(select d.id from body_new n join body_old o on o.id = n.id join decision d on d.decision_maker_body_id = n.id
           where (n.name, n.slug) is distinct from (o.name, o.slug)));
  return null;
end $$;

create function decision_register_on_decision() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform decision_register_refresh('{}', array(select id from decision_new));
  elsif tg_op = 'DELETE' then
    perform decision_register_refresh('{}', array(select id from decision_old));
  else
    perform decision_register_refresh('{}', array(select id from decision_new union select id from decision_old));
  end if;
  return null;
end $$;
`;

const TRIGGERS = `
create trigger resolution_register_insert after insert on resolution referencing new table as resolution_new
  for each statement execute function decision_register_on_resolution();
create trigger resolution_register_update after update on resolution referencing old table as resolution_old new table as resolution_new
  for each statement execute function decision_register_on_resolution();
create trigger resolution_register_delete after delete on resolution referencing old table as resolution_old
  for each statement execute function decision_register_on_resolution();
create trigger minute_register_update after update on minute referencing old table as minute_old new table as minute_new
  for each statement execute function decision_register_on_minute();
create trigger minute_register_delete after delete on minute referencing old table as minute_old
  for each statement execute function decision_register_on_minute();
create trigger agenda_item_register_update after update on agenda_item referencing old table as agenda_item_old new table as agenda_item_new
  for each statement execute function decision_register_on_agenda_item();
create trigger meeting_register_update after update on meeting referencing old table as meeting_old new table as meeting_new
  for each statement execute function decision_register_on_meeting();
create trigger meeting_register_delete after delete on meeting referencing old table as meeting_old
  for each statement execute function decision_register_on_meeting();
create trigger meeting_workflow_register_insert after insert on meeting_workflow referencing new table as meeting_workflow_new
  for each statement execute function decision_register_on_workflow();
create trigger meeting_workflow_register_update after update on meeting_workflow referencing old table as meeting_workflow_old new table as meeting_workflow_new
  for each statement execute function decision_register_on_workflow();
create trigger meeting_workflow_register_delete after delete on meeting_workflow referencing old table as meeting_workflow_old
  for each statement execute function decision_register_on_workflow();
create trigger body_register_update after update on body referencing old table as body_old new table as body_new
  for each statement execute function decision_register_on_body();
create trigger decision_register_insert after insert on decision referencing new table as decision_new
  for each statement execute function decision_register_on_decision();
create trigger decision_register_update after update on decision referencing old table as decision_old new table as decision_new
  for each statement execute function decision_register_on_decision();
create trigger decision_register_delete after delete on decision referencing old table as decision_old
  for each statement execute function decision_register_on_decision();
`;

const BACKFILL = `
insert into decision_register_entry (kind, id, date, subject, text, body_id, body_name, body_slug, maker_person_id, maker_role,
                                     meeting_id, minute_number, is_key, is_urgent, provisional, position)
select kind, id, date, subject, text, body_id, body_name, body_slug, maker_person_id, maker_role,
       meeting_id, minute_number, is_key, is_urgent, provisional, position
  from decision_register_source;
`;

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop trigger if exists resolution_register_insert on resolution;
drop trigger if exists resolution_register_update on resolution;
drop trigger if exists resolution_register_delete on resolution;
drop trigger if exists minute_register_update on minute;
drop trigger if exists minute_register_delete on minute;
drop trigger if exists agenda_item_register_update on agenda_item;
drop trigger if exists meeting_register_update on meeting;
drop trigger if exists meeting_register_delete on meeting;
drop trigger if exists meeting_workflow_register_insert on meeting_workflow;
drop trigger if exists meeting_workflow_register_update on meeting_workflow;
drop trigger if exists meeting_workflow_register_delete on meeting_workflow;
drop trigger if exists body_register_update on body;
drop trigger if exists decision_register_insert on decision;
drop trigger if exists decision_register_update on decision;
drop trigger if exists decision_register_delete on decision;
drop function if exists decision_register_on_decision();
drop function if exists decision_register_on_body();
drop function if exists decision_register_on_workflow();
drop function if exists decision_register_on_meeting();
drop function if exists decision_register_on_agenda_item();
drop function if exists decision_register_on_minute();
drop function if exists decision_register_on_resolution();
drop function if exists decision_register_refresh(text[], text[]);
drop view if exists decision_register_source;
drop table if exists decision_register_entry;
`,
  );
}
