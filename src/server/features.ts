/**
 * The capabilities the web app serves. Each is a Fastify plugin with its own routes (and its own folder under
 * src/web/), registered by createApp with the same dependencies. Add a capability with one line here.
 */
import type { FastifyPluginAsync } from 'fastify';
import { authFeature } from '../web/auth/plugin.ts';
import { adminFeature } from '../web/admin/feature.ts';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/engine.ts';
import { meetingsFeature } from '../web/meetings/routes.ts';
import { portalFeature } from '../web/portal/feature.ts';
import { openDataApiFeature } from '../api/feature.ts';
import { allowancesFeature } from '../web/allowances/routes.ts';

import { scrutinyPublicFeature } from '../web/scrutiny/public-routes.ts';
import { scrutinyBackOfficeFeature } from '../web/scrutiny/back-office-feature.ts';
import { plansFeature } from '../web/plans/routes.ts';
import { documentsFeature } from '../web/documents/routes.ts';
import { politicalBalanceFeature } from '../web/political-balance/routes.ts';

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
