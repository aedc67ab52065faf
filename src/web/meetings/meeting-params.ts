/** The meeting a public address names, shared by the meeting's page and its calendar file. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { findMeetingIdByBodyAndDate, findMovedMeeting } from '../../db/queries/portal/meeting-lookup.ts';
import type { Database } from '../../db/schema.ts';
import { meetingSlug, parseMeetingSlug } from '../portal/slugs.ts';

/** Ids are stable ids ("meeting-1a2b...") or slugs; anything else cannot name a meeting, so it is simply not found. */
export const MeetingParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'must be a meeting id') });
export type MeetingParams = z.infer<typeof MeetingParamsSchema>;

/**
 * The meeting a page's address names: its id, its slug, or (when the slug is an old one, the meeting having moved to
 * another date or body) the slug it has now, which the caller answers with a permanent redirect.
 */
export async function meetingNamed(db: Kysely<Database>, params: unknown): Promise<{ id?: string; movedTo?: string }> {
  const parsed = MeetingParamsSchema.safeParse(params);
  if (!parsed.success) return {};
  const named = parseMeetingSlug(parsed.data.id);
  if (!named) return { id: parsed.data.id };
  const id = await findMeetingIdByBodyAndDate(db, named.bodySlug, named.date);
  if (id) return { id };
  // A meeting keeps every address it had.
  const moved = await findMovedMeeting(db, parsed.data.id);
  return moved ? { movedTo: meetingSlug(moved.date, moved.body_slug) } : {};
}
