/**
 * The statutory registers: the forward plan of key decisions (with notices of private meetings and decision
 * records), the register of members' interests, and outside bodies; public pages and the back office.
 */
import type { Feature } from '../features.ts';
import { registerForwardPlanAdminRoutes } from './forward-plan-admin.ts';
import { registerForwardPlanPublicRoutes } from './forward-plan-public.ts';

export const registersFeature: Feature = async (app, { config, database }) => {
  registerForwardPlanPublicRoutes(app, config, database);
  registerForwardPlanAdminRoutes(app, config, database);
};
