/**
 * The back office under /admin: its home page, open to every account and showing what each role may do; committee
 * management for democratic services officers and the history of any record, which require the democratic-services
 * role (the scrutiny, plans and allowances back offices guard their own routes under /admin/<area>).
 */
import type { Feature } from '../../http/feature.ts';
import { requireRole } from '../auth/plugin.ts';
import { ROUTES } from '../../http/routes.ts';
import { adminHomePage } from './home.ts';
import { historyRoutes } from './history/routes.ts';
import { accountRoutes } from './accounts/routes.ts';
import { bodyRoutes } from './bodies/routes.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { memberRoutes } from './members/routes.ts';
import { photoRoutes } from './members/photo-routes.ts';
import { attendanceGridRoutes } from './attendance/routes.ts';
import { paperRoutes } from './papers/routes.ts';
import { standingItemRoutes } from './agenda-preparation/standing-items.ts';
import { reportRequestAdminRoutes, reportRequestOfficerRoutes } from './agenda-preparation/report-requests.ts';

export const adminFeature: Feature = async (app, deps) => {
  // Every signed-in account lands here after signing in: each sees the work its roles allow, and no more.
  app.get(ROUTES['admin.home'], { preHandler: requireRole() }, (request, reply) => adminHomePage(deps, request, reply));

  await app.register(async (committeeAdmin) => {
    committeeAdmin.addHook('preHandler', requireRole('democratic-services'));
    await historyRoutes(committeeAdmin, deps);
    await accountRoutes(committeeAdmin, deps);
    await bodyRoutes(committeeAdmin, deps);
    await meetingRoutes(committeeAdmin, deps);
    await memberRoutes(committeeAdmin, deps);
    await photoRoutes(committeeAdmin, deps);
    await attendanceGridRoutes(committeeAdmin, deps);
    await paperRoutes(committeeAdmin, deps);
    await standingItemRoutes(committeeAdmin, deps);
    await reportRequestAdminRoutes(committeeAdmin, deps);
  });
  // The officer asked for a report signs in with any role: each route checks it is theirs (or democratic services).
  await reportRequestOfficerRoutes(app, deps);
};
