import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * `public_agenda_item` hides an exempt item's report by computing its `report_id` (`case when exempt then null else
 * report_id end`), and no index could serve that expression. Looking a report's public agenda items up by it (the
 * search index's refresh of a report on every report and agenda item write, the report pages) read the whole
 * agenda_item table each time: writing a year of reports into a twenty-year archive took minutes, growing with the
 * archive. An index on exactly the view's expression lets the planner use it through the view.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create index if not exists agenda_item_public_report_idx on agenda_item ((case when exempt then null::text else report_id end));
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(db, 'drop index if exists agenda_item_public_report_idx;');
}
