import { z } from 'zod';
import { findMeetingRecord } from '../../db/queries/meetings.ts';
import { NotFound } from '../../http/errors.ts';
import type { Feature } from '../../http/feature.ts';
import { presentMeeting } from '../presenters/meeting.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { findMeetingIdByBodyAndDate, findMovedMeeting } from '../../db/queries/portal/meeting-lookup.ts';
import { meetingSlug, parseMeetingSlug } from '../portal/slugs.ts';
import { registerCalendarRoutes } from './calendar-routes.ts';
import { usePageCache } from '../../http/page-cache.ts';
import { readerFor, type MeetingRef } from '../../http/reader.ts';
import type { FastifyRequest } from 'fastify';
import { meetingDocumentsIndex } from '../../services/documents/meeting-documents-index.ts';
import { presentMeetingDocuments } from '../presenters/meeting-documents.ts';

/** Ids are stable ids ("meeting-1a2b...") or slugs; anything else cannot name a meeting, so it is simply not found. */
export const MeetingParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'must be a meeting id') });
export type MeetingParams = z.infer<typeof MeetingParamsSchema>;

/** The meeting a request for a meeting's page names (not checked against the records: the page does that). */
function meetingOf(request: FastifyRequest): MeetingRef | undefined {
  if (request.routeOptions.url !== ROUTES['meeting.show']) return undefined;
  const params = MeetingParamsSchema.safeParse(request.params);
  if (!params.success) return undefined;
  return parseMeetingSlug(params.data.id) ?? { id: params.data.id };
}

export const meetingsFeature: Feature = async (app, { database }) => {
  // A meeting's page is kept while other meetings change (src/http/page-cache.ts).
  usePageCache(app, database, { meetingOf });
  registerCalendarRoutes(app, database);

  app.get(ROUTES['meeting.show'], async (request, reply) => {
    const db = readerFor(database, request);
    const params = MeetingParamsSchema.safeParse(request.params);
    if (!params.success) throw NotFound('Meeting not found');
    const named = parseMeetingSlug(params.data.id);
    const id = named ? await findMeetingIdByBodyAndDate(db, named.bodySlug, named.date) : params.data.id;
    const record = id ? await findMeetingRecord(db, id) : undefined;
    if (!record) {
      // A meeting keeps every address it had: an old one (date or body changed) is answered with a permanent redirect.
      const moved = named ? await findMovedMeeting(db, params.data.id) : undefined;
      if (moved) return reply.redirect(linkTo('meeting.show', { id: meetingSlug(moved.date, moved.body_slug) }), 301);
      throw NotFound('Meeting not found');
    }
    const meetingDocuments = presentMeetingDocuments(await meetingDocumentsIndex(db, { meetingId: id!, audience: 'public' }), 'public');
    return reply.view('meeting.njk', { view: presentMeeting(record), meetingDocuments, currentNav: 'meetings' });
  });
};
