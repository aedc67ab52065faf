/** The motion record: motions moved under a minute. */
import type { Db, NewRow } from '../types.ts';

export async function listMotions(db: Db, minuteIds: string[]) {
  if (!minuteIds.length) return [];
  return db.selectFrom('motion').selectAll().where('minute_id', 'in', minuteIds).orderBy('position').execute();
}

export async function insertMotion(db: Db, row: NewRow<'motion'>): Promise<void> {
  await db.insertInto('motion').values(row).execute();
}
