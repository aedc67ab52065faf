/** Improvement plans: the public pages and members' dashboard (routes.ts) and the officers' back office (admin-routes.ts). */
import type { Feature } from '../../http/feature.ts';
import { registerPlanAdminRoutes } from './admin-routes.ts';
import { registerPlanRoutes } from './routes.ts';

export const plansFeature: Feature = async (app, deps) => {
  await registerPlanRoutes(app, deps);
  await registerPlanAdminRoutes(app, deps.database);
};
