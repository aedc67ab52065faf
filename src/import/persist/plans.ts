/**
 * persistPlan: stores what the plan extractors read from one paper, inside the importer's transaction (one per
 * file) and with the same context as the committee records (src/import/persist.ts): people through the shared
 * PeopleDirectory (leads are officers; roles such as "Heads of Service" stay roles), bodies through the shared map.
 * Ids are stable ids from natural keys, so re-importing a paper, or the same plan in another paper, adds nothing twice.
 * Figures and targets that name no indicator, and requirement codes the plan does not define, are reported, not guessed.
 * Rows go in a write batch, written where what follows reads them back: a plan's tables (its requirements by code),
 * then the links, leads and indicators (the figures' indicators), then the figures and targets.
 */
import type { NewRow } from '../../db/types.ts';
import * as plans from '../../db/repositories/plans.ts';
import { canonicalBodyName } from '../../domain/body-name.ts';
import { parsePrintedName } from '../../domain/person-name.ts';
import { matchIndicator } from '../../domain/indicators/match.ts';
import { slugify, stableId } from '../../domain/stable-id.ts';
import { addCount, sourceOf as source, type CapabilityOutcome, type Counts, type PersistContext } from './context.ts';
import { WriteBatch } from './write-batch.ts';
import type { ImportIssue, SourceSpan } from '../types.ts';
import type { PlanPaperExtract } from '../extract/plan/plan.ts';
import type { LeadRecord, PlanRecord } from '../extract/plan/types.ts';

/** "2011-08" -> "2011-08-31": a target "by August 2011" is due at the end of August. */
function endOfMonth(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** The plan tables, parents first; people (leads) are written before them by the batch. */
const TABLES = [
  { table: 'body', count: 'bodies' },
  { table: 'plan', count: 'plans' },
  { table: 'plan_governance', count: 'planGovernance' },
  { table: 'plan_priority', count: 'priorities' },
  { table: 'plan_outcome', count: 'outcomes' },
  { table: 'plan_action', count: 'actions' },
  { table: 'plan_milestone', count: 'milestones' },
  { table: 'plan_measure', count: 'measures' },
  { table: 'requirement_set', count: 'requirementSets' },
  { table: 'requirement', count: 'requirements' },
  { table: 'plan_action_requirement', count: 'requirementLinks' },
  { table: 'plan_lead', count: 'leads' },
  { table: 'indicator', count: 'indicators' },
  { table: 'indicator_observation', count: 'observations' },
  { table: 'indicator_target', count: 'targets' },
] as const;

export async function persistPlan(ctx: PersistContext, extract: PlanPaperExtract): Promise<CapabilityOutcome> {
  const created: Counts = {};
  const issues: ImportIssue[] = [...extract.issues];
  const { trx } = ctx;
  const batch = new WriteBatch(TABLES);
  const write = async () => {
    for (const [name, n] of Object.entries(await batch.write(trx, ctx.people))) addCount(created, name, n);
  };

  function bodyId(printed: string): string {
    const canonical = canonicalBodyName(printed, ctx.authorityName);
    const known = ctx.bodies.get(canonical.name);
    if (known) return known;
    const id = stableId('body', ctx.authorityName, canonical.name);
    batch.add('body', { id, authority_id: ctx.authorityId, name: canonical.name, slug: slugify(canonical.name), kind: canonical.kind });
    ctx.bodies.set(canonical.name, id);
    return id;
  }

  function personId(name: string, line: number, jobTitle?: string): string | undefined {
    const printed = parsePrintedName(name);
    if (!printed) return undefined;
    const outcome = ctx.people.resolve(printed, { kind: 'officer', ...(jobTitle ? { role: jobTitle } : {}) });
    if (outcome.status === 'ambiguous') {
      issues.push({ severity: 'warning', line, message: `Lead "${name}" could mean ${outcome.candidates.join(' or ')}; not linked` });
      return undefined;
    }
    return outcome.personId;
  }

  let planId: string | undefined;
  for (const plan of extract.plans) planId = await persistOnePlan(plan);

  async function persistOnePlan(plan: PlanRecord): Promise<string> {
    const id = stableId('plan', ctx.authorityName, plan.title);
    // Job titles first, so leads printed in the tables resolve to the titled officers.
    const jobTitles = new Map(plan.leadTitles.map((lead) => [lead.name, lead]));
    for (const lead of plan.leadTitles) personId(lead.name, lead.lineFrom, lead.jobTitle);
    batch.add('plan', {
      id,
      authority_id: ctx.authorityId,
      title: plan.title,
      slug: slugify(plan.title).slice(0, 80),
      issued_month: plan.date ?? null,
      owner_body_id: plan.ownerBodyName ? bodyId(plan.ownerBodyName) : null,
      ...source(ctx, plan),
    });
    for (const [position, name] of plan.reportsTo.entries()) {
      const body = bodyId(name);
      batch.add('plan_governance', { id: stableId('plan-governance', id, body), plan_id: id, body_id: body, position: position + 1 });
    }

    // Leads go in after the plan's requirement links (below), as they were counted.
    const leadRows: Array<NewRow<'plan_lead'> & { id: string }> = [];
    const leadRow = (lead: LeadRecord, position: number, owner: { priority_id: string } | { milestone_id: string }, line: number) => {
      const person = lead.kind === 'person' ? personId(lead.name, line, jobTitles.get(lead.name)?.jobTitle) : undefined;
      const role = lead.kind === 'role' ? lead.role : person ? null : lead.name;
      const ownerId = 'priority_id' in owner ? owner.priority_id : owner.milestone_id;
      leadRows.push({
        id: stableId('plan-lead', ownerId, position),
        plan_id: id,
        priority_id: 'priority_id' in owner ? owner.priority_id : null,
        milestone_id: 'milestone_id' in owner ? owner.milestone_id : null,
        position,
        person_id: person ?? null,
        role,
      });
    };

    const priorityIds = new Map<number, string>();
    for (const priority of plan.priorities) {
      const priorityId = stableId('plan-priority', id, priority.number);
      priorityIds.set(priority.number, priorityId);
      priority.leads.forEach((lead, index) => leadRow(lead, index + 1, { priority_id: priorityId }, priority.lineFrom));
      batch.add('plan_priority', {
        id: priorityId,
        plan_id: id,
        number: priority.number,
        title: priority.title,
        key_objectives: priority.keyObjectives,
        ...source(ctx, priority),
      });
    }

    const outcomeIds = new Map<string, string>();
    const outcomeOf = (ref: string, span: SourceSpan, statement = '') => {
      const known = outcomeIds.get(ref);
      if (known) return known;
      const priorityId = priorityIds.get(Number(ref.split('.')[0]));
      if (!priorityId) throw Object.assign(new Error(`Outcome ${ref} belongs to no priority printed in the plan`), { line: span.lineFrom });
      const outcomeId = stableId('plan-outcome', id, ref);
      outcomeIds.set(ref, outcomeId);
      batch.add('plan_outcome', { id: outcomeId, plan_id: id, priority_id: priorityId, ref, statement, ...source(ctx, span) });
      return outcomeId;
    };
    for (const outcome of plan.outcomes) outcomeOf(outcome.ref, outcome, outcome.statement);
    const links: Array<{ actionId: string; code: string; line: number }> = [];
    for (const [position, action] of plan.actions.entries()) {
      const outcomeRef = action.ref.split('.').slice(0, 2).join('.');
      const actionId = stableId('plan-action', id, action.ref);
      batch.add('plan_action', {
        id: actionId,
        plan_id: id,
        // A plan read from prose printed no priorities or outcomes: its actions stand alone.
        outcome_id: plan.priorities.length ? outcomeOf(outcomeRef, action) : null,
        status: action.status ?? null,
        ref: action.ref,
        position: position + 1,
        text: action.text,
        joint_with: action.jointWith ?? null,
        ...source(ctx, action),
      });
      for (const code of action.requirements) links.push({ actionId, code, line: action.lineFrom });
      for (const [index, milestone] of action.milestones.entries()) {
        const milestoneId = stableId('plan-milestone', actionId, index + 1);
        const t = milestone.timescale;
        batch.add('plan_milestone', {
          id: milestoneId,
          action_id: actionId,
          position: index + 1,
          timescale_text: t.printed,
          timescale_kind: t.kind,
          start_date: t.start ?? null,
          end_date: t.end ?? null,
          recurrence: t.recurrence ?? null,
          until_date: t.until ?? null,
          review: t.review,
          ...source(ctx, milestone),
        });
        milestone.measures.forEach((text, m) =>
          batch.add('plan_measure', { id: stableId('plan-measure', milestoneId, m + 1), milestone_id: milestoneId, position: m + 1, text }),
        );
        milestone.leads.forEach((lead, l) => leadRow(lead, l + 1, { milestone_id: milestoneId }, milestone.lineFrom));
      }
    }
    for (const set of plan.requirementSets) {
      const setId = stableId('requirement-set', id, set.prefix);
      batch.add('requirement_set', {
        id: setId,
        authority_id: ctx.authorityId,
        plan_id: id,
        prefix: set.prefix,
        name: set.name,
        source: set.source,
        ...source(ctx, set),
      });
      for (const requirement of set.requirements) {
        batch.add('requirement', {
          id: stableId('requirement', setId, requirement.number),
          set_id: setId,
          code: requirement.code,
          number: requirement.number,
          text: requirement.text,
          area: requirement.area ?? null,
          due_category: requirement.dueCategory ?? null,
          due_date: null,
          ...source(ctx, requirement),
        });
      }
    }
    // The plan and its tables in one statement, with the people its leads name, parents first (statements, not
    // rows, were the cost): its requirements are read back for the actions that cite them.
    await write();
    const byCode = await plans.requirementsByCode(trx, id);
    for (const link of links) {
      const requirementId = byCode.get(link.code);
      if (!requirementId) {
        issues.push({ severity: 'warning', line: link.line, message: `An action cites ${link.code}, which the plan's appendices do not define; not linked` });
        continue;
      }
      batch.add('plan_action_requirement', {
        id: stableId('plan-action-requirement', link.actionId, requirementId),
        action_id: link.actionId,
        requirement_id: requirementId,
      });
    }
    for (const row of leadRows) batch.add('plan_lead', row);
    return id;
  }

  // Most papers hold no plan, indicator or figure: they cost no lookup.
  if (!extract.indicators.length && !extract.observations.length && !extract.targets.length) {
    await write();
    return { created, issues };
  }

  // Indicators of the dashboard, in the order printed, after any the authority already has.
  const start = extract.indicators.length ? await plans.maxIndicatorPosition(trx, ctx.authorityId) : 0;
  for (const [index, indicator] of extract.indicators.entries()) {
    batch.add('indicator', {
      id: stableId('indicator', ctx.authorityName, indicator.name),
      authority_id: ctx.authorityId,
      plan_id: planId ?? null,
      name: indicator.name,
      slug: slugify(indicator.name).slice(0, 80),
      definition: indicator.definition,
      impact: indicator.impact ?? null,
      unit: indicator.unit,
      polarity: indicator.polarity,
      frequency: indicator.frequency,
      position: start + index + 1,
      on_dashboard: true,
      ...source(ctx, indicator),
    });
  }
  // The plan's last links and leads, and the indicators, which the figures are matched against.
  await write();

  const known = await plans.indicatorsOf(trx, ctx.authorityId);
  for (const figure of extract.observations) {
    const match = matchIndicator(figure.label, known);
    if (!match) {
      issues.push({
        severity: 'warning',
        line: figure.lineFrom,
        message: `The figure for "${figure.label}" (${figure.period}) names no indicator on record; not imported`,
      });
      continue;
    }
    batch.add('indicator_observation', {
      id: stableId('observation', match.id, figure.period, figure.asAt),
      indicator_id: match.id,
      period: figure.period,
      value: match.complement ? 100 - figure.value : figure.value,
      as_at: figure.asAt,
      printed_label: figure.label,
      commentary: null,
      ...source(ctx, figure),
    });
  }

  const requirements = extract.targets.length ? await plans.authorityRequirementsByCode(trx, ctx.authorityId) : new Map<string, string>();
  for (const target of extract.targets) {
    const match = matchIndicator(target.label, known);
    // Requirements set targets for measures nobody reports on the dashboard (adoptions, plans lasting two years): kept in the requirement's text.
    if (!match) continue;
    const requirementId = requirements.get(target.requirementCode) ?? null;
    batch.add('indicator_target', {
      id: stableId('target', match.id, target.requirementCode, target.label),
      indicator_id: match.id,
      requirement_id: requirementId,
      value: match.complement ? 100 - target.value : target.value,
      comparison: match.complement ? (target.comparison === 'at-most' ? 'at-least' : 'at-most') : target.comparison,
      deadline: target.deadline ? endOfMonth(target.deadline) : null,
      printed_label: target.label,
      note: match.complement ? `${target.requirementCode}: ${target.label} ${target.comparison === 'at-most' ? 'at most' : 'at least'} ${target.value}%` : null,
    });
  }
  await write();
  // The caller stores the issues with the file's others (the paper importer writes them to import_issue).
  return { created, issues };
}
