/**
 * The public portal: home, committees, people, decisions, reports, search and feeds. Every page here is public,
 * so every query it calls leaves out exempt information.
 */
import type { Feature } from '../../http/feature.ts';
import { registerSearchRoutes } from './search-routes.ts';
import { registerHomeRoutes } from './home-routes.ts';
import { registerCommitteeRoutes } from './committee-routes.ts';
import { registerPeopleRoutes } from './people-routes.ts';
import { registerDecisionRoutes } from './decision-routes.ts';
import { registerReportRoutes } from './report-routes.ts';
import { registerFeedRoutes } from './feed-routes.ts';
import { usePageCache } from '../../http/page-cache.ts';

export const portalFeature: Feature = async (app, { config, database }) => {
  usePageCache(app, database);
  registerHomeRoutes(app, database);
  registerSearchRoutes(app, database);
  registerCommitteeRoutes(app, database);
  registerPeopleRoutes(app, database);
  registerDecisionRoutes(app, database);
  registerReportRoutes(app, database);
  registerFeedRoutes(app, { config, database });
};
