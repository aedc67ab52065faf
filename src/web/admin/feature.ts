/**
 * The back office under /admin: committee management for democratic services officers, and the history of any
 * record. Every route here requires the democratic-services role (the scrutiny, plans and allowances back offices
 * guard their own routes under /admin/<area>).
 */
import type { Feature } from '../features.ts';
import { requireRole } from '../auth/plugin.ts';
import { ROUTES } from '../routes.ts';
import { historyRoutes } from './history/routes.ts';
import { accountRoutes } from './accounts/routes.ts';
import { bodyRoutes } from './bodies/routes.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { listRecentMeetings } from '../../db/repositories/committee-admin.ts';
import { longDate } from './presenters.ts';

export const adminFeature: Feature = async (app, deps) => {
  app.addHook('preHandler', requireRole('democratic-services'));

  app.get(ROUTES['admin.home'], async (request, reply) => {
    const meetings = (await listRecentMeetings(deps.database.db)).map((row) => ({ ...row, longDate: longDate(row.date) }));
    return reply.view('admin/home.njk', { pageTitle: 'Back office', user: request.user, meetings });
  });

  await historyRoutes(app, deps);
  await accountRoutes(app, deps);
  await bodyRoutes(app, deps);
  await meetingRoutes(app, deps);
};
