/**
 * The back office under /admin: its home page, open to every account and showing what each role may do; committee
 * management for democratic services officers and the history of any record, which require the democratic-services
 * role (the scrutiny, plans and allowances back offices guard their own routes under /admin/<area>).
 */
import type { Feature } from '../../http/feature.ts';
import { requireRole } from '../auth/plugin.ts';
import { hasRole } from '../../domain/roles.ts';
import { ROUTES } from '../../http/routes.ts';
import { historyRoutes } from './history/routes.ts';
import { accountRoutes } from './accounts/routes.ts';
import { bodyRoutes } from './bodies/routes.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { memberRoutes } from './members/routes.ts';
import { photoRoutes } from './members/photo-routes.ts';
import { attendanceGridRoutes } from './attendance/routes.ts';
import { paperRoutes } from './papers/routes.ts';
import { standingItemRoutes } from './agenda-preparation/standing-items.ts';
import { presentRequest, reportRequestAdminRoutes, reportRequestOfficerRoutes } from './agenda-preparation/report-requests.ts';
import { listRecentMeetings } from '../../db/records/meetings.ts';
import { longDate } from './presenters.ts';
import { listOverdueReportRequests, listReportRequestsOfOfficer } from '../../db/repositories/agenda-preparation.ts';
import { todayInLondon } from '../../domain/dates.ts';

export const adminFeature: Feature = async (app, deps) => {
  // Every signed-in account lands here after signing in: each sees the work its roles allow, and no more.
  app.get(ROUTES['admin.home'], { preHandler: requireRole() }, async (request, reply) => {
    const user = request.user!;
    const committees = hasRole(user, 'democratic-services');
    const today = todayInLondon();
    const [recent, overdue, mine] = await Promise.all([
      committees ? listRecentMeetings(deps.database.db) : [],
      committees ? listOverdueReportRequests(deps.database.db, today) : [],
      listReportRequestsOfOfficer(deps.database.db, user.id),
    ]);
    const meetings = recent.map((row) => ({ ...row, longDate: longDate(row.date) }));
    return reply.view('admin/home.njk', {
      pageTitle: 'Back office',
      user,
      meetings,
      overdueReports: overdue.map((row) => presentRequest(row, today)),
      myReportRequests: mine.filter((row) => row.state !== 'cleared').length,
      can: {
        committees,
        scrutiny: hasRole(user, 'scrutiny-officer'),
        plans: hasRole(user, 'officer'),
        allowances: committees,
        myAllowances: user.roles.includes('councillor'),
        monitoringOfficer: user.roles.includes('monitoring-officer'),
      },
    });
  });

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
