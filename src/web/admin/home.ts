/** The back office's home page: every signed-in account lands here after signing in, and sees the work its roles allow. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeatureDeps } from '../../http/feature.ts';
import { hasRole } from '../../domain/roles.ts';
import { listRecentMeetings } from '../../db/records/meetings.ts';
import { listOverdueReportRequests, listReportRequestsOfOfficer } from '../../db/repositories/agenda-preparation.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { longDate } from './presenters.ts';
import { presentRequest } from './agenda-preparation/report-requests.ts';

export async function adminHomePage(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
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
}
