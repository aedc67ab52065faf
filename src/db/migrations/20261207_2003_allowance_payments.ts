import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * What was paid, and when: the annual statement publishes the sums PAID in the year (Local Authorities (Members'
 * Allowances) (England) Regulations 2003, reg 15), not what was earned. A payment run pays each member what has
 * accrued up to a day less what they were already paid (so arrears of a backdated amendment, reg 10(6), are paid in
 * the next run, and an overpayment comes back as a negative payment), and every approved claim not yet paid, once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table allowance_payment (
  id text primary key,
  run_id text not null,
  person_id text not null references person(id),
  head text not null check (head in ('basic', 'sra', 'co-optee', 'travel', 'subsistence', 'carers')),
  -- Negative: an overpayment recovered.
  amount_pence bigint not null check (amount_pence <> 0),
  paid_on date not null,
  -- Allowances: paid for the days up to this one. Claims: null.
  covers_to date,
  -- A claim is paid once.
  claim_id text unique references allowance_claim(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((claim_id is null) <> (covers_to is null))
);
create index allowance_payment_paid_on_idx on allowance_payment (paid_on);
create index allowance_payment_person_idx on allowance_payment (person_id, head);
`,
  );
  await addAuditTriggers(db, ['allowance_payment']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `drop table if exists allowance_payment;`);
}
