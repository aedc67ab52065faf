/** The attendance record: who was recorded at a meeting, and how. */
import type { Db, NewRow } from '../types.ts';

export async function listAttendance(db: Db, meetingId: string) {
  return db
    .selectFrom('attendance')
    .leftJoin('person as substituted', 'substituted.id', 'attendance.substitute_for_person_id')
    .select([
      'attendance.id',
      'attendance.person_id',
      'attendance.status',
      'attendance.printed_name',
      'attendance.role',
      'attendance.substitute_for_person_id',
      'substituted.family_name as substitute_for_family_name',
      'substituted.given_name as substitute_for_given_name',
    ])
    .where('attendance.meeting_id', '=', meetingId)
    .orderBy('attendance.status')
    .orderBy('attendance.printed_name')
    .execute();
}

export async function insertAttendance(db: Db, row: NewRow<'attendance'>): Promise<void> {
  await db.insertInto('attendance').values(row).execute();
}

export async function findAttendance(db: Db, meetingId: string, personId: string) {
  return db.selectFrom('attendance').selectAll().where('meeting_id', '=', meetingId).where('person_id', '=', personId).executeTakeFirst();
}

/** The grid is the whole record of who attended: its rows replace the meeting's (the audit log keeps the old ones). */
export async function replaceAttendance(db: Db, meetingId: string, rows: Array<NewRow<'attendance'>>): Promise<void> {
  await db.deleteFrom('attendance').where('meeting_id', '=', meetingId).execute();
  if (rows.length) await db.insertInto('attendance').values(rows).execute();
}
