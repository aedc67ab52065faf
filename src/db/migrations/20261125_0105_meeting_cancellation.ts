import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/** Why a meeting was cancelled, shown with it wherever it is listed; a cancelled meeting is kept, never deleted. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `alter table meeting add column cancelled_reason text;`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `alter table meeting drop column cancelled_reason;`);
}
