/** Meetings: each meeting's page, the calendar of meetings and a meeting's iCalendar file. */
import type { Feature } from '../../http/feature.ts';
import { usePageCache } from '../../http/page-cache.ts';
import { registerCalendarRoutes } from './calendar-routes.ts';
import { registerMeetingCalendarRoute } from './ics-route.ts';
import { meetingOf, registerMeetingRoutes } from './routes.ts';

export const meetingsFeature: Feature = async (app, { config, database }) => {
  // A meeting's page is kept while other meetings change (src/http/page-cache.ts).
  usePageCache(app, database, { meetingOf });
  registerCalendarRoutes(app, database);
  registerMeetingCalendarRoute(app, config, database);
  registerMeetingRoutes(app, database);
};
