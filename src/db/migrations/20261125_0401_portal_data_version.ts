import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';
import { AUDITED_TABLES } from './20261125_0001_committee_records.ts';

/**
 * One number that changes whenever a committee record changes: the portal keys its rendered-page cache and ETags on
 * it, so any write (import, back office, restore, psql) invalidates every cached page at once.
 *
 * A table row rather than a sequence: the new value becomes visible in the same commit as the data, so a reader can
 * never see the new version with the old data (which would cache a stale page under the new key). Statement-level,
 * so a bulk insert bumps it once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create table portal_data_version (
  singleton boolean primary key default true check (singleton),
  version bigint not null default 1
);
insert into portal_data_version (singleton, version) values (true, 1);

create function portal_bump_data_version() returns trigger language plpgsql as $$
begin
  update portal_data_version set version = version + 1 where singleton;
  return null;
end $$;
`,
  );
  for (const table of PORTAL_TABLES) {
    await runSqlScript(
      db,
      `create trigger ${table}_portal_version after insert or update or delete or truncate on ${table} for each statement execute function portal_bump_data_version();`,
    );
  }
}

const PORTAL_TABLES = [...AUDITED_TABLES, 'person_alias'] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of PORTAL_TABLES) await runSqlScript(db, `drop trigger if exists ${table}_portal_version on ${table};`);
  await runSqlScript(db, `drop function if exists portal_bump_data_version() cascade; drop table if exists portal_data_version;`);
}
