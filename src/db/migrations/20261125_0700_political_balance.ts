import type { Kysely } from 'kysely';
import { addAuditTriggers } from '../audit-triggers.ts';
import { runSqlScript } from '../sql-script.ts';

/**
 * Political balance: how many seats each body has and whether the balance rules of s.15 LGHA 1989 apply to it
 * (ordinary committees and sub-committees do; the executive and some panels do not), and the agreements a council
 * makes outside the rules, such as a group giving up a seat to a member outside it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table balance_body (
  -- The body's own id: one setting per body.
  id text primary key references body(id),
  seats integer not null check (seats between 1 and 500),
  rules_apply boolean not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create table balance_agreement (
  id text primary key,
  body_id text not null references body(id),
  group_id text not null references political_group(id),
  person_id text not null references person(id),
  agreed_on date not null,
  meeting_id text references meeting(id),
  note text not null default '',
  ended_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ended_on is null or ended_on >= agreed_on)
);
create index balance_agreement_body_idx on balance_agreement (body_id);
`,
  );
  await addAuditTriggers(db, ['balance_body', 'balance_agreement']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `drop table if exists balance_agreement; drop table if exists balance_body;`);
}
