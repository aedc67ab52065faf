import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * The statutory registers (issue 22) and accounts linked to people (issue 18, item 1):
 * - the forward plan of key decisions and notices of private meetings (Local Authorities (Executive Arrangements)
 *   (Meetings and Access to Information) (England) Regulations 2012, regs 5 and 9-11), representations about
 *   private meetings and the responses, and the record of each decision (regs 12-13) with its call-in period;
 * - the register of members' interests (Localism Act 2011 ss.29-34; the Relevant Authorities (Disclosable Pecuniary
 *   Interests) Regulations 2012): each member's register in dated versions, gifts and hospitality, the link from a
 *   declaration at a meeting to the register, and the monitoring officer's flags;
 * - outside bodies, the council's appointments to them and the appointees' reports back;
 * - the monitoring officer role, and at most one account per person.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
alter table account drop constraint if exists account_roles_check;
alter table account add constraint account_roles_check
  check (roles <@ array['democratic-services', 'scrutiny-officer', 'officer', 'councillor', 'monitoring-officer']::text[]);
-- A person has one account: a second link would let two people act as one member.
create unique index account_person_idx on account (person_id) where person_id is not null;

create table forward_plan_entry (
  id text primary key,
  reference text not null unique,
  subject text not null check (subject <> ''),
  summary text not null default '',
  decision_maker_body_id text references body(id),
  decision_maker_person_id text references person(id),
  decision_maker_title text not null default '',
  planned_date date not null,
  wards text[] not null default '{}',
  documents text not null default '',
  consultees text not null default '',
  contact text not null default '',
  key_decision boolean not null default true,
  private_meeting boolean not null default false,
  exempt_paragraphs integer[] not null default '{}',
  private_reasons text not null default '',
  -- For officers only: never published.
  officer_note text not null default '',
  notice_route text not null default 'notice' check (notice_route in ('notice', 'general-exception', 'special-urgency')),
  urgency_reasons text not null default '',
  scrutiny_chair_person_id text references person(id),
  scrutiny_chair_informed_on date,
  scrutiny_chair_agreed_on date,
  published_on date,
  withdrawn_on date,
  withdrawn_reason text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (decision_maker_body_id is not null or decision_maker_person_id is not null or decision_maker_title <> ''),
  check (withdrawn_on is null or published_on is not null)
);
create index forward_plan_entry_planned_idx on forward_plan_entry (planned_date);

create table forward_plan_representation (
  id text primary key,
  entry_id text not null references forward_plan_entry(id),
  received_on date not null,
  text text not null check (text <> ''),
  response text not null default '',
  responded_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index forward_plan_representation_entry_idx on forward_plan_representation (entry_id);

create table executive_decision_record (
  id text primary key,
  entry_id text not null unique references forward_plan_entry(id),
  decided_on date not null,
  decision text not null check (decision <> ''),
  reasons text not null check (reasons <> ''),
  alternatives_rejected text not null default '',
  conflicts text not null default '',
  meeting_id text references meeting(id),
  minute_id text references minute(id),
  officer_record text not null default '',
  published_on date not null,
  call_in_ends_on date,
  implementation_date date not null,
  decision_id text references decision(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (published_on >= decided_on),
  check (meeting_id is not null or officer_record <> '')
);

create table interest_register (
  id text primary key,
  person_id text not null references person(id),
  version integer not null check (version >= 1),
  status text not null check (status in ('draft', 'submitted', 'published')),
  submitted_on date,
  published_on date,
  published_by text,
  review_note text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (person_id, version),
  check (status <> 'published' or published_on is not null)
);

create table interest_entry (
  id text primary key,
  register_id text not null references interest_register(id),
  -- The same interest keeps its key from version to version, so a declaration links to it across versions.
  entry_key text not null,
  position integer not null,
  category text not null check (category in ('employment', 'sponsorship', 'contracts', 'land', 'licences', 'corporate-tenancies', 'securities', 'other')),
  description text not null check (description <> ''),
  spouse_partner boolean not null default false,
  sensitive boolean not null default false,
  registered_on date not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (register_id, entry_key)
);

create table gift_hospitality (
  id text primary key,
  person_id text not null references person(id),
  kind text not null check (kind in ('gift', 'hospitality')),
  description text not null check (description <> ''),
  donor text not null check (donor <> ''),
  value_pence integer not null check (value_pence >= 0),
  received_on date not null,
  registered_on date not null,
  published_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (registered_on >= received_on)
);
create index gift_hospitality_person_idx on gift_hospitality (person_id);

create table declaration_interest (
  -- The declaration's own id: one link per declaration.
  id text primary key references declaration(id),
  entry_key text,
  flagged_on date,
  flag_reason text not null default '',
  resolved_on date,
  resolution text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (entry_key is not null or flagged_on is not null)
);

create table outside_body (
  id text primary key,
  name text not null check (name <> ''),
  slug text not null unique,
  description text not null default '',
  category text not null default '',
  website text not null default '',
  places integer not null check (places between 0 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table outside_body_appointment (
  id text primary key,
  outside_body_id text not null references outside_body(id),
  person_id text not null references person(id),
  role text not null default '',
  starts_on date not null,
  ends_on date,
  appointed_at_meeting_id text references meeting(id),
  appointed_at_minute_id text references minute(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on is null or ends_on >= starts_on)
);
create index outside_body_appointment_body_idx on outside_body_appointment (outside_body_id);

create table outside_body_report (
  id text primary key,
  appointment_id text not null references outside_body_appointment(id),
  agenda_item_id text not null references agenda_item(id),
  summary text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (appointment_id, agenda_item_id)
);
`,
  );
  await addAuditTriggers(db, REGISTER_TABLES);
  // Public pages and API answers are cached per data version: a change here must move it too.
  for (const table of REGISTER_TABLES) {
    await runSqlScript(
      db,
      `create trigger ${table}_portal_version after insert or update or delete or truncate on ${table} for each statement execute function portal_bump_data_version();`,
    );
  }
}

const REGISTER_TABLES = [
  'forward_plan_entry',
  'forward_plan_representation',
  'executive_decision_record',
  'interest_register',
  'interest_entry',
  'gift_hospitality',
  'declaration_interest',
  'outside_body',
  'outside_body_appointment',
  'outside_body_report',
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop table if exists outside_body_report, outside_body_appointment, outside_body, declaration_interest, gift_hospitality,
  interest_entry, interest_register, executive_decision_record, forward_plan_representation, forward_plan_entry;
drop index if exists account_person_idx;
update account set roles = array_remove(roles, 'monitoring-officer');
alter table account drop constraint if exists account_roles_check;
alter table account add constraint account_roles_check
  check (roles <@ array['democratic-services', 'scrutiny-officer', 'officer', 'councillor']::text[]);
`,
  );
}
