import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * Members' allowances: schemes (adopted or proposed) with their Special Responsibility Allowance posts, mileage
 * bands, journey purposes and co-optees' rates; who holds which entitlement and when; what members forgo; and
 * claims with their approval. Money is integer pence (bigint) and percentages exact numerics, so nothing is ever
 * rounded by floating point. Every table is audited, so each claim's history is in audit_log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table allowance_scheme (
  id text primary key,
  authority_id text not null references authority(id),
  title text not null,
  status text not null check (status in ('adopted', 'proposed')),
  -- The allowances year a proposal is for ("2011/12"); null for a scheme adopted for a period.
  year_label text,
  period_text text,
  effective_from date not null,
  effective_to date,
  effective_to_text text,
  adopted_by text,
  adopted_on date,
  adopted_meeting_id text references meeting(id),
  amended_on date[] not null default '{}',
  based_on_scheme_id text references allowance_scheme(id),
  basic_allowance_pence bigint not null check (basic_allowance_pence >= 0),
  basic_allowance_note text,
  carers_max_pence_per_hour bigint check (carers_max_pence_per_hour >= 0),
  claim_time_limit_months integer check (claim_time_limit_months > 0),
  rules text[] not null default '{}',
  -- The scheme's sections in its own words: [{heading, paragraphs}].
  sections jsonb not null default '[]',
  -- For a proposed scheme: the Panel's proposals it applies: [{kind, summary, ...}].
  proposals jsonb not null default '[]',
  source_document_id text references source_document(id),
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index allowance_scheme_authority_idx on allowance_scheme (authority_id, effective_from);

create table allowance_sra_post (
  id text primary key,
  scheme_id text not null references allowance_scheme(id) on delete cascade,
  position integer not null,
  group_name text not null default '',
  name text not null,
  printed text not null,
  percent_of_leader numeric(9, 4),
  -- As printed: authoritative. The amount the percentage gives is worked out when shown.
  amount_pence bigint not null check (amount_pence >= 0),
  max_holders integer check (max_holders > 0),
  qualifier text,
  applies_to text[] not null default '{}',
  source_line_from integer,
  source_line_to integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (scheme_id, name)
);

create table allowance_mileage_band (
  id text primary key,
  scheme_id text not null references allowance_scheme(id) on delete cascade,
  -- A rate change within a scheme (45p "with immediate effect") starts a new set of bands.
  effective_from date not null,
  position integer not null,
  up_to_miles integer check (up_to_miles > 0),
  pence_per_mile numeric(7, 2) not null check (pence_per_mile >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (scheme_id, effective_from, position)
);

create table allowance_journey_purpose (
  id text primary key,
  scheme_id text not null references allowance_scheme(id) on delete cascade,
  code text not null,
  text text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (scheme_id, code)
);

create table allowance_co_optee_rate (
  id text primary key,
  scheme_id text not null references allowance_scheme(id) on delete cascade,
  role text not null,
  per_year_pence bigint check (per_year_pence >= 0),
  per_day_pence bigint check (per_day_pence >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (scheme_id, role)
);

-- An entitlement a person holds from/to: the basic allowance as a member, an SRA post, a co-optee's annual rate.
create table allowance_holding (
  id text primary key,
  person_id text not null references person(id),
  kind text not null check (kind in ('basic', 'sra', 'co-optee')),
  scheme_id text not null references allowance_scheme(id),
  sra_post_id text references allowance_sra_post(id),
  co_optee_rate_id text references allowance_co_optee_rate(id),
  -- The membership or role that gives the entitlement, when on record.
  membership_id text references membership(id),
  start_date date not null,
  end_date date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_date is null or end_date >= start_date),
  check ((kind = 'sra') = (sra_post_id is not null)),
  check ((kind = 'co-optee') = (co_optee_rate_id is not null))
);
create index allowance_holding_person_idx on allowance_holding (person_id);
create index allowance_holding_post_idx on allowance_holding (sra_post_id);

-- Regulation 13: a member may elect to forgo all or part of an entitlement for a year.
create table allowance_forgone (
  id text primary key,
  person_id text not null references person(id),
  year_start date not null,
  kind text not null check (kind in ('basic', 'sra', 'co-optee', 'all')),
  amount_pence bigint check (amount_pence > 0),
  recorded_on date not null,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index allowance_forgone_person_idx on allowance_forgone (person_id, year_start);

create table allowance_claim (
  id text primary key,
  person_id text not null references person(id),
  scheme_id text not null references allowance_scheme(id),
  kind text not null check (kind in ('travel', 'parking', 'public-transport', 'taxi', 'hotel', 'carers', 'co-optee-day')),
  duty_date date not null,
  claimed_on date not null,
  description text not null default '',
  purpose_code text,
  miles numeric(9, 1) check (miles > 0),
  -- Business miles claimed earlier in the same tax year, which set the band this journey starts in.
  miles_before numeric(10, 1),
  mileage_parts jsonb not null default '[]',
  hours numeric(7, 2),
  dependants integer,
  days integer,
  cost_pence bigint check (cost_pence >= 0),
  receipt_reference text,
  payable_pence bigint not null check (payable_pence >= 0),
  note text,
  status text not null default 'submitted' check (status in ('submitted', 'approved', 'rejected')),
  submitted_by text not null,
  decided_by text,
  decided_on date,
  decision_note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index allowance_claim_person_idx on allowance_claim (person_id, duty_date);
create index allowance_claim_status_idx on allowance_claim (status);
`,
  );
  await addAuditTriggers(db, ALLOWANCES_AUDITED_TABLES);
}

export const ALLOWANCES_AUDITED_TABLES = [
  'allowance_scheme',
  'allowance_sra_post',
  'allowance_mileage_band',
  'allowance_journey_purpose',
  'allowance_co_optee_rate',
  'allowance_holding',
  'allowance_forgone',
  'allowance_claim',
] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `drop table if exists allowance_claim, allowance_forgone, allowance_holding, allowance_co_optee_rate, allowance_journey_purpose,
       allowance_mileage_band, allowance_sra_post, allowance_scheme cascade;`,
  );
}
