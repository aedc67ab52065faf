/**
 * Accounts and sessions (plugin.ts): first in FEATURES and unencapsulated (fastify-plugin), so its hooks (the
 * session's user, CSRF on every state-changing route, form parsing) apply to every later capability's routes.
 */
import fp from 'fastify-plugin';
import type { Feature } from '../../http/feature.ts';
import { authPlugin } from './plugin.ts';

export const authFeature: Feature = fp(authPlugin, { name: 'quorum-auth', fastify: '5.x' });
