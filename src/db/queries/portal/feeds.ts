import type { Db } from '../../types.ts';

/** Meetings for a calendar: all, one body's (`bodyId`) or one (`meetingId`, the single meeting's .ics). */
export async function calendarMeetings(db: Db, filter: { bodyId?: string; meetingId?: string } = {}) {
  let query = db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .select([
      'meeting.id',
      'meeting.date',
      'meeting.start_time',
      'meeting.end_time',
      'meeting.location',
      'meeting.status',
      'meeting.updated_at',
      'meeting.sequence',
      'meeting.withdrawn_at',
      'body.name as body_name',
      'body.slug as body_slug',
    ]);
  if (filter.bodyId) query = query.where('meeting.body_id', '=', filter.bodyId);
  if (filter.meetingId) query = query.where('meeting.id', '=', filter.meetingId);
  return query.orderBy('meeting.date').orderBy('meeting.start_time').orderBy('body.name').execute();
}
export type CalendarFeedRow = Awaited<ReturnType<typeof calendarMeetings>>[number];

/**
 * The latest meetings whose minutes are published, newest first, each with its minutes' public titles (an exempt
 * minute's title is public; its text never leaves the database here).
 */
export async function publishedMinutes(db: Db, limit: number) {
  const meetings = await db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .select((eb) => [
      'meeting.id',
      'meeting.date',
      'body.name as body_name',
      'body.slug as body_slug',
      eb
        .selectFrom('public_minute as minute')
        .whereRef('minute.meeting_id', '=', 'meeting.id')
        .select((sub) => sub.fn.max('minute.updated_at').as('at'))
        .as('published_at'),
    ])
    .where((eb) => eb.exists(eb.selectFrom('public_minute as minute').whereRef('minute.meeting_id', '=', 'meeting.id').select('minute.id')))
    .orderBy('meeting.date', 'desc')
    .orderBy('body.name')
    .limit(limit)
    .execute();
  if (meetings.length === 0) return [];
  const minutes = await db
    .selectFrom('public_minute as minute')
    .select(['minute.meeting_id', 'minute.number', 'minute.title'])
    .where(
      'minute.meeting_id',
      'in',
      meetings.map((meeting) => meeting.id),
    )
    .orderBy('minute.meeting_id')
    .orderBy('minute.position')
    .execute();
  return meetings.map((meeting) => ({ ...meeting, minutes: minutes.filter((minute) => minute.meeting_id === meeting.id) }));
}
export type PublishedMinutesRow = Awaited<ReturnType<typeof publishedMinutes>>[number];
