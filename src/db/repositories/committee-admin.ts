/**
 * Typed queries for the democratic services back office: committee records as officers edit them (bodies, people,
 * meetings and agenda items have their own modules in src/db/records/), their workflow
 * state, and the audit history of any record. Rules live in src/services/committee.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Db, NewRow, Row } from '../types.ts';

// ---- audit history ----

export interface HistoryEntry {
  id: string;
  at: Date;
  actor: string;
  actorName: string | null;
  action: 'insert' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Every audit_log entry of one record, oldest first, with the actor's account name when the actor is an account. */
export async function listHistory(db: Db, table: string, recordId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('account', 'account.id', 'audit_log.actor')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor', 'account.name as actorName', 'audit_log.action', 'audit_log.before', 'audit_log.after'])
    .where('audit_log.table_name', '=', table)
    .where('audit_log.record_id', '=', recordId)
    .orderBy('audit_log.id')
    .execute();
  return rows.map(historyEntryOf);
}

/** An audit_log row (with its actor's account name) as a history entry. */
export function historyEntryOf(row: {
  id: string | number | bigint;
  at: HistoryEntry['at'];
  actor: string;
  actorName: string | null;
  action: HistoryEntry['action'];
  before: unknown;
  after: unknown;
}): HistoryEntry {
  return {
    id: String(row.id),
    at: row.at,
    actor: row.actor,
    actorName: row.actorName,
    action: row.action,
    before: (row.before as Record<string, unknown> | null) ?? null,
    after: (row.after as Record<string, unknown> | null) ?? null,
  };
}

// ---- versions (optimistic concurrency) ----

export type EditableTable = 'body' | 'political_group' | 'meeting' | 'agenda_item' | 'minute';

/**
 * A record's version (raised by a trigger on every update, migration 20261207_4701), its row locked until the
 * transaction ends, so no one else can save between the service's version check and its update.
 */
export async function lockVersion(db: Db, table: EditableTable, id: string): Promise<{ version: number } | undefined> {
  const result = await sql<{ version: number }>`select version from ${sql.table(table)} where id = ${id} for update`.execute(db);
  return result.rows[0];
}

export async function updateGroup(db: Db, id: string, changes: Partial<NewRow<'political_group'>>): Promise<void> {
  await db.updateTable('political_group').set(changes).where('id', '=', id).execute();
}

export async function updateMinute(db: Db, id: string, changes: Partial<NewRow<'minute'>>): Promise<void> {
  await db.updateTable('minute').set(changes).where('id', '=', id).execute();
}

// ---- bodies, memberships, political groups ----

export async function listBodyMemberships(db: Db, bodyId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select([
      'membership.id',
      'membership.role',
      'membership.start_date',
      'membership.end_date',
      'person.id as person_id',
      'person.honorific',
      'person.given_name',
      'person.family_name',
    ])
    .where('membership.body_id', '=', bodyId)
    .orderBy('person.family_name')
    .execute();
}

export async function findMembershipRow(
  db: Db,
  table: 'membership' | 'group_membership',
  id: string,
): Promise<{ id: string; owner_id: string; start_date: string | null } | undefined> {
  const owner = table === 'membership' ? 'body_id' : 'group_id';
  return (db as Kysely<any>)
    .selectFrom(table)
    .select(['id', `${owner} as owner_id`, 'start_date'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setMembershipEnd(db: Db, table: 'membership' | 'group_membership', id: string, endDate: string): Promise<void> {
  await (db as Kysely<any>).updateTable(table).set({ end_date: endDate }).where('id', '=', id).execute();
}

export async function insertMembership(db: Db, row: NewRow<'membership'>): Promise<void> {
  await db.insertInto('membership').values(row).execute();
}

export async function listGroups(db: Db): Promise<Array<Row<'political_group'>>> {
  return db.selectFrom('political_group').selectAll().orderBy('name').execute();
}

export async function findGroup(db: Db, id: string): Promise<Row<'political_group'> | undefined> {
  return db.selectFrom('political_group').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findGroupByName(db: Db, authorityId: string, name: string): Promise<Row<'political_group'> | undefined> {
  return db
    .selectFrom('political_group')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export async function insertGroup(db: Db, row: NewRow<'political_group'>): Promise<void> {
  await db.insertInto('political_group').values(row).execute();
}

export async function listGroupMembers(db: Db, groupId: string) {
  return db
    .selectFrom('group_membership')
    .innerJoin('person', 'person.id', 'group_membership.person_id')
    .select([
      'group_membership.id',
      'group_membership.role',
      'group_membership.start_date',
      'group_membership.end_date',
      'person.id as person_id',
      'person.honorific',
      'person.given_name',
      'person.family_name',
    ])
    .where('group_membership.group_id', '=', groupId)
    .orderBy('person.family_name')
    .execute();
}

export async function listPersonGroupMemberships(db: Db, personId: string) {
  return db.selectFrom('group_membership').select(['id', 'group_id', 'start_date', 'end_date']).where('person_id', '=', personId).execute();
}

export async function insertGroupMembership(db: Db, row: NewRow<'group_membership'>): Promise<void> {
  await db.insertInto('group_membership').values(row).execute();
}

// ---- meetings and their workflow ----

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

// ---- agenda ----

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

export async function insertReport(db: Db, row: NewRow<'report'>): Promise<void> {
  await db.insertInto('report').values(row).execute();
}

export async function findReport(db: Db, id: string): Promise<Row<'report'> | undefined> {
  return db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateReport(db: Db, id: string, changes: Partial<NewRow<'report'>>): Promise<void> {
  await db.updateTable('report').set(changes).where('id', '=', id).execute();
}

// ---- attendance, declarations ----

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

export async function listDeclarations(db: Db, meetingId: string) {
  return db
    .selectFrom('declaration')
    .innerJoin('person', 'person.id', 'declaration.person_id')
    .select([
      'declaration.id',
      'declaration.kind',
      'declaration.reason',
      'declaration.agenda_item_number',
      'person.honorific',
      'person.given_name',
      'person.family_name',
    ])
    .where('declaration.meeting_id', '=', meetingId)
    .orderBy('declaration.created_at')
    .execute();
}

export async function insertDeclaration(db: Db, row: NewRow<'declaration'>): Promise<void> {
  await db.insertInto('declaration').values(row).execute();
}

// ---- minutes, resolutions, motions, votes ----

export async function listMinutes(db: Db, meetingId: string) {
  return db.selectFrom('minute').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
}

export async function findMinute(db: Db, id: string) {
  return db.selectFrom('minute').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMinute(db: Db, row: NewRow<'minute'>): Promise<void> {
  await db.insertInto('minute').values(row).execute();
}

export async function listResolutions(db: Db, minuteIds: string[]) {
  if (!minuteIds.length) return [];
  return db
    .selectFrom('resolution')
    .selectAll()
    .where('minute_id', 'in', minuteIds)
    .where('withdrawn_at', 'is', null)
    .orderBy('minute_id')
    .orderBy('position')
    .execute();
}

export async function insertResolution(db: Db, row: NewRow<'resolution'>): Promise<void> {
  await db.insertInto('resolution').values(row).execute();
}

/**
 * Makes a draft minute's resolutions read `texts`, in order, without deleting any: a resolution in force is changed
 * in place (the audit log keeps its old text), a new one is added, and one no longer wanted is marked withdrawn.
 * A withdrawn resolution brought back at its old place is restored rather than added twice.
 */
export async function reviseResolutions(db: Db, minuteId: string, texts: string[], actor: string, newId: (position: number) => string): Promise<void> {
  const inForce = await db
    .selectFrom('resolution')
    .select(['id', 'position', 'text'])
    .where('minute_id', '=', minuteId)
    .where('withdrawn_at', 'is', null)
    .orderBy('position')
    .execute();
  for (const [index, text] of texts.entries()) {
    const position = index + 1;
    const current = inForce[index];
    if (current) {
      if (current.text !== text || current.position !== position)
        await db.updateTable('resolution').set({ text, position }).where('id', '=', current.id).execute();
      continue;
    }
    const id = newId(position);
    const restored = await db
      .updateTable('resolution')
      .set({ text, position, withdrawn_at: null, withdrawn_by: null })
      .where('id', '=', id)
      .where('minute_id', '=', minuteId)
      .executeTakeFirst();
    if (Number(restored.numUpdatedRows) === 0)
      await db.insertInto('resolution').values({ id, minute_id: minuteId, position, text, unanimous: false }).execute();
  }
  const gone = inForce.slice(texts.length).map((row) => row.id);
  if (gone.length) await db.updateTable('resolution').set({ withdrawn_at: new Date(), withdrawn_by: actor }).where('id', 'in', gone).execute();
}

export async function listMotions(db: Db, minuteIds: string[]) {
  if (!minuteIds.length) return [];
  return db.selectFrom('motion').selectAll().where('minute_id', 'in', minuteIds).orderBy('position').execute();
}

export async function insertMotion(db: Db, row: NewRow<'motion'>): Promise<void> {
  await db.insertInto('motion').values(row).execute();
}

export async function countVoteEvents(db: Db, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('vote_event')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertVoteEvent(db: Db, row: NewRow<'vote_event'>, votes: Array<NewRow<'vote'>>): Promise<void> {
  await db.insertInto('vote_event').values(row).execute();
  if (votes.length) await db.insertInto('vote').values(votes).execute();
}

export async function listMeetingVoteEvents(db: Db, meetingId: string) {
  return db.selectFrom('vote_event').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').execute();
}

export async function listVotes(db: Db, eventIds: string[]) {
  if (!eventIds.length) return [];
  return db.selectFrom('vote').selectAll().where('vote_event_id', 'in', eventIds).orderBy('printed_name').execute();
}

export async function insertMinuteCorrection(db: Db, row: NewRow<'minute_correction'>): Promise<void> {
  await db.insertInto('minute_correction').values(row).execute();
}

export async function listMinuteCorrections(db: Db, minuteIds: string[]) {
  if (!minuteIds.length) return [];
  return db.selectFrom('minute_correction').selectAll().where('minute_id', 'in', minuteIds).orderBy('created_at').execute();
}

export async function recordExists(db: Db, table: 'membership' | 'group_membership' | 'declaration', id: string): Promise<boolean> {
  return Boolean(
    await (db as Kysely<Database>)
      .selectFrom(table as 'membership')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst(),
  );
}

// ---- the attendance grid ----

/** The members of a body on a day, with their role then and their ward: the grid's rows. */
export async function listBodyMembersOn(db: Db, bodyId: string, day: string) {
  return db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .leftJoin('ward', 'ward.id', 'person.ward_id')
    .select(['person.id', 'person.honorific', 'person.given_name', 'person.initials', 'person.family_name', 'ward.name as ward_name', 'membership.role'])
    .where('membership.body_id', '=', bodyId)
    .where((eb) => eb.or([eb('membership.start_date', 'is', null), eb('membership.start_date', '<=', day)]))
    .where((eb) => eb.or([eb('membership.end_date', 'is', null), eb('membership.end_date', '>=', day)]))
    .orderBy('person.family_name')
    .orderBy('person.given_name')
    .orderBy('person.id')
    .execute();
}

/** Everyone who could be recorded at a meeting, with their kind and ward, for the grid's choices. */
export async function listPeopleWithWards(db: Db) {
  return db
    .selectFrom('person')
    .leftJoin('ward', 'ward.id', 'person.ward_id')
    .select([
      'person.id',
      'person.kind',
      'person.honorific',
      'person.given_name',
      'person.initials',
      'person.family_name',
      'person.job_title',
      'ward.name as ward_name',
    ])
    .orderBy('person.family_name')
    .orderBy('person.given_name')
    .orderBy('person.id')
    .execute();
}

/** The grid is the whole record of who attended: its rows replace the meeting's (the audit log keeps the old ones). */
export async function replaceAttendance(db: Db, meetingId: string, rows: Array<NewRow<'attendance'>>): Promise<void> {
  await db.deleteFrom('attendance').where('meeting_id', '=', meetingId).execute();
  if (rows.length) await db.insertInto('attendance').values(rows).execute();
}
