/**
 * The JSON API's accountability sections, read-only: published scrutiny recommendations with their responses,
 * improvement plans, performance indicators, and the annual allowances statement.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as q from '../../db/queries/api/accountability.ts';
import { allowanceYear } from '../../domain/allowances/dates.ts';
import { buildStatement } from '../../services/allowances/statement.ts';
import { NotFound, ValidationError } from '../../http/errors.ts';
import { absoluteLinks } from '../links.ts';
import * as present from './accountability-presenters.ts';
import { documentedGet } from './documented.ts';
import { decodeCursor, pageLinksFor } from './paging.ts';
import {
  AllowancesStatementSchema,
  AllowancesYearParamsSchema,
  IdParamsSchema,
  IndicatorSchema,
  IndicatorsQuerySchema,
  IndicatorSummarySchema,
  listOf,
  PageQuerySchema,
  PlanSchema,
  PlanSummarySchema,
  RecommendationSchema,
  RecommendationsQuerySchema,
} from './schemas.ts';

export const accountabilityRoutes: FastifyPluginAsync<{ config: Config; database: DatabaseHandle; pathPrefix: string }> = async (
  app,
  { config, database, pathPrefix: prefix },
) => {
  const db = database.db;
  const link = absoluteLinks(config);
  const pageLinks = pageLinksFor(link);

  async function recommendations(rows: q.RecommendationRow[]) {
    const responses = await q.responsesForApi(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) =>
      present.presentRecommendation(
        link,
        row,
        responses.filter((response) => response.recommendation_id === row.id),
      ),
    );
  }

  documentedGet(
    app,
    {
      name: 'api.recommendations',
      prefix,
      summary: 'List scrutiny recommendations',
      description: 'Published recommendations of scrutiny committees and call-ins, with the executive’s responses.',
      tags: ['Scrutiny'],
      querystring: RecommendationsQuerySchema,
      response: listOf(RecommendationSchema, 'RecommendationList'),
    },
    async ({ query }) => {
      const page = await q.listRecommendationsForApi(
        db,
        { status: query.status, bodyId: query.body },
        { after: decodeCursor(query.cursor), limit: query.limit },
      );
      return {
        data: await recommendations(page.rows),
        links: pageLinks('api.recommendations', { status: query.status, body: query.body, limit: query.limit, cursor: query.cursor }, page.nextAfter),
      };
    },
  );

  documentedGet(
    app,
    {
      name: 'api.recommendation',
      prefix,
      summary: 'One scrutiny recommendation',
      tags: ['Scrutiny'],
      params: IdParamsSchema,
      response: RecommendationSchema,
      what: 'Recommendation',
    },
    async ({ params }) => {
      const row = await q.findRecommendationForApi(db, params.id);
      if (!row) throw NotFound('Recommendation not found');
      return (await recommendations([row]))[0];
    },
  );

  documentedGet(
    app,
    {
      name: 'api.plans',
      prefix,
      summary: 'List improvement plans',
      tags: ['Plans and performance'],
      querystring: PageQuerySchema,
      response: listOf(PlanSummarySchema, 'PlanList'),
    },
    async ({ query }) => {
      const page = await q.listPlansForApi(db, { after: decodeCursor(query.cursor), limit: query.limit });
      return {
        data: page.rows.map((row) => present.presentPlanSummary(link, row)),
        links: pageLinks('api.plans', { limit: query.limit, cursor: query.cursor }, page.nextAfter),
      };
    },
  );

  documentedGet(
    app,
    {
      name: 'api.plan',
      prefix,
      summary: 'One improvement plan with its priorities, outcomes and actions',
      tags: ['Plans and performance'],
      params: IdParamsSchema,
      response: PlanSchema,
      what: 'Plan',
    },
    async ({ params }) => {
      const row = await q.findPlanForApi(db, params.id);
      if (!row) throw NotFound('Plan not found');
      return present.presentPlan(link, row, await q.planTree(db, row.id));
    },
  );

  documentedGet(
    app,
    {
      name: 'api.indicators',
      prefix,
      summary: 'List performance indicators',
      tags: ['Plans and performance'],
      querystring: IndicatorsQuerySchema,
      response: listOf(IndicatorSummarySchema, 'IndicatorList'),
    },
    async ({ query }) => {
      const page = await q.listIndicators(db, { planId: query.plan }, { after: decodeCursor(query.cursor), limit: query.limit });
      return {
        data: page.rows.map((row) => present.presentIndicatorSummary(link, row)),
        links: pageLinks('api.indicators', { plan: query.plan, limit: query.limit, cursor: query.cursor }, page.nextAfter),
      };
    },
  );

  documentedGet(
    app,
    {
      name: 'api.indicator',
      prefix,
      summary: 'One performance indicator with its observations and targets',
      tags: ['Plans and performance'],
      params: IdParamsSchema,
      response: IndicatorSchema,
      what: 'Indicator',
    },
    async ({ params }) => {
      const row = await q.findIndicatorForApi(db, params.id);
      if (!row) throw NotFound('Indicator not found');
      return present.presentIndicator(link, row, await q.indicatorSeries(db, row.id));
    },
  );

  documentedGet(
    app,
    {
      name: 'api.allowancesStatement',
      prefix,
      summary: 'The annual statement of members’ allowances and expenses',
      description: 'For one allowances year (1 April to 31 March): each member’s basic and special responsibility allowances and approved expenses, in pence.',
      tags: ['Allowances'],
      params: AllowancesYearParamsSchema,
      response: AllowancesStatementSchema,
      what: 'Allowances year',
    },
    async ({ params }) => {
      const [start, end] = params.year.split('-').map(Number) as [number, number];
      if ((start + 1) % 100 !== end) throw ValidationError([{ field: 'year', message: 'must be two consecutive years, like 2011-12' }]);
      return present.presentAllowancesStatement(await buildStatement(db, allowanceYear(start)));
    },
  );
};
