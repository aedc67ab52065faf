import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import { recentMeetings, upcomingMeetings } from '../../db/queries/portal/home.ts';
import { listDecisions } from '../../db/queries/portal/decisions.ts';
import { presentHome } from './presenters/home.ts';
import { ROUTES } from '../../http/routes.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { readerFor } from '../../http/reader.ts';

export function registerHomeRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  app.get(ROUTES.home, (request, reply) => getHome(database, request, reply));
}

async function getHome(database: DatabaseHandle, request: FastifyRequest, reply: FastifyReply) {
  const db = readerFor(database, request);
  const day = todayInLondon();
  const upcoming = await upcomingMeetings(db, day, 5);
  const recent = await recentMeetings(db, day, 5);
  const decisions = await listDecisions(db, {}, { limit: 5 });
  return reply.view('portal/home.njk', { view: presentHome(upcoming, recent, decisions.rows), currentNav: 'home' });
}
