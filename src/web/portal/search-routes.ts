import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import { bodyChoices } from '../../db/queries/portal/bodies.ts';
import { SearchQuerySchema } from '../../services/search/search-query.ts';
import { searcher } from '../../services/search/searcher.ts';
import { presentSearchPage, type RawSearchValues } from './presenters/search.ts';
import { ROUTES } from '../../http/routes.ts';
import { allValues, firstValue, formErrors } from '../shared/form-errors.ts';
import { readerFor } from '../../http/reader.ts';

export function registerSearchRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  app.get(ROUTES.search, async (request, reply) => {
    const db = readerFor(database, request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const raw: RawSearchValues = {
      q: firstValue(query.q),
      kind: allValues(query.kind),
      body: firstValue(query.body),
      from: firstValue(query.from),
      to: firstValue(query.to),
    };
    const bodies = await bodyChoices(db);
    const parsed = SearchQuerySchema.safeParse({ ...raw, page: firstValue(query.page) });
    if (!parsed.success) {
      const errors = formErrors(parsed.error, { kind: 'kind', q: 'q' });
      reply.code(400);
      return reply.view('portal/search.njk', { view: presentSearchPage(undefined, raw, bodies), errors, currentNav: 'search' });
    }
    const outcome = await searcher({ db, query: parsed.data });
    return reply.view('portal/search.njk', { view: presentSearchPage(outcome, raw, bodies), currentNav: 'search' });
  });
}
