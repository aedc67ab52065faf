/**
 * Read queries behind the JSON API's accountability sections: published scrutiny recommendations and their
 * responses, improvement plans, and performance indicators with their observations and targets. Read-only; the
 * tables belong to the scrutiny and plans capabilities (src/db/schema/scrutiny.ts, plans.ts).
 * Only published recommendations leave here: an unpublished one is still being drafted by officers.
 */
import { sql } from 'kysely';
import type { KeysetPage, KeysetWindow } from './committee.ts';
import type { Db } from '../../types.ts';

function keyset<T extends { id: string }>(rows: T[], window: KeysetWindow): KeysetPage<T> {
  if (rows.length <= window.limit) return { rows };
  const page = rows.slice(0, window.limit);
  return { rows: page, nextAfter: page[page.length - 1]!.id };
}

const afterId = (column: string, after: string | undefined) =>
  after === undefined ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} collate "C" > ${after} collate "C"`;

// ---- scrutiny recommendations ---------------------------------------------------------------------------------------

const recommendations = (db: Db) =>
  db
    .selectFrom('scrutiny_recommendation as r')
    .innerJoin('scrutiny_item as i', 'i.id', 'r.item_id')
    .innerJoin('body', 'body.id', 'i.body_id')
    .innerJoin('meeting', 'meeting.id', 'i.meeting_id')
    .select([
      'r.id',
      'r.number',
      'r.text',
      'r.addressee',
      'r.status',
      'r.due_date',
      'i.id as item_id',
      'i.kind as item_kind',
      'i.title as item_title',
      'i.body_id',
      'body.name as body_name',
      'i.meeting_id',
      'meeting.date as meeting_date',
      'r.created_at',
      'r.updated_at',
    ])
    .where('r.published', '=', true);
export type RecommendationRow = Awaited<ReturnType<ReturnType<typeof recommendations>['execute']>>[number];

export async function listRecommendationsForApi(db: Db, filter: { status?: string; bodyId?: string }, window: KeysetWindow) {
  let query = recommendations(db)
    .where(afterId('r.id', window.after))
    .orderBy(sql`r.id collate "C"`)
    .limit(window.limit + 1);
  if (filter.status) query = query.where('r.status', '=', filter.status as RecommendationRow['status']);
  if (filter.bodyId) query = query.where('i.body_id', '=', filter.bodyId);
  return keyset(await query.execute(), window);
}

export function findRecommendationForApi(db: Db, id: string) {
  return recommendations(db).where('r.id', '=', id).executeTakeFirst();
}

export async function responsesForApi(db: Db, recommendationIds: string[]) {
  if (recommendationIds.length === 0) return [];
  return db
    .selectFrom('scrutiny_response')
    .select([
      'scrutiny_response.id',
      'scrutiny_response.recommendation_id',
      'scrutiny_response.text',
      'scrutiny_response.response_date',
      'scrutiny_response.responder_id',
      'scrutiny_response.responder_printed',
    ])
    .where('scrutiny_response.recommendation_id', 'in', recommendationIds)
    .orderBy('scrutiny_response.response_date')
    .orderBy(sql`scrutiny_response.id collate "C"`)
    .execute();
}

// ---- plans ----------------------------------------------------------------------------------------------------------

const plans = (db: Db) =>
  db.selectFrom('plan').select(['plan.id', 'plan.title', 'plan.slug', 'plan.issued_month', 'plan.owner_body_id', 'plan.created_at', 'plan.updated_at']);
export type PlanRow = Awaited<ReturnType<ReturnType<typeof plans>['execute']>>[number];

export async function listPlansForApi(db: Db, window: KeysetWindow) {
  return keyset(
    await plans(db)
      .where(afterId('plan.id', window.after))
      .orderBy(sql`plan.id collate "C"`)
      .limit(window.limit + 1)
      .execute(),
    window,
  );
}

export function findPlanForApi(db: Db, id: string) {
  return plans(db).where('plan.id', '=', id).executeTakeFirst();
}

/** A plan's priorities, outcomes and actions, with each action's latest progress update (RAG and date). */
export async function planTree(db: Db, planId: string) {
  const priorities = await db
    .selectFrom('plan_priority')
    .select(['id', 'number', 'title', 'key_objectives'])
    .where('plan_id', '=', planId)
    .orderBy('number')
    .execute();
  const outcomes = await db.selectFrom('plan_outcome').select(['id', 'priority_id', 'ref', 'statement']).where('plan_id', '=', planId).orderBy('ref').execute();
  const actions = await db
    .selectFrom('plan_action')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('plan_progress_update')
          .select(['plan_progress_update.rag', 'plan_progress_update.update_date'])
          .whereRef('plan_progress_update.action_id', '=', 'plan_action.id')
          .orderBy('plan_progress_update.update_date', 'desc')
          .orderBy(sql`plan_progress_update.id collate "C"`, 'desc')
          .limit(1)
          .as('latest'),
      (join) => join.onTrue(),
    )
    .select(['plan_action.id', 'plan_action.outcome_id', 'plan_action.ref', 'plan_action.position', 'plan_action.text', 'latest.rag', 'latest.update_date'])
    .where('plan_action.plan_id', '=', planId)
    .orderBy('plan_action.position')
    .orderBy('plan_action.ref')
    .execute();
  return { priorities, outcomes, actions };
}

// ---- indicators -----------------------------------------------------------------------------------------------------

const indicators = (db: Db) =>
  db
    .selectFrom('indicator')
    .select([
      'indicator.id',
      'indicator.plan_id',
      'indicator.name',
      'indicator.slug',
      'indicator.definition',
      'indicator.unit',
      'indicator.polarity',
      'indicator.frequency',
      'indicator.created_at',
      'indicator.updated_at',
    ]);
export type IndicatorRow = Awaited<ReturnType<ReturnType<typeof indicators>['execute']>>[number];

export async function listIndicators(db: Db, filter: { planId?: string }, window: KeysetWindow) {
  let query = indicators(db)
    .where(afterId('indicator.id', window.after))
    .orderBy(sql`indicator.id collate "C"`)
    .limit(window.limit + 1);
  if (filter.planId) query = query.where('indicator.plan_id', '=', filter.planId);
  return keyset(await query.execute(), window);
}

export function findIndicatorForApi(db: Db, id: string) {
  return indicators(db).where('indicator.id', '=', id).executeTakeFirst();
}

export async function indicatorSeries(db: Db, indicatorId: string) {
  const observations = await db
    .selectFrom('indicator_observation')
    .select(['period', 'value', 'as_at', 'printed_label'])
    .where('indicator_id', '=', indicatorId)
    .orderBy('period')
    .orderBy('as_at')
    .execute();
  const targets = await db
    .selectFrom('indicator_target')
    .select(['value', 'comparison', 'deadline', 'printed_label'])
    .where('indicator_id', '=', indicatorId)
    .orderBy('deadline')
    .execute();
  return { observations, targets };
}

// ---- whole tables for the bulk download -----------------------------------------------------------------------------

/** Every public accountability record, in id order (byte order, the same on both engines), for the bulk download. */
/**
 * The columns of each bulk-download table, in order: the CSV files name them in their header row even when a table
 * has no rows. Each list is also its query's select list (the recommendations' names the columns its query selects,
 * less the timestamps), so the header and the rows cannot drift apart.
 */
export const ACCOUNTABILITY_COLUMNS = {
  recommendations: [
    'id',
    'number',
    'text',
    'addressee',
    'status',
    'due_date',
    'item_id',
    'item_kind',
    'item_title',
    'body_id',
    'body_name',
    'meeting_id',
    'meeting_date',
  ],
  responses: ['id', 'recommendation_id', 'response_date', 'responder_id', 'responder_printed', 'text'],
  plans: ['id', 'title', 'slug', 'issued_month', 'owner_body_id'],
  planPriorities: ['id', 'plan_id', 'number', 'title', 'key_objectives'],
  planOutcomes: ['id', 'plan_id', 'priority_id', 'ref', 'statement'],
  planActions: ['id', 'plan_id', 'outcome_id', 'ref', 'position', 'text', 'joint_with', 'status'],
  planProgressUpdates: ['id', 'action_id', 'measure_id', 'update_date', 'rag', 'narrative', 'measure_completed'],
  indicators: ['id', 'plan_id', 'name', 'slug', 'definition', 'unit', 'polarity', 'frequency'],
  indicatorObservations: ['id', 'indicator_id', 'period', 'value', 'as_at', 'printed_label'],
  indicatorTargets: ['id', 'indicator_id', 'value', 'comparison', 'deadline', 'printed_label'],
} as const;

export async function accountabilityTables(db: Db) {
  const byId = sql`id collate "C"`;
  const columns = ACCOUNTABILITY_COLUMNS;
  const recommendationRows = await recommendations(db).orderBy(sql`r.id collate "C"`).execute();
  const published = recommendationRows.map((row) => row.id);
  return {
    recommendations: recommendationRows.map(({ created_at: _c, updated_at: _u, ...row }) => row),
    responses:
      published.length === 0
        ? []
        : await db.selectFrom('scrutiny_response').select(columns.responses).where('recommendation_id', 'in', published).orderBy(byId).execute(),
    plans: await db.selectFrom('plan').select(columns.plans).orderBy(byId).execute(),
    planPriorities: await db.selectFrom('plan_priority').select(columns.planPriorities).orderBy(byId).execute(),
    planOutcomes: await db.selectFrom('plan_outcome').select(columns.planOutcomes).orderBy(byId).execute(),
    planActions: await db.selectFrom('plan_action').select(columns.planActions).orderBy(byId).execute(),
    planProgressUpdates: await db.selectFrom('plan_progress_update').select(columns.planProgressUpdates).orderBy(byId).execute(),
    indicators: await db.selectFrom('indicator').select(columns.indicators).orderBy(byId).execute(),
    indicatorObservations: await db.selectFrom('indicator_observation').select(columns.indicatorObservations).orderBy(byId).execute(),
    indicatorTargets: await db.selectFrom('indicator_target').select(columns.indicatorTargets).orderBy(byId).execute(),
  };
}
