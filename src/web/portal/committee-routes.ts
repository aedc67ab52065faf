import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import { bodyAttendees, bodyMeetings, bodyMembers, findBodyBySlug, listBodies } from '../../db/queries/portal/bodies.ts';
import { z } from 'zod';
import { NotFound } from '../../http/errors.ts';
import { presentCommittee, presentCommitteeList } from './presenters/committees.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { SlugParamSchema } from './params.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { readerFor } from '../../http/reader.ts';

/** Meetings shown on a committee's page at a time; older ones are a link away, so the page does not grow with the archive. */
const MEETINGS_PER_PAGE = 50;
/** `?before=<date>`: the day of the last meeting of the page before. A cursor that does not parse shows the newest. */
const CommitteeQuery = z.object({
  before: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .transform((date) => ({ date }))
    .optional()
    .catch(undefined),
});

export function registerCommitteeRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  app.get(ROUTES['committee.list'], (request, reply) => getCommitteeList(database, request, reply));
  app.get(ROUTES['committee.show'], (request, reply) => getCommitteeShow(database, request, reply));
}

async function getCommitteeList(database: DatabaseHandle, request: FastifyRequest, reply: FastifyReply) {
  const db = readerFor(database, request);
  const groups = presentCommitteeList(await listBodies(db, todayInLondon()));
  return reply.view('portal/committees.njk', { groups, currentNav: 'committees' });
}

async function getCommitteeShow(database: DatabaseHandle, request: FastifyRequest, reply: FastifyReply) {
  const db = readerFor(database, request);
  const params = SlugParamSchema.safeParse(request.params);
  if (!params.success) throw NotFound('Committee not found');
  const body = await findBodyBySlug(db, params.data.slug);
  if (!body) throw NotFound('Committee not found');
  const members = await bodyMembers(db, body.id, todayInLondon());
  const attendees = await bodyAttendees(db, body.id);
  const { before } = CommitteeQuery.parse(request.query ?? {});
  const meetings = await bodyMeetings(db, body.id, { limit: MEETINGS_PER_PAGE, before });
  const last = meetings.rows.at(-1);
  const self = linkTo('committee.show', { slug: body.slug });
  return reply.view('portal/committee.njk', {
    view: presentCommittee(body, members, attendees, meetings.rows),
    olderHref: meetings.more && last ? `${self}?${new URLSearchParams({ before: last.date })}#meetings` : undefined,
    newestHref: before ? `${self}#meetings` : undefined,
    currentNav: 'committees',
  });
}
