import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The decisions register reads its pages from windows of recent dates (src/db/queries/portal/decisions.ts): the
 * decisions' side of a window, and its oldest and newest dates, are index reads with this index (the meetings' side
 * has meeting_date_idx).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `create index if not exists decision_date_idx on decision (decision_date);`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `drop index if exists decision_date_idx;`);
}
