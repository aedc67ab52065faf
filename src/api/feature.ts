/**
 * The open data capability: OParl 1.1 at /oparl/v1/ and Quorum's own JSON API at /api/v1/ (documented by an
 * OpenAPI document at /api/openapi.json and interactive documentation at /api/docs). Registered in web/features.ts.
 */
import type { Feature } from '../web/features.ts';
import { OPARL_PREFIX, oparlRoutes } from './oparl/routes.ts';

export const openDataApiFeature: Feature = async (app, deps) => {
  await app.register(oparlRoutes, { ...deps, prefix: OPARL_PREFIX });
};
