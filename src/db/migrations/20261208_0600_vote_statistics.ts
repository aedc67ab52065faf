import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * A councillor's voting record kept on write (issue 23 item 2), so their page reads one page of votes and one
 * summary row whatever the size of the archive, instead of every public vote of the person with its group's figures.
 *
 * `person_vote_stat` holds one row per public vote of a person: the vote's date and place in the page's order (the
 * meeting's date; the minute's position, a vote without a minute last of its day), the option chosen, the person's
 * political group on the day and how that group's members voted. The page's first 50 votes are one range of its
 * (person, date desc, position, event) index. `person_vote_total` holds per person: votes recorded, votes where the
 * group's majority is known (one option chosen by more of the group than each other), and votes with that majority:
 * the summary above the list, which covers the whole record (the page's period applies to attendance only).
 *
 * Public is the `public_vote` view's rule (migration 20261207_1560: the minutes published, the minute not exempt,
 * Local Government Act 1972 ss. 100B, 100C and Schedule 12A), read through the views themselves, so an unpublished,
 * withdrawn (its publication is withdrawn with it) or exempt vote has no row. `person_vote_rows` is the one place
 * the rule is written: the query the page ran before (src/db/queries/portal/people.ts) for one person and vote event.
 *
 * Kept by statement-level triggers with transition tables; each reduces its change to the vote events it may alter
 * and recomputes every vote of those events (a vote changes its group's figures, and so every member's row):
 * votes; vote events (meeting, minute); meetings (date); the meeting workflow (minutes published); minutes (exempt,
 * position, agenda item, meeting); agenda items (exempt); group memberships (the person's votes dated inside the
 * membership's old or new dates). The totals move by the difference each recomputed row makes, so a write costs its
 * events' votes, not the person's record. Property test: test/portal/vote-statistics.test.ts (random writes, both
 * engines: the tables equal a recomputation). Derived, so not exported (src/services/export/sections.ts); a restore
 * rebuilds them through the same triggers. Deletions need no cascade: a vote must go before its event, an event
 * before its meeting or minute, a membership before its group.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, TABLES);
  await runSqlScript(db, FUNCTIONS);
  await runSqlScript(db, TRIGGERS);
  await runSqlScript(db, BACKFILL);
}

const TABLES = `
create table person_vote_stat (
  person_id text not null references person(id) on delete cascade,
  vote_event_id text not null,
  date date not null,
  sort_position integer not null,
  option text not null,
  group_id text,
  group_for integer not null,
  group_against integer not null,
  group_abstain integer not null,
  primary key (person_id, vote_event_id)
);
create index person_vote_stat_page_idx on person_vote_stat (person_id, date desc, sort_position, vote_event_id);
create index person_vote_stat_event_idx on person_vote_stat (vote_event_id);

create table person_vote_total (
  person_id text primary key references person(id) on delete cascade,
  recorded integer not null,
  compared integer not null,
  with_group integer not null
);

-- A membership change finds the person's votes by person; the vote table's key starts with the event.
create index if not exists vote_person_idx on vote (person_id);
`;

const FUNCTIONS = `
-- The option most of the group chose; null when no member of it voted or the top two tied (the page's groupMajority).
create function vote_group_majority(f integer, a integer, ab integer) returns text language sql immutable as $$
  select case when f > a and f > ab then 'for' when a > f and a > ab then 'against' when ab > f and ab > a then 'abstain' end
$$;

-- One person's public vote in one event, with their group on the day and its figures: the one place the rule is written.
create function person_vote_rows(p text, e text)
returns table (date date, sort_position integer, option text, group_id text, group_for integer, group_against integer, group_abstain integer)
language sql stable as $$
  select m.date, coalesce(mi.position, 2147483647), v.option, my_group.group_id,
         coalesce(gv.group_for, 0)::int, coalesce(gv.group_against, 0)::int, coalesce(gv.group_abstain, 0)::int
    from public_vote v
    join public_vote_event ve on ve.id = v.vote_event_id
    join meeting m on m.id = ve.meeting_id
    left join public_minute mi on mi.id = ve.minute_id
    left join lateral (
      select gm.group_id from group_membership gm
       where gm.person_id = v.person_id
         and (gm.start_date is null or gm.start_date <= m.date) and (gm.end_date is null or gm.end_date >= m.date)
       order by gm.start_date desc nulls last limit 1
    ) my_group on true
    left join lateral (
      select count(*) filter (where v2.option = 'for') as group_for,
             count(*) filter (where v2.option = 'against') as group_against,
             count(*) filter (where v2.option = 'abstain') as group_abstain
        from vote v2
        join group_membership gm2 on gm2.person_id = v2.person_id and gm2.group_id = my_group.group_id
         and (gm2.start_date is null or gm2.start_date <= m.date) and (gm2.end_date is null or gm2.end_date >= m.date)
       where v2.vote_event_id = v.vote_event_id
    ) gv on my_group.group_id is not null
   where v.person_id = p and v.vote_event_id = e
     -- Votes cast only: a roll call's absent or not-voting member cast none, so it is neither with nor against the
     -- group, nor part of the record (src/domain/vote-options.ts).
     and v.option in ('for', 'against', 'abstain')
     and (mi.id is null or not mi.exempt)
$$;

-- Recomputes one person's row for one event from the records and moves their totals by the difference.
create function person_vote_recompute(p text, e text) returns void language plpgsql as $$
declare
  gone record;
  came record;
  d_recorded integer := 0;
  d_compared integer := 0;
  d_with integer := 0;
  majority text;
begin
  delete from person_vote_stat where person_id = p and vote_event_id = e
    returning option, group_for, group_against, group_abstain into gone;
  if found then
    majority := vote_group_majority(gone.group_for, gone.group_against, gone.group_abstain);
    d_recorded := -1;
    if majority is not null then d_compared := -1; end if;
    if majority = gone.option then d_with := -1; end if;
  end if;
  -- A person being deleted takes their rows with them (foreign keys); nothing to write back.
  if not exists (select 1 from person where id = p) then return; end if;
  insert into person_vote_stat (person_id, vote_event_id, date, sort_position, option, group_id, group_for, group_against, group_abstain)
  select p, e, r.date, r.sort_position, r.option, r.group_id, r.group_for, r.group_against, r.group_abstain from person_vote_rows(p, e) r
  returning option, group_for, group_against, group_abstain into came;
  if found then
    majority := vote_group_majority(came.group_for, came.group_against, came.group_abstain);
    d_recorded := d_recorded + 1;
    if majority is not null then d_compared := d_compared + 1; end if;
    if majority = came.option then d_with := d_with + 1; end if;
  end if;
  if d_recorded = 0 and d_compared = 0 and d_with = 0 then return; end if;
  insert into person_vote_total (person_id, recorded, compared, with_group) values (p, d_recorded, d_compared, d_with)
  on conflict (person_id) do update
    set recorded = person_vote_total.recorded + excluded.recorded,
        compared = person_vote_total.compared + excluded.compared,
        with_group = person_vote_total.with_group + excluded.with_group;
  delete from person_vote_total where person_id = p and recorded = 0;
end $$;

-- Every vote of these events, and every kept row of them (a vote deleted or moved away), recomputed once.
-- The trigger functions gather the events: transition tables are visible only to the trigger's own queries.
create function person_vote_refresh(events text[]) returns void language plpgsql as $$
declare
  k record;
begin
  if events is null or cardinality(events) = 0 then return; end if;
  for k in select v.person_id, v.vote_event_id from vote v where v.vote_event_id = any(events)
           union
           select s.person_id, s.vote_event_id from person_vote_stat s where s.vote_event_id = any(events) loop
    perform person_vote_recompute(k.person_id, k.vote_event_id);
  end loop;
end $$;

create function person_vote_on_vote() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform person_vote_refresh(array(select distinct vote_event_id from vote_new));
  elsif tg_op = 'DELETE' then
    perform person_vote_refresh(array(select distinct vote_event_id from vote_old));
  else
    perform person_vote_refresh(array(select vote_event_id from vote_new union select vote_event_id from vote_old));
  end if;
  return null;
end $$;

-- An event's meeting or minute decides its date, order and visibility; a new event has no votes yet.
create function person_vote_on_vote_event() returns trigger language plpgsql as $$
begin
  perform person_vote_refresh(array(
    select n.id from vote_event_new n join vote_event_old o on o.id = n.id
     where (n.meeting_id, n.minute_id) is distinct from (o.meeting_id, o.minute_id)));
  return null;
end $$;

-- A meeting's date is its votes' date (a new meeting has no events; one deleted has none left).
create function person_vote_on_meeting() returns trigger language plpgsql as $$
begin
  perform person_vote_refresh(array(
    select ve.id from meeting_new n join meeting_old o on o.id = n.id join vote_event ve on ve.meeting_id = n.id
     where n.date is distinct from o.date));
  return null;
end $$;

-- Publishing or withdrawing a meeting's minutes shows or hides its events, and those on minutes of it.
create function person_vote_on_workflow() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform person_vote_refresh(array(
      select ve.id from workflow_new w join vote_event ve on ve.meeting_id = w.id
      union select ve.id from workflow_new w join minute mi on mi.meeting_id = w.id join vote_event ve on ve.minute_id = mi.id));
  elsif tg_op = 'DELETE' then
    perform person_vote_refresh(array(
      select ve.id from workflow_old w join vote_event ve on ve.meeting_id = w.id
      union select ve.id from workflow_old w join minute mi on mi.meeting_id = w.id join vote_event ve on ve.minute_id = mi.id));
  else
    perform person_vote_refresh(array(
      with changed as (
        select n.id from workflow_new n join workflow_old o on o.id = n.id
         where (n.minutes_published_at is null) is distinct from (o.minutes_published_at is null))
      select ve.id from changed w join vote_event ve on ve.meeting_id = w.id
      union select ve.id from changed w join minute mi on mi.meeting_id = w.id join vote_event ve on ve.minute_id = mi.id));
  end if;
  return null;
end $$;

-- A minute's exemption, position and meeting decide its events' visibility and order; a new minute has none.
create function person_vote_on_minute() returns trigger language plpgsql as $$
begin
  perform person_vote_refresh(array(
    select ve.id from minute_new n join minute_old o on o.id = n.id join vote_event ve on ve.minute_id = n.id
     where (n.exempt, n.position, n.agenda_item_id, n.meeting_id) is distinct from (o.exempt, o.position, o.agenda_item_id, o.meeting_id)));
  return null;
end $$;

-- An agenda item's exemption makes its minutes exempt (public_minute).
create function person_vote_on_agenda_item() returns trigger language plpgsql as $$
begin
  perform person_vote_refresh(array(
    select ve.id from agenda_item_new n join agenda_item_old o on o.id = n.id
      join minute mi on mi.agenda_item_id = n.id join vote_event ve on ve.minute_id = mi.id
     where n.exempt is distinct from o.exempt));
  return null;
end $$;

-- A membership decides the person's group, and who counts in the group's figures, on the days inside its dates:
-- every event the person voted in on those days, before the change and after it.
create function person_vote_on_group_membership() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform person_vote_refresh(array(
      select distinct v.vote_event_id from group_membership_new g
        join vote v on v.person_id = g.person_id join vote_event ve on ve.id = v.vote_event_id join meeting m on m.id = ve.meeting_id
       where (g.start_date is null or g.start_date <= m.date) and (g.end_date is null or g.end_date >= m.date)));
  elsif tg_op = 'DELETE' then
    perform person_vote_refresh(array(
      select distinct v.vote_event_id from group_membership_old g
        join vote v on v.person_id = g.person_id join vote_event ve on ve.id = v.vote_event_id join meeting m on m.id = ve.meeting_id
       where (g.start_date is null or g.start_date <= m.date) and (g.end_date is null or g.end_date >= m.date)));
  else
    perform person_vote_refresh(array(
      with changed as (
        select n.person_id, n.start_date, n.end_date from group_membership_new n join group_membership_old o on o.id = n.id
         where (n.person_id, n.group_id, n.start_date, n.end_date) is distinct from (o.person_id, o.group_id, o.start_date, o.end_date)
        union all
        select o.person_id, o.start_date, o.end_date from group_membership_new n join group_membership_old o on o.id = n.id
         where (n.person_id, n.group_id, n.start_date, n.end_date) is distinct from (o.person_id, o.group_id, o.start_date, o.end_date))
      select distinct v.vote_event_id from changed g
        join vote v on v.person_id = g.person_id join vote_event ve on ve.id = v.vote_event_id join meeting m on m.id = ve.meeting_id
       where (g.start_date is null or g.start_date <= m.date) and (g.end_date is null or g.end_date >= m.date)));
  end if;
  return null;
end $$;
`;

const TRIGGERS = `
create trigger vote_stat_insert after insert on vote referencing new table as vote_new
  for each statement execute function person_vote_on_vote();
create trigger vote_stat_update after update on vote referencing old table as vote_old new table as vote_new
  for each statement execute function person_vote_on_vote();
create trigger vote_stat_delete after delete on vote referencing old table as vote_old
  for each statement execute function person_vote_on_vote();
create trigger vote_event_vote_stat_update after update on vote_event referencing old table as vote_event_old new table as vote_event_new
  for each statement execute function person_vote_on_vote_event();
create trigger meeting_vote_stat_update after update on meeting referencing old table as meeting_old new table as meeting_new
  for each statement execute function person_vote_on_meeting();
create trigger workflow_vote_stat_insert after insert on meeting_workflow referencing new table as workflow_new
  for each statement execute function person_vote_on_workflow();
create trigger workflow_vote_stat_update after update on meeting_workflow referencing old table as workflow_old new table as workflow_new
  for each statement execute function person_vote_on_workflow();
create trigger workflow_vote_stat_delete after delete on meeting_workflow referencing old table as workflow_old
  for each statement execute function person_vote_on_workflow();
create trigger minute_vote_stat_update after update on minute referencing old table as minute_old new table as minute_new
  for each statement execute function person_vote_on_minute();
create trigger agenda_item_vote_stat_update after update on agenda_item referencing old table as agenda_item_old new table as agenda_item_new
  for each statement execute function person_vote_on_agenda_item();
create trigger group_membership_vote_stat_insert after insert on group_membership referencing new table as group_membership_new
  for each statement execute function person_vote_on_group_membership();
create trigger group_membership_vote_stat_update after update on group_membership
  referencing old table as group_membership_old new table as group_membership_new
  for each statement execute function person_vote_on_group_membership();
create trigger group_membership_vote_stat_delete after delete on group_membership referencing old table as group_membership_old
  for each statement execute function person_vote_on_group_membership();
`;

const BACKFILL = `
insert into person_vote_stat (person_id, vote_event_id, date, sort_position, option, group_id, group_for, group_against, group_abstain)
select v.person_id, v.vote_event_id, r.date, r.sort_position, r.option, r.group_id, r.group_for, r.group_against, r.group_abstain
  from vote v cross join lateral person_vote_rows(v.person_id, v.vote_event_id) r;
insert into person_vote_total (person_id, recorded, compared, with_group)
select s.person_id, count(*)::int,
       (count(*) filter (where vote_group_majority(s.group_for, s.group_against, s.group_abstain) is not null))::int,
       (count(*) filter (where vote_group_majority(s.group_for, s.group_against, s.group_abstain) = s.option))::int
  from person_vote_stat s group by s.person_id;
`;

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop trigger if exists vote_stat_insert on vote;
drop trigger if exists vote_stat_update on vote;
drop trigger if exists vote_stat_delete on vote;
drop trigger if exists vote_event_vote_stat_update on vote_event;
drop trigger if exists meeting_vote_stat_update on meeting;
drop trigger if exists workflow_vote_stat_insert on meeting_workflow;
drop trigger if exists workflow_vote_stat_update on meeting_workflow;
drop trigger if exists workflow_vote_stat_delete on meeting_workflow;
drop trigger if exists minute_vote_stat_update on minute;
drop trigger if exists agenda_item_vote_stat_update on agenda_item;
drop trigger if exists group_membership_vote_stat_insert on group_membership;
drop trigger if exists group_membership_vote_stat_update on group_membership;
drop trigger if exists group_membership_vote_stat_delete on group_membership;
drop function if exists person_vote_on_group_membership();
drop function if exists person_vote_on_agenda_item();
drop function if exists person_vote_on_minute();
drop function if exists person_vote_on_workflow();
drop function if exists person_vote_on_meeting();
drop function if exists person_vote_on_vote_event();
drop function if exists person_vote_on_vote();
drop function if exists person_vote_refresh(text[]);
drop function if exists person_vote_recompute(text, text);
drop function if exists person_vote_rows(text, text);
drop function if exists vote_group_majority(integer, integer, integer);
drop table if exists person_vote_total;
drop table if exists person_vote_stat;
drop index if exists vote_person_idx;
`,
  );
}
