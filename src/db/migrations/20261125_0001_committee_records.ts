import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * The committee records: people, bodies, meetings and everything a meeting produces.
 * Primary keys are text: stable identifiers derived from natural keys on import (see domain/stable-id.ts),
 * so the same paper imported into two databases yields the same URLs and export IDs.
 * Every table keeps created_at/updated_at; every change is written to audit_log by trigger, so no write path
 * (web, CLI, import, psql) can forget it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table source_document (
  id text primary key,
  content_hash text not null unique,
  file_name text not null,
  format text not null,
  kinds text[] not null default '{}',
  bytes integer not null,
  line_count integer not null,
  imported_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table authority (
  id text primary key,
  name text not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table person (
  id text primary key,
  authority_id text not null references authority(id),
  kind text not null check (kind in ('member', 'officer', 'external')),
  honorific text,
  given_name text,
  initials text[] not null default '{}',
  family_name text not null,
  post_nominals text[] not null default '{}',
  job_title text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index person_family_name_idx on person (authority_id, lower(family_name));

-- Every printed form under which a person has appeared, so later papers resolve to the same record.
create table person_alias (
  person_id text not null references person(id),
  printed text not null,
  primary key (person_id, printed)
);

create table political_group (
  id text primary key,
  authority_id text not null references authority(id),
  name text not null,
  abbreviation text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (authority_id, name)
);

create table group_membership (
  id text primary key,
  person_id text not null references person(id),
  group_id text not null references political_group(id),
  role text,
  start_date date,
  end_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table body (
  id text primary key,
  authority_id text not null references authority(id),
  name text not null,
  slug text not null,
  kind text not null check (kind in ('council', 'cabinet', 'committee', 'sub-committee', 'panel', 'board', 'other')),
  parent_id text references body(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (authority_id, name),
  unique (authority_id, slug)
);

create table membership (
  id text primary key,
  person_id text not null references person(id),
  body_id text not null references body(id),
  role text not null default 'member',
  start_date date,
  end_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index membership_body_idx on membership (body_id);
create index membership_person_idx on membership (person_id);

create table meeting (
  id text primary key,
  body_id text not null references body(id),
  date date not null,
  start_time time,
  end_time time,
  location text,
  status text not null default 'held' check (status in ('scheduled', 'held', 'cancelled', 'postponed')),
  kind text not null default 'ordinary' check (kind in ('annual', 'ordinary', 'extraordinary', 'special')),
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (body_id, date)
);
create index meeting_date_idx on meeting (date);

create table report (
  id text primary key,
  authority_id text not null references authority(id),
  subject text not null,
  by_text text[] not null default '{}',
  to_text text[] not null default '{}',
  report_date date,
  classification text,
  exempt boolean not null default false,
  summary text,
  recommendations text,
  contact text,
  background_documents text,
  full_text text not null default '',
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table agenda_item (
  id text primary key,
  meeting_id text not null references meeting(id),
  number text not null,
  position integer not null,
  title text not null,
  description text,
  page_from integer,
  page_to integer,
  exempt boolean not null default false,
  exempt_paragraphs integer[] not null default '{}',
  report_id text references report(id),
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (meeting_id, number)
);
create index agenda_item_report_idx on agenda_item (report_id);

create table attendance (
  id text primary key,
  meeting_id text not null references meeting(id),
  person_id text not null references person(id),
  status text not null check (status in ('present', 'apologies', 'substitute', 'also-present', 'in-attendance')),
  role text,
  printed_name text not null,
  substitute_for_person_id text references person(id),
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (meeting_id, person_id, status)
);
create index attendance_person_idx on attendance (person_id);

create table minute (
  id text primary key,
  meeting_id text not null references meeting(id),
  number text not null,
  position integer not null,
  title text not null,
  agenda_item_id text references agenda_item(id),
  agenda_item_number text,
  text text not null default '',
  exempt boolean not null default false,
  exempt_paragraphs integer[] not null default '{}',
  approves_meeting_date date,
  approves_meeting_id text references meeting(id),
  application_reference text,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (meeting_id, number)
);

-- Minutes that approve an earlier meeting not yet imported: the importer links them when it arrives.
create index minute_unlinked_approval_idx on minute (approves_meeting_date) where approves_meeting_id is null and approves_meeting_date is not null;

create table declaration (
  id text primary key,
  meeting_id text not null references meeting(id),
  person_id text not null references person(id),
  agenda_item_id text references agenda_item(id),
  minute_id text references minute(id),
  agenda_item_number text,
  kind text not null,
  reason text not null,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index declaration_person_idx on declaration (person_id);

create table resolution (
  id text primary key,
  minute_id text not null references minute(id),
  position integer not null,
  text text not null,
  unanimous boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table motion (
  id text primary key,
  minute_id text not null references minute(id),
  position integer not null,
  text text,
  mover_id text references person(id),
  seconder_id text references person(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table vote_event (
  id text primary key,
  meeting_id text not null references meeting(id),
  minute_id text references minute(id),
  motion_text text,
  mover_id text references person(id),
  seconder_id text references person(id),
  for_count integer not null,
  against_count integer not null,
  abstain_count integer not null,
  result text not null,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table vote (
  vote_event_id text not null references vote_event(id),
  person_id text not null references person(id),
  option text not null check (option in ('for', 'against', 'abstain')),
  printed_name text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (vote_event_id, person_id)
);

create table question (
  id text primary key,
  meeting_id text not null references meeting(id),
  position integer not null,
  asked_by_id text not null references person(id),
  asked_to_id text not null references person(id),
  to_role text,
  question_text text not null,
  answer_text text,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table decision (
  id text primary key,
  authority_id text not null references authority(id),
  decision_date date not null,
  decision_maker_person_id text references person(id),
  decision_maker_role text,
  decision_maker_body_id text references body(id),
  subject text not null,
  text text not null,
  is_key boolean not null default false,
  is_urgent boolean not null default false,
  urgency_reason text,
  record_number text,
  report_id text references report(id),
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Problems found on import (ambiguous names and the like), kept so an officer can review them.
create table import_issue (
  id bigint generated always as identity primary key,
  source_document_id text not null references source_document(id),
  severity text not null,
  line integer,
  message text not null,
  created_at timestamptz not null default now()
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor text not null,
  action text not null check (action in ('insert', 'update', 'delete')),
  table_name text not null,
  record_id text,
  before jsonb,
  after jsonb
);
create index audit_log_record_idx on audit_log (table_name, record_id);

create function quorum_audit() returns trigger language plpgsql as $$
declare
  actor text := coalesce(nullif(current_setting('quorum.actor', true), ''), 'system');
begin
  if tg_op = 'INSERT' then
    insert into audit_log (actor, action, table_name, record_id, after)
      values (actor, 'insert', tg_table_name, to_jsonb(new) ->> 'id', to_jsonb(new));
    return new;
  elsif tg_op = 'UPDATE' then
    new.updated_at := now();
    insert into audit_log (actor, action, table_name, record_id, before, after)
      values (actor, 'update', tg_table_name, to_jsonb(new) ->> 'id', to_jsonb(old), to_jsonb(new));
    return new;
  else
    insert into audit_log (actor, action, table_name, record_id, before)
      values (actor, 'delete', tg_table_name, to_jsonb(old) ->> 'id', to_jsonb(old));
    return old;
  end if;
end $$;

create function quorum_audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function quorum_audit_log_is_append_only();
`,
  );

  await addAuditTriggers(db, AUDITED_TABLES);
}

export const AUDITED_TABLES = [
  'authority',
  'person',
  'political_group',
  'group_membership',
  'body',
  'membership',
  'meeting',
  'report',
  'agenda_item',
  'attendance',
  'minute',
  'declaration',
  'resolution',
  'motion',
  'vote_event',
  'vote',
  'question',
  'decision',
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop table if exists audit_log, import_issue, decision, question, vote, vote_event, motion, resolution, declaration,
  minute, attendance, agenda_item, report, meeting, membership, body, group_membership, political_group,
  person_alias, person, authority, source_document cascade;
drop function if exists quorum_audit() cascade;
drop function if exists quorum_audit_log_is_append_only() cascade;
`,
  );
}
