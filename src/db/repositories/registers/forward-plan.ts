/**
 * The forward plan's SQL: entries with their decision maker's name, representations, and decision records. Public
 * reads (`published*`) return only entries that are published and not withdrawn: the one place the rule lives for
 * the forward plan's pages, feeds, API and export --public.
 */
import { sql } from 'kysely';
import { personNameSql } from './person-name-sql.ts';
import type { Db, NewRow, Row } from '../../types.ts';

export type ForwardPlanEntryRow = Row<'forward_plan_entry'> & {
  body_name: string | null;
  person_name: string | null;
  chair_name: string | null;
};

const personName = (column: string) => sql<string | null>`(select ${personNameSql('p')} from person p where p.id = ${sql.ref(column)})`;

function entries(db: Db) {
  return db
    .selectFrom('forward_plan_entry as e')
    .leftJoin('body as b', 'b.id', 'e.decision_maker_body_id')
    .selectAll('e')
    .select(['b.name as body_name', personName('e.decision_maker_person_id').as('person_name'), personName('e.scrutiny_chair_person_id').as('chair_name')]);
}

export interface EntryFilter {
  /** Only entries whose planned decision date is on or after this. */
  from?: string;
  to?: string;
  bodyId?: string;
  personId?: string;
  ward?: string;
  text?: string;
  status?: 'planned' | 'decided';
}

/** Every entry, drafts included, for the back office. */
export async function allEntries(db: Db): Promise<ForwardPlanEntryRow[]> {
  return (await entries(db).orderBy('e.planned_date').orderBy('e.reference').execute()) as ForwardPlanEntryRow[];
}

export async function findEntry(db: Db, id: string): Promise<ForwardPlanEntryRow | undefined> {
  return (await entries(db).where('e.id', '=', id).executeTakeFirst()) as ForwardPlanEntryRow | undefined;
}

/** Published entries that have not been withdrawn, filtered; the public forward plan. */
export async function publishedEntries(db: Db, filter: EntryFilter = {}): Promise<ForwardPlanEntryRow[]> {
  let query = entries(db).where('e.published_on', 'is not', null).where('e.withdrawn_on', 'is', null);
  if (filter.from) query = query.where('e.planned_date', '>=', filter.from);
  if (filter.to) query = query.where('e.planned_date', '<=', filter.to);
  if (filter.bodyId) query = query.where('e.decision_maker_body_id', '=', filter.bodyId);
  if (filter.personId) query = query.where('e.decision_maker_person_id', '=', filter.personId);
  if (filter.ward) query = query.where(sql<boolean>`${filter.ward} = any(e.wards)`);
  if (filter.text) {
    const like = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('e.subject', 'ilike', like), eb('e.summary', 'ilike', like)]));
  }
  if (filter.status === 'decided') query = query.where(sql<boolean>`exists (select 1 from executive_decision_record r where r.entry_id = e.id)`);
  if (filter.status === 'planned') query = query.where(sql<boolean>`not exists (select 1 from executive_decision_record r where r.entry_id = e.id)`);
  return (await query.orderBy('e.planned_date').orderBy('e.reference').execute()) as ForwardPlanEntryRow[];
}

export async function findPublishedEntry(db: Db, id: string): Promise<ForwardPlanEntryRow | undefined> {
  return (await entries(db).where('e.id', '=', id).where('e.published_on', 'is not', null).where('e.withdrawn_on', 'is', null).executeTakeFirst()) as
    | ForwardPlanEntryRow
    | undefined;
}

/** The wards named in published entries, for the filter. */
export async function publishedWards(db: Db): Promise<string[]> {
  const rows = await sql<{
    ward: string;
  }>`select distinct unnest(wards) as ward from forward_plan_entry where published_on is not null and withdrawn_on is null order by ward`.execute(db);
  return rows.rows.map((row) => row.ward);
}

export async function insertEntry(db: Db, row: NewRow<'forward_plan_entry'>): Promise<void> {
  await db.insertInto('forward_plan_entry').values(row).execute();
}

export async function updateForwardPlanEntry(db: Db, id: string, changes: Partial<NewRow<'forward_plan_entry'>>): Promise<void> {
  await db.updateTable('forward_plan_entry').set(changes).where('id', '=', id).execute();
}

/** The next reference in a year's sequence ("FP/2026/007"). */
export async function nextReference(db: Db, year: string): Promise<string> {
  const prefix = `FP/${year}/`;
  const row = await db
    .selectFrom('forward_plan_entry')
    .select(sql<number>`coalesce(max(substring(reference from ${prefix.length + 1}::int)::int), 0)`.as('last'))
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return `${prefix}${String(Number(row.last) + 1).padStart(3, '0')}`;
}

export async function representationsOf(db: Db, entryIds: readonly string[]): Promise<Array<Row<'forward_plan_representation'>>> {
  if (!entryIds.length) return [];
  return db.selectFrom('forward_plan_representation').selectAll().where('entry_id', 'in', entryIds).orderBy('received_on').orderBy('id').execute();
}

export async function findRepresentation(db: Db, id: string): Promise<Row<'forward_plan_representation'> | undefined> {
  return db.selectFrom('forward_plan_representation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRepresentation(db: Db, row: NewRow<'forward_plan_representation'>): Promise<void> {
  await db.insertInto('forward_plan_representation').values(row).execute();
}

export async function respondToRepresentation(db: Db, id: string, response: string, respondedOn: string): Promise<void> {
  await db.updateTable('forward_plan_representation').set({ response, responded_on: respondedOn }).where('id', '=', id).execute();
}

export type DecisionRecordRow = Row<'executive_decision_record'> & { meeting_date: string | null; body_name: string | null; minute_number: string | null };

export async function decisionRecordsOf(db: Db, entryIds: readonly string[]): Promise<DecisionRecordRow[]> {
  if (!entryIds.length) return [];
  return (await db
    .selectFrom('executive_decision_record as r')
    .leftJoin('meeting as m', 'm.id', 'r.meeting_id')
    .leftJoin('body as b', 'b.id', 'm.body_id')
    .leftJoin('minute as mi', 'mi.id', 'r.minute_id')
    .selectAll('r')
    .select(['m.date as meeting_date', 'b.name as body_name', 'mi.number as minute_number'])
    .where('r.entry_id', 'in', entryIds)
    .execute()) as DecisionRecordRow[];
}

export async function insertDecisionRecord(db: Db, row: NewRow<'executive_decision_record'>): Promise<void> {
  await db.insertInto('executive_decision_record').values(row).execute();
}

/** Published entries decided under special urgency in a period: the report to council (regulation 19). */
export async function specialUrgencyDecisions(db: Db, from: string, to: string): Promise<Array<{ entry: ForwardPlanEntryRow; record: DecisionRecordRow }>> {
  const records = await db
    .selectFrom('executive_decision_record as r')
    .innerJoin('forward_plan_entry as e', 'e.id', 'r.entry_id')
    .select('r.entry_id')
    .where('e.notice_route', '=', 'special-urgency')
    .where('e.published_on', 'is not', null)
    .where('r.decided_on', '>=', from)
    .where('r.decided_on', '<=', to)
    .orderBy('r.decided_on')
    .execute();
  const ids = records.map((row) => row.entry_id);
  if (!ids.length) return [];
  const [entryRows, recordRows] = await Promise.all([
    entries(db).where('e.id', 'in', ids).execute() as Promise<ForwardPlanEntryRow[]>,
    decisionRecordsOf(db, ids),
  ]);
  return ids.map((id) => ({ entry: entryRows.find((row) => row.id === id)!, record: recordRows.find((row) => row.entry_id === id)! }));
}

/** The chooser lists: bodies that take decisions, people (members for the scrutiny chair and cabinet members; officers too). */
export async function decisionMakerChoices(db: Db) {
  const [bodies, people] = await Promise.all([
    db.selectFrom('body').select(['id', 'name', 'kind']).orderBy('name').execute(),
    db
      .selectFrom('person')
      .select(['id', 'kind', 'honorific', 'given_name', 'initials', 'family_name', 'job_title'])
      .orderBy('family_name')
      .orderBy('given_name')
      .execute(),
  ]);
  return { bodies, people };
}

export async function meetingOf(db: Db, meetingId: string) {
  return db.selectFrom('meeting').select(['id', 'date', 'body_id']).where('id', '=', meetingId).executeTakeFirst();
}

export async function minuteOf(db: Db, minuteId: string) {
  return db.selectFrom('minute').select(['id', 'meeting_id', 'number', 'title', 'exempt']).where('id', '=', minuteId).executeTakeFirst();
}

export async function authorityId(db: Db): Promise<string | undefined> {
  return (await db.selectFrom('authority').select('id').orderBy('id').executeTakeFirst())?.id;
}

export async function insertDecision(db: Db, row: NewRow<'decision'>): Promise<void> {
  await db.insertInto('decision').values(row).execute();
}

/** Meetings to choose from, newest first: one body's (the decision maker's), the council's and cabinet's, or all. */
export async function listMeetingChoicesInScope(db: Db, scope: { bodyId: string } | 'council-and-cabinet' | 'all', limit = 300) {
  let query = db.selectFrom('meeting as m').innerJoin('body as b', 'b.id', 'm.body_id').select(['m.id', 'm.date', 'b.name as body_name']);
  if (scope === 'council-and-cabinet') query = query.where('b.kind', 'in', ['council', 'cabinet']);
  else if (scope !== 'all') query = query.where('m.body_id', '=', scope.bodyId);
  return query.orderBy('m.date', 'desc').limit(limit).execute();
}

/** An agenda item of a meeting by its printed number ("7"). */
export async function agendaItemByNumber(db: Db, meetingId: string, number: string) {
  return db.selectFrom('agenda_item').select(['id']).where('meeting_id', '=', meetingId).where('number', '=', number.trim()).executeTakeFirst();
}

/** A minute of a meeting by its printed number ("12", "12(a)"). */
export async function minuteByNumber(db: Db, meetingId: string, number: string) {
  return db.selectFrom('minute').select(['id']).where('meeting_id', '=', meetingId).where('number', '=', number.trim()).executeTakeFirst();
}
