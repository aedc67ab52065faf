/** Political balance: the public table and "what changes if" (routes.ts) and democratic services' settings (admin-routes.ts). */
import type { Feature } from '../../http/feature.ts';
import { registerBalanceAdminRoutes } from './admin-routes.ts';
import { registerBalanceRoutes } from './routes.ts';

export const politicalBalanceFeature: Feature = async (app, deps) => {
  await registerBalanceRoutes(app, deps);
  await registerBalanceAdminRoutes(app, deps.database);
};
