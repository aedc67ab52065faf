import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Attendance figures kept on write (issue 23 item 2), so a councillor's and a committee's page read a few rows
 * whatever the size of the archive, instead of every attendance row of the person or body.
 *
 * `person_attendance_stat` holds one row per person, body and calendar month: a period's figures are the months
 * inside it (at most 12 rows a year per body) plus its partial edge months read from the records. `person_attendance_total`
 * holds the sums per person and body, for the pages without a period.
 *
 * The rule is the attendance record's (src/db/queries/portal/people.ts): expected are held meetings during a
 * recorded membership, and any meeting the person was listed at as a member; attended is listed present or as a
 * substitute; apologies, listed with apologies and not present. `listed` (present, apologies or substitute) and the
 * largest printed role feed a committee's list of attendees. Attendance is public as soon as it is recorded (the
 * meeting page shows it whatever its minutes' state); a withdrawn meeting counts for nobody.
 *
 * Kept by statement-level triggers with transition tables, so a bulk insert recomputes each touched person, body and
 * month once: attendance changes touch their month; meeting changes (date, body, status, withdrawal) touch the
 * month before and after for the body's members, the people listed and the people counted there; membership changes
 * touch the person and body in every month. Each recomputation reads the records themselves (`person_attendance_rows`),
 * so the tables always equal a recomputation from scratch (property test test/portal/attendance-statistics.test.ts).
 * Derived, so not exported (src/services/export/sections.ts); a restore rebuilds them through the same triggers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, TABLES);
  await runSqlScript(db, FUNCTIONS);
  await runSqlScript(db, TRIGGERS);
  await runSqlScript(db, BACKFILL);
}

const TABLES = `
create table person_attendance_stat (
  person_id text not null references person(id) on delete cascade,
  body_id text not null references body(id) on delete cascade,
  month date not null,
  expected integer not null,
  attended integer not null,
  apologies integer not null,
  listed integer not null,
  role text,
  primary key (person_id, body_id, month)
);
create index person_attendance_stat_body_idx on person_attendance_stat (body_id, month);

create table person_attendance_total (
  person_id text not null references person(id) on delete cascade,
  body_id text not null references body(id) on delete cascade,
  expected integer not null,
  attended integer not null,
  apologies integer not null,
  listed integer not null,
  role text,
  primary key (person_id, body_id)
);
create index person_attendance_total_body_idx on person_attendance_total (body_id);
`;

const FUNCTIONS = `
-- The figures of one person at one body's meetings dated in [lo, hi), by month: the one place the rule is written.
create function person_attendance_rows(p text, b text, lo date, hi date)
returns table (month date, expected integer, attended integer, apologies integer, listed integer, role text)
language sql stable as $$
  select x.month,
         (count(*) filter (where x.expected))::int,
         (count(*) filter (where x.expected and x.attended))::int,
         (count(*) filter (where x.expected and x.apologised and not x.attended))::int,
         (count(*) filter (where x.listed))::int,
         max(x.role)
    from (
      select date_trunc('month', m.date)::date as month,
             (m.status = 'held' and exists (
                select 1 from membership ms
                 where ms.person_id = p and ms.body_id = b
                   and (ms.start_date is null or ms.start_date <= m.date) and (ms.end_date is null or ms.end_date >= m.date)))
             or exists (select 1 from attendance a where a.meeting_id = m.id and a.person_id = p
                          and a.status in ('present', 'apologies', 'absent', 'substitute')) as expected,
             exists (select 1 from attendance a where a.meeting_id = m.id and a.person_id = p
                       and a.status in ('present', 'substitute')) as attended,
             exists (select 1 from attendance a where a.meeting_id = m.id and a.person_id = p and a.status = 'apologies') as apologised,
             exists (select 1 from attendance a where a.meeting_id = m.id and a.person_id = p
                       and a.status in ('present', 'apologies', 'substitute')) as listed,
             (select max(a.role) from attendance a where a.meeting_id = m.id and a.person_id = p
                 and a.status in ('present', 'apologies', 'substitute')) as role
        from meeting m
       where m.body_id = b and m.date >= lo and m.date < hi and m.withdrawn_at is null
    ) x
   where x.expected or x.listed
   group by x.month
$$;

-- Recomputes the months of [lo, hi) of one person and body from the records, then their totals.
create function person_attendance_recompute(p text, b text, lo date, hi date) returns void language plpgsql as $$
begin
  delete from person_attendance_stat where person_id = p and body_id = b and month >= lo and month < hi;
  delete from person_attendance_total where person_id = p and body_id = b;
  -- A person or body being deleted takes its rows with it (foreign keys); nothing to write back.
  if not exists (select 1 from person where id = p) or not exists (select 1 from body where id = b) then return; end if;
  insert into person_attendance_stat (person_id, body_id, month, expected, attended, apologies, listed, role)
  select p, b, r.month, r.expected, r.attended, r.apologies, r.listed, r.role from person_attendance_rows(p, b, lo, hi) r;
  insert into person_attendance_total (person_id, body_id, expected, attended, apologies, listed, role)
  select p, b, sum(s.expected), sum(s.attended), sum(s.apologies), sum(s.listed), max(s.role)
    from person_attendance_stat s where s.person_id = p and s.body_id = b
  having count(*) > 0;
end $$;

-- The trigger functions loop here, not in a helper: transition tables are visible only to the trigger's own queries.
-- A null month means every month (a membership changed).
create function person_attendance_recompute_key(p text, b text, m date) returns void language sql as $$
  select person_attendance_recompute(p, b, coalesce(m, '-infinity'::date),
                                     case when m is null then 'infinity'::date else (m + interval '1 month')::date end)
$$;

create function person_attendance_on_attendance() returns trigger language plpgsql as $$
declare
  k record;
begin
  if tg_op = 'INSERT' then
    for k in select distinct a.person_id, m.body_id, date_trunc('month', m.date)::date as month
               from attendance_new a join meeting m on m.id = a.meeting_id loop
      perform person_attendance_recompute_key(k.person_id, k.body_id, k.month);
    end loop;
  elsif tg_op = 'DELETE' then
    for k in select distinct a.person_id, m.body_id, date_trunc('month', m.date)::date as month
               from attendance_old a join meeting m on m.id = a.meeting_id loop
      perform person_attendance_recompute_key(k.person_id, k.body_id, k.month);
    end loop;
  else
    for k in select a.person_id, m.body_id, date_trunc('month', m.date)::date as month
               from attendance_new a join meeting m on m.id = a.meeting_id
             union
             select a.person_id, m.body_id, date_trunc('month', m.date)::date
               from attendance_old a join meeting m on m.id = a.meeting_id loop
      perform person_attendance_recompute_key(k.person_id, k.body_id, k.month);
    end loop;
  end if;
  return null;
end $$;

-- Before a change: everyone counted in the month the meeting left. After: the body's members and the people listed.
-- Updates that leave the date, body, status and withdrawal alone (most of them) touch nothing.
create function person_attendance_on_meeting() returns trigger language plpgsql as $$
declare
  k record;
begin
  if tg_op = 'INSERT' then
    for k in select who.person_id, n.body_id, date_trunc('month', n.date)::date as month
               from meeting_new n
              cross join lateral (select ms.person_id from membership ms where ms.body_id = n.body_id
                                  union select a.person_id from attendance a where a.meeting_id = n.id) who
              group by 1, 2, 3 loop
      perform person_attendance_recompute_key(k.person_id, k.body_id, k.month);
    end loop;
  elsif tg_op = 'DELETE' then
    for k in select distinct s.person_id, s.body_id, s.month
               from meeting_old o
               join person_attendance_stat s on s.body_id = o.body_id and s.month = date_trunc('month', o.date)::date loop
      perform person_attendance_recompute_key(k.person_id, k.body_id, k.month);
    end loop;
  else
    for k in with changed as (
               select o.id, o.body_id as old_body, o.date as old_date, n.body_id as new_body, n.date as new_date
                 from meeting_old o join meeting_new n on n.id = o.id
                where (n.date, n.body_id, n.status, n.withdrawn_at) is distinct from (o.date, o.body_id, o.status, o.withdrawn_at))
             select s.person_id, s.body_id, s.month
               from changed c join person_attendance_stat s on s.body_id = c.old_body and s.month = date_trunc('month', c.old_date)::date
             union
             select who.person_id, c.new_body, date_trunc('month', c.new_date)::date
               from changed c
              cross join lateral (select ms.person_id from membership ms where ms.body_id = c.new_body
                                  union select a.person_id from attendance a where a.meeting_id = c.id) who loop
      perform person_attendance_recompute_key(k.person_id, k.body_id, k.month);
    end loop;
  end if;
  return null;
end $$;

create function person_attendance_on_membership() returns trigger language plpgsql as $$
declare
  k record;
begin
  if tg_op = 'INSERT' then
    for k in select distinct person_id, body_id from membership_new loop
      perform person_attendance_recompute_key(k.person_id, k.body_id, null);
    end loop;
  elsif tg_op = 'DELETE' then
    for k in select distinct person_id, body_id from membership_old loop
      perform person_attendance_recompute_key(k.person_id, k.body_id, null);
    end loop;
  else
    for k in select person_id, body_id from membership_new union select person_id, body_id from membership_old loop
      perform person_attendance_recompute_key(k.person_id, k.body_id, null);
    end loop;
  end if;
  return null;
end $$;
`;

const TRIGGERS = `
create trigger attendance_stat_insert after insert on attendance referencing new table as attendance_new
  for each statement execute function person_attendance_on_attendance();
create trigger attendance_stat_update after update on attendance referencing old table as attendance_old new table as attendance_new
  for each statement execute function person_attendance_on_attendance();
create trigger attendance_stat_delete after delete on attendance referencing old table as attendance_old
  for each statement execute function person_attendance_on_attendance();
create trigger meeting_attendance_stat_insert after insert on meeting referencing new table as meeting_new
  for each statement execute function person_attendance_on_meeting();
create trigger meeting_attendance_stat_update after update on meeting referencing old table as meeting_old new table as meeting_new
  for each statement execute function person_attendance_on_meeting();
create trigger meeting_attendance_stat_delete after delete on meeting referencing old table as meeting_old
  for each statement execute function person_attendance_on_meeting();
create trigger membership_attendance_stat_insert after insert on membership referencing new table as membership_new
  for each statement execute function person_attendance_on_membership();
create trigger membership_attendance_stat_update after update on membership referencing old table as membership_old new table as membership_new
  for each statement execute function person_attendance_on_membership();
create trigger membership_attendance_stat_delete after delete on membership referencing old table as membership_old
  for each statement execute function person_attendance_on_membership();
`;

const BACKFILL = `
insert into person_attendance_stat (person_id, body_id, month, expected, attended, apologies, listed, role)
select pair.person_id, pair.body_id, r.month, r.expected, r.attended, r.apologies, r.listed, r.role
  from (select person_id, body_id from membership
        union select a.person_id, m.body_id from attendance a join meeting m on m.id = a.meeting_id) pair
 cross join lateral person_attendance_rows(pair.person_id, pair.body_id, '-infinity'::date, 'infinity'::date) r;
insert into person_attendance_total (person_id, body_id, expected, attended, apologies, listed, role)
select person_id, body_id, sum(expected), sum(attended), sum(apologies), sum(listed), max(role)
  from person_attendance_stat group by person_id, body_id;
`;

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop trigger if exists attendance_stat_insert on attendance;
drop trigger if exists attendance_stat_update on attendance;
drop trigger if exists attendance_stat_delete on attendance;
drop trigger if exists meeting_attendance_stat_insert on meeting;
drop trigger if exists meeting_attendance_stat_update on meeting;
drop trigger if exists meeting_attendance_stat_delete on meeting;
drop trigger if exists membership_attendance_stat_insert on membership;
drop trigger if exists membership_attendance_stat_update on membership;
drop trigger if exists membership_attendance_stat_delete on membership;
drop function if exists person_attendance_on_membership();
drop function if exists person_attendance_on_meeting();
drop function if exists person_attendance_on_attendance();
drop function if exists person_attendance_recompute_key(text, text, date);
drop function if exists person_attendance_recompute(text, text, date, date);
drop function if exists person_attendance_rows(text, text, date, date);
drop table if exists person_attendance_total;
drop table if exists person_attendance_stat;
`,
  );
}
