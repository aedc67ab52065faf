/**
 * The open data capability: OParl 1.1 at /oparl/v1/ and Quorum's own JSON API at /api/v1/, described by an OpenAPI
 * 3 document generated from the route schemas (/api/openapi.json) with interactive documentation (/api/docs).
 * Registered in server/features.ts.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import type { Feature, FeatureDeps } from '../http/feature.ts';
import { ROUTES } from '../http/routes.ts';
import { useApiConventions } from './http.ts';
import { publicBaseUrl } from './links.ts';
import { OPARL_PREFIX, oparlRoutes } from './oparl/routes.ts';
import { useZodOnly } from './v1/documented.ts';
import { API_PREFIX, apiV1Routes } from './v1/routes.ts';

export const OPENAPI_INFO = {
  title: 'Quorum open data API',
  version: '1.0.0',
  description:
    'Committee records of the council as JSON: bodies, people, meetings, decisions, recorded votes as Popolo vote events, scrutiny recommendations, improvement plans, indicators, the allowances statement, and the bulk download. ' +
    'Lists are paged with opaque cursors (follow links.next). Responses carry ETags (send If-None-Match to revalidate) and may be read from any web page (CORS). ' +
    'Errors have one shape: { "error": { "id", "status", "message", "problems"? } }. The OParl 1.1 API is at /oparl/v1/system.',
};

const api: FastifyPluginAsync<FeatureDeps> = async (app, { config, database }) => {
  useApiConventions(app, database);
  useZodOnly(app);
  await app.register(apiV1Routes, { config, database });
  app.get(ROUTES['api.openapi'].slice(API_PREFIX.length), { schema: { hide: true } }, async () => app.swagger());
};

export const openDataApiFeature: Feature = async (app, deps) => {
  // Registered here, above both APIs, so the interactive documentation can sit at /api/docs; only /api/v1/ is documented.
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: OPENAPI_INFO,
      servers: [{ url: publicBaseUrl(deps.config) }],
      tags: [
        { name: 'Committee records', description: 'Bodies, people, meetings and decisions' },
        { name: 'Votes', description: 'Recorded votes as Popolo vote events' },
        { name: 'Scrutiny', description: 'Published scrutiny recommendations and the executive’s responses' },
        { name: 'Plans and performance', description: 'Improvement plans and performance indicators' },
        { name: 'Allowances', description: 'The annual statement of members’ allowances and expenses' },
        { name: 'Bulk download', description: 'The whole public dataset as JSON and CSV' },
        { name: 'Registers', description: 'The forward plan of key decisions, members’ registers of interests, and outside bodies' },
      ],
    },
    transform: ({ schema, url }) => ({ schema: url.startsWith(`${API_PREFIX}/v1/`) ? schema : { ...schema, hide: true }, url }),
  });
  await app.register(oparlRoutes, { ...deps, prefix: OPARL_PREFIX });
  await app.register(api, { ...deps, prefix: API_PREFIX });
  await app.register(swaggerUi, { routePrefix: ROUTES['api.docs'], staticCSP: true });
};
