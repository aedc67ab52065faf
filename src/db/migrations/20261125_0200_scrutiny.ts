import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * Scrutiny recommendation tracking: items a scrutiny committee called in or reviewed, their numbered
 * recommendations, who owns each, the responses over time, the status history, the printed tracking sheets, and
 * a log of every reminder sent. Statuses are the council's own words; which changes are allowed is a domain rule
 * (src/domain/scrutiny/status.ts), the check constraint only keeps out words nobody uses.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
-- Owners and Cabinet Members are chased by email.
alter table person add column email text;

create table scrutiny_item (
  id text primary key,
  authority_id text not null references authority(id),
  kind text not null check (kind in ('call-in', 'review', 'posc-recommendation')),
  body_id text not null references body(id),
  meeting_id text not null references meeting(id),
  title text not null,
  subtitle text,
  portfolio_printed text,
  portfolio_holder_id text references person(id),
  synopsis text,
  call_in_reason text,
  call_in_points jsonb not null default '[]',
  witnesses text[] not null default '{}',
  decision_id text references decision(id),
  report_id text references report(id),
  addressed_to text,
  executive_response text,
  executive_response_date date,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index scrutiny_item_meeting_idx on scrutiny_item (meeting_id);

create table scrutiny_recommendation (
  id text primary key,
  item_id text not null references scrutiny_item(id),
  number integer not null check (number > 0),
  text text,
  context text,
  addressee text,
  status text not null check (status in ('PENDING', 'OUTSTANDING', 'TO NOTE ONLY', 'RESPONSE RECEIVED', 'ACCEPTED',
    'PARTIALLY ACCEPTED', 'REJECTED', 'IMPLEMENTED', 'CLOSED')),
  due_date date not null,
  tracking_notes text,
  published boolean not null default false,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (item_id, number)
);
create index scrutiny_recommendation_status_idx on scrutiny_recommendation (status, due_date);

create table scrutiny_action_owner (
  id text primary key,
  recommendation_id text not null references scrutiny_recommendation(id),
  person_id text references person(id),
  printed text not null,
  instruction text,
  position integer not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index scrutiny_action_owner_person_idx on scrutiny_action_owner (person_id);
create index scrutiny_action_owner_recommendation_idx on scrutiny_action_owner (recommendation_id);

create table scrutiny_response (
  id text primary key,
  recommendation_id text not null references scrutiny_recommendation(id),
  text text not null,
  response_date date,
  responder_id text references person(id),
  responder_printed text,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index scrutiny_response_recommendation_idx on scrutiny_response (recommendation_id);

-- Every change of status, never overwritten: the trigger below refuses updates and deletes.
create table scrutiny_status_change (
  id bigint generated always as identity primary key,
  recommendation_id text not null references scrutiny_recommendation(id),
  from_status text,
  to_status text not null,
  effective_date date not null,
  reason text not null,
  actor text not null,
  created_at timestamptz not null default now()
);
create index scrutiny_status_change_recommendation_idx on scrutiny_status_change (recommendation_id, id);

create function quorum_scrutiny_status_change_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'scrutiny_status_change is append-only';
end $$;
create trigger scrutiny_status_change_append_only before update or delete on scrutiny_status_change
  for each row execute function quorum_scrutiny_status_change_is_append_only();

-- A tracking sheet as printed; its rows link to the recommendations they track.
create table scrutiny_tracking_sheet (
  id text primary key,
  body_id text not null references body(id),
  sheet_date date not null,
  title text not null,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table scrutiny_tracking_row (
  id text primary key,
  sheet_id text not null references scrutiny_tracking_sheet(id),
  position integer not null,
  item_printed text not null,
  meeting_date date not null,
  recommendation_number integer not null,
  status_printed text not null,
  notes text,
  recommendation_id text references scrutiny_recommendation(id),
  source_line integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (sheet_id, position)
);

-- Every reminder sent; dedupe_key makes "never the same reminder twice" a database guarantee.
create table scrutiny_reminder (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('before-deadline', 'after-deadline', 'weekly-digest')),
  dedupe_key text not null unique,
  person_id text not null references person(id),
  email text not null,
  recommendation_ids text[] not null default '{}',
  as_at date not null,
  subject text not null,
  message_id text,
  sent_at timestamptz not null default now()
);
create index scrutiny_reminder_person_idx on scrutiny_reminder (person_id);
`,
  );
  await addAuditTriggers(db, SCRUTINY_AUDITED_TABLES);
}

export const SCRUTINY_AUDITED_TABLES = [
  'scrutiny_item',
  'scrutiny_recommendation',
  'scrutiny_action_owner',
  'scrutiny_response',
  'scrutiny_tracking_sheet',
  'scrutiny_tracking_row',
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop table if exists scrutiny_reminder, scrutiny_tracking_row, scrutiny_tracking_sheet, scrutiny_status_change,
  scrutiny_response, scrutiny_action_owner, scrutiny_recommendation, scrutiny_item cascade;
drop function if exists quorum_scrutiny_status_change_is_append_only() cascade;
alter table person drop column if exists email;
`,
  );
}
