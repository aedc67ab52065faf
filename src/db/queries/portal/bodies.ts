/** Read queries for bodies (the council, its cabinet, committees): typed Kysely only. */
import { sql } from 'kysely';
import type { Db } from '../../types.ts';

export async function findBodyBySlug(db: Db, slug: string) {
  return db
    .selectFrom('body')
    .leftJoin('body as parent', 'parent.id', 'body.parent_id')
    .select([
      'body.id',
      'body.name',
      'body.slug',
      'body.kind',
      'body.terms_of_reference',
      'body.clerk_name',
      'body.clerk_email',
      'body.clerk_phone',
      'parent.name as parent_name',
      'parent.slug as parent_slug',
    ])
    .where('body.slug', '=', slug)
    .executeTakeFirst();
}
export type BodyRow = NonNullable<Awaited<ReturnType<typeof findBodyBySlug>>>;

/**
 * Every body's name and slug, by name: the committee choice of the search, decisions and calendar forms. Unlike
 * listBodies it counts nothing, so its cost is the number of bodies, not of meetings.
 */
export async function bodyChoices(db: Db) {
  return db.selectFrom('body').select(['body.id', 'body.name', 'body.slug']).orderBy('body.name').execute();
}

/** Every body with how many meetings it has held and when it last and next meets. */
export async function listBodies(db: Db, today: string) {
  return db
    .selectFrom('body')
    .select((eb) => [
      'body.id',
      'body.name',
      'body.slug',
      'body.kind',
      eb
        .selectFrom('meeting')
        .whereRef('meeting.body_id', '=', 'body.id')
        .select((sub) => sub.cast<number>(sub.fn.countAll(), 'integer').as('n'))
        .as('meeting_count'),
      eb
        .selectFrom('meeting')
        .whereRef('meeting.body_id', '=', 'body.id')
        .where('meeting.date', '<', today)
        .select((sub) => sub.fn.max('meeting.date').as('d'))
        .as('last_meeting_date'),
      eb
        .selectFrom('meeting')
        .whereRef('meeting.body_id', '=', 'body.id')
        .where('meeting.date', '>=', today)
        .select((sub) => sub.fn.min('meeting.date').as('d'))
        .as('next_meeting_date'),
      eb
        .selectFrom('membership')
        .whereRef('membership.body_id', '=', 'body.id')
        .select((sub) => sub.cast<number>(sub.fn.countAll(), 'integer').as('n'))
        .as('membership_count'),
    ])
    .orderBy('body.name')
    .execute();
}
export type BodyListRow = Awaited<ReturnType<typeof listBodies>>[number];

/** Members of a body on a date (open-ended memberships count), with their political group then if recorded. */
export async function bodyMembers(db: Db, bodyId: string, onDate: string) {
  return (
    db
      .selectFrom('membership')
      .innerJoin('person', 'person.id', 'membership.person_id')
      .leftJoin('group_membership', (join) =>
        join
          .onRef('group_membership.person_id', '=', 'person.id')
          .on((eb) => eb.or([eb('group_membership.start_date', 'is', null), eb('group_membership.start_date', '<=', onDate)]))
          .on((eb) => eb.or([eb('group_membership.end_date', 'is', null), eb('group_membership.end_date', '>=', onDate)])),
      )
      .leftJoin('political_group', 'political_group.id', 'group_membership.group_id')
      .select([
        'membership.id',
        'membership.role',
        'membership.start_date',
        'membership.end_date',
        'person.id as person_id',
        'person.honorific',
        'person.given_name',
        'person.initials',
        'person.family_name',
        'person.post_nominals',
        'political_group.name as group_name',
      ])
      .where('membership.body_id', '=', bodyId)
      .where((eb) => eb.or([eb('membership.start_date', 'is', null), eb('membership.start_date', '<=', onDate)]))
      .where((eb) => eb.or([eb('membership.end_date', 'is', null), eb('membership.end_date', '>=', onDate)]))
      // The chair first, then the vice-chair, members, and substitutes last, as a committee's page lists them.
      .orderBy(
        sql`case when lower(membership.role) in ('chair', 'chairman', 'chairwoman', 'chairperson') then 0 when lower(membership.role) like 'vice%' then 1 when lower(membership.role) like 'substitute%' then 3 else 2 end`,
      )
      .orderBy('person.family_name')
      .orderBy('person.id')
      .execute()
  );
}

/**
 * People recorded at a body's meetings as members (present, apologies, substitutes), with how often: when the
 * council has not recorded memberships, this is the best public evidence of who sits on the body. Read from the
 * figures kept on write (migration 20261207_5401), one row per person, whatever the number of meetings.
 */
export async function bodyAttendees(db: Db, bodyId: string) {
  // The body's figures first (its index), then their people: a plan that walks every person and looks each up in
  // the figures (what PostgreSQL chose without statistics, as on a freshly restored database) grows with the people.
  return db
    .with(
      (cte) => cte('total').materialized(),
      (qb) => qb.selectFrom('person_attendance_total').select(['person_id', 'role', 'listed']).where('body_id', '=', bodyId).where('listed', '>', 0),
    )
    .selectFrom('total')
    .innerJoin('person', 'person.id', 'total.person_id')
    .select([
      'person.id as person_id',
      'person.honorific',
      'person.given_name',
      'person.initials',
      'person.family_name',
      'person.post_nominals',
      'total.role',
      'total.listed as meeting_count',
    ])
    .where('person.kind', '=', 'member')
    .orderBy('person.family_name')
    .orderBy('person.id')
    .execute();
}

/** Where a page of a body's meetings starts: before this day (a body meets at most once a day: unique body and date). */
export interface MeetingCursor {
  date: string;
}

/**
 * One page of a body's meetings, newest first, before a cursor (keyset on the unique index on body and date), with one more
 * read than shown to know whether older ones exist.
 */
export async function bodyMeetings(db: Db, bodyId: string, page: { limit: number; before?: MeetingCursor | undefined }) {
  let query = db
    .selectFrom('meeting')
    .select(['meeting.id', 'meeting.date', 'meeting.start_time', 'meeting.location', 'meeting.status', 'meeting.kind'])
    .where('meeting.body_id', '=', bodyId);
  const before = page.before;
  if (before) query = query.where('meeting.date', '<', before.date);
  const rows = await query
    .orderBy('meeting.date', 'desc')
    .limit(page.limit + 1)
    .execute();
  return { rows: rows.slice(0, page.limit), more: rows.length > page.limit };
}
