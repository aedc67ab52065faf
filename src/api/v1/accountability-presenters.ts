/**
 * Rows to the JSON API's accountability records (scrutiny, plans, indicators, allowances): pure functions typed by
 * the schemas that document them. Money stays in exact pence, as strings, since JSON numbers are floating point.
 */
import type { z } from 'zod';
import type { IndicatorRow, PlanRow, RecommendationRow, indicatorSeries, planTree, responsesForApi } from '../../db/queries/api/accountability.ts';
import type { Statement } from '../../services/allowances/statement.ts';
import type { AbsoluteLink } from '../links.ts';
import { withQuery } from '../links.ts';
import { isoTimestamp } from '../../domain/dates.ts';
import type { AllowancesStatementSchema, IndicatorSchema, IndicatorSummarySchema, PlanSchema, PlanSummarySchema, RecommendationSchema } from './schemas.ts';

type Response = Awaited<ReturnType<typeof responsesForApi>>[number];

export function presentRecommendation(link: AbsoluteLink, row: RecommendationRow, responses: Response[]): z.infer<typeof RecommendationSchema> {
  return {
    id: row.id,
    number: row.number,
    text: row.text,
    addressee: row.addressee,
    status: row.status,
    dueDate: row.due_date,
    item: { id: row.item_id, kind: row.item_kind, title: row.item_title },
    bodyId: row.body_id,
    bodyName: row.body_name,
    meetingId: row.meeting_id,
    meetingDate: row.meeting_date,
    responses: responses.map((response) => ({
      id: response.id,
      text: response.text,
      responseDate: response.response_date,
      responderId: response.responder_id,
      responderPrinted: response.responder_printed,
    })),
    created: isoTimestamp(row.created_at),
    modified: isoTimestamp(row.updated_at),
    links: { self: link('api.recommendation', { id: row.id }), meeting: link('api.meeting', { id: row.meeting_id }) },
  };
}

export function presentPlanSummary(link: AbsoluteLink, row: PlanRow): z.infer<typeof PlanSummarySchema> {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    issuedMonth: row.issued_month,
    ownerBodyId: row.owner_body_id,
    created: isoTimestamp(row.created_at),
    modified: isoTimestamp(row.updated_at),
    links: { self: link('api.plan', { id: row.id }), indicators: withQuery(link('api.indicators'), { plan: row.id }) },
  };
}

export function presentPlan(link: AbsoluteLink, row: PlanRow, tree: Awaited<ReturnType<typeof planTree>>): z.infer<typeof PlanSchema> {
  return {
    ...presentPlanSummary(link, row),
    priorities: tree.priorities.map((priority) => ({
      id: priority.id,
      number: priority.number,
      title: priority.title,
      keyObjectives: priority.key_objectives,
      outcomes: tree.outcomes
        .filter((outcome) => outcome.priority_id === priority.id)
        .map((outcome) => ({
          id: outcome.id,
          ref: outcome.ref,
          statement: outcome.statement,
          actions: tree.actions
            .filter((action) => action.outcome_id === outcome.id)
            .map((action) => ({ id: action.id, ref: action.ref, text: action.text, rag: action.rag ?? null, updated: action.update_date ?? null })),
        })),
    })),
  };
}

export function presentIndicatorSummary(link: AbsoluteLink, row: IndicatorRow): z.infer<typeof IndicatorSummarySchema> {
  return {
    id: row.id,
    planId: row.plan_id,
    name: row.name,
    slug: row.slug,
    definition: row.definition,
    unit: row.unit,
    polarity: row.polarity,
    frequency: row.frequency,
    created: isoTimestamp(row.created_at),
    modified: isoTimestamp(row.updated_at),
    links: { self: link('api.indicator', { id: row.id }) },
  };
}

export function presentIndicator(link: AbsoluteLink, row: IndicatorRow, series: Awaited<ReturnType<typeof indicatorSeries>>): z.infer<typeof IndicatorSchema> {
  return {
    ...presentIndicatorSummary(link, row),
    observations: series.observations.map((observation) => ({
      period: observation.period,
      value: Number(observation.value),
      asAt: observation.as_at,
      printedLabel: observation.printed_label,
    })),
    targets: series.targets.map((target) => ({
      value: Number(target.value),
      comparison: target.comparison,
      deadline: target.deadline,
      printedLabel: target.printed_label,
    })),
  };
}

const PENCE_FIELDS = ['basicPence', 'sraPence', 'coOpteePence', 'travelPence', 'subsistencePence', 'carersPence', 'forgonePence', 'totalPence'] as const;
const pence = (row: Record<(typeof PENCE_FIELDS)[number], bigint>) =>
  Object.fromEntries(PENCE_FIELDS.map((field) => [field, row[field].toString()])) as Record<(typeof PENCE_FIELDS)[number], string>;

export function presentAllowancesStatement(statement: Statement): z.infer<typeof AllowancesStatementSchema> {
  return {
    year: { label: statement.year.label, start: statement.year.start, end: statement.year.end },
    rows: [...statement.rows]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((row) => ({ personId: row.personId, name: row.name, ...pence(row) })),
    totals: pence(statement.totals),
  };
}
