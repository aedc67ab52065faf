import { findMeetingRecord } from '../../db/queries/meetings.ts';
import { NotFound } from '../../http/errors.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import { presentMeeting } from './presenters/meeting.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { parseMeetingSlug } from '../portal/slugs.ts';
import { MeetingParamsSchema, meetingNamed } from './meeting-params.ts';
import { readerFor, type MeetingRef } from '../../http/reader.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { meetingDocumentsIndex } from '../../services/documents/meeting-documents-index.ts';
import { presentMeetingDocuments } from './presenters/meeting-documents.ts';

/** The meeting a request for a meeting's page names (not checked against the records: the page does that). */
export function meetingOf(request: FastifyRequest): MeetingRef | undefined {
  if (request.routeOptions.url !== ROUTES['meeting.show']) return undefined;
  const params = MeetingParamsSchema.safeParse(request.params);
  if (!params.success) return undefined;
  return parseMeetingSlug(params.data.id) ?? { id: params.data.id };
}

/** A meeting's page; the calendar (calendar-routes.ts) and its iCalendar file (ics-route.ts) are its siblings. */
export function registerMeetingRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  app.get(ROUTES['meeting.show'], async (request, reply) => {
    const db = readerFor(database, request);
    const named = await meetingNamed(db, request.params);
    if (named.movedTo) return reply.redirect(linkTo('meeting.show', { id: named.movedTo }), 301);
    const record = named.id ? await findMeetingRecord(db, named.id) : undefined;
    if (!record) throw NotFound('Meeting not found');
    const meetingDocuments = presentMeetingDocuments(await meetingDocumentsIndex(db, { meetingId: record.meeting.id, audience: 'public' }), 'public');
    return reply.view('meetings/meeting.njk', { view: presentMeeting(record), meetingDocuments, currentNav: 'meetings' });
  });
}
