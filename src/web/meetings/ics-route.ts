/**
 * "Add to my calendar": one meeting as an iCalendar file. The event is the one the calendar feeds carry (same UID,
 * SEQUENCE and status, made by the same `meetingCalendar`), so a file added by hand and a subscription agree, and a
 * later file for a moved or cancelled meeting updates the event the calendar already holds.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import { calendarMeetings } from '../../db/queries/portal/feeds.ts';
import { formatShortDate } from '../../domain/dates.ts';
import { NotFound } from '../../http/errors.ts';
import { readerFor } from '../../http/reader.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { meetingCalendar } from '../../services/feeds/meeting-calendar.ts';
import { publicBaseUrl } from '../portal/feed-routes.ts';
import { meetingSlug } from '../portal/slugs.ts';
import { meetingHref } from '../portal/presenters/links.ts';
import { meetingNamed } from './meeting-params.ts';

export function registerMeetingCalendarRoute(app: FastifyInstance, config: Config, database: DatabaseHandle): void {
  const base = publicBaseUrl(config);
  const uidDomain = new URL(base).hostname;

  app.get(ROUTES['meeting.ics'], async (request, reply) => {
    const db = readerFor(database, request);
    const named = await meetingNamed(db, request.params);
    if (named.movedTo) return reply.redirect(linkTo('meeting.ics', { id: named.movedTo }), 301);
    const [meeting] = named.id ? await calendarMeetings(db, { meetingId: named.id }) : [];
    if (!meeting) throw NotFound('Meeting not found');
    const text = meetingCalendar({
      name: `${meeting.body_name}, ${formatShortDate(meeting.date)}`,
      meetings: [meeting],
      meetingUrl: (row) => `${base}${meetingHref(row)}`,
      uidDomain,
    });
    const filename = meeting.body_slug ? meetingSlug(meeting.date, meeting.body_slug) : meeting.id;
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${filename}.ics"`).send(text);
  });
}
