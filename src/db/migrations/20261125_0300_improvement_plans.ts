import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * Improvement plans and performance: a plan's priorities, outcomes and actions; each action's milestones (a printed
 * timescale with its "Targets & Measures" lines) and leads (a person or a role); the requirement sets a plan answers
 * to (Improvement Notice targets, Ofsted recommendations, Core Tasks) linked to the actions that address them;
 * progress updates kept as history; indicators with observations by period and targets set by requirements.
 * Timescales keep their printed text beside the parsed dates: the text is what the plan says.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table plan (
  id text primary key,
  authority_id text not null references authority(id),
  title text not null,
  slug text not null,
  issued_month text check (issued_month ~ '^[0-9]{4}-[0-9]{2}$'),
  owner_body_id text references body(id),
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (authority_id, slug)
);

-- The bodies a plan reports to (its governance).
create table plan_governance (
  id text primary key,
  plan_id text not null references plan(id) on delete cascade,
  body_id text not null references body(id),
  position integer not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (plan_id, body_id)
);

create table plan_priority (
  id text primary key,
  plan_id text not null references plan(id) on delete cascade,
  number integer not null check (number > 0),
  title text not null,
  key_objectives text not null default '',
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (plan_id, number)
);

create table plan_outcome (
  id text primary key,
  plan_id text not null references plan(id) on delete cascade,
  priority_id text not null references plan_priority(id) on delete cascade,
  ref text not null,
  statement text not null,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (plan_id, ref)
);

create table plan_action (
  id text primary key,
  plan_id text not null references plan(id) on delete cascade,
  outcome_id text not null references plan_outcome(id) on delete cascade,
  ref text not null,
  position integer not null,
  text text not null,
  joint_with text,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (plan_id, ref)
);
create index plan_action_outcome_idx on plan_action (outcome_id);

create table plan_milestone (
  id text primary key,
  action_id text not null references plan_action(id) on delete cascade,
  position integer not null,
  timescale_text text not null,
  timescale_kind text not null check (timescale_kind in ('range', 'date', 'from', 'completed', 'recurring', 'unknown')),
  start_date date,
  end_date date,
  recurrence text check (recurrence in ('weekly', 'monthly', 'bi-monthly', 'quarterly', 'annually')),
  until_date date,
  review boolean not null default false,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (action_id, position)
);

create table plan_measure (
  id text primary key,
  milestone_id text not null references plan_milestone(id) on delete cascade,
  position integer not null,
  text text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (milestone_id, position)
);

-- Accountable leads of a priority and delivery leads of a milestone: a person, or a role that stays a role.
create table plan_lead (
  id text primary key,
  plan_id text not null references plan(id) on delete cascade,
  priority_id text references plan_priority(id) on delete cascade,
  milestone_id text references plan_milestone(id) on delete cascade,
  position integer not null,
  person_id text references person(id),
  role text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((person_id is null) <> (role is null)),
  check ((priority_id is null) <> (milestone_id is null))
);
create index plan_lead_milestone_idx on plan_lead (milestone_id);
create index plan_lead_person_idx on plan_lead (person_id);

create table requirement_set (
  id text primary key,
  authority_id text not null references authority(id),
  plan_id text references plan(id) on delete cascade,
  prefix text not null,
  name text not null,
  source text not null,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table requirement (
  id text primary key,
  set_id text not null references requirement_set(id) on delete cascade,
  code text not null,
  number integer not null,
  text text not null,
  area text,
  due_category text,
  due_date date,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (set_id, number)
);

create table plan_action_requirement (
  id text primary key,
  action_id text not null references plan_action(id) on delete cascade,
  requirement_id text not null references requirement(id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (action_id, requirement_id)
);
create index plan_action_requirement_req_idx on plan_action_requirement (requirement_id);

-- Progress on an action as reported over time; never overwritten, so the plan can be seen as it stood on any day.
create table plan_progress_update (
  id text primary key,
  action_id text not null references plan_action(id) on delete cascade,
  measure_id text references plan_measure(id) on delete cascade,
  update_date date not null,
  rag text not null check (rag in ('red', 'amber', 'green')),
  narrative text not null,
  measure_completed boolean not null default false,
  author_name text not null,
  author_person_id text references person(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index plan_progress_update_action_idx on plan_progress_update (action_id, update_date);

create table indicator (
  id text primary key,
  authority_id text not null references authority(id),
  plan_id text references plan(id) on delete set null,
  name text not null,
  slug text not null,
  definition text not null,
  impact text,
  unit text not null check (unit in ('count', 'percent')),
  polarity text not null check (polarity in ('lower-is-better', 'higher-is-better')),
  frequency text not null default 'monthly' check (frequency in ('weekly', 'monthly', 'quarterly', 'annually')),
  position integer not null default 0,
  on_dashboard boolean not null default true,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (authority_id, slug)
);

create table indicator_observation (
  id text primary key,
  indicator_id text not null references indicator(id) on delete cascade,
  period text not null check (period ~ '^[0-9]{4}-[0-9]{2}$'),
  value double precision not null,
  as_at date not null,
  printed_label text,
  commentary text,
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (indicator_id, period, as_at)
);

create table indicator_target (
  id text primary key,
  indicator_id text not null references indicator(id) on delete cascade,
  requirement_id text references requirement(id) on delete set null,
  value double precision not null,
  comparison text not null check (comparison in ('at-most', 'at-least')),
  deadline date,
  printed_label text not null,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
`,
  );
  await addAuditTriggers(db, PLAN_TABLES);
}

export const PLAN_TABLES = [
  'plan',
  'plan_governance',
  'plan_priority',
  'plan_outcome',
  'plan_action',
  'plan_milestone',
  'plan_measure',
  'plan_lead',
  'requirement_set',
  'requirement',
  'plan_action_requirement',
  'plan_progress_update',
  'indicator',
  'indicator_observation',
  'indicator_target',
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `drop table if exists ${[...PLAN_TABLES].reverse().join(', ')} cascade;`);
}
