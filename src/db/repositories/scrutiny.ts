/**
 * Typed queries for scrutiny tracking. No rules here (those live in src/domain/scrutiny and src/services/scrutiny):
 * only reads and writes of the scrutiny tables.
 */
import { sql } from 'kysely';
import type { ScrutinyStatus } from '../../domain/scrutiny/status.ts';
import type { Db, NewRow, Row } from '../types.ts';

// ---- writes ----

export { insertNew } from './bulk-insert.ts';

export async function insertStatusChange(db: Db, row: NewRow<'scrutiny_status_change'>): Promise<void> {
  await db.insertInto('scrutiny_status_change').values(row).execute();
}

/** The trigger of migration 20261207_4701 raises the version, so a form read before this update is known to be stale. */
export async function updateRecommendation(db: Db, id: string, changes: Partial<Omit<NewRow<'scrutiny_recommendation'>, 'version'>>): Promise<void> {
  await db.updateTable('scrutiny_recommendation').set(changes).where('id', '=', id).execute();
}

/** Logs a reminder unless one with the same key was sent; true when this call logged it. */
export async function logReminder(db: Db, row: NewRow<'scrutiny_reminder'>): Promise<boolean> {
  const inserted = await db
    .insertInto('scrutiny_reminder')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return inserted.length > 0;
}

export async function setReminderMessageId(db: Db, dedupeKey: string, messageId: string): Promise<void> {
  await db.updateTable('scrutiny_reminder').set({ message_id: messageId }).where('dedupe_key', '=', dedupeKey).execute();
}

export async function removeReminder(db: Db, dedupeKey: string): Promise<void> {
  await db.deleteFrom('scrutiny_reminder').where('dedupe_key', '=', dedupeKey).where('message_id', 'is', null).execute();
}

export async function reminderSent(db: Db, dedupeKey: string): Promise<boolean> {
  const row = await db.selectFrom('scrutiny_reminder').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  return row !== undefined;
}

// ---- reads ----

/** The parts of a scrutiny item that only a call-in printed in full has: none, for items known by title alone. */
export const ITEM_WITHOUT_DETAILS = {
  subtitle: null,
  portfolio_printed: null,
  portfolio_holder_id: null,
  synopsis: null,
  call_in_reason: null,
  decision_id: null,
  report_id: null,
  executive_response: null,
  executive_response_date: null,
} as const;

/** Which of these recommendations are already on record. */
export async function existingRecommendationIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('scrutiny_recommendation').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

export async function findItemOnMeeting(db: Db, meetingId: string): Promise<Array<Row<'scrutiny_item'>>> {
  return db.selectFrom('scrutiny_item').selectAll().where('meeting_id', '=', meetingId).execute();
}

/** The items on record at these meetings, in one query. */
export async function itemsOfMeetings(db: Db, meetingIds: string[]): Promise<Array<Row<'scrutiny_item'>>> {
  if (meetingIds.length === 0) return [];
  return db.selectFrom('scrutiny_item').selectAll().where('meeting_id', 'in', meetingIds).execute();
}

/** The recommendations on record of these items, in one query. */
export async function recommendationsOfItems(db: Db, itemIds: string[]): Promise<Array<Row<'scrutiny_recommendation'>>> {
  if (itemIds.length === 0) return [];
  return db.selectFrom('scrutiny_recommendation').selectAll().where('item_id', 'in', itemIds).execute();
}

export async function findItem(db: Db, id: string): Promise<Row<'scrutiny_item'> | undefined> {
  return db.selectFrom('scrutiny_item').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A recommendation with its item, meeting and committee; locked for update inside a transaction when asked. */
export async function findRecommendation(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('scrutiny_recommendation as r')
    .innerJoin('scrutiny_item as i', 'i.id', 'r.item_id')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .innerJoin('body as b', 'b.id', 'i.body_id')
    .selectAll('r')
    .select([
      'i.title as item_title',
      'i.kind as item_kind',
      'i.portfolio_printed',
      'i.portfolio_holder_id',
      'i.decision_id',
      'i.report_id',
      'i.meeting_id',
      'i.body_id',
      'm.date as meeting_date',
      'b.name as body_name',
    ])
    .where('r.id', '=', id);
  if (options.forUpdate) query = query.forUpdate('r');
  return query.executeTakeFirst();
}
export type RecommendationDetailRow = NonNullable<Awaited<ReturnType<typeof findRecommendation>>>;

export async function responsesOf(db: Db, recommendationIds: string[]) {
  if (recommendationIds.length === 0) return [];
  return db
    .selectFrom('scrutiny_response as s')
    .leftJoin('person as p', 'p.id', 's.responder_id')
    .selectAll('s')
    .select(['p.honorific', 'p.given_name', 'p.initials', 'p.family_name', 'p.post_nominals'])
    .where('s.recommendation_id', 'in', recommendationIds)
    .orderBy('s.response_date', 'asc')
    .orderBy('s.created_at', 'asc')
    .execute();
}

export async function ownersOf(db: Db, recommendationIds: string[]) {
  if (recommendationIds.length === 0) return [];
  return db
    .selectFrom('scrutiny_action_owner as o')
    .leftJoin('person as p', 'p.id', 'o.person_id')
    .selectAll('o')
    .select(['p.honorific', 'p.given_name', 'p.initials', 'p.family_name', 'p.post_nominals', 'p.email', 'p.kind as person_kind'])
    .where('o.recommendation_id', 'in', recommendationIds)
    .orderBy('o.recommendation_id')
    .orderBy('o.position')
    .execute();
}

export async function statusHistory(db: Db, recommendationId: string) {
  return db.selectFrom('scrutiny_status_change').selectAll().where('recommendation_id', '=', recommendationId).orderBy('id', 'asc').execute();
}

export interface TrackerFilter {
  bodyId?: string;
  portfolioHolderId?: string;
  ownerId?: string;
  /** Recommendations this person owns an action on or holds the portfolio of: what they answer for. */
  answerableBy?: string;
  statuses?: ScrutinyStatus[];
  /** Only recommendations made on or before this date (how old they are). */
  meetingOnOrBefore?: string;
  publishedOnly?: boolean;
  recommendationIds?: string[];
}

/** Recommendations with their item, meeting and response count; overdue-first ordering is the service's. */
export async function listRecommendations(db: Db, filter: TrackerFilter = {}) {
  let query = db
    .selectFrom('scrutiny_recommendation as r')
    .innerJoin('scrutiny_item as i', 'i.id', 'r.item_id')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .innerJoin('body as b', 'b.id', 'i.body_id')
    .leftJoin('person as h', 'h.id', 'i.portfolio_holder_id')
    .selectAll('r')
    .select((eb) => [
      'i.title as item_title',
      'i.kind as item_kind',
      'i.portfolio_printed',
      'i.portfolio_holder_id',
      'i.body_id',
      'i.meeting_id',
      'm.date as meeting_date',
      'b.name as body_name',
      'h.honorific as holder_honorific',
      'h.given_name as holder_given_name',
      'h.initials as holder_initials',
      'h.family_name as holder_family_name',
      'h.post_nominals as holder_post_nominals',
      eb
        .selectFrom('scrutiny_response as s')
        .whereRef('s.recommendation_id', '=', 'r.id')
        .select((sub) => sub.cast<number>(sub.fn.countAll(), 'integer').as('n'))
        .as('response_count'),
      eb
        .selectFrom('scrutiny_response as s')
        .whereRef('s.recommendation_id', '=', 'r.id')
        .select((sub) => sub.fn.min('s.response_date').as('d'))
        .as('first_response_date'),
    ]);
  if (filter.bodyId) query = query.where('i.body_id', '=', filter.bodyId);
  if (filter.portfolioHolderId) query = query.where('i.portfolio_holder_id', '=', filter.portfolioHolderId);
  if (filter.statuses?.length) query = query.where('r.status', 'in', filter.statuses);
  if (filter.meetingOnOrBefore) query = query.where('m.date', '<=', filter.meetingOnOrBefore);
  if (filter.publishedOnly) query = query.where('r.published', '=', true);
  if (filter.recommendationIds) {
    if (filter.recommendationIds.length === 0) return [];
    query = query.where('r.id', 'in', filter.recommendationIds);
  }
  if (filter.ownerId) {
    const ownerId = filter.ownerId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('scrutiny_action_owner as o').whereRef('o.recommendation_id', '=', 'r.id').where('o.person_id', '=', ownerId).select('o.id')),
    );
  }
  if (filter.answerableBy) {
    const personId = filter.answerableBy;
    query = query.where((eb) =>
      eb.or([
        eb('i.portfolio_holder_id', '=', personId),
        eb.exists(eb.selectFrom('scrutiny_action_owner as o').whereRef('o.recommendation_id', '=', 'r.id').where('o.person_id', '=', personId).select('o.id')),
      ]),
    );
  }
  return query.orderBy('m.date', 'asc').orderBy('i.title', 'asc').orderBy('r.number', 'asc').execute();
}
export type RecommendationListRow = Awaited<ReturnType<typeof listRecommendations>>[number];

export async function listItems(db: Db, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('scrutiny_item as i')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .innerJoin('body as b', 'b.id', 'i.body_id')
    .selectAll('i')
    .select(['m.date as meeting_date', 'b.name as body_name'])
    .where('i.id', 'in', itemIds)
    .orderBy('m.date', 'asc')
    .orderBy('i.title', 'asc')
    .execute();
}

/** Committees, portfolio holders and owners that have recommendations: the tracker's filter choices. */
export async function filterChoices(db: Db) {
  const bodies = await db
    .selectFrom('body as b')
    .where((eb) => eb.exists(eb.selectFrom('scrutiny_item as i').whereRef('i.body_id', '=', 'b.id').select('i.id')))
    .select(['b.id', 'b.name'])
    .orderBy('b.name')
    .execute();
  const holders = await db
    .selectFrom('person as p')
    .where((eb) => eb.exists(eb.selectFrom('scrutiny_item as i').whereRef('i.portfolio_holder_id', '=', 'p.id').select('i.id')))
    .select(['p.id', 'p.honorific', 'p.given_name', 'p.initials', 'p.family_name', 'p.post_nominals'])
    .orderBy('p.family_name')
    .execute();
  const owners = await db
    .selectFrom('person as p')
    .where((eb) => eb.exists(eb.selectFrom('scrutiny_action_owner as o').whereRef('o.person_id', '=', 'p.id').select('o.id')))
    .select(['p.id', 'p.honorific', 'p.given_name', 'p.initials', 'p.family_name', 'p.post_nominals'])
    .orderBy('p.family_name')
    .execute();
  return { bodies, holders, owners };
}

/** Reports and decisions whose subject is exactly a call-in's title (normalised by the caller): what was called in. */
/** The subjects of the authority's reports and decisions, in one query (it runs for every paper with call-ins). */
export async function reportsAndDecisionsTitled(db: Db, authorityId: string) {
  const rows = await db
    .selectFrom('report')
    .select([sql<'report' | 'decision'>`'report'`.as('kind'), 'id', 'subject'])
    .where('authority_id', '=', authorityId)
    .unionAll(
      db
        .selectFrom('decision')
        .select([sql<'report' | 'decision'>`'decision'`.as('kind'), 'id', 'subject'])
        .where('authority_id', '=', authorityId),
    )
    .execute();
  const of = (kind: 'report' | 'decision') => rows.filter((row) => row.kind === kind).map(({ id, subject }) => ({ id, subject }));
  return { reports: of('report'), decisions: of('decision') };
}

export async function remindersOf(db: Db, personId?: string) {
  let query = db.selectFrom('scrutiny_reminder').selectAll().orderBy('id', 'asc');
  if (personId) query = query.where('person_id', '=', personId);
  return query.execute();
}

/** The item titles as the newest tracking sheet on or before a date printed them, by recommendation. */
export async function printedItemTitles(db: Db, recommendationIds: string[], asAt: string): Promise<Map<string, string>> {
  if (recommendationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('scrutiny_tracking_row as t')
    .innerJoin('scrutiny_tracking_sheet as s', 's.id', 't.sheet_id')
    .select(['t.recommendation_id', 't.item_printed', 's.sheet_date'])
    .where('t.recommendation_id', 'in', recommendationIds)
    .where('s.sheet_date', '<=', asAt)
    .orderBy('s.sheet_date', 'asc')
    .execute();
  // Ascending, so the newest sheet's wording wins.
  return new Map(rows.map((row) => [row.recommendation_id!, row.item_printed]));
}

/** Meetings a scrutiny officer may record recommendations against: committee meetings, newest first. */
export async function listAllMeetingChoices(db: Db) {
  return db
    .selectFrom('meeting as m')
    .innerJoin('body as b', 'b.id', 'm.body_id')
    .select(['m.id', 'm.date', 'b.name as body_name', 'b.authority_id'])
    .orderBy('m.date', 'desc')
    .orderBy('b.name', 'asc')
    .execute();
}

/** Officers and members who may own an action, by family name. */
export async function ownerChoices(db: Db) {
  return db
    .selectFrom('person')
    .select(['id', 'kind', 'honorific', 'given_name', 'initials', 'family_name', 'post_nominals', 'job_title'])
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
}

/** Whether a person owns an action on a recommendation or holds the portfolio it is addressed to. */
export async function answersFor(db: Db, recommendationId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('scrutiny_recommendation as r')
    .innerJoin('scrutiny_item as i', 'i.id', 'r.item_id')
    .select('r.id')
    .where('r.id', '=', recommendationId)
    .where((eb) =>
      eb.or([
        eb('i.portfolio_holder_id', '=', personId),
        eb.exists(eb.selectFrom('scrutiny_action_owner as o').whereRef('o.recommendation_id', '=', 'r.id').where('o.person_id', '=', personId).select('o.id')),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}
