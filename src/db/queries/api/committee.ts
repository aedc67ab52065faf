/**
 * Read queries behind Quorum's JSON API (/api/v1/) for the committee records: keyset pages ordered by id (stable
 * while records are added, unlike offsets), and the details of one record. Exempt text is withheld here, at the
 * source: exempt minutes come back without text or resolutions, exempt items without description or report,
 * exempt reports not at all.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import { reportIsPublic, voteEventIsPublic } from './filters.ts';
import type { Db } from '../../types.ts';

export interface KeysetWindow {
  /** Return records whose id sorts after this one (byte order). */
  after?: string;
  limit: number;
}

export interface KeysetPage<T> {
  rows: T[];
  /** The id to continue after, when there are more. */
  nextAfter?: string;
}

/** One keyset page: limit + 1 rows tell whether another page follows without counting. */
async function keysetPage<O extends { id: string }>(query: SelectQueryBuilder<any, any, O>, column: string, window: KeysetWindow): Promise<KeysetPage<O>> {
  let ordered = query.orderBy(sql`${sql.ref(column)} collate "C"`).limit(window.limit + 1);
  if (window.after !== undefined) ordered = ordered.where(sql<boolean>`${sql.ref(column)} collate "C" > ${window.after} collate "C"`);
  const rows = (await ordered.execute()) as O[];
  if (rows.length <= window.limit) return { rows };
  const page = rows.slice(0, window.limit);
  return { rows: page, nextAfter: page[page.length - 1]!.id };
}

// ---- bodies ---------------------------------------------------------------------------------------------------------

const bodies = (db: Db) =>
  db.selectFrom('body').select(['body.id', 'body.name', 'body.slug', 'body.kind', 'body.parent_id', 'body.created_at', 'body.updated_at']);
export type ApiBodyRow = Awaited<ReturnType<ReturnType<typeof bodies>['execute']>>[number];

export function listBodiesForApi(db: Db, window: KeysetWindow) {
  return keysetPage(bodies(db), 'body.id', window);
}
export function findBodyForApi(db: Db, id: string) {
  return bodies(db).where('body.id', '=', id).executeTakeFirst();
}

// ---- people ---------------------------------------------------------------------------------------------------------

const people = (db: Db) =>
  db
    .selectFrom('person')
    .select([
      'person.id',
      'person.kind',
      'person.honorific',
      'person.given_name',
      'person.initials',
      'person.family_name',
      'person.post_nominals',
      'person.job_title',
      'person.created_at',
      'person.updated_at',
    ]);
export type ApiPersonRow = Awaited<ReturnType<ReturnType<typeof people>['execute']>>[number];

export function listPeopleForApi(db: Db, filter: { kind?: 'member' | 'officer' | 'external' }, window: KeysetWindow) {
  let query = people(db);
  if (filter.kind) query = query.where('person.kind', '=', filter.kind);
  return keysetPage(query, 'person.id', window);
}
export function findPersonForApi(db: Db, id: string) {
  return people(db).where('person.id', '=', id).executeTakeFirst();
}

export async function groupMembershipsOf(db: Db, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('group_membership')
    .innerJoin('political_group', 'political_group.id', 'group_membership.group_id')
    .select([
      'group_membership.person_id',
      'political_group.id as group_id',
      'political_group.name as group_name',
      'group_membership.role',
      'group_membership.start_date',
      'group_membership.end_date',
    ])
    .where('group_membership.person_id', 'in', personIds)
    .orderBy('group_membership.start_date')
    .execute();
}

export async function bodyMembershipsOf(db: Db, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('membership')
    .innerJoin('body', 'body.id', 'membership.body_id')
    .select(['membership.person_id', 'body.id as body_id', 'body.name as body_name', 'membership.role', 'membership.start_date', 'membership.end_date'])
    .where('membership.person_id', 'in', personIds)
    .orderBy('membership.start_date')
    .execute();
}

// ---- meetings -------------------------------------------------------------------------------------------------------

const meetings = (db: Db) =>
  db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .leftJoin('meeting_workflow as workflow', 'workflow.id', 'meeting.id')
    .select([
      // Where the minutes stand (issue 18): no workflow row means imported from the council's published papers.
      sql<'draft' | 'approved' | 'published' | 'unpublished'>`case when workflow.id is null then 'published'
        when workflow.minutes_approved_at is not null then 'approved'
        when workflow.minutes_published_at is not null then 'draft' else 'unpublished' end`.as('minutes_status'),
      'meeting.id',
      'meeting.body_id',
      'body.name as body_name',
      'meeting.date',
      'meeting.start_time',
      'meeting.end_time',
      'meeting.location',
      'meeting.status',
      'meeting.kind',
      'meeting.created_at',
      'meeting.updated_at',
    ]);
export type ApiMeetingRow = Awaited<ReturnType<ReturnType<typeof meetings>['execute']>>[number];

export interface MeetingFilter {
  bodyId?: string;
  from?: string;
  to?: string;
}

export function listMeetingsForApi(db: Db, filter: MeetingFilter, window: KeysetWindow) {
  let query = meetings(db);
  if (filter.bodyId) query = query.where('meeting.body_id', '=', filter.bodyId);
  if (filter.from) query = query.where('meeting.date', '>=', filter.from);
  if (filter.to) query = query.where('meeting.date', '<=', filter.to);
  return keysetPage(query, 'meeting.id', window);
}
export function findMeetingForApi(db: Db, id: string) {
  return meetings(db).where('meeting.id', '=', id).executeTakeFirst();
}

export async function meetingDetails(db: Db, meetingId: string) {
  const agendaItems = await db
    .selectFrom('public_agenda_item as agenda_item')
    .leftJoin('public_report as report', 'report.id', 'agenda_item.report_id')
    .select([
      'agenda_item.id',
      'agenda_item.number',
      'agenda_item.position',
      'agenda_item.title',
      'agenda_item.exempt',
      'agenda_item.exempt_paragraphs',
      'agenda_item.page_from',
      'agenda_item.page_to',
      'agenda_item.kind',
      sql<string | null>`case when agenda_item.exempt then null else agenda_item.description end`.as('description'),
      sql<string | null>`case when agenda_item.exempt = false and report.id is not null and ${reportIsPublic('report')} then report.id else null end`.as(
        'report_id',
      ),
    ])
    .where('agenda_item.meeting_id', '=', meetingId)
    .orderBy('agenda_item.position')
    .orderBy('agenda_item.number')
    .execute();
  const minutes = await db
    .selectFrom('public_minute as minute')
    .leftJoin('public_agenda_item as agenda_item', 'agenda_item.id', 'minute.agenda_item_id')
    .select([
      'minute.id',
      'minute.number',
      'minute.position',
      'minute.title',
      'minute.agenda_item_id',
      sql<boolean>`(minute.exempt or coalesce(agenda_item.exempt, false))`.as('exempt'),
      'minute.exempt_paragraphs',
      sql<string>`case when minute.exempt or coalesce(agenda_item.exempt, false) then '' else minute.text end`.as('text'),
    ])
    .where('minute.meeting_id', '=', meetingId)
    .orderBy('minute.position')
    .execute();
  const resolutions = await db
    .selectFrom('public_resolution as resolution')
    .innerJoin('public_minute as minute', 'minute.id', 'resolution.minute_id')
    .leftJoin('public_agenda_item as agenda_item', 'agenda_item.id', 'minute.agenda_item_id')
    .select(['resolution.minute_id', 'resolution.text', 'resolution.unanimous'])
    .where('minute.meeting_id', '=', meetingId)
    .where('resolution.withdrawn_at', 'is', null)
    .where('minute.exempt', '=', false)
    .where(sql<boolean>`coalesce(agenda_item.exempt, false) = false`)
    .orderBy('minute.position')
    .orderBy('resolution.position')
    .execute();
  // Notices of motion not yet minuted: the view leaves out those of exempt items.
  const notices = await db
    .selectFrom('public_motion as motion')
    .innerJoin('public_agenda_item as agenda_item', 'agenda_item.id', 'motion.agenda_item_id')
    .select(['motion.agenda_item_id', 'motion.text', 'motion.mover_id', 'motion.seconder_id', 'motion.result'])
    .where('agenda_item.meeting_id', '=', meetingId)
    .where('motion.minute_id', 'is', null)
    .orderBy('agenda_item.position')
    .orderBy('motion.position')
    .execute();
  const attendance = await db
    .selectFrom('attendance')
    .select(['attendance.person_id', 'attendance.status', 'attendance.role', 'attendance.printed_name'])
    .where('attendance.meeting_id', '=', meetingId)
    .orderBy(sql`attendance.person_id collate "C"`)
    .orderBy('attendance.status')
    .execute();
  const voteEvents = await db
    .selectFrom('public_vote_event as vote_event')
    .select('vote_event.id')
    .where('vote_event.meeting_id', '=', meetingId)
    .where(voteEventIsPublic('vote_event'))
    .orderBy(sql`vote_event.id collate "C"`)
    .execute();
  return { agendaItems, notices, minutes, resolutions, attendance, voteEvents };
}

// ---- decisions ------------------------------------------------------------------------------------------------------

const decisions = (db: Db) =>
  db
    .selectFrom('decision')
    .leftJoin('public_report as report', 'report.id', 'decision.report_id')
    .select([
      'decision.id',
      'decision.decision_date',
      'decision.subject',
      'decision.text',
      'decision.decision_maker_person_id',
      'decision.decision_maker_role',
      'decision.decision_maker_body_id',
      'decision.is_key',
      'decision.is_urgent',
      'decision.urgency_reason',
      'decision.record_number',
      sql<string | null>`case when report.id is not null and ${reportIsPublic('report')} then report.id else null end`.as('report_id'),
      'decision.created_at',
      'decision.updated_at',
    ]);
export type ApiDecisionRow = Awaited<ReturnType<ReturnType<typeof decisions>['execute']>>[number];

export function listDecisionsForApi(db: Db, filter: { from?: string; to?: string }, window: KeysetWindow) {
  let query = decisions(db);
  if (filter.from) query = query.where('decision.decision_date', '>=', filter.from);
  if (filter.to) query = query.where('decision.decision_date', '<=', filter.to);
  return keysetPage(query, 'decision.id', window);
}
export function findDecisionForApi(db: Db, id: string) {
  return decisions(db).where('decision.id', '=', id).executeTakeFirst();
}
