import type { Db } from '../../types.ts';

function meetingsQuery(db: Db) {
  return db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .select(['meeting.id', 'meeting.date', 'meeting.start_time', 'meeting.location', 'meeting.status', 'body.name as body_name', 'body.slug as body_slug']);
}

export async function upcomingMeetings(db: Db, today: string, limit: number) {
  return meetingsQuery(db).where('meeting.date', '>=', today).orderBy('meeting.date').orderBy('meeting.start_time').orderBy('body.name').limit(limit).execute();
}

export async function recentMeetings(db: Db, today: string, limit: number) {
  return meetingsQuery(db).where('meeting.date', '<', today).orderBy('meeting.date', 'desc').orderBy('body.name').limit(limit).execute();
}
export type HomeMeetingRow = Awaited<ReturnType<typeof upcomingMeetings>>[number];
