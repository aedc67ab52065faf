import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../../db/engine.ts';
import { findBodyBySlug, bodyChoices } from '../../db/queries/portal/bodies.ts';
import { countDecisions, decisionCursorOf, decisionMakers, findDecision, listDecisions, type DecisionFilters } from '../../db/queries/portal/decisions.ts';
import { DECISION_MAX_OFFSET, DECISION_MAX_PAGE, DECISION_PAGE_SIZE, DecisionQuerySchema, type DecisionQuery } from '../../services/search/decision-query.ts';
import { NotFound } from '../../http/errors.ts';
import { presentDecision, presentDecisionSummary } from './presenters/decisions.ts';
import { displayName } from './presenters/names.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { firstValue, formErrors } from '../shared/form-errors.ts';
import { RecordParamSchema } from './params.ts';
import { idFromSlug } from './slugs.ts';
import { readerFor } from '../../http/reader.ts';
import { decodeDecisionCursor, encodeDecisionCursor } from './decision-cursor.ts';
import { t } from '../i18n/index.ts';
import { inReaderLanguage } from './feed-routes.ts';

/** The register's address with the filters kept, and the cursor of the page to open (none: the newest). */
function listHref(query: DecisionQuery, cursor?: { before: string } | { after: string }): string {
  const params = new URLSearchParams();
  for (const key of ['body', 'maker', 'from', 'to'] as const) if (query[key]) params.set(key, query[key]!);
  if (query.key) params.set('key', 'yes');
  if (query.urgent) params.set('urgent', 'yes');
  if (cursor && 'before' in cursor) params.set('before', cursor.before);
  if (cursor && 'after' in cursor) params.set('after', cursor.after);
  const text = params.toString();
  return text ? `${linkTo('decision.list')}?${text}` : linkTo('decision.list');
}

async function decisionList(request: FastifyRequest, reply: FastifyReply, database: DatabaseHandle) {
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
  // A cursor that does not decode shows the newest page, as a committee's `?before=` does.
  const before = decodeDecisionCursor(firstValue(query.before));
  const after = before ? undefined : decodeDecisionCursor(firstValue(query.after));
  const page = before || after ? 1 : (parsed.data.page ?? 1);
  if (page > DECISION_MAX_PAGE) {
    // An old numbered link past the bound (OParl's lists refuse the same way): say how to get there instead.
    const text = t('decisions.pageTooFar', { max: DECISION_MAX_PAGE });
    reply.code(400);
    return reply.view('portal/decisions.njk', { filters, errors: { summary: [{ text, href: '#from' }], fields: {} }, decisions: [], currentNav: 'decisions' });
  }
  const body = parsed.data.body ? await findBodyBySlug(db, parsed.data.body) : undefined;
  const chosen: DecisionFilters = {
    ...(body ? { bodyId: body.id } : {}),
    ...(parsed.data.maker ? { makerPersonId: parsed.data.maker } : {}),
    ...(parsed.data.from ? { from: parsed.data.from } : {}),
    ...(parsed.data.to ? { to: parsed.data.to } : {}),
    keyOnly: parsed.data.key,
    urgentOnly: parsed.data.urgent,
  };
  const offset = Math.min((page - 1) * DECISION_PAGE_SIZE, DECISION_MAX_OFFSET);
  const [result, count] =
    parsed.data.body && !body
      ? [
          { rows: [], older: false, newer: false },
          { total: 0, capped: false },
        ]
      : [await listDecisions(db, chosen, { limit: DECISION_PAGE_SIZE, offset, before, after }), await countDecisions(db, chosen)];
  const first = result.rows[0];
  const last = result.rows.at(-1);
  // "Newer decisions" starts before this page's first entry; with none (a cursor past the end), at the newest.
  const pagination =
    result.newer || result.older
      ? {
          ...(result.newer
            ? {
                previous: {
                  href: first ? listHref(parsed.data, { after: encodeDecisionCursor(decisionCursorOf(first)) }) : listHref(parsed.data),
                  text: t('decisions.newer'),
                },
              }
            : {}),
          ...(result.older && last
            ? { next: { href: listHref(parsed.data, { before: encodeDecisionCursor(decisionCursorOf(last)) }), text: t('decisions.older') } }
            : {}),
        }
      : undefined;
  return reply.view('portal/decisions.njk', {
    filters,
    total: count.total,
    totalCapped: count.capped ? count.total.toLocaleString('en-GB') : undefined,
    decisions: result.rows.map(presentDecisionSummary),
    pagination,
    feeds: { rss: inReaderLanguage(linkTo('feed.decisions.rss')), atom: inReaderLanguage(linkTo('feed.decisions.atom')) },
    currentNav: 'decisions',
  });
}

async function decisionShow(request: FastifyRequest, reply: FastifyReply, database: DatabaseHandle) {
  const db = readerFor(database, request);
  const params = RecordParamSchema.safeParse(request.params);
  if (!params.success) throw NotFound('Decision not found');
  const row = await findDecision(db, idFromSlug('decision', params.data.id));
  if (!row) throw NotFound('Decision not found');
  return reply.view('portal/decision.njk', { view: presentDecision(row), currentNav: 'decisions' });
}

export function registerDecisionRoutes(app: FastifyInstance, database: DatabaseHandle): void {
  app.get(ROUTES['decision.list'], (request, reply) => decisionList(request, reply, database));
  app.get(ROUTES['decision.show'], (request, reply) => decisionShow(request, reply, database));
}
