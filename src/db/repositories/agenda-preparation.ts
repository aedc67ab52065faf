/**
 * Typed queries for preparing agendas: bodies' standing items and report requests (migration 20261207_4201). Rules
 * live in src/services/committee/standing-items.ts and report-requests.ts.
 */
import { sql } from 'kysely';
import type { Db, NewRow, Row } from '../types.ts';

// ---- standing items ----

export async function listStandingItems(db: Db, bodyId: string): Promise<Array<Row<'standing_item'>>> {
  return db.selectFrom('standing_item').selectAll().where('body_id', '=', bodyId).orderBy('position').orderBy('id').execute();
}

export async function findStandingItem(db: Db, id: string): Promise<Row<'standing_item'> | undefined> {
  return db.selectFrom('standing_item').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the body's row until commit, so two officers editing its standing items at once take turns. */
export async function lockBody(db: Db, bodyId: string): Promise<boolean> {
  return (await db.selectFrom('body').select('id').where('id', '=', bodyId).forUpdate().executeTakeFirst()) !== undefined;
}

export async function insertStandingItem(db: Db, row: NewRow<'standing_item'>): Promise<void> {
  await db.insertInto('standing_item').values(row).execute();
}

export async function deleteStandingItem(db: Db, id: string): Promise<void> {
  await db.deleteFrom('standing_item').where('id', '=', id).execute();
}

export async function setStandingItemPosition(db: Db, id: string, position: number): Promise<void> {
  await db.updateTable('standing_item').set({ position }).where('id', '=', id).where('position', '<>', position).execute();
}

// ---- report requests ----

const requestColumns = [
  'r.id',
  'r.agenda_item_id',
  'r.officer_account_id',
  'r.officer_name',
  'r.deadline',
  'r.note',
  'r.state',
  'r.submitted_text',
  'r.original_file_sha256',
  'r.original_filename',
  'r.original_media_type',
  'r.submitted_at',
  'r.returned_reason',
  'r.cleared_at',
  'r.report_id',
  'r.created_at',
  'a.number as item_number',
  'a.title as item_title',
  'a.exempt as item_exempt',
  'a.exempt_paragraphs as item_exempt_paragraphs',
  'm.id as meeting_id',
  'm.date as meeting_date',
  'b.name as body_name',
] as const;

function requests(db: Db) {
  return db
    .selectFrom('report_request as r')
    .innerJoin('agenda_item as a', 'a.id', 'r.agenda_item_id')
    .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .select(requestColumns);
}

export async function findReportRequest(db: Db, id: string) {
  return requests(db).where('r.id', '=', id).executeTakeFirst();
}

/** Locks the request until commit, so a submission and a clearance never cross. */
export async function lockReportRequest(db: Db, id: string): Promise<Row<'report_request'> | undefined> {
  return db.selectFrom('report_request').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findReportRequestOfItem(db: Db, agendaItemId: string): Promise<Row<'report_request'> | undefined> {
  return db.selectFrom('report_request').selectAll().where('agenda_item_id', '=', agendaItemId).executeTakeFirst();
}

export async function insertReportRequest(db: Db, row: NewRow<'report_request'>): Promise<void> {
  await db.insertInto('report_request').values(row).execute();
}

export async function updateReportRequest(db: Db, id: string, changes: Partial<NewRow<'report_request'>>): Promise<void> {
  await db.updateTable('report_request').set(changes).where('id', '=', id).execute();
}

export async function listReportRequestsOfMeeting(db: Db, meetingId: string) {
  return requests(db).where('m.id', '=', meetingId).orderBy('a.position').execute();
}

export async function listReportRequestsOfOfficer(db: Db, accountId: string) {
  return requests(db).where('r.officer_account_id', '=', accountId).orderBy(sql`r.state = 'cleared'`).orderBy('r.deadline').orderBy('r.id').execute();
}

/** Every request not yet cleared, soonest deadline first. */
export async function listOpenReportRequests(db: Db) {
  return requests(db).where('r.state', '<>', 'cleared').orderBy('r.deadline').orderBy('m.date').orderBy('r.id').execute();
}

/** Requests the officer still holds (requested or returned) whose deadline is before `today`. */
export async function listOverdueReportRequests(db: Db, today: string) {
  return requests(db).where('r.state', 'in', ['requested', 'returned']).where('r.deadline', '<', today).orderBy('r.deadline').orderBy('r.id').execute();
}

export async function setAgendaItemReport(db: Db, agendaItemId: string, reportId: string): Promise<void> {
  await db.updateTable('agenda_item').set({ report_id: reportId }).where('id', '=', agendaItemId).execute();
}

/** Accounts a report can be asked of: enabled, and officers or linked to a person record. */
export async function listReportAuthors(db: Db) {
  return db
    .selectFrom('account')
    .select(['id', 'name', 'email'])
    .where('disabled_at', 'is', null)
    .where((eb) => eb.or([eb('person_id', 'is not', null), sql<boolean>`'officer' = any(roles)`]))
    .orderBy('name')
    .orderBy('email')
    .execute();
}

export async function findReportAuthor(db: Db, id: string) {
  return db
    .selectFrom('account')
    .select(['id', 'name', 'email', 'disabled_at'])
    .where('id', '=', id)
    .where((eb) => eb.or([eb('person_id', 'is not', null), sql<boolean>`'officer' = any(roles)`]))
    .executeTakeFirst();
}
