/**
 * Read queries behind the OParl API: one list query per OParl type (a page and its total), one lookup by id, and
 * batch loaders for the objects OParl embeds. Typed Kysely only; shaping into OParl objects is the presenters' job.
 * Exempt reports never leave here as papers, files or consultations; exempt minutes never give their resolutions.
 *
 * Every object row carries `modified_at`, its OParl `modified`: the latest change to anything the object shows (its
 * row, its visibility, and what it embeds or derives, recorded in oparl_change by migration 20261207_2601). Each list
 * query selects from its object query as a subquery, so `modified_since` filters on the very value clients are shown.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { OParlChangeKind } from '../../schema/oparl.ts';
import { afterDateId, afterId, byIdC, changedWithin, keyedBy, reportIsPublic, runPage, type ChangeFilter, type PageWindow, type Paged } from './filters.ts';
import type { Db } from '../../types.ts';

/** When something an object of this kind shows beyond its own row last changed (null: never). */
function changeOf(kind: OParlChangeKind, idColumn: string): RawBuilder<Date | null> {
  return sql<Date | null>`(select c.changed_at from oparl_change c where c.kind = ${kind} and c.id = ${sql.ref(idColumn)})`;
}

/** The latest of several change times; greatest() skips nulls, so an object never changed beyond its row keeps its row's. */
function latest(...times: Array<RawBuilder<unknown> | string>): RawBuilder<Date> {
  return sql<Date>`greatest(${sql.join(times.map((time) => (typeof time === 'string' ? sql.ref(time) : time)))})`;
}

/**
 * `modified_since` filters on a computed time (the latest change of anything an object shows), which no index holds,
 * so the filter alone evaluated it for every object of the archive. An object can pass only if one of the parts that
 * make up its time changed since then: these give the ids of such objects from indexes on each part's change time
 * (migration 20261207_4801), so a client polling for recent changes costs what changed, not the archive. The exact
 * filter on the computed time still applies; this only narrows where it looks.
 */
const changedMeetingIds = (since: Date) => sql`
  select id from meeting where updated_at >= ${since}
  union select id from meeting_workflow where updated_at >= ${since}
  union select id from oparl_change where kind = 'meeting' and changed_at >= ${since}`;

/** Reports whose own row, a carrying agenda item, that item's meeting or publication, or what they embed changed since. */
const changedReportIds = (since: Date) => sql`
  select id from report where updated_at >= ${since}
  union select report_id from agenda_item where updated_at >= ${since} and report_id is not null
  union select a.report_id from agenda_item a
         where a.report_id is not null
           and a.meeting_id in (select id from meeting where updated_at >= ${since} union select id from meeting_workflow where updated_at >= ${since})
  union select id from oparl_change where kind = 'report' and changed_at >= ${since}`;

const changedPersonIds = (since: Date) => sql`
  select id from person where updated_at >= ${since}
  union select id from oparl_change where kind = 'person' and changed_at >= ${since}`;

/**
 * `column = any(ids)` when the filter asks for changes since a time, else true. The ids are gathered first into an
 * array: the planner cannot turn `= any(array(...))` into a join, so it looks each one up by index, in a list as in
 * each branch of a view (public_withdrawal's union). As a join it walked a whole list in order to spare a sort, or
 * planned a view whole (every report's `not exists (public_report)`) before narrowing it (issue 23: 180,000
 * buffers for papers polled with modified_since at four years).
 */
function amongChanged(column: string, filter: ChangeFilter, ids: (since: Date) => RawBuilder<unknown>): RawBuilder<SqlBool> {
  return filter.modifiedSince ? sql<SqlBool>`${sql.ref(column)} = any(array(${ids(filter.modifiedSince)}))` : sql<SqlBool>`true`;
}

/** A page of a list in id order, with its last row's id for the next page's cursor. */
const byId = <O extends { id: string }>(page: Paged<O>): Paged<O> => keyedBy((row: O) => [row.id])(page);

// ---- Body (the authority) ------------------------------------------------------------------------------------

/**
 * An authority as a Body. `modified_at` here covers its row and its terms' disappearing (oparl_change); the terms it
 * embeds are derived from meetings, so the API adds their times (src/api/oparl/routes.ts) and filters bodies itself.
 */
function authorities(db: Db) {
  return db
    .selectFrom('authority')
    .select(['authority.id', 'authority.name', 'authority.created_at', latest('authority.updated_at', changeOf('body', 'authority.id')).as('modified_at')]);
}
export type AuthorityRow = Awaited<ReturnType<ReturnType<typeof authorities>['execute']>>[number];

/** Every authority, in id order: few, so the Body list is filtered and paged after their terms are known. */
export function allAuthorities(db: Db): Promise<AuthorityRow[]> {
  return authorities(db).orderBy(byIdC('authority.id')).execute();
}

export function firstAuthority(db: Db): Promise<AuthorityRow | undefined> {
  return authorities(db).orderBy(byIdC('authority.id')).limit(1).executeTakeFirst();
}

export function findAuthority(db: Db, id: string) {
  return authorities(db).where('authority.id', '=', id).executeTakeFirst();
}

/** The span of meeting dates, from which the legislative terms are derived. */
export async function meetingDateSpan(db: Db, authorityId: string) {
  return (
    db
      .selectFrom('meeting')
      .innerJoin('body', 'body.id', 'meeting.body_id')
      .where('body.authority_id', '=', authorityId)
      // A withdrawn meeting is not public (migration 20261207_3002): it neither makes nor stretches a term.
      .where('meeting.withdrawn_at', 'is', null)
      .select((eb) => [
        eb.fn.min('meeting.date').as('first'),
        eb.fn.max('meeting.date').as('last'),
        eb.fn.min('meeting.created_at').as('created_at'),
        eb.fn.max('meeting.updated_at').as('updated_at'),
      ])
      .executeTakeFirst()
  );
}

/** When the first meeting dated within [from, to] was recorded: when a derived legislative term appeared there. */
export async function firstMeetingRecordedBetween(db: Db, authorityId: string, from: string, to: string) {
  const row = await db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .where('body.authority_id', '=', authorityId)
    .where('meeting.date', '>=', from)
    .where('meeting.date', '<=', to)
    .where('meeting.withdrawn_at', 'is', null)
    .select((eb) => eb.fn.min('meeting.created_at').as('created_at'))
    .executeTakeFirst();
  return row?.created_at ?? undefined;
}

// ---- Organization: bodies and political groups -----------------------------------------------------------------

function organizations(db: Db) {
  const bodies = db
    .selectFrom('body')
    .select([
      'body.id',
      'body.authority_id',
      'body.name',
      sql<string>`body.kind`.as('kind'),
      'body.parent_id',
      sql<string | null>`null`.as('abbreviation'),
      'body.created_at',
      'body.updated_at',
    ]);
  const groups = db
    .selectFrom('political_group')
    .select([
      'political_group.id',
      'political_group.authority_id',
      'political_group.name',
      sql<string>`'political-group'`.as('kind'),
      sql<string | null>`null`.as('parent_id'),
      'political_group.abbreviation',
      'political_group.created_at',
      'political_group.updated_at',
    ]);
  // The membership list it shows is other rows (oparl_change 'organization').
  const withModified = db
    .selectFrom(bodies.unionAll(groups).as('o'))
    .selectAll('o')
    .select(latest('o.updated_at', changeOf('organization', 'o.id')).as('modified_at'));
  return db.selectFrom(withModified.as('organization')).selectAll('organization');
}
export type OrganizationRow = Awaited<ReturnType<ReturnType<typeof organizations>['execute']>>[number];

export function listOrganizations(db: Db, authorityId: string, filter: ChangeFilter, window: PageWindow) {
  return runPage(
    db,
    organizations(db)
      .where('organization.authority_id', '=', authorityId)
      .where(changedWithin('organization', filter, 'modified_at'))
      .where(afterId('organization.id', window))
      .orderBy(byIdC('organization.id')),
    window,
  ).then(byId);
}

export function findOrganization(db: Db, id: string) {
  return organizations(db).where('organization.id', '=', id).executeTakeFirst();
}

// ---- Membership: of bodies and of political groups ----------------------------------------------------------------

function memberships(db: Db) {
  const ofBodies = db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select([
      'membership.id',
      'membership.person_id',
      sql<string>`membership.body_id`.as('organization_id'),
      sql<string | null>`membership.role`.as('role'),
      'membership.start_date',
      'membership.end_date',
      'person.authority_id',
      'membership.created_at',
      'membership.updated_at',
    ]);
  const ofGroups = db
    .selectFrom('group_membership')
    .innerJoin('person', 'person.id', 'group_membership.person_id')
    .select([
      'group_membership.id',
      'group_membership.person_id',
      sql<string>`group_membership.group_id`.as('organization_id'),
      'group_membership.role',
      'group_membership.start_date',
      'group_membership.end_date',
      'person.authority_id',
      'group_membership.created_at',
      'group_membership.updated_at',
    ]);
  // A membership shows its own row only.
  return db.selectFrom(ofBodies.unionAll(ofGroups).as('membership')).selectAll('membership').select('membership.updated_at as modified_at');
}
export type MembershipRow = Awaited<ReturnType<ReturnType<typeof memberships>['execute']>>[number];

export function listMemberships(db: Db, authorityId: string, filter: ChangeFilter, window: PageWindow) {
  return runPage(
    db,
    memberships(db)
      .where('membership.authority_id', '=', authorityId)
      .where(changedWithin('membership', filter))
      .where(afterId('membership.id', window))
      .orderBy(byIdC('membership.id')),
    window,
  ).then(byId);
}

export function findMembership(db: Db, id: string) {
  return memberships(db).where('membership.id', '=', id).executeTakeFirst();
}

export async function membershipsOfPeople(db: Db, personIds: string[]): Promise<MembershipRow[]> {
  if (personIds.length === 0) return [];
  return memberships(db).where('membership.person_id', 'in', personIds).orderBy(byIdC('membership.id')).execute();
}

export async function membershipsOfOrganizations(db: Db, organizationIds: string[]): Promise<MembershipRow[]> {
  if (organizationIds.length === 0) return [];
  return memberships(db).where('membership.organization_id', 'in', organizationIds).orderBy(byIdC('membership.id')).execute();
}

// ---- Person --------------------------------------------------------------------------------------------------------

function people(db: Db) {
  return db.selectFrom('person').select([
    'person.id',
    'person.authority_id',
    'person.kind',
    'person.honorific',
    'person.given_name',
    'person.initials',
    'person.family_name',
    'person.post_nominals',
    'person.job_title',
    'person.created_at',
    // The memberships it embeds are other rows (oparl_change 'person').
    latest('person.updated_at', changeOf('person', 'person.id')).as('modified_at'),
  ]);
}
export type PersonRow = Awaited<ReturnType<ReturnType<typeof people>['execute']>>[number];

export function listPeople(db: Db, authorityId: string, filter: ChangeFilter, window: PageWindow) {
  return runPage(
    db,
    db
      .selectFrom(people(db).as('person'))
      .selectAll('person')
      .where('person.authority_id', '=', authorityId)
      .where(amongChanged('person.id', filter, changedPersonIds))
      .where(changedWithin('person', filter, 'modified_at'))
      .where(afterId('person.id', window))
      .orderBy(byIdC('person.id')),
    window,
  ).then(byId);
}

export function findPerson(db: Db, id: string) {
  return people(db).where('person.id', '=', id).executeTakeFirst();
}

// ---- Meeting -------------------------------------------------------------------------------------------------------

/** The location id: a hash of the printed place, since a place is text in the papers, not a record of its own. */
const locationIdOf = (column: string) => sql<string>`oparl_location_id(${sql.ref(column)})`;

function meetings(db: Db) {
  const withModified = db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .leftJoin('meeting_workflow as workflow', 'workflow.id', 'meeting.id')
    .select([
      'meeting.id',
      'meeting.body_id',
      'body.name as body_name',
      'body.authority_id',
      'meeting.date',
      'meeting.start_time',
      'meeting.end_time',
      'meeting.location',
      locationIdOf('meeting.location').as('location_id'),
      'meeting.status',
      'meeting.kind',
      'meeting.created_at',
      // Its publication (which agenda items it shows) and what it embeds: items, participants, its body's name.
      latest('meeting.updated_at', 'workflow.updated_at', changeOf('meeting', 'meeting.id')).as('modified_at'),
    ])
    // A withdrawn meeting is answered as a deleted object (public_withdrawal, migration 20261207_3002).
    .where('meeting.withdrawn_at', 'is', null);
  return db.selectFrom(withModified.as('meeting')).selectAll('meeting');
}
export type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetings>['execute']>>[number];

export async function listMeetings(
  db: Db,
  scope: { authorityId: string; bodyId?: string },
  filter: ChangeFilter,
  window: PageWindow,
): Promise<Paged<MeetingRow>> {
  if (!filter.modifiedSince && !filter.modifiedUntil) return meetingsByKeys(db, scope, filter, window);
  let query = meetings(db).where('meeting.authority_id', '=', scope.authorityId);
  if (scope.bodyId) query = query.where('meeting.body_id', '=', scope.bodyId);
  return runPage(
    db,
    query
      .where(amongChanged('meeting.id', filter, changedMeetingIds))
      .where(changedWithin('meeting', filter, 'modified_at'))
      .where(afterDateId('meeting.date', 'meeting.id', window))
      .orderBy('meeting.date', 'desc')
      .orderBy(byIdC('meeting.id')),
    window,
  ).then(keyedBy((row) => [row.date, row.id]));
}

/**
 * A page of meetings found by their keys first (date and id, from meeting_date_id_c_idx or, for one body's list,
 * meeting_body_date_id_c_idx of migration 20261208_0801), then read whole for that page only. The whole row's
 * `modified_at` looks up the meeting's workflow and oparl_change, and PostgreSQL works out a row's columns before
 * OFFSET drops it, so `?page=10` paid those look-ups for the 180 meetings it skipped (issue 23). Used when the list
 * is not filtered on `modified_at` (that filter needs the computed time and goes through changed ids instead).
 */
async function meetingsByKeys(db: Db, scope: { authorityId: string; bodyId?: string }, filter: ChangeFilter, window: PageWindow): Promise<Paged<MeetingRow>> {
  let keys = db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .select(['meeting.id', 'meeting.date', 'meeting.created_at'])
    .where('meeting.withdrawn_at', 'is', null)
    .where('body.authority_id', '=', scope.authorityId);
  if (scope.bodyId) keys = keys.where('meeting.body_id', '=', scope.bodyId);
  const page = await runPage(
    db,
    keys
      .where(changedWithin('meeting', filter))
      .where(afterDateId('meeting.date', 'meeting.id', window))
      .orderBy('meeting.date', 'desc')
      .orderBy(byIdC('meeting.id')),
    window,
  );
  const ids = page.rows.map((row) => row.id);
  const rows = ids.length === 0 ? [] : await meetings(db).where('meeting.id', 'in', ids).execute();
  const byIdOf = new Map(rows.map((row) => [row.id, row]));
  // The keys' order; a meeting withdrawn between the two reads is left out, and the cursor is still the page's last key.
  const rowsInOrder = ids.map((id) => byIdOf.get(id)).filter((row) => row !== undefined);
  const last = page.rows.at(-1);
  return { rows: rowsInOrder, total: page.total, ...(last ? { lastKey: [last.date, last.id] } : {}) };
}

export function findMeeting(db: Db, id: string) {
  return meetings(db).where('meeting.id', '=', id).executeTakeFirst();
}

/** Who took part: members present, substitutes and members also present (not apologies, not officers in attendance). */
export async function participantsOfMeetings(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('attendance')
    .select(['attendance.meeting_id', 'attendance.person_id'])
    .where('attendance.meeting_id', 'in', meetingIds)
    .where('attendance.status', 'in', ['present', 'substitute', 'also-present'])
    .orderBy(byIdC('attendance.person_id'))
    .execute();
}

// ---- AgendaItem ----------------------------------------------------------------------------------------------------

function agendaItems(db: Db) {
  const withModified = db
    .selectFrom('public_agenda_item as agenda_item')
    .innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .leftJoin('public_report as report', 'report.id', 'agenda_item.report_id')
    .select([
      'agenda_item.id',
      'agenda_item.meeting_id',
      'meeting.date as meeting_date',
      'meeting.body_id',
      'body.authority_id',
      'agenda_item.number',
      'agenda_item.position',
      'agenda_item.title',
      'agenda_item.exempt',
      'agenda_item.exempt_paragraphs',
      'agenda_item.kind',
      // The consultation (the item's public report) is the agenda item's own id; none for exempt items or reports.
      // report comes from public_report, the visibility rule itself: found there is public.
      sql<string | null>`case when agenda_item.exempt = false and report.id is not null then report.id else null end`.as('public_report_id'),
      'agenda_item.created_at',
      // The view's updated_at holds its publication; resolutions, vote events and its report's exemption are other rows.
      latest('agenda_item.updated_at', changeOf('agenda-item', 'agenda_item.id')).as('modified_at'),
    ]);
  return db.selectFrom(withModified.as('agenda_item')).selectAll('agenda_item');
}
export type AgendaItemRow = Awaited<ReturnType<ReturnType<typeof agendaItems>['execute']>>[number];

export function listAgendaItems(db: Db, authorityId: string, filter: ChangeFilter, window: PageWindow) {
  return runPage(
    db,
    agendaItems(db)
      .where('agenda_item.authority_id', '=', authorityId)
      .where(changedWithin('agenda_item', filter, 'modified_at'))
      .where(afterId('agenda_item.id', window))
      .orderBy(byIdC('agenda_item.id')),
    window,
  ).then(byId);
}

export function findAgendaItem(db: Db, id: string) {
  return agendaItems(db).where('agenda_item.id', '=', id).executeTakeFirst();
}

export async function agendaItemsOfMeetings(db: Db, meetingIds: string[]): Promise<AgendaItemRow[]> {
  if (meetingIds.length === 0) return [];
  return agendaItems(db).where('agenda_item.meeting_id', 'in', meetingIds).orderBy('agenda_item.position').orderBy('agenda_item.number').execute();
}

/**
 * The minutes of some agenda items, by the index on minute.agenda_item_id: one item at a time (a lateral subquery,
 * kept apart from the outer query by its OFFSET 0), because with `agenda_item_id in (...)` of a page's 200 items the
 * planner expected 200 index look-ups to cost more than reading the whole table, and read every minute of the
 * archive twice for each page of meetings (issue 23: 1,600 buffers each at five years, growing with the archive).
 */
const minutesOf = (db: Db, agendaItemIds: string[]) =>
  db
    // unnest under an alias and no column list names its one column as the alias: page_item.page_item.
    .selectFrom(sql<string>`unnest(${agendaItemIds}::text[])`.as('page_item'))
    .innerJoinLateral(
      db.selectFrom('minute').select('minute.id').where('minute.agenda_item_id', '=', sql.ref<string>('page_item.page_item')).offset(0).as('item_minute'),
      (join) => join.onTrue(),
    )
    .select('item_minute.id');

/** The resolutions recorded against each agenda item, from its public minutes only. */
/** Notices of motion given under the items and not yet minuted; the view leaves out those of exempt items. */
export async function noticesOfAgendaItems(db: Db, agendaItemIds: string[]) {
  if (agendaItemIds.length === 0) return [];
  return db
    .selectFrom('public_motion as motion')
    .select(['motion.agenda_item_id', 'motion.text', 'motion.mover_id', 'motion.seconder_id'])
    .where('motion.agenda_item_id', 'in', agendaItemIds)
    .where('motion.minute_id', 'is', null)
    .orderBy('motion.agenda_item_id')
    .orderBy('motion.position')
    .$narrowType<{ agenda_item_id: string }>()
    .execute();
}

export async function resolutionsOfAgendaItems(db: Db, agendaItemIds: string[]) {
  if (agendaItemIds.length === 0) return [];
  return (
    db
      .selectFrom('public_resolution as resolution')
      // The view alone decides what is public: a resolution of a minute that is exempt, or whose agenda item is, is
      // not in it. The minute table only finds the items' resolutions and orders them: joining public_minute and
      // public_agenda_item as well passed the planner's collapse limits, and it read every resolution of the archive
      // for each page of meetings (issue 23, as the meeting page did; bench/README.md, db-work).
      .innerJoin('minute', 'minute.id', 'resolution.minute_id')
      .select(['minute.agenda_item_id', 'resolution.text'])
      .where('minute.agenda_item_id', 'in', agendaItemIds)
      // The items' minutes gathered first, so each minute's resolutions are found by index (a join read them all).
      .where(sql<SqlBool>`resolution.minute_id = any(array(${minutesOf(db, agendaItemIds)}))`)
      .where('resolution.withdrawn_at', 'is', null)
      .orderBy('minute.position')
      .orderBy('resolution.position')
      .$narrowType<{ agenda_item_id: string }>()
      .execute()
  );
}

/** The public vote events taken on each agenda item (through its minute). */
export async function voteEventsOfAgendaItems(db: Db, agendaItemIds: string[]) {
  if (agendaItemIds.length === 0) return [];
  return (
    db
      .selectFrom('public_vote_event as vote_event')
      // As for resolutions: the view decides what is public (a vote on an exempt minute is not in it), the minute
      // table only finds the items' vote events.
      .innerJoin('minute', 'minute.id', 'vote_event.minute_id')
      .select(['minute.agenda_item_id', 'vote_event.id'])
      .where('minute.agenda_item_id', 'in', agendaItemIds)
      .where(sql<SqlBool>`vote_event.minute_id = any(array(${minutesOf(db, agendaItemIds)}))`)
      .orderBy(byIdC('vote_event.id'))
      .$narrowType<{ agenda_item_id: string }>()
      .execute()
  );
}

// ---- Paper and File: public reports -----------------------------------------------------------------------------

function papers(db: Db) {
  return db.selectFrom('public_report as report').select([
    'report.id',
    'report.authority_id',
    'report.subject',
    'report.report_date',
    'report.classification',
    'report.by_text',
    'report.to_text',
    sql<number>`octet_length(report.full_text)`.as('text_bytes'),
    'report.created_at',
    // The view's updated_at holds its publication and the items carrying it; a carrier leaving is another row.
    latest('report.updated_at', changeOf('report', 'report.id')).as('modified_at'),
  ]);
  // public_report is the visibility rule itself: checking each of its rows against it again doubled the work.
}
export type PaperRow = Awaited<ReturnType<ReturnType<typeof papers>['execute']>>[number];

export function listPapers(db: Db, authorityId: string, filter: ChangeFilter, window: PageWindow) {
  return runPage(
    db,
    db
      .selectFrom(papers(db).as('report'))
      .selectAll('report')
      .where('report.authority_id', '=', authorityId)
      .where(amongChanged('report.id', filter, changedReportIds))
      .where(changedWithin('report', filter, 'modified_at'))
      .where(afterId('report.id', window))
      .orderBy(byIdC('report.id')),
    window,
  ).then(byId);
}

export function findPaper(db: Db, id: string) {
  return papers(db).where('report.id', '=', id).executeTakeFirst();
}

/** The text of a public report, for its File's access URL; undefined for exempt or unknown reports. */
export async function publicReportText(db: Db, id: string) {
  return db
    .selectFrom('public_report as report')
    .select(['report.full_text', 'report.subject', 'report.updated_at'])
    .where('report.id', '=', id)
    .where(reportIsPublic('report'))
    .executeTakeFirst();
}

// ---- Consultation: a public report on a public agenda item -------------------------------------------------------

function consultations(db: Db) {
  return (
    db
      .selectFrom('public_agenda_item as agenda_item')
      .innerJoin('public_report as report', 'report.id', 'agenda_item.report_id')
      .innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
      .innerJoin('body', 'body.id', 'meeting.body_id')
      .select([
        'agenda_item.id',
        'agenda_item.id as agenda_item_id',
        'report.id as report_id',
        'agenda_item.meeting_id',
        'meeting.body_id',
        'body.authority_id',
        'agenda_item.created_at',
        // All it shows is links: its item's and meeting's publication, in the view's updated_at, decides them.
        'agenda_item.updated_at as modified_at',
      ])
      // The report is joined from public_report, the visibility rule itself, so it is public.
      .where('agenda_item.exempt', '=', false)
  );
}
export type ConsultationRow = Awaited<ReturnType<ReturnType<typeof consultations>['execute']>>[number];

export function listConsultations(db: Db, authorityId: string, filter: ChangeFilter, window: PageWindow) {
  return runPage(
    db,
    consultations(db)
      .where('body.authority_id', '=', authorityId)
      .where(changedWithin('agenda_item', filter))
      .where(afterId('agenda_item.id', window))
      .orderBy(byIdC('agenda_item.id')),
    window,
  ).then(byId);
}

export function findConsultation(db: Db, id: string) {
  return consultations(db).where('agenda_item.id', '=', id).executeTakeFirst();
}

export async function consultationsOfPapers(db: Db, reportIds: string[]): Promise<ConsultationRow[]> {
  if (reportIds.length === 0) return [];
  return (
    consultations(db)
      // The view's report_id is computed (null on exempt items), which no index holds: the plain table finds the
      // carrying items by the index on report_id, so a page of papers does not read every agenda item.
      .innerJoin('agenda_item as carrier', 'carrier.id', 'agenda_item.id')
      .where('carrier.report_id', 'in', reportIds)
      .where('report.id', 'in', reportIds)
      .orderBy(byIdC('agenda_item.id'))
      .execute()
  );
}

// ---- Location: the places meetings are held -----------------------------------------------------------------------

/** A place as a Location: it shows the meetings held there, so it changes when one does, arrives or leaves. */
function locations(db: Db) {
  const places = db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .where('meeting.location', 'is not', null)
    .where('meeting.withdrawn_at', 'is', null)
    .select((eb) => [
      locationIdOf('meeting.location').as('id'),
      sql<string>`meeting.location`.as('description'),
      'body.authority_id',
      eb.fn.min('meeting.created_at').as('created_at'),
      eb.fn.max('meeting.updated_at').as('updated_at'),
    ])
    .groupBy(['meeting.location', 'body.authority_id']);
  const withModified = db
    .selectFrom(places.as('place'))
    .selectAll('place')
    .select(latest('place.updated_at', changeOf('location', 'place.id')).as('modified_at'));
  return db.selectFrom(withModified.as('location')).selectAll('location');
}
export type LocationRow = Awaited<ReturnType<ReturnType<typeof locations>['execute']>>[number];

export function listLocations(db: Db, authorityId: string, filter: ChangeFilter, window: PageWindow) {
  return runPage(
    db,
    locations(db)
      .where('location.authority_id', '=', authorityId)
      .where(changedWithin('location', filter, 'modified_at'))
      .where(afterId('location.id', window))
      .orderBy(byIdC('location.id')),
    window,
  ).then(byId);
}

export function findLocation(db: Db, id: string) {
  return locations(db).where('location.id', '=', id).executeTakeFirst();
}

export async function meetingsAtLocations(db: Db, locationIds: string[]) {
  if (locationIds.length === 0) return [];
  return db
    .selectFrom('meeting')
    .select(['meeting.id', locationIdOf('meeting.location').as('location_id')])
    .where(locationIdOf('meeting.location'), 'in', locationIds)
    .where('meeting.withdrawn_at', 'is', null)
    .orderBy('meeting.date')
    .orderBy(byIdC('meeting.id'))
    .execute();
}

// ---- Withdrawn: records that exist but are not public (OParl 1.1 section 2.8, deleted objects) ---------------------

export type WithdrawalKind = 'agenda-item' | 'report' | 'consultation' | 'meeting';

/** A record the public may not see (never published, withdrawn, or made exempt), and the latest change deciding it. */
export function findWithdrawal(db: Db, kind: WithdrawalKind, id: string) {
  return db
    .selectFrom('public_withdrawal')
    .select(['record_id', 'created_at', 'modified'])
    .where('kind', '=', kind)
    .where('record_id', '=', id)
    .executeTakeFirst();
}
export type WithdrawalRow = NonNullable<Awaited<ReturnType<typeof findWithdrawal>>>;

/**
 * The withdrawn records of an authority changed within the filter, in id order, with their total (from the cursor
 * on, when the window has one).
 */
export async function listWithdrawals(
  db: Db,
  kind: WithdrawalKind,
  authorityId: string,
  filter: ChangeFilter,
  window: PageWindow,
): Promise<Paged<WithdrawalRow>> {
  const base = db
    .selectFrom('public_withdrawal as withdrawal')
    .where('withdrawal.kind', '=', kind)
    .where('withdrawal.authority_id', '=', authorityId)
    .where(changedWithin('withdrawal', filter, 'modified'))
    // A withdrawn report's or meeting's time is made of the same parts as a public one's.
    .$if(kind === 'report', (query) => query.where(amongChanged('withdrawal.record_id', filter, changedReportIds)))
    .$if(kind === 'meeting', (query) => query.where(amongChanged('withdrawal.record_id', filter, changedMeetingIds)))
    .where(afterId('withdrawal.record_id', window));
  const [rows, counted] = await Promise.all([
    window.limit > 0
      ? base
          .select(['withdrawal.record_id', 'withdrawal.created_at', 'withdrawal.modified'])
          .orderBy(byIdC('withdrawal.record_id'))
          .limit(window.limit)
          .offset(window.after ? 0 : window.offset)
          .execute()
      : Promise.resolve([]),
    base.select(sql<string>`count(*)::text`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { ...(rows.length > 0 ? { lastKey: [rows.at(-1)!.record_id] } : {}), rows, total: Number(counted.count) };
}
