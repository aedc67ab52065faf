import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * The democratic services workflow: where each meeting stands (agenda published, draft minutes published, minutes
 * approved as a correct record at a later meeting), and corrections to approved minutes.
 *
 * Once a meeting's minutes are approved, its minutes and everything recorded with them are locked by triggers, so no
 * write path (web, CLI, import, psql) can change the correct record. A correction is a new minute_correction row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table meeting_workflow (
  id text primary key references meeting(id),
  agenda_published_at timestamptz,
  agenda_published_late boolean not null default false,
  minutes_published_at timestamptz,
  minutes_approved_at timestamptz,
  minutes_approved_at_meeting_id text references meeting(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (minutes_approved_at is null or minutes_approved_at_meeting_id is not null)
);

create table minute_correction (
  id text primary key,
  minute_id text not null references minute(id),
  text text not null,
  reason text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index minute_correction_minute_idx on minute_correction (minute_id);

create function quorum_refuse_if_minutes_approved(target_meeting_id text) returns void language plpgsql as $$
declare
  approved timestamptz;
begin
  select minutes_approved_at into approved from meeting_workflow where id = target_meeting_id;
  if approved is not null then
    raise exception 'The minutes of meeting % were approved as a correct record on %; they are locked. Record a correction instead.',
      target_meeting_id, to_char(approved, 'YYYY-MM-DD')
      using errcode = 'P0001', hint = 'quorum_minutes_locked';
  end if;
end $$;

create function quorum_minutes_lock() returns trigger language plpgsql as $$
declare
  row_data jsonb := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
  target text;
begin
  if tg_table_name in ('minute', 'attendance', 'declaration', 'vote_event') then
    target := row_data ->> 'meeting_id';
  elsif tg_table_name in ('resolution', 'motion') then
    select meeting_id into target from minute where id = row_data ->> 'minute_id';
  elsif tg_table_name = 'vote' then
    select meeting_id into target from vote_event where id = row_data ->> 'vote_event_id';
  end if;
  perform quorum_refuse_if_minutes_approved(target);
  -- Moving a row out of a locked meeting would change that meeting's record too.
  if tg_op = 'UPDATE' and tg_table_name in ('minute', 'attendance', 'declaration', 'vote_event') then
    perform quorum_refuse_if_minutes_approved(to_jsonb(old) ->> 'meeting_id');
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;

-- Approval is for ever: the workflow row of an approved meeting may not be un-approved or removed.
create function quorum_workflow_lock() returns trigger language plpgsql as $$
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
create trigger meeting_workflow_lock before update or delete on meeting_workflow
  for each row execute function quorum_workflow_lock();
`,
  );
  for (const table of LOCKED_TABLES) {
    await runSqlScript(
      db,
      `create trigger ${table}_minutes_lock before insert or update or delete on ${table} for each row execute function quorum_minutes_lock();`,
    );
  }
  await addAuditTriggers(db, ['meeting_workflow', 'minute_correction']);
}

/** The records of a meeting that its approved minutes fix. */
export const LOCKED_TABLES = ['minute', 'resolution', 'motion', 'vote_event', 'vote', 'attendance', 'declaration'] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of LOCKED_TABLES) await runSqlScript(db, `drop trigger if exists ${table}_minutes_lock on ${table};`);
  await runSqlScript(
    db,
    `
drop table if exists minute_correction, meeting_workflow cascade;
drop function if exists quorum_minutes_lock() cascade;
drop function if exists quorum_workflow_lock() cascade;
drop function if exists quorum_refuse_if_minutes_approved(text) cascade;
`,
  );
}
