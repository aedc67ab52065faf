/** Downloads of a meeting's generated papers (routes.ts): agenda packs, minutes, supplements and items' papers. */
import type { Feature } from '../../http/feature.ts';
import { registerDocumentRoutes } from './routes.ts';

export const documentsFeature: Feature = async (app, deps) => {
  await registerDocumentRoutes(app, deps);
};
