import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import { findBodyBySlug, bodyChoices } from '../../db/queries/portal/bodies.ts';
import { decisionMakers, findDecision, listDecisions } from '../../db/queries/portal/decisions.ts';
import { DECISION_PAGE_SIZE, DecisionQuerySchema, type DecisionQuery } from '../../services/search/decision-query.ts';
import { NotFound } from '../../http/errors.ts';
import { presentDecision, presentDecisionSummary } from './presenters/decisions.ts';
import { displayName } from './presenters/names.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { firstValue, formErrors } from '../shared/form-errors.ts';
import { RecordParamSchema } from './params.ts';
import { idFromSlug } from './slugs.ts';
import { readerFor } from '../../http/reader.ts';
import { inReaderLanguage } from './feed-routes.ts';

function pageHref(query: DecisionQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of ['body', 'maker', 'from', 'to'] as const) if (query[key]) params.set(key, query[key]!);
  if (query.key) params.set('key', 'yes');
  if (query.urgent) params.set('urgent', 'yes');
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `${linkTo('decision.list')}?${text}` : linkTo('decision.list');
}

export function registerDecisionRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  app.get(ROUTES['decision.list'], async (request, reply) => {
    const db = readerFor(database, request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const raw = {
      body: firstValue(query.body),
      maker: firstValue(query.maker),
      from: firstValue(query.from),
      to: firstValue(query.to),
      key: firstValue(query.key),
      urgent: firstValue(query.urgent),
    };
    const bodies = await bodyChoices(db);
    const makers = (await decisionMakers(db)).map((row) => ({ value: row.id, text: displayName(row) ?? row.family_name }));
    const filters = {
      values: raw,
      bodies: [{ value: '', text: 'All committees' }, ...bodies.map((body) => ({ value: body.slug, text: body.name, selected: raw.body === body.slug }))],
      makers: [{ value: '', text: 'Anyone' }, ...makers.map((maker) => ({ ...maker, selected: raw.maker === maker.value }))],
    };
    const parsed = DecisionQuerySchema.safeParse({ ...raw, page: firstValue(query.page) });
    if (!parsed.success) {
      reply.code(400);
      return reply.view('portal/decisions.njk', { filters, errors: formErrors(parsed.error), decisions: [], currentNav: 'decisions' });
    }
    const page = parsed.data.page ?? 1;
    const body = parsed.data.body ? await findBodyBySlug(db, parsed.data.body) : undefined;
    const result =
      parsed.data.body && !body
        ? { total: 0, capped: false, more: false, rows: [] }
        : await listDecisions(db, {
            ...(body ? { bodyId: body.id } : {}),
            ...(parsed.data.maker ? { makerPersonId: parsed.data.maker } : {}),
            ...(parsed.data.from ? { from: parsed.data.from } : {}),
            ...(parsed.data.to ? { to: parsed.data.to } : {}),
            keyOnly: parsed.data.key,
            urgentOnly: parsed.data.urgent,
            limit: DECISION_PAGE_SIZE,
            offset: (page - 1) * DECISION_PAGE_SIZE,
          });
    // Whether there is a next page comes from the page's query (one entry more than a page), not from the total,
    // which is bounded (src/db/queries/portal/decisions.ts).
    const pagination =
      page > 1 || result.more
        ? {
            ...(page > 1 ? { previous: { href: pageHref(parsed.data, page - 1) } } : {}),
            ...(result.more ? { next: { href: pageHref(parsed.data, page + 1) } } : {}),
          }
        : undefined;
    return reply.view('portal/decisions.njk', {
      filters,
      total: result.total,
      totalCapped: result.capped ? result.total.toLocaleString('en-GB') : undefined,
      decisions: result.rows.map(presentDecisionSummary),
      pagination,
      feeds: { rss: inReaderLanguage(linkTo('feed.decisions.rss')), atom: inReaderLanguage(linkTo('feed.decisions.atom')) },
      currentNav: 'decisions',
    });
  });

  app.get(ROUTES['decision.show'], async (request, reply) => {
    const db = readerFor(database, request);
    const params = RecordParamSchema.safeParse(request.params);
    if (!params.success) throw NotFound('Decision not found');
    const row = await findDecision(db, idFromSlug('decision', params.data.id));
    if (!row) throw NotFound('Decision not found');
    return reply.view('portal/decision.njk', { view: presentDecision(row), currentNav: 'decisions' });
  });
}
