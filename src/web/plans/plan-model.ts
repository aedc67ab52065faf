/** A plan tree from the database read through the coverage rules, as at a day. */
import type { PlanTree } from '../../db/repositories/plans.ts';
import { coverage, type Coverage, type CoverageAction } from '../../domain/plans/coverage.ts';

export interface PlanModel {
  tree: PlanTree;
  coverage: Coverage;
  actionsByOutcome: Map<string, PlanTree['actions']>;
  actionsByPriority: Map<string, PlanTree['actions']>;
  /** Actions read from prose: the plan printed no outcome for them. */
  standaloneActions: PlanTree['actions'];
  milestonesByAction: Map<string, PlanTree['milestones']>;
  measuresByMilestone: Map<string, PlanTree['measures']>;
  leadsByMilestone: Map<string, PlanTree['leads']>;
  requirementsByAction: Map<string, PlanTree['requirements']>;
  requirementById: Map<string, PlanTree['requirements'][number]>;
  setById: Map<string, PlanTree['requirementSets'][number]>;
}

function group<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

export function planModel(tree: PlanTree, asAt: string): PlanModel {
  const milestonesByAction = group(tree.milestones, (m) => m.action_id);
  const measuresByMilestone = group(tree.measures, (m) => m.milestone_id);
  const requirementById = new Map(tree.requirements.map((r) => [r.id, r]));
  const linksByAction = group(tree.links, (l) => l.action_id);
  const outcomeById = new Map(tree.outcomes.map((o) => [o.id, o]));
  const actions: CoverageAction[] = tree.actions.map((action) => ({
    id: action.id,
    ref: action.ref,
    requirementIds: (linksByAction.get(action.id) ?? []).map((l) => l.requirement_id),
    milestones: (milestonesByAction.get(action.id) ?? []).map((m) => ({
      timescaleKind: m.timescale_kind,
      due: m.timescale_kind === 'recurring' ? m.until_date : m.timescale_kind === 'range' || m.timescale_kind === 'date' ? m.end_date : null,
      measures: (measuresByMilestone.get(m.id) ?? []).map((measure) => ({ id: measure.id })),
    })),
  }));
  const events = tree.updates.map((u) => ({
    actionId: u.action_id,
    measureId: u.measure_id,
    date: u.update_date,
    rag: u.rag,
    measureCompleted: u.measure_completed,
  }));
  return {
    tree,
    coverage: coverage(
      tree.requirements.map((r) => ({ id: r.id, code: r.code })),
      actions,
      events,
      asAt,
    ),
    actionsByOutcome: group(tree.actions, (a) => a.outcome_id ?? ''),
    actionsByPriority: group(tree.actions, (a) => (a.outcome_id ? (outcomeById.get(a.outcome_id)?.priority_id ?? '') : '')),
    standaloneActions: tree.actions.filter((a) => a.outcome_id === null),
    milestonesByAction,
    measuresByMilestone,
    leadsByMilestone: group(
      tree.leads.filter((l) => l.milestone_id),
      (l) => l.milestone_id!,
    ),
    requirementsByAction: new Map(actions.map((a) => [a.id, a.requirementIds.map((id) => requirementById.get(id)!).filter(Boolean)])),
    requirementById,
    setById: new Map(tree.requirementSets.map((s) => [s.id, s])),
  };
}
