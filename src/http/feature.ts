/**
 * A capability the app serves: a Fastify plugin with its own routes, registered by createApp (src/server/app.ts)
 * with the same dependencies. The type lives here, below web/ and api/, so a capability never imports the
 * registry (src/server/features.ts) that lists it.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/engine.ts';

export interface FeatureDeps {
  config: Config;
  database: DatabaseHandle;
}

export type Feature = FastifyPluginAsync<FeatureDeps>;
