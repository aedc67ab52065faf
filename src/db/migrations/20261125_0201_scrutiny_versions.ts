import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * A version number on each recommendation, so two officers editing the same one at once cannot overwrite each other:
 * a form carries the version it was read at, and a save against an older version is refused (optimistic concurrency).
 * Timestamps would not do: JavaScript dates drop the microseconds PostgreSQL keeps.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `alter table scrutiny_recommendation add column version integer not null default 1;`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `alter table scrutiny_recommendation drop column if exists version;`);
}
