/**
 * Allowances: the public annual statement and schemes (routes.ts), a member's own claims (my-routes.ts), the
 * democratic services back office (admin-routes.ts) and claims made for a member (on-behalf-routes.ts); each part
 * guards itself with requireRole.
 */
import type { Feature } from '../../http/feature.ts';
import { allowancesAdminRoutes } from './admin-routes.ts';
import { myAllowancesRoutes } from './my-routes.ts';
import { onBehalfClaimRoutes } from './on-behalf-routes.ts';
import { registerStatementRoutes } from './routes.ts';

export const allowancesFeature: Feature = async (app, deps) => {
  await registerStatementRoutes(app, deps);
  await myAllowancesRoutes(app, deps);
  await allowancesAdminRoutes(app, deps);
  await onBehalfClaimRoutes(app, deps);
};
