import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * One optimistic-lock scheme for every record officers edit in a form: an integer `version` the database raises by
 * one on every update, whoever makes it (back office, import, restore). A form carries the version it was read at;
 * the service's `expectVersion` refuses a save against an older one (src/services/write-operation.ts).
 *
 * Committee records used the update time in microseconds instead; scrutiny recommendations had this integer, raised
 * by their repository. The trigger now raises it for all six tables, so no write path can forget.
 */
const TABLES = ['body', 'political_group', 'meeting', 'agenda_item', 'minute'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `${TABLES.map((table) => `alter table ${table} add column version integer not null default 1;`).join('\n')}
     create function quorum_row_version() returns trigger language plpgsql as $$
     begin
       new.version := old.version + 1;
       return new;
     end $$;
     ${[...TABLES, 'scrutiny_recommendation'].map((table) => `create trigger ${table}_version before update on ${table} for each row execute function quorum_row_version();`).join('\n')}`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `${[...TABLES, 'scrutiny_recommendation'].map((table) => `drop trigger if exists ${table}_version on ${table};`).join('\n')}
     drop function if exists quorum_row_version();
     ${TABLES.map((table) => `alter table ${table} drop column if exists version;`).join('\n')}`,
  );
}
