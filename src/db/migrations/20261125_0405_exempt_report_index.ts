import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Whether a report is public asks whether any exempt agenda item carries it (reportIsPublic, on every list and page
 * that shows reports). Without this index that question read every agenda item; exempt items are few, so the index
 * is small and the answer is one lookup.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `create index if not exists agenda_item_exempt_report_idx on agenda_item (report_id) where exempt;`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, `drop index if exists agenda_item_exempt_report_idx;`);
}
