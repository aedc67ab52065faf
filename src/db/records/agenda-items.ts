/** The agenda item record: its column sets and the reads and writes several capabilities share. */
import type { Db, NewRow } from '../types.ts';

/** What a meeting's page and its documents show of each agenda item and its (joined) report. */
export const AGENDA_ITEM_COLUMNS = [
  'agenda_item.id',
  'agenda_item.number',
  'agenda_item.position',
  'agenda_item.title',
  'agenda_item.description',
  'agenda_item.page_from',
  'agenda_item.page_to',
  'agenda_item.exempt',
  'agenda_item.exempt_paragraphs',
  'agenda_item.kind',
  'report.id as report_id',
  'report.subject as report_subject',
] as const;

/** A meeting's agenda items, whole rows, in agenda order. */
export async function listAgendaItemRows(db: Db, meetingId: string) {
  return db.selectFrom('agenda_item').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
}

/** The whole row (with its version, for the edit form). */
export async function findAgendaItemRow(db: Db, id: string) {
  return db.selectFrom('agenda_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAgendaItem(db: Db, row: NewRow<'agenda_item'>): Promise<void> {
  await db.insertInto('agenda_item').values(row).execute();
}

export async function updateAgendaItem(db: Db, id: string, changes: Partial<NewRow<'agenda_item'>>): Promise<void> {
  await db.updateTable('agenda_item').set(changes).where('id', '=', id).execute();
}

/** Which meeting an item is on and whether it is exempt, to check a record filed against it. */
export async function findAgendaItemPlacement(db: Db, id: string) {
  return db.selectFrom('agenda_item').select(['id', 'meeting_id', 'exempt']).where('id', '=', id).executeTakeFirst();
}
