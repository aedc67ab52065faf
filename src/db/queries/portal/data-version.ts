/**
 * The counters the page cache is keyed on (migrations 20261125_0401 and 20261207_2801): bumped in the same commit as
 * every change, so a page rendered after reading them is at least as new as what they say.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.ts';

/** What a page of anything but one meeting depends on: every change. */
export async function currentDataVersion(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('portal_data_version').select(['version', 'meetings']).executeTakeFirstOrThrow();
  return `${row.version}.${row.meetings}`;
}

/** A meeting named in a URL: by id, or by its body's slug and date (a body meets at most once a day). */
export type MeetingRef = { id: string } | { bodySlug: string; date: string };

/**
 * What one meeting's page depends on: every change except those to other meetings' parts, in one statement (so the
 * URL's meeting and its counter are read together). A meeting's date and body, which make its URL, are on the
 * general counter, so which meeting a URL names cannot change without it.
 */
export async function currentMeetingPageVersion(db: Kysely<Database>, ref: MeetingRef): Promise<string> {
  const row = await db
    .selectFrom('portal_data_version as v')
    .select((eb) => [
      'v.version',
      eb
        .selectFrom('portal_meeting_version as mv')
        .select('mv.version')
        .where(
          'mv.meeting_id',
          '=',
          'id' in ref
            ? eb.val(ref.id)
            : eb
                .selectFrom('meeting')
                .innerJoin('body', 'body.id', 'meeting.body_id')
                .select('meeting.id')
                .where('body.slug', '=', ref.bodySlug)
                .where('meeting.date', '=', ref.date)
                .limit(1),
        )
        .as('meeting'),
    ])
    .executeTakeFirstOrThrow();
  return `${row.version}.m${row.meeting ?? 0}`;
}
