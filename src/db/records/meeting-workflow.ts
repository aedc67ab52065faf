/** A meeting's workflow: when its agenda and minutes were published and its minutes approved. */
import type { Db, NewRow, Row } from '../types.ts';

export async function findWorkflow(db: Db, meetingId: string): Promise<Row<'meeting_workflow'> | undefined> {
  return db.selectFrom('meeting_workflow').selectAll().where('id', '=', meetingId).executeTakeFirst();
}

/** Starts the workflow of a meeting scheduled in the back office: nothing of it is published yet. */
export async function startWorkflow(db: Db, meetingId: string): Promise<void> {
  await db.insertInto('meeting_workflow').values({ id: meetingId, agenda_published_at: null, minutes_published_at: null }).execute();
}

/**
 * Locks the meeting's workflow row for the rest of the transaction, creating it first if the meeting has none. A
 * meeting without a row was imported from the council's published papers, which the visibility rule counts as
 * published (migration 20261207_1560); its new row says so, so touching it never hides it.
 */
export async function lockWorkflow(db: Db, meetingId: string): Promise<Row<'meeting_workflow'>> {
  const now = new Date();
  await db
    .insertInto('meeting_workflow')
    .values({ id: meetingId, agenda_published_at: now, minutes_published_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return db.selectFrom('meeting_workflow').selectAll().where('id', '=', meetingId).forUpdate().executeTakeFirstOrThrow();
}

export async function updateWorkflow(db: Db, meetingId: string, changes: Partial<NewRow<'meeting_workflow'>>): Promise<void> {
  await db.updateTable('meeting_workflow').set(changes).where('id', '=', meetingId).execute();
}
