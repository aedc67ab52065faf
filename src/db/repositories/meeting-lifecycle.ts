/**
 * Queries of the minutes lifecycle and meeting changes (issue 18): approval links between meetings, the undo of an
 * approval, deleting a meeting created in error, withdrawing a published one. Typed Kysely only; the rules are in
 * services/committee/meeting-changes.ts and minutes-workflow.ts.
 */
import { sql } from 'kysely';
import type { Db } from '../types.ts';

/** The dates of the meetings whose minutes this meeting approved. */
export async function listDatesApprovedAt(db: Db, meetingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('meeting_workflow')
    .innerJoin('meeting', 'meeting.id', 'meeting_workflow.id')
    .select('meeting.date')
    .where('meeting_workflow.minutes_approved_at_meeting_id', '=', meetingId)
    .execute();
  return rows.map((row) => row.date);
}

/** Lets this transaction (only) clear an approval past the workflow lock (migration 20261207_3001). */
export async function allowApprovalUndo(db: Db): Promise<void> {
  await sql`select set_config('quorum.undo_approval', 'on', true)`.execute(db);
}

/** The minute the approving meeting got when it approved these minutes, if the back office wrote it. */
export async function findWrittenApprovalMinute(db: Db, atMeetingId: string, approvedMeetingId: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('minute')
    .select('id')
    .where('meeting_id', '=', atMeetingId)
    .where('approves_meeting_id', '=', approvedMeetingId)
    .where('source_document_id', 'is', null)
    .executeTakeFirst();
}

export async function deleteMinute(db: Db, minuteId: string): Promise<void> {
  await db.deleteFrom('resolution').where('minute_id', '=', minuteId).execute();
  await db.deleteFrom('motion').where('minute_id', '=', minuteId).execute();
  await db.deleteFrom('minute').where('id', '=', minuteId).execute();
}

/**
 * Deletes a meeting and what was recorded for it in the back office (agenda items, their reports when no other item
 * carries them, attendance, declarations, minutes, votes, the workflow row). A reference from elsewhere (a scrutiny
 * item, an appointment) makes the database refuse, and the caller says so.
 */
export async function deleteMeeting(db: Db, meetingId: string): Promise<void> {
  const events = db.selectFrom('vote_event').select('id').where('meeting_id', '=', meetingId);
  const minutes = db.selectFrom('minute').select('id').where('meeting_id', '=', meetingId);
  const items = await db.selectFrom('agenda_item').select(['id', 'report_id']).where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('vote').where('vote_event_id', 'in', events).execute();
  await db.deleteFrom('vote_event').where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('declaration').where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('resolution').where('minute_id', 'in', minutes).execute();
  await db.deleteFrom('motion').where('minute_id', 'in', minutes).execute();
  await db.deleteFrom('minute').where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('attendance').where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('agenda_item').where('meeting_id', '=', meetingId).execute();
  const reports = items.map((item) => item.report_id).filter((id): id is string => id !== null);
  if (reports.length) {
    await db
      .deleteFrom('report')
      .where('id', 'in', reports)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('agenda_item').select('id').whereRef('agenda_item.report_id', '=', 'report.id'))))
      .execute();
  }
  await db.deleteFrom('search_document').where('meeting_id', '=', meetingId).execute();
  await db.deleteFrom('meeting_workflow').where('id', '=', meetingId).execute();
  await db.deleteFrom('meeting').where('id', '=', meetingId).execute();
}
