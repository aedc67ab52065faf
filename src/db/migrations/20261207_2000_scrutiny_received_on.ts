import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * The date the executive received a recommendation (Local Government Act 2000 s.9FE: its response is due within two
 * months beginning with that date). Null means not recorded: the meeting that made it counts as the day of receipt.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `alter table scrutiny_recommendation add column received_on date;`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `alter table scrutiny_recommendation drop column if exists received_on;`);
}
