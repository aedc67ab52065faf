import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Indexes on the change times that make up an OParl object's `modified` (src/db/queries/api/oparl.ts, amongChanged):
 * a client asking for changes since a moment ago is answered from what changed since, not from every object of the
 * archive (issue 23 item 2).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create index if not exists meeting_updated_at_idx on meeting (updated_at);
create index if not exists meeting_workflow_updated_at_idx on meeting_workflow (updated_at);
create index if not exists report_updated_at_idx on report (updated_at);
create index if not exists agenda_item_updated_at_idx on agenda_item (updated_at);
create index if not exists person_updated_at_idx on person (updated_at);
create index if not exists oparl_change_changed_at_idx on oparl_change (kind, changed_at);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop index if exists oparl_change_changed_at_idx;
drop index if exists person_updated_at_idx;
drop index if exists agenda_item_updated_at_idx;
drop index if exists report_updated_at_idx;
drop index if exists meeting_workflow_updated_at_idx;
drop index if exists meeting_updated_at_idx;
`,
  );
}
