import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Counters of sign-in and reset-link attempts (src/domain/accounts/attempt-throttle.ts), in the database so that every
 * app process shares them. A key is what a client typed and where it came from (an email address, an IP address), kept
 * only as its SHA-256: the table does not become a list of the addresses people typed. Not audited: a counter is not a
 * record, and the audit log would fill with every wrong password.
 *
 * The hard lock on the account (failed_sign_ins, locked_until) goes: anyone could use it to keep an officer out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table attempt_throttle (
  key_hash text primary key,
  failures integer not null,
  last_failure_at timestamptz not null,
  blocked_until timestamptz
);
create index attempt_throttle_last_failure_idx on attempt_throttle (last_failure_at);
alter table account drop column failed_sign_ins, drop column locked_until;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop table attempt_throttle;
alter table account add column failed_sign_ins integer not null default 0, add column locked_until timestamptz;
`,
  );
}
