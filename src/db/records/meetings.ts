/** The meeting record: reads and writes several capabilities share. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Db, NewRow, Row } from '../types.ts';

/** A meeting's whole row (with its version) and its body's name: what the back office edits. */
export type MeetingForEdit = Row<'meeting'> & { body_name: string };

export async function findMeetingForEdit(db: Db, id: string): Promise<MeetingForEdit | undefined> {
  return db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .selectAll('meeting')
    .select(['body.name as body_name'])
    .where('meeting.id', '=', id)
    .executeTakeFirst();
}

/** The meeting a body holds on a date, if any (a body meets once a day). */
export async function findMeetingIdOfBodyOn(db: Db, bodyId: string, date: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('meeting').select('id').where('body_id', '=', bodyId).where('date', '=', date).executeTakeFirst();
}

export async function insertMeeting(db: Db, row: NewRow<'meeting'>): Promise<void> {
  await db.insertInto('meeting').values(row).execute();
}

/** A meeting's date with its body and authority, for the services that file records against it. */
export async function findMeetingWithBody(db: Db, id: string) {
  return db
    .selectFrom('meeting as m')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .select(['m.id', 'm.date', 'm.body_id', 'b.authority_id', 'b.name as body_name'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** A meeting's date and body name, to name it on a page. */
export async function findMeetingHeading(db: Db, id: string) {
  return db
    .selectFrom('meeting as m')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .select(['m.id', 'm.date', 'b.name'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** Changes a meeting; no changes, no statement. */
export async function updateMeeting(db: Db, id: string, changes: Partial<NewRow<'meeting'>>): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('meeting').set(changes).where('id', '=', id).execute();
}

export async function listRecentMeetings(db: Db, limit = 50) {
  return db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .leftJoin('meeting_workflow', 'meeting_workflow.id', 'meeting.id')
    .select([
      'meeting.id',
      'meeting.date',
      'meeting.status',
      'body.name as body_name',
      'meeting_workflow.agenda_published_at',
      'meeting_workflow.minutes_published_at',
      'meeting_workflow.minutes_approved_at',
    ])
    .orderBy('meeting.date', 'desc')
    .limit(limit)
    .execute();
}

export async function listLaterMeetingsOfBody(db: Db, bodyId: string, after: string) {
  return db.selectFrom('meeting').select(['id', 'date', 'start_time']).where('body_id', '=', bodyId).where('date', '>', after).orderBy('date').execute();
}

/**
 * The next number for an agenda item or minute of a meeting. Call inside the transaction that inserts it: the
 * meeting row is locked until commit, so two officers adding at the same moment get consecutive numbers, not the
 * same one.
 */
export async function nextPosition(db: Db, table: 'agenda_item' | 'minute', meetingId: string): Promise<number> {
  await db.selectFrom('meeting').select('id').where('id', '=', meetingId).forUpdate().execute();
  const row = await (db as Kysely<Database>)
    .selectFrom(table as 'agenda_item')
    .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}
