/** The report record as the back office writes it (a report for an agenda item, a report request). */
import type { Db, NewRow, Row } from '../types.ts';

export async function insertReport(db: Db, row: NewRow<'report'>): Promise<void> {
  await db.insertInto('report').values(row).execute();
}

export async function findReport(db: Db, id: string): Promise<Row<'report'> | undefined> {
  return db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateReport(db: Db, id: string, changes: Partial<NewRow<'report'>>): Promise<void> {
  await db.updateTable('report').set(changes).where('id', '=', id).execute();
}
