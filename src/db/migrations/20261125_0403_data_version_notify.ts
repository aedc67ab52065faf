import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Each bump of the portal's data version is also announced on the channel `quorum_data_version`, after the commit,
 * so an app process can keep the version in memory and ask the database only when it has changed, instead of on
 * every request. A process whose listening connection is lost goes back to asking every time.
 */
export const DATA_VERSION_CHANNEL = 'quorum_data_version';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create or replace function portal_bump_data_version() returns trigger language plpgsql as $$
begin
  update portal_data_version set version = version + 1 where singleton;
  perform pg_notify('${DATA_VERSION_CHANNEL}', '');
  return null;
end $$;
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create or replace function portal_bump_data_version() returns trigger language plpgsql as $$
begin
  update portal_data_version set version = version + 1 where singleton;
  return null;
end $$;
`,
  );
}
