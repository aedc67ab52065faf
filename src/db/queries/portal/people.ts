/**
 * Read queries for people's public pages: roles, memberships, attendance record, declarations, questions and
 * votes. Votes on exempt minutes are left out, as on the meeting page.
 */
import { sql } from 'kysely';
import type { Db } from '../../types.ts';

/** What a person's page heads itself with: the name's parts, kind and job title. */
export async function findPersonHeading(db: Db, id: string) {
  return db
    .selectFrom('person')
    .select(['id', 'kind', 'honorific', 'given_name', 'initials', 'family_name', 'post_nominals', 'job_title'])
    .where('id', '=', id)
    .executeTakeFirst();
}
export type PersonHeading = NonNullable<Awaited<ReturnType<typeof findPersonHeading>>>;

/** Members with how many meetings they are recorded at, for the councillors list. */
export async function listMembers(db: Db) {
  return db
    .selectFrom('person')
    .select((eb) => [
      'person.id',
      'person.honorific',
      'person.given_name',
      'person.initials',
      'person.family_name',
      'person.post_nominals',
      eb
        .selectFrom('attendance')
        .whereRef('attendance.person_id', '=', 'person.id')
        .where('attendance.status', 'in', ['present', 'substitute'])
        .select((sub) => sub.cast<number>(sub.fn.count('attendance.meeting_id').distinct(), 'integer').as('n'))
        .as('meetings_attended'),
      eb
        .selectFrom('group_membership')
        .innerJoin('political_group', 'political_group.id', 'group_membership.group_id')
        .whereRef('group_membership.person_id', '=', 'person.id')
        .where('group_membership.end_date', 'is', null)
        .select('political_group.name')
        .limit(1)
        .as('group_name'),
    ])
    .where('person.kind', '=', 'member')
    .orderBy('person.family_name')
    .orderBy('person.initials')
    .orderBy('person.id')
    .execute();
}
export type MemberListRow = Awaited<ReturnType<typeof listMembers>>[number];

export async function personMemberships(db: Db, personId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('body', 'body.id', 'membership.body_id')
    .select(['membership.id', 'membership.role', 'membership.start_date', 'membership.end_date', 'body.name as body_name', 'body.slug as body_slug'])
    .where('membership.person_id', '=', personId)
    .orderBy('membership.end_date', (ob) => ob.desc().nullsFirst())
    .orderBy('body.name')
    .execute();
}

export async function personGroups(db: Db, personId: string) {
  return db
    .selectFrom('group_membership')
    .innerJoin('political_group', 'political_group.id', 'group_membership.group_id')
    .select(['group_membership.id', 'group_membership.role', 'group_membership.start_date', 'group_membership.end_date', 'political_group.name'])
    .where('group_membership.person_id', '=', personId)
    .orderBy('group_membership.start_date', (ob) => ob.desc().nullsLast())
    .execute();
}

/** Roles printed beside the person's name in attendance lists (Chairman, Cabinet Member for ...), with when. */
export async function personRecordedRoles(db: Db, personId: string) {
  return db
    .selectFrom('attendance')
    .innerJoin('meeting', 'meeting.id', 'attendance.meeting_id')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .select((eb) => ['attendance.role', 'body.name as body_name', 'body.slug as body_slug', eb.fn.max('meeting.date').as('last_date')])
    .where('attendance.person_id', '=', personId)
    .where('attendance.role', 'is not', null)
    .groupBy(['attendance.role', 'body.name', 'body.slug'])
    .orderBy('last_date', 'desc')
    .execute();
}

export interface AttendanceRecordRow {
  body_id: string;
  body_name: string;
  body_slug: string;
  expected: number;
  attended: number;
  /** Expected meetings at which the member sent apologies. */
  apologies: number;
}

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Expected: held meetings of a body during a recorded membership, plus any meeting the person was listed at as a
 * member (present, apologies, absent or substitute), within the period if one is given; withdrawn meetings do not
 * count. Attended: listed present or as a substitute. Apologies: listed as sending apologies. The rest of the
 * expected meetings are absences.
 *
 * Read from the figures kept on write (migration 20261207_5401): the totals without a period; with one, the whole
 * months inside it from the monthly rows and its partial first and last months from the records
 * (`person_attendance_rows`, the same rule), so the cost is the number of months, not of meetings.
 */
export async function personAttendanceRecord(db: Db, personId: string, period: Period = {}): Promise<AttendanceRecordRow[]> {
  if (!period.from && !period.to) {
    const result = await sql<AttendanceRecordRow>`
      select b.id as body_id, b.name as body_name, b.slug as body_slug, t.expected, t.attended, t.apologies
        from person_attendance_total t join body b on b.id = t.body_id
       where t.person_id = ${personId} and t.expected > 0
       order by b.name`.execute(db);
    return result.rows;
  }
  const split = splitPeriod(period);
  const result = await sql<AttendanceRecordRow>`
    select b.id as body_id, b.name as body_name, b.slug as body_slug,
           sum(x.expected)::int as expected, sum(x.attended)::int as attended, sum(x.apologies)::int as apologies
      from (
        select s.body_id, s.expected, s.attended, s.apologies
          from person_attendance_stat s
         where s.person_id = ${personId} and s.month >= ${split.months.from}::date and s.month < ${split.months.to}::date
        union all
        select t.body_id, r.expected, r.attended, r.apologies
          from person_attendance_total t
         cross join unnest(${split.edges.map((edge) => edge.from)}::text[], ${split.edges.map((edge) => edge.to)}::text[]) as edge(lo, hi)
         cross join lateral person_attendance_rows(t.person_id, t.body_id, edge.lo::date, edge.hi::date) r
         where t.person_id = ${personId}
      ) x
      join body b on b.id = x.body_id
     group by b.id, b.name, b.slug
    having sum(x.expected) > 0
     order by b.name`.execute(db);
  return result.rows;
}

interface DayRange {
  /** Inclusive. */
  from: string;
  /** Exclusive. */
  to: string;
}

/**
 * A period of days as whole calendar months (read from the monthly figures) and the partial months at its ends
 * (read from the records); every range is half-open. 'infinity' stands for an open end, as PostgreSQL reads it.
 */
export function splitPeriod(period: Period): { months: DayRange; edges: DayRange[] } {
  const start = period.from ?? '-infinity';
  const end = period.to ? nextDay(period.to) : 'infinity';
  const monthsFrom = !period.from || period.from.endsWith('-01') ? start : firstOfNextMonth(period.from);
  const monthsTo = !period.to || end.endsWith('-01') ? end : `${period.to.slice(0, 7)}-01`;
  if (!(monthsFrom === '-infinity' || monthsTo === 'infinity' || monthsFrom < monthsTo)) {
    return { months: { from: start, to: start }, edges: [{ from: start, to: end }] };
  }
  const edges: DayRange[] = [];
  if (start !== monthsFrom) edges.push({ from: start, to: monthsFrom });
  if (end !== monthsTo) edges.push({ from: monthsTo, to: end });
  return { months: { from: monthsFrom, to: monthsTo }, edges };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function firstOfNextMonth(day: string): string {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}

/** A member's ward, term of office and public contact details (migration 20261207_1800). */
export async function personProfile(db: Db, personId: string) {
  return db
    .selectFrom('person')
    .leftJoin('ward', 'ward.id', 'person.ward_id')
    .select(['person.term_start', 'person.term_end', 'person.email', 'person.phone', 'ward.name as ward_name', 'ward.slug as ward_slug'])
    .where('person.id', '=', personId)
    .executeTakeFirst();
}
export type PersonProfileRow = NonNullable<Awaited<ReturnType<typeof personProfile>>>;

/** Councillors on a day with their ward and political group then, filtered by group and ward. */
export async function listCouncillors(db: Db, filters: { today: string; groupId?: string | undefined; wardSlug?: string | undefined }) {
  const { today } = filters;
  let query = db
    .selectFrom('person')
    .leftJoin('ward', 'ward.id', 'person.ward_id')
    .leftJoin('group_membership', (join) =>
      join
        .onRef('group_membership.person_id', '=', 'person.id')
        .on((eb) => eb.or([eb('group_membership.start_date', 'is', null), eb('group_membership.start_date', '<=', today)]))
        .on((eb) => eb.or([eb('group_membership.end_date', 'is', null), eb('group_membership.end_date', '>=', today)])),
    )
    .leftJoin('political_group', 'political_group.id', 'group_membership.group_id')
    .select((eb) => [
      'person.id',
      'person.honorific',
      'person.given_name',
      'person.initials',
      'person.family_name',
      'person.post_nominals',
      'ward.name as ward_name',
      'ward.slug as ward_slug',
      'political_group.id as group_id',
      'political_group.name as group_name',
      eb
        .selectFrom('attendance')
        .whereRef('attendance.person_id', '=', 'person.id')
        .where('attendance.status', 'in', ['present', 'substitute'])
        .select((sub) => sub.cast<number>(sub.fn.count('attendance.meeting_id').distinct(), 'integer').as('n'))
        .as('meetings_attended'),
    ])
    .where('person.kind', '=', 'member');
  if (filters.groupId) query = query.where('political_group.id', '=', filters.groupId);
  if (filters.wardSlug) query = query.where('ward.slug', '=', filters.wardSlug);
  return query.orderBy('person.family_name').orderBy('person.initials').orderBy('person.id').execute();
}
export type CouncillorRow = Awaited<ReturnType<typeof listCouncillors>>[number];

/** Wards with at least one member, for the "find your councillor" choice. */
export async function listWards(db: Db) {
  return db
    .selectFrom('ward')
    .select(['ward.name', 'ward.slug'])
    .where((eb) => eb.exists(eb.selectFrom('person').select('person.id').whereRef('person.ward_id', '=', 'ward.id')))
    .orderBy('ward.name')
    .execute();
}

/** Political groups with a member on the day, for the councillors filter. */
export async function listGroupsOn(db: Db, today: string) {
  return db
    .selectFrom('political_group')
    .select(['political_group.id', 'political_group.name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('group_membership')
          .select('group_membership.id')
          .whereRef('group_membership.group_id', '=', 'political_group.id')
          .where((inner) => inner.or([inner('group_membership.start_date', 'is', null), inner('group_membership.start_date', '<=', today)]))
          .where((inner) => inner.or([inner('group_membership.end_date', 'is', null), inner('group_membership.end_date', '>=', today)])),
      ),
    )
    .orderBy('political_group.name')
    .execute();
}

export async function personDeclarations(db: Db, personId: string) {
  return db
    .selectFrom('public_declaration as declaration')
    .innerJoin('meeting', 'meeting.id', 'declaration.meeting_id')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .leftJoin('public_minute as minute', 'minute.id', 'declaration.minute_id')
    .leftJoin('public_agenda_item as agenda_item', 'agenda_item.id', 'declaration.agenda_item_id')
    .select([
      'declaration.id',
      'declaration.kind',
      'declaration.reason',
      'declaration.agenda_item_number',
      'agenda_item.title as agenda_item_title',
      'minute.number as minute_number',
      'minute.title as minute_title',
      'meeting.id as meeting_id',
      'meeting.date',
      'body.name as body_name',
      'body.slug as body_slug',
    ])
    .where('declaration.person_id', '=', personId)
    .orderBy('meeting.date', 'desc')
    .orderBy('declaration.id')
    .execute();
}

export async function personQuestions(db: Db, personId: string) {
  return db
    .selectFrom('question')
    .innerJoin('meeting', 'meeting.id', 'question.meeting_id')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .leftJoin('person as asked_to', 'asked_to.id', 'question.asked_to_id')
    .select([
      'question.id',
      'question.question_text',
      'question.to_role',
      'question.answer_text',
      'asked_to.id as asked_to_id',
      'asked_to.honorific',
      'asked_to.given_name',
      'asked_to.initials',
      'asked_to.family_name',
      'asked_to.post_nominals',
      'meeting.id as meeting_id',
      'meeting.date',
      'body.name as body_name',
      'body.slug as body_slug',
    ])
    .where('question.asked_by_id', '=', personId)
    .orderBy('meeting.date', 'desc')
    .orderBy('question.position')
    .execute();
}

export interface PersonVoteRow {
  vote_event_id: string;
  option: 'for' | 'against' | 'abstain';
  motion_text: string | null;
  result: string;
  meeting_id: string;
  date: string;
  body_name: string;
  body_slug: string;
  minute_number: string | null;
  minute_title: string | null;
  group_name: string | null;
  /** How the person's political group (on the day) voted, when a group is recorded. */
  group_for: number;
  group_against: number;
  group_abstain: number;
}

/** Where a page of a person's votes starts: after this vote in the newest-first order. */
export interface VoteCursor {
  date: string;
  /** The minute's position; null for a vote recorded without a minute (listed after the minutes of its day). */
  position: number | null;
  voteEventId: string;
}

/**
 * One page of the person's public votes after a cursor, newest first; within a day by minute, a vote without a
 * minute last. Read from the rows kept on write (migration 20261208_0600: the visibility rule and the group's
 * figures are applied there), one range of the (person, date desc, position, event) index, so a page costs its 51
 * rows whatever the length of the record. After the cursor's vote as it now stands; if it is gone, after the
 * votes of the cursor's day and later.
 */
export async function personVotes(db: Db, personId: string, page: { limit: number; before?: VoteCursor | undefined }) {
  const before = page.before;
  let after = sql`true`;
  if (before) {
    const at = await db
      .selectFrom('person_vote_stat')
      .select(['date', 'sort_position'])
      .where('person_id', '=', personId)
      .where('vote_event_id', '=', before.voteEventId)
      .executeTakeFirst();
    // The date bound alone opens the index range where the page starts; the rest picks up inside the cursor's day.
    after = at
      ? sql`s.date <= ${at.date}::date and (s.date < ${at.date}::date or (s.sort_position, s.vote_event_id) > (${at.sort_position}::int, ${before.voteEventId}::text))`
      : sql`s.date < ${before.date}::date`;
  }
  const result = await sql<PersonVoteRow & { minute_position: number | null }>`
    select s.vote_event_id, s.option, ve.motion_text, ve.result, m.id as meeting_id, s.date,
           b.name as body_name, b.slug as body_slug, mi.number as minute_number, mi.title as minute_title,
           mi.position as minute_position, pg.name as group_name, s.group_for, s.group_against, s.group_abstain
      from (select * from person_vote_stat s
             where s.person_id = ${personId} and ${after}
             order by s.date desc, s.sort_position, s.vote_event_id
             limit ${page.limit + 1}) s
      join vote_event ve on ve.id = s.vote_event_id
      join meeting m on m.id = ve.meeting_id
      join body b on b.id = m.body_id
      left join minute mi on mi.id = ve.minute_id
      left join political_group pg on pg.id = s.group_id
     order by s.date desc, s.sort_position, s.vote_event_id`.execute(db);
  const rows = result.rows;
  return { rows: rows.slice(0, page.limit), more: rows.length > page.limit };
}

export interface VoteSummary {
  /** Public votes recorded. */
  recorded: number;
  /** Of those, votes where the person's group's majority is known. */
  compared: number;
  /** Of those, votes with the group's majority. */
  withGroup: number;
}

/** The summary of the person's whole public voting record, kept on write (migration 20261208_0600). */
export async function personVoteSummary(db: Db, personId: string): Promise<VoteSummary> {
  const row = await db.selectFrom('person_vote_total').select(['recorded', 'compared', 'with_group']).where('person_id', '=', personId).executeTakeFirst();
  return { recorded: row?.recorded ?? 0, compared: row?.compared ?? 0, withGroup: row?.with_group ?? 0 };
}
