/**
 * The capabilities the web app serves. Each is a Fastify plugin with its own routes (and its own folder under
 * src/web/), registered by createApp with the same dependencies. Add a capability with one line here.
 */
import type { FastifyPluginAsync } from 'fastify';
import { authFeature } from './auth/plugin.ts';
import { adminFeature } from './admin/feature.ts';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/engine.ts';
import { meetingsFeature } from './meetings/routes.ts';
import { portalFeature } from './portal/feature.ts';
import { openDataApiFeature } from '../api/feature.ts';
import { allowancesFeature } from './allowances/routes.ts';

import { scrutinyPublicFeature } from './scrutiny/public-routes.ts';
import { scrutinyBackOfficeFeature } from './scrutiny/back-office-feature.ts';
import { plansFeature } from './plans/routes.ts';
import { documentsFeature } from './documents/routes.ts';
import { politicalBalanceFeature } from './political-balance/routes.ts';
import { registersFeature } from './registers/feature.ts';

export interface FeatureDeps {
  config: Config;
  database: DatabaseHandle;
}

export type Feature = FastifyPluginAsync<FeatureDeps>;

export const FEATURES: Feature[] = [meetingsFeature, portalFeature, openDataApiFeature, allowancesFeature, scrutinyPublicFeature];

// Always first, unencapsulated: sessions, CSRF and rate limits apply to every feature's routes.
FEATURES.unshift(authFeature);
FEATURES.push(adminFeature);
FEATURES.push(plansFeature);
FEATURES.push(scrutinyBackOfficeFeature);
FEATURES.push(documentsFeature);
FEATURES.push(politicalBalanceFeature);
FEATURES.push(registersFeature);
