/**
 * Typed queries of improvement plans, requirements and indicators. No rules here: those live in
 * src/domain/plans, src/domain/indicators and src/services/plans.
 */
import { sql } from 'kysely';
import type { Db, NewRow, Row } from '../types.ts';

const CHUNK = 500;

export async function indicatorsOf(db: Db, authorityId: string): Promise<Array<Pick<Row<'indicator'>, 'id' | 'name' | 'unit'>>> {
  return db.selectFrom('indicator').select(['id', 'name', 'unit']).where('authority_id', '=', authorityId).orderBy('position').execute();
}

export async function requirementsByCode(db: Db, planId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('requirement')
    .innerJoin('requirement_set', 'requirement_set.id', 'requirement.set_id')
    .select(['requirement.id', 'requirement.code'])
    .where('requirement_set.plan_id', '=', planId)
    .execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Requirements of every plan of the authority, by code, for targets printed in papers other than the plan. */
export async function authorityRequirementsByCode(db: Db, authorityId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('requirement')
    .innerJoin('requirement_set', 'requirement_set.id', 'requirement.set_id')
    .select(['requirement.id', 'requirement.code'])
    .where('requirement_set.authority_id', '=', authorityId)
    .orderBy('requirement.created_at')
    .execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

export async function maxIndicatorPosition(db: Db, authorityId: string): Promise<number> {
  const row = await db
    .selectFrom('indicator')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

// ---- Reading plans for pages and reports ----

export async function listPlans(db: Db): Promise<Array<Row<'plan'> & { action_count: number }>> {
  const rows = await db
    .selectFrom('plan')
    .selectAll('plan')
    .select((eb) => eb.selectFrom('plan_action').select(eb.fn.countAll<string>().as('n')).whereRef('plan_action.plan_id', '=', 'plan.id').as('action_count'))
    .orderBy('plan.issued_month', 'desc')
    .execute();
  return rows.map((row) => ({ ...row, action_count: Number(row.action_count ?? 0) }));
}

export async function findPlan(db: Db, idOrSlug: string): Promise<Row<'plan'> | undefined> {
  return db
    .selectFrom('plan')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .executeTakeFirst();
}

export interface PlanTree {
  plan: Row<'plan'>;
  ownerBody: string | null;
  governance: string[];
  priorities: Array<Row<'plan_priority'>>;
  outcomes: Array<Row<'plan_outcome'>>;
  actions: Array<Row<'plan_action'>>;
  milestones: Array<Row<'plan_milestone'>>;
  measures: Array<Row<'plan_measure'>>;
  leads: Array<Row<'plan_lead'> & { person_name: string | null; job_title: string | null }>;
  links: Array<{ action_id: string; requirement_id: string }>;
  requirementSets: Array<Row<'requirement_set'>>;
  requirements: Array<Row<'requirement'>>;
  updates: Array<Row<'plan_progress_update'>>;
}

/** Everything about one plan, in print order: a plan is a few hundred rows, read in a handful of queries. */
export async function loadPlanTree(db: Db, planId: string): Promise<PlanTree | undefined> {
  const plan = await db.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) return undefined;
  const owner = plan.owner_body_id ? await db.selectFrom('body').select('name').where('id', '=', plan.owner_body_id).executeTakeFirst() : undefined;
  const governance = await db
    .selectFrom('plan_governance')
    .innerJoin('body', 'body.id', 'plan_governance.body_id')
    .select('body.name')
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  const actions = await db.selectFrom('plan_action').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
  const actionIds = actions.map((a) => a.id);
  const milestones = actionIds.length
    ? await db.selectFrom('plan_milestone').selectAll().where('action_id', 'in', actionIds).orderBy('action_id').orderBy('position').execute()
    : [];
  const milestoneIds = milestones.map((m) => m.id);
  const measures = milestoneIds.length
    ? await db.selectFrom('plan_measure').selectAll().where('milestone_id', 'in', milestoneIds).orderBy('milestone_id').orderBy('position').execute()
    : [];
  const leads = await db
    .selectFrom('plan_lead')
    .leftJoin('person', 'person.id', 'plan_lead.person_id')
    .selectAll('plan_lead')
    .select([
      sql<string | null>`case when person.id is null then null else concat_ws(' ', person.given_name, person.family_name) end`.as('person_name'),
      'person.job_title',
    ])
    .where('plan_lead.plan_id', '=', planId)
    .orderBy('plan_lead.position')
    .execute();
  const requirementSets = await db.selectFrom('requirement_set').selectAll().where('plan_id', '=', planId).orderBy('prefix', 'desc').execute();
  const requirements = requirementSets.length
    ? await db
        .selectFrom('requirement')
        .selectAll()
        .where(
          'set_id',
          'in',
          requirementSets.map((s) => s.id),
        )
        .orderBy('set_id')
        .orderBy('number')
        .execute()
    : [];
  return {
    plan,
    ownerBody: owner?.name ?? null,
    governance: governance.map((g) => g.name),
    priorities: await db.selectFrom('plan_priority').selectAll().where('plan_id', '=', planId).orderBy('number').execute(),
    outcomes: await db.selectFrom('plan_outcome').selectAll().where('plan_id', '=', planId).execute(),
    actions,
    milestones,
    measures,
    leads,
    links: actionIds.length
      ? await db.selectFrom('plan_action_requirement').select(['action_id', 'requirement_id']).where('action_id', 'in', actionIds).execute()
      : [],
    requirementSets,
    requirements,
    updates: actionIds.length
      ? await db.selectFrom('plan_progress_update').selectAll().where('action_id', 'in', actionIds).orderBy('update_date').orderBy('created_at').execute()
      : [],
  };
}

export interface IndicatorData {
  indicator: Row<'indicator'>;
  observations: Array<Row<'indicator_observation'> & { source_file: string | null }>;
  targets: Array<Row<'indicator_target'> & { requirement_code: string | null; requirement_text: string | null; plan_id: string | null }>;
}

export async function loadIndicators(db: Db, options: { slug?: string; dashboardOnly?: boolean } = {}): Promise<IndicatorData[]> {
  let query = db.selectFrom('indicator').selectAll().orderBy('position');
  if (options.slug) query = query.where((eb) => eb.or([eb('slug', '=', options.slug!), eb('id', '=', options.slug!)]));
  if (options.dashboardOnly) query = query.where('on_dashboard', '=', true);
  const indicators = await query.execute();
  if (indicators.length === 0) return [];
  const ids = indicators.map((i) => i.id);
  const observations = await db
    .selectFrom('indicator_observation')
    .leftJoin('source_document', 'source_document.id', 'indicator_observation.source_document_id')
    .selectAll('indicator_observation')
    .select('source_document.file_name as source_file')
    .where('indicator_id', 'in', ids)
    .orderBy('period')
    .orderBy('as_at')
    .execute();
  const targets = await db
    .selectFrom('indicator_target')
    .leftJoin('requirement', 'requirement.id', 'indicator_target.requirement_id')
    .leftJoin('requirement_set', 'requirement_set.id', 'requirement.set_id')
    .selectAll('indicator_target')
    .select(['requirement.code as requirement_code', 'requirement.text as requirement_text', 'requirement_set.plan_id as plan_id'])
    .where('indicator_id', 'in', ids)
    .orderBy('deadline')
    .execute();
  return indicators.map((indicator) => ({
    indicator,
    observations: observations.filter((o) => o.indicator_id === indicator.id),
    targets: targets.filter((t) => t.indicator_id === indicator.id),
  }));
}

/** The actions that address a requirement, with the plan they belong to. */
export async function actionsForRequirements(
  db: Db,
  requirementIds: string[],
): Promise<Array<Pick<Row<'plan_action'>, 'id' | 'ref' | 'text' | 'plan_id'> & { requirement_id: string; plan_slug: string }>> {
  if (requirementIds.length === 0) return [];
  return db
    .selectFrom('plan_action_requirement')
    .innerJoin('plan_action', 'plan_action.id', 'plan_action_requirement.action_id')
    .innerJoin('plan', 'plan.id', 'plan_action.plan_id')
    .select([
      'plan_action.id',
      'plan_action.ref',
      'plan_action.text',
      'plan_action.plan_id',
      'plan_action_requirement.requirement_id',
      'plan.slug as plan_slug',
    ])
    .where('plan_action_requirement.requirement_id', 'in', requirementIds)
    .orderBy('plan_action.position')
    .execute();
}

// ---- Writes from the back office ----

export async function findIndicator(db: Db, idOrSlug: string): Promise<Row<'indicator'> | undefined> {
  return db
    .selectFrom('indicator')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .executeTakeFirst();
}

export async function allIndicatorKeys(db: Db): Promise<Array<Pick<Row<'indicator'>, 'id' | 'slug' | 'name' | 'unit'>>> {
  return db.selectFrom('indicator').select(['id', 'slug', 'name', 'unit']).orderBy('position').execute();
}

/** Inserts observations; a period already reported on the same day is corrected (the audit log keeps the old value). */
export async function upsertObservations(db: Db, rows: Array<NewRow<'indicator_observation'>>): Promise<number> {
  let written = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const result = await db
      .insertInto('indicator_observation')
      .values(rows.slice(start, start + CHUNK))
      .onConflict((oc) =>
        oc.columns(['indicator_id', 'period', 'as_at']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), commentary: eb.ref('excluded.commentary') })),
      )
      .returning('id')
      .execute();
    written += result.length;
  }
  return written;
}

export async function findAction(db: Db, actionId: string): Promise<Row<'plan_action'> | undefined> {
  return db.selectFrom('plan_action').selectAll().where('id', '=', actionId).executeTakeFirst();
}

export async function measureBelongsToAction(db: Db, measureId: string, actionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('plan_measure')
    .innerJoin('plan_milestone', 'plan_milestone.id', 'plan_measure.milestone_id')
    .select('plan_measure.id')
    .where('plan_measure.id', '=', measureId)
    .where('plan_milestone.action_id', '=', actionId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertProgressUpdate(db: Db, row: NewRow<'plan_progress_update'>): Promise<void> {
  await db.insertInto('plan_progress_update').values(row).execute();
}
