import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * Each allowances scheme's own rules as settings (Local Authorities (Members' Allowances) (England) Regulations 2003):
 * - allowance_scheme.takes_effect_on: the day the scheme (or amendment) takes effect, which may be part-way through
 *   its year (reg 10(3): a scheme may be amended at any time) or back to the start of the year it was made in
 *   (reg 10(6)); empty means from the start of its period, as before;
 * - allowance_scheme.one_sra_only: whether the scheme pays no member more than one special responsibility allowance
 *   (the regulations do not require it; many schemes say so). Set from the rules the scheme prints;
 * - allowance_claim_limit: the time limit for claims (reg 14), per kind of claim, in months. Backfilled from
 *   claim_time_limit_months: for the travel claims where the scheme's rule speaks of travel expenses only, else for
 *   every kind of claim.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
alter table allowance_scheme add column takes_effect_on date;
alter table allowance_scheme add constraint allowance_scheme_takes_effect_within
  check (takes_effect_on is null or (takes_effect_on >= effective_from and (effective_to is null or takes_effect_on <= effective_to)));
alter table allowance_scheme add column one_sra_only boolean not null default false;
update allowance_scheme set one_sra_only = true
  where exists (select 1 from unnest(rules) as rule(text) where rule.text ilike '%more than one special responsibility allowance%');
create table allowance_claim_limit (
  id text primary key,
  scheme_id text not null references allowance_scheme(id) on delete cascade,
  claim_kind text not null check (claim_kind in ('travel', 'parking', 'public-transport', 'taxi', 'hotel', 'carers', 'co-optee-day')),
  months integer not null check (months between 1 and 120),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (scheme_id, claim_kind)
);
insert into allowance_claim_limit (id, scheme_id, claim_kind, months)
  select s.id || ':' || k.kind, s.id, k.kind, s.claim_time_limit_months
  from allowance_scheme s
  cross join (values ('travel'), ('parking'), ('public-transport'), ('taxi'), ('hotel'), ('carers'), ('co-optee-day')) as k(kind)
  where s.claim_time_limit_months is not null
    and (k.kind in ('travel', 'parking', 'public-transport', 'taxi')
      or not exists (select 1 from unnest(s.rules) as rule(text) where rule.text ilike '%travel expenses%'));
`,
  );
  await addAuditTriggers(db, ['allowance_claim_limit']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop table if exists allowance_claim_limit;
alter table allowance_scheme drop column if exists one_sra_only;
alter table allowance_scheme drop constraint if exists allowance_scheme_takes_effect_within;
alter table allowance_scheme drop column if exists takes_effect_on;
`,
  );
}
