/**
 * View models of the plan pages, the dashboard and the progress report: pure functions from rows (read through the
 * coverage and RAG rules as at a day) to what the templates print. Columns never reach a template.
 */
import type { IndicatorData, PlanTree } from '../../db/repositories/plans.ts';
import { measureProgress, type ActionStatus } from '../../domain/plans/coverage.ts';
import { assessTarget, knownSeries, type TargetRag } from '../../domain/indicators/rag.ts';
import { linkTo } from '../../http/routes.ts';
import { t } from '../i18n/index.ts';
import { formatDate, formatMonth, formatValue, RAG_TAG_CLASSES } from './format.ts';
import type { PlanModel } from './plan-model.ts';
import type { ActionStatus as StatedStatus } from '../../domain/plans/action-status.ts';

type Progress = { completed: number; total: number; percent: number };

export interface RequirementLink {
  code: string;
  href: string;
  text: string;
}

export interface ActionRow {
  ref: string;
  href: string;
  text: string;
  jointWith: string | null;
  timescales: string[];
  leads: string[];
  requirements: RequirementLink[];
  overdue: boolean;
  overdueSince: string;
  rag: { text: string; classes: string } | null;
  measures: string;
  /** As the paper stated it (actions read from prose), with its tag's colour. */
  statedStatus: { text: string; classes: string } | null;
}

const STATED_STATUS_CLASSES: Record<StatedStatus, string> = {
  completed: 'govuk-tag--green',
  'in-progress': 'govuk-tag--blue',
  outstanding: 'govuk-tag--yellow',
  'not-started': 'govuk-tag--grey',
  cancelled: 'govuk-tag--grey',
};

const planParam = (tree: PlanTree) => tree.plan.slug;

function leadName(lead: PlanTree['leads'][number]): string {
  return lead.person_name ?? lead.role ?? '';
}

function requirementLink(model: PlanModel, requirement: PlanTree['requirements'][number]): RequirementLink {
  return {
    code: requirement.code,
    href: `${linkTo('plan.coverage', { plan: planParam(model.tree) })}#${requirement.code.replace(/\s+/g, '-')}`,
    text: requirement.text.split('\n')[0]!,
  };
}

function status(model: PlanModel, actionId: string): ActionStatus {
  return model.coverage.actions.get(actionId)!;
}

export function actionRow(model: PlanModel, action: PlanTree['actions'][number]): ActionRow {
  const milestones = model.milestonesByAction.get(action.id) ?? [];
  const leads = [...new Set(milestones.flatMap((m) => (model.leadsByMilestone.get(m.id) ?? []).map(leadName)))];
  const s = status(model, action.id);
  return {
    ref: action.ref,
    href: linkTo('plan.action', { plan: planParam(model.tree), ref: action.ref }),
    text: action.text,
    jointWith: action.joint_with,
    timescales: milestones.map((m) => m.timescale_text),
    leads,
    requirements: (model.requirementsByAction.get(action.id) ?? []).map((r) => requirementLink(model, r)),
    overdue: s.overdue,
    overdueSince: formatDate(s.overdueSince),
    rag: s.rag ? { text: t(`planRag.${s.rag}`), classes: RAG_TAG_CLASSES[s.rag] } : null,
    measures: t('planPages.of', { completed: s.measuresCompleted, total: s.measuresTotal }),
    statedStatus: action.status ? { text: t(`planActionStatus.${action.status}`), classes: STATED_STATUS_CLASSES[action.status] } : null,
  };
}

function progressOf(model: PlanModel, actions: PlanTree['actions']): Progress {
  return measureProgress(actions.map((a) => status(model, a.id)));
}

export function presentPlan(model: PlanModel) {
  const { tree, coverage } = model;
  const statuses = [...coverage.actions.values()];
  return {
    slug: tree.plan.slug,
    title: tree.plan.title,
    issued: formatMonth(tree.plan.issued_month),
    ownerBody: tree.ownerBody,
    governance: tree.governance,
    asAt: coverage.asAt,
    asAtText: formatDate(coverage.asAt),
    beforeIssue: tree.plan.issued_month !== null && coverage.asAt < `${tree.plan.issued_month}-01`,
    progress: measureProgress(statuses),
    actionCount: tree.actions.length,
    overdueCount: statuses.filter((s) => s.overdue).length,
    uncoveredCount: coverage.requirements.filter((r) => r.uncovered).length,
    requirementSets: tree.requirementSets.map((set) => ({ name: set.name, count: tree.requirements.filter((r) => r.set_id === set.id).length })),
    coverageHref: linkTo('plan.coverage', { plan: tree.plan.slug }),
    reportHref: linkTo('plan.report', { plan: tree.plan.slug }),
    standaloneActions: model.standaloneActions.map((a) => actionRow(model, a)),
    priorities: tree.priorities.map((priority) => {
      const actions = model.actionsByPriority.get(priority.id) ?? [];
      return {
        number: priority.number,
        title: priority.title,
        href: linkTo('plan.priority', { plan: tree.plan.slug, number: priority.number }),
        leads: tree.leads.filter((l) => l.priority_id === priority.id).map(leadName),
        actionCount: actions.length,
        overdueCount: actions.filter((a) => status(model, a.id).overdue).length,
        progress: progressOf(model, actions),
      };
    }),
  };
}

export function presentPriority(model: PlanModel, number: number) {
  const { tree } = model;
  const priority = tree.priorities.find((p) => p.number === number);
  if (!priority) return undefined;
  const outcomes = tree.outcomes.filter((o) => o.priority_id === priority.id).sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }));
  return {
    plan: { title: tree.plan.title, href: linkTo('plan.show', { plan: tree.plan.slug }) },
    asAt: model.coverage.asAt,
    asAtText: formatDate(model.coverage.asAt),
    number: priority.number,
    title: priority.title,
    keyObjectives: priority.key_objectives,
    leads: tree.leads.filter((l) => l.priority_id === priority.id).map(leadName),
    progress: progressOf(model, model.actionsByPriority.get(priority.id) ?? []),
    outcomes: outcomes.map((outcome) => {
      const actions = model.actionsByOutcome.get(outcome.id) ?? [];
      return { ref: outcome.ref, statement: outcome.statement, progress: progressOf(model, actions), actions: actions.map((a) => actionRow(model, a)) };
    }),
  };
}

export function presentAction(model: PlanModel, ref: string) {
  const { tree } = model;
  const action = tree.actions.find((a) => a.ref === ref);
  if (!action) return undefined;
  // An action read from prose has no outcome, so no priority either.
  const outcome = tree.outcomes.find((o) => o.id === action.outcome_id);
  const priority = outcome ? tree.priorities.find((p) => p.id === outcome.priority_id) : undefined;
  const asAt = model.coverage.asAt;
  const updates = tree.updates.filter((u) => u.action_id === action.id && u.update_date <= asAt);
  const completed = new Set(updates.filter((u) => u.measure_completed && u.measure_id).map((u) => u.measure_id!));
  return {
    ...actionRow(model, action),
    asAt,
    asAtText: formatDate(asAt),
    plan: { title: tree.plan.title, href: linkTo('plan.show', { plan: tree.plan.slug }) },
    priority: priority
      ? { number: priority.number, title: priority.title, href: linkTo('plan.priority', { plan: tree.plan.slug, number: priority.number }) }
      : null,
    outcome: outcome ? { ref: outcome.ref, statement: outcome.statement } : null,
    source: action.source_line_from ? t('planPages.lines', { from: action.source_line_from, to: action.source_line_to }) : null,
    requirementDetails: (model.requirementsByAction.get(action.id) ?? []).map((r) => ({
      code: r.code,
      text: r.text,
      set: model.setById.get(r.set_id)?.name ?? '',
      due: r.due_category ?? formatDate(r.due_date),
    })),
    milestones: (model.milestonesByAction.get(action.id) ?? []).map((m) => ({
      timescale: m.timescale_text,
      leads: (model.leadsByMilestone.get(m.id) ?? []).map(leadName),
      measures: (model.measuresByMilestone.get(m.id) ?? []).map((measure) => ({
        id: measure.id,
        text: measure.text,
        completed: m.timescale_kind === 'completed' || completed.has(measure.id),
      })),
    })),
    updates: [...updates].reverse().map((u) => ({
      date: formatDate(u.update_date),
      rag: { text: t(`planRag.${u.rag}`), classes: RAG_TAG_CLASSES[u.rag] },
      narrative: u.narrative,
      author: u.author_name,
    })),
  };
}

export function presentCoverage(model: PlanModel) {
  const { tree, coverage } = model;
  const actionById = new Map(tree.actions.map((a) => [a.id, a]));
  const rows = new Map(coverage.requirements.map((r) => [r.requirementId, r]));
  return {
    plan: { title: tree.plan.title, href: linkTo('plan.show', { plan: tree.plan.slug }), slug: tree.plan.slug },
    asAt: coverage.asAt,
    asAtText: formatDate(coverage.asAt),
    uncoveredCount: coverage.requirements.filter((r) => r.uncovered).length,
    overdueCount: [...coverage.actions.values()].filter((s) => s.overdue).length,
    sets: tree.requirementSets.map((set) => ({
      name: set.name,
      source: set.source,
      requirements: tree.requirements
        .filter((r) => r.set_id === set.id)
        .map((requirement) => {
          const row = rows.get(requirement.id)!;
          return {
            code: requirement.code,
            anchor: requirement.code.replace(/\s+/g, '-'),
            text: requirement.text,
            due: requirement.due_category ?? formatDate(requirement.due_date),
            uncovered: row.uncovered,
            actions: row.actionIds.map((id) => actionRow(model, actionById.get(id)!)),
          };
        }),
    })),
    overdueActions: tree.actions.filter((a) => status(model, a.id).overdue).map((a) => actionRow(model, a)),
  };
}

// ---- Indicators ----

export interface IndicatorView {
  name: string;
  slug: string;
  href: string;
  definition: string;
  impact: string | null;
  unitText: string;
  polarityText: string;
  latest: { value: string; period: string; asAt: string; source: string | null } | null;
  target: { text: string; requirementCode: string | null; requirementHref: string | null; deadline: string; note: string | null } | null;
  rag: { rag: TargetRag; text: string; classes: string; reason: string };
  commentary: string | null;
  chart: { points: Array<{ period: string; value: number }>; target?: { value: number; deadline: string | null; label: string } };
  chartDescription: string;
  table: Array<{ period: string; value: string; asAt: string; source: string }>;
}

export function presentIndicator(data: IndicatorData, asAt: string, planSlugs: Map<string, string>): IndicatorView {
  const { indicator } = data;
  const observations = data.observations.map((o) => ({ period: o.period, value: o.value, asAt: o.as_at }));
  const series = knownSeries(observations, asAt);
  const latest = series[series.length - 1];
  const latestRow = latest ? data.observations.find((o) => o.period === latest.period && o.as_at === latest.asAt) : undefined;
  // The target that matters is the next one due; once all have passed, the last.
  const target = data.targets.find((t) => !t.deadline || t.deadline >= asAt) ?? data.targets[data.targets.length - 1];
  const assessment = target ? assessTarget({ value: target.value, comparison: target.comparison, deadline: target.deadline }, observations, asAt) : undefined;
  const rag: TargetRag = assessment?.rag ?? 'none';
  const unit = indicator.unit;
  const targetText = target
    ? t(
        target.deadline
          ? `planPages.${target.comparison === 'at-most' ? 'atMostBy' : 'atLeastBy'}`
          : `planPages.${target.comparison === 'at-most' ? 'atMost' : 'atLeast'}`,
        {
          value: formatValue(target.value, unit),
          month: target.deadline ? formatMonth(target.deadline.slice(0, 7)) : '',
        },
      )
    : null;
  const planSlug = target?.plan_id ? planSlugs.get(target.plan_id) : undefined;
  const valuesText = series.map((p) => `${formatMonth(p.period)}: ${formatValue(p.value, unit)}`).join('; ');
  return {
    name: indicator.name,
    slug: indicator.slug,
    href: linkTo('indicator.show', { indicator: indicator.slug }),
    definition: indicator.definition,
    impact: indicator.impact,
    unitText: t(unit === 'percent' ? 'planPages.perCent' : 'planPages.number'),
    polarityText: t(indicator.polarity === 'lower-is-better' ? 'planPages.lowerBetter' : 'planPages.higherBetter'),
    latest: latest
      ? { value: formatValue(latest.value, unit), period: formatMonth(latest.period), asAt: formatDate(latest.asAt), source: latestRow?.source_file ?? null }
      : null,
    target: target
      ? {
          text: targetText!,
          requirementCode: target.requirement_code,
          requirementHref:
            target.requirement_code && planSlug ? `${linkTo('plan.coverage', { plan: planSlug })}#${target.requirement_code.replace(/\s+/g, '-')}` : null,
          deadline: formatDate(target.deadline),
          note: target.note,
        }
      : null,
    rag: {
      rag,
      text: t(`planRag.${rag}`),
      classes: RAG_TAG_CLASSES[rag],
      reason: assessment ? t(`planRag.reason.${assessment.reason}`) : t(target ? 'planPages.noFigures' : 'planPages.noTarget'),
    },
    commentary: latestRow?.commentary ?? null,
    chart: {
      points: series.map((p) => ({ period: p.period, value: p.value })),
      ...(target ? { target: { value: target.value, deadline: target.deadline, label: targetText! } } : {}),
    },
    chartDescription: t(targetText ? 'planPages.chartWithTarget' : 'planPages.chart', {
      name: indicator.name,
      values: valuesText || t('planPages.noFiguresYet'),
      target: targetText,
    }),
    table: series.map((p) => {
      const row = data.observations.find((o) => o.period === p.period && o.as_at === p.asAt);
      return {
        period: formatMonth(p.period),
        value: formatValue(p.value, unit),
        asAt: formatDate(p.asAt),
        source: row?.source_file ?? t('planPages.enteredInQuorum'),
      };
    }),
  };
}
