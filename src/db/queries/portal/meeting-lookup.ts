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
