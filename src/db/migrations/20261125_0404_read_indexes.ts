import type { Kysely } from 'kysely';
import { runSqlScript } from '../sql-script.ts';

/**
 * Indexes for the ways the portal and the API read a meeting's parts: by minute, by agenda item, by meeting. Found
 * with the portal benchmark on a generated twenty-year authority, where an OParl page of meetings spent most of a
 * second joining resolutions to their minutes without them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
create index if not exists resolution_minute_idx on resolution (minute_id, position);
create index if not exists minute_agenda_item_idx on minute (agenda_item_id);
create index if not exists motion_minute_idx on motion (minute_id);
create index if not exists vote_event_minute_idx on vote_event (minute_id);
create index if not exists vote_event_meeting_idx on vote_event (meeting_id);
create index if not exists declaration_meeting_idx on declaration (meeting_id);
create index if not exists question_meeting_idx on question (meeting_id);
create index if not exists group_membership_person_idx on group_membership (person_id);
create index if not exists decision_report_idx on decision (report_id);
`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runSqlScript(
    db,
    `
drop index if exists resolution_minute_idx;
drop index if exists minute_agenda_item_idx;
drop index if exists motion_minute_idx;
drop index if exists vote_event_minute_idx;
drop index if exists vote_event_meeting_idx;
drop index if exists declaration_meeting_idx;
drop index if exists question_meeting_idx;
drop index if exists group_membership_person_idx;
drop index if exists decision_report_idx;
`,
  );
}
