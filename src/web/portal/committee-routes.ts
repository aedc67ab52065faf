import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import { bodyAttendees, bodyMeetings, bodyMembers, findBodyBySlug, listBodies } from '../../db/queries/portal/bodies.ts';
import { NotFound } from '../../http/errors.ts';
import { presentCommittee, presentCommitteeList } from '../presenters/portal/committees.ts';
import { ROUTES } from '../../http/routes.ts';
import { SlugParamSchema } from './params.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { readerFor } from '../../http/reader.ts';

export function registerCommitteeRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  app.get(ROUTES['committee.list'], async (request, reply) => {
    const db = readerFor(database, request);
    const groups = presentCommitteeList(await listBodies(db, todayInLondon()));
    return reply.view('portal/committees.njk', { groups, currentNav: 'committees' });
  });

  app.get(ROUTES['committee.show'], async (request, reply) => {
    const db = readerFor(database, request);
    const params = SlugParamSchema.safeParse(request.params);
    if (!params.success) throw NotFound('Committee not found');
    const body = await findBodyBySlug(db, params.data.slug);
    if (!body) throw NotFound('Committee not found');
    const members = await bodyMembers(db, body.id, todayInLondon());
    const attendees = await bodyAttendees(db, body.id);
    const meetings = await bodyMeetings(db, body.id);
    return reply.view('portal/committee.njk', { view: presentCommittee(body, members, attendees, meetings), currentNav: 'committees' });
  });
}
