/**
 * The statutory registers: the forward plan of key decisions (with notices of private meetings and decision
 * records), the register of members' interests, and outside bodies; public pages and the back office.
 */
import type { Feature } from '../../http/feature.ts';
import { registerForwardPlanAdminRoutes } from './forward-plan-admin.ts';
import { registerForwardPlanPublicRoutes } from './forward-plan-public.ts';
import { registerInterestsAdminRoutes } from './interests-admin.ts';
import { registerInterestsMemberRoutes } from './interests-member.ts';
import { registerInterestsPublicRoutes } from './interests-public.ts';
import { registerOutsideBodiesAdminRoutes } from './outside-bodies-admin.ts';
import { registerOutsideBodiesPublicRoutes } from './outside-bodies-public.ts';

export const registersFeature: Feature = async (app, { config, database }) => {
  registerForwardPlanPublicRoutes(app, config, database);
  registerForwardPlanAdminRoutes(app, config, database);
  registerInterestsPublicRoutes(app, database);
  registerInterestsMemberRoutes(app, config, database);
  registerInterestsAdminRoutes(app, config, database);
  registerOutsideBodiesPublicRoutes(app, database);
  registerOutsideBodiesAdminRoutes(app, database);
};
