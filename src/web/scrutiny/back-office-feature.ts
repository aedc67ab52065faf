/** The scrutiny back office: the scrutiny officer's pages under /admin/scrutiny and every owner's "my actions". */
import type { Feature } from '../../http/feature.ts';
import { scrutinyAdminRoutes } from './admin-routes.ts';
import { myActionsRoutes } from './my-actions-routes.ts';

export const scrutinyBackOfficeFeature: Feature = async (app, deps) => {
  await scrutinyAdminRoutes(app, deps);
  await myActionsRoutes(app, deps);
};
