import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * The minutes lifecycle and meeting changes (issue 18, items 4 and 5).
 *
 * - A mistaken approval can be undone by democratic services with a reason. The workflow lock (migration 0101) still
 *   refuses every other change to an approval; the undo is allowed only inside a transaction that says so
 *   (`set local quorum.undo_approval = 'on'`, which only the minutes-approval undoer sets), and the reason is kept
 *   on the row, so the audit log's copy of the change carries it.
 * - An approving meeting may never be dated on or before a meeting whose minutes it approved (the record would say a
 *   meeting approved minutes not yet taken): refused here whatever writes, and by the services as a field error.
 * - A meeting can be withdrawn with a public reason (the page shows the notice; its papers stop being public).
 * - A meeting keeps every address it ever had: its public address is its date and its body's slug, so when either
 *   changes the old address is kept in meeting_address and answered with a permanent redirect.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
alter table meeting_workflow add column approval_undone_reason text;
alter table meeting add column withdrawn_at timestamptz, add column withdrawn_reason text;

create table meeting_address (
  slug text primary key,
  meeting_id text not null references meeting(id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index meeting_address_meeting_idx on meeting_address (meeting_id);

create or replace function quorum_workflow_lock() returns trigger language plpgsql as $$
declare
  undoing boolean := coalesce(current_setting('quorum.undo_approval', true), '') = 'on';
begin
  if old.minutes_approved_at is not null and (tg_op = 'DELETE'
      or (new.minutes_approved_at is distinct from old.minutes_approved_at and not (undoing and new.minutes_approved_at is null))
      or (new.minutes_approved_at_meeting_id is distinct from old.minutes_approved_at_meeting_id and not (undoing and new.minutes_approved_at_meeting_id is null))
      or new.minutes_published_at is distinct from old.minutes_published_at) then
    raise exception 'The minutes of meeting % were approved as a correct record; their approval cannot be changed.', old.id
      using errcode = 'P0001', hint = 'quorum_minutes_locked';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;

-- Approval names a later meeting: refuse an approval at an earlier one, and moving either meeting across the other.
create function quorum_approval_order() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'meeting_workflow' then
    if new.minutes_approved_at_meeting_id is not null and exists (
        select 1 from meeting approved, meeting approving
         where approved.id = new.id and approving.id = new.minutes_approved_at_meeting_id and approving.date <= approved.date) then
      raise exception 'The minutes of meeting % can only be approved at a later meeting.', new.id using errcode = 'P0001', hint = 'quorum_approval_order';
    end if;
  elsif new.date is distinct from old.date then
    if exists (select 1 from meeting_workflow w join meeting approved on approved.id = w.id
                where w.minutes_approved_at_meeting_id = new.id and approved.date >= new.date)
       or exists (select 1 from meeting_workflow w join meeting approving on approving.id = w.minutes_approved_at_meeting_id
                   where w.id = new.id and approving.date <= new.date) then
      raise exception 'Meeting % cannot move to or across a meeting whose minutes it approved or which approved its minutes.', new.id
        using errcode = 'P0001', hint = 'quorum_approval_order';
    end if;
  end if;
  return new;
end $$;
create trigger meeting_workflow_approval_order before insert or update on meeting_workflow
  for each row execute function quorum_approval_order();
create trigger meeting_approval_order before update on meeting
  for each row execute function quorum_approval_order();

-- The public address is "<date>-<body slug>" (web/portal/slugs.ts): keep the old one when the date or body changes.
create function quorum_meeting_address() returns trigger language plpgsql as $$
begin
  if new.date is distinct from old.date or new.body_id is distinct from old.body_id then
    insert into meeting_address (slug, meeting_id)
    select to_char(old.date, 'YYYY-MM-DD') || '-' || b.slug, old.id from body b where b.id = old.body_id
    on conflict (slug) do update set meeting_id = excluded.meeting_id, updated_at = now();
  end if;
  return new;
end $$;
create trigger meeting_address after update on meeting for each row execute function quorum_meeting_address();

-- A body renamed gets a new slug: each of its meetings keeps its address under the old one.
create function quorum_body_meeting_addresses() returns trigger language plpgsql as $$
begin
  if new.slug is distinct from old.slug then
    insert into meeting_address (slug, meeting_id)
    select to_char(m.date, 'YYYY-MM-DD') || '-' || old.slug, m.id from meeting m where m.body_id = old.id
    on conflict (slug) do update set meeting_id = excluded.meeting_id, updated_at = now();
  end if;
  return new;
end $$;
create trigger body_meeting_addresses after update on body for each row execute function quorum_body_meeting_addresses();
`,
  );
  await addAuditTriggers(db, ['meeting_address']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop trigger if exists body_meeting_addresses on body;
drop function if exists quorum_body_meeting_addresses();
drop trigger if exists meeting_address on meeting;
drop function if exists quorum_meeting_address();
drop trigger if exists meeting_approval_order on meeting;
drop trigger if exists meeting_workflow_approval_order on meeting_workflow;
drop function if exists quorum_approval_order();
drop table if exists meeting_address;
alter table meeting drop column if exists withdrawn_at, drop column if exists withdrawn_reason;
alter table meeting_workflow drop column if exists approval_undone_reason;
create or replace function quorum_workflow_lock() returns trigger language plpgsql as $$
begin
  if old.minutes_approved_at is not null and (tg_op = 'DELETE'
      or new.minutes_approved_at is distinct from old.minutes_approved_at
      or new.minutes_approved_at_meeting_id is distinct from old.minutes_approved_at_meeting_id
      or new.minutes_published_at is distinct from old.minutes_published_at) then
    raise exception 'The minutes of meeting % were approved as a correct record; their approval cannot be changed.', old.id
      using errcode = 'P0001', hint = 'quorum_minutes_locked';
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;
`,
  );
}
