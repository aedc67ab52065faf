/** The minute record and its corrections, as the back office writes them. */
import type { Db, NewRow } from '../types.ts';

export async function updateMinute(db: Db, id: string, changes: Partial<NewRow<'minute'>>): Promise<void> {
  await db.updateTable('minute').set(changes).where('id', '=', id).execute();
}

export async function listMinutes(db: Db, meetingId: string) {
  return db.selectFrom('minute').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
}

export async function findMinute(db: Db, id: string) {
  return db.selectFrom('minute').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMinute(db: Db, row: NewRow<'minute'>): Promise<void> {
  await db.insertInto('minute').values(row).execute();
}

export async function insertMinuteCorrection(db: Db, row: NewRow<'minute_correction'>): Promise<void> {
  await db.insertInto('minute_correction').values(row).execute();
}

export async function listMinuteCorrections(db: Db, minuteIds: string[]) {
  if (!minuteIds.length) return [];
  return db.selectFrom('minute_correction').selectAll().where('minute_id', 'in', minuteIds).orderBy('created_at').execute();
}
