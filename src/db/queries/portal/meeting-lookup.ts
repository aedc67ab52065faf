import type { Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

/** The meeting a friendly URL names: a body (by slug) meets at most once a day. */
export async function findMeetingIdByBodyAndDate(db: Kysely<Database>, bodySlug: string, date: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('meeting')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .select('meeting.id')
    .where('body.slug', '=', bodySlug)
    .where('meeting.date', '=', date)
    .executeTakeFirst();
  return row?.id;
}

/** The meeting an old friendly URL named (migration 20261207_3001), with what its address is made of now. */
export async function findMovedMeeting(db: Kysely<Database>, slug: string): Promise<{ date: string; body_slug: string } | undefined> {
  return db
    .selectFrom('meeting_address')
    .innerJoin('meeting', 'meeting.id', 'meeting_address.meeting_id')
    .innerJoin('body', 'body.id', 'meeting.body_id')
    .select(['meeting.date', 'body.slug as body_slug'])
    .where('meeting_address.slug', '=', slug)
    .executeTakeFirst();
}
