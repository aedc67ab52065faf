/**
 * Scrutiny, as two features registered at their places in FEATURES: the public pages (public-routes.ts), and the
 * back office, the scrutiny officer's pages under /admin/scrutiny (admin-routes.ts) and every owner's "my actions"
 * (my-actions-routes.ts).
 */
import type { Feature } from '../../http/feature.ts';
import { scrutinyAdminRoutes } from './admin-routes.ts';
import { myActionsRoutes } from './my-actions-routes.ts';
import { registerScrutinyPublicRoutes } from './public-routes.ts';

export const scrutinyPublicFeature: Feature = async (app, deps) => {
  await registerScrutinyPublicRoutes(app, deps);
};

export const scrutinyBackOfficeFeature: Feature = async (app, deps) => {
  await scrutinyAdminRoutes(app, deps);
  await myActionsRoutes(app, deps);
};
