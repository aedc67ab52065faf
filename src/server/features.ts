/**
 * The capabilities the app serves, in the order createApp registers them. The order matters: auth comes first
 * (unencapsulated: sessions, CSRF and rate limits apply to every later feature's routes). Add a capability with
 * one line here; its type is in src/http/feature.ts.
 */
import type { Feature } from '../http/feature.ts';
import { openDataApiFeature } from '../api/feature.ts';
import { adminFeature } from '../web/admin/feature.ts';
import { allowancesFeature } from '../web/allowances/feature.ts';
import { authFeature } from '../web/auth/feature.ts';
import { documentsFeature } from '../web/documents/feature.ts';
import { meetingsFeature } from '../web/meetings/feature.ts';
import { plansFeature } from '../web/plans/feature.ts';
import { politicalBalanceFeature } from '../web/political-balance/feature.ts';
import { portalFeature } from '../web/portal/feature.ts';
import { registersFeature } from '../web/registers/feature.ts';
import { scrutinyBackOfficeFeature, scrutinyPublicFeature } from '../web/scrutiny/feature.ts';

export const FEATURES: readonly Feature[] = [
  authFeature,
  meetingsFeature,
  portalFeature,
  openDataApiFeature,
  allowancesFeature,
  scrutinyPublicFeature,
  adminFeature,
  plansFeature,
  scrutinyBackOfficeFeature,
  documentsFeature,
  politicalBalanceFeature,
  registersFeature,
];
