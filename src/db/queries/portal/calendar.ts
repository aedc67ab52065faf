import type { Db } from '../../types.ts';

export interface CalendarFilter {
  /** Inclusive, 'YYYY-MM-DD'. */
  from: string;
  /** Inclusive, 'YYYY-MM-DD'. */
  to: string;
  bodyId?: string;
}

export async function meetingsBetween(db: Db, filter: CalendarFilter) {
  let query = db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .select((eb) => [
      'meeting.id',
      'meeting.date',
      'meeting.start_time',
      'meeting.location',
      'meeting.status',
      'body.name as body_name',
      'body.slug as body_slug',
      eb
        .selectFrom('public_agenda_item as agenda_item')
        .whereRef('agenda_item.meeting_id', '=', 'meeting.id')
        .select((sub) => sub.cast<number>(sub.fn.countAll(), 'integer').as('count'))
        .as('agenda_item_count'),
      eb
        .selectFrom('public_minute as minute')
        .whereRef('minute.meeting_id', '=', 'meeting.id')
        .select((sub) => sub.cast<number>(sub.fn.countAll(), 'integer').as('count'))
        .as('minute_count'),
    ])
    .where('meeting.date', '>=', filter.from)
    .where('meeting.date', '<=', filter.to);
  if (filter.bodyId) query = query.where('meeting.body_id', '=', filter.bodyId);
  return query.orderBy('meeting.date').orderBy('meeting.start_time').orderBy('body.name').execute();
}
export type CalendarMeetingRow = Awaited<ReturnType<typeof meetingsBetween>>[number];

/**
 * The day a calendar opens on when none is asked for: the latest meeting on or before today, else the next one.
 * An archive of past papers would otherwise open on an empty month.
 */
export async function anchorMeetingDate(db: Db, today: string, bodyId?: string): Promise<string | undefined> {
  let past = db
    .selectFrom('meeting')
    .select((eb) => eb.fn.max('meeting.date').as('date'))
    .where('meeting.date', '<=', today);
  if (bodyId) past = past.where('meeting.body_id', '=', bodyId);
  const latest = (await past.executeTakeFirst())?.date;
  if (latest) return latest;
  let next = db
    .selectFrom('meeting')
    .select((eb) => eb.fn.min('meeting.date').as('date'))
    .where('meeting.date', '>', today);
  if (bodyId) next = next.where('meeting.body_id', '=', bodyId);
  return (await next.executeTakeFirst())?.date ?? undefined;
}

/** The first and last meeting days, so the views link no further than there are meetings. */
export async function meetingDateRange(db: Db, bodyId?: string): Promise<{ first?: string; last?: string }> {
  let query = db.selectFrom('meeting').select((eb) => [eb.fn.min('meeting.date').as('first'), eb.fn.max('meeting.date').as('last')]);
  if (bodyId) query = query.where('meeting.body_id', '=', bodyId);
  const row = await query.executeTakeFirst();
  return { ...(row?.first ? { first: row.first } : {}), ...(row?.last ? { last: row.last } : {}) };
}
