/**
 * The plan as it stood on an "as at" day: which actions address each requirement, which requirements no action
 * addresses, which actions are past a milestone's timescale without its measures completed, and how many measures
 * are completed. Pure: the caller passes the day (never the clock) and the rows.
 */

export interface CoverageMeasure {
  id: string;
}

export interface CoverageMilestone {
  timescaleKind: string;
  /** ISO date by which the milestone is due (end of range, the date, a recurrence's last date), if any. */
  due: string | null;
  measures: CoverageMeasure[];
}

export interface CoverageAction {
  id: string;
  ref: string;
  requirementIds: string[];
  milestones: CoverageMilestone[];
}

export interface CoverageRequirement {
  id: string;
  code: string;
}

export interface ProgressEvent {
  actionId: string;
  measureId: string | null;
  date: string;
  rag: 'red' | 'amber' | 'green';
  measureCompleted: boolean;
}

export interface ActionStatus {
  actionId: string;
  overdue: boolean;
  /** The first milestone past its due date without all its measures completed. */
  overdueSince?: string;
  measuresCompleted: number;
  measuresTotal: number;
  /** The latest progress update on or before the day. */
  rag?: 'red' | 'amber' | 'green';
  lastUpdate?: string;
}

export interface Coverage {
  asAt: string;
  requirements: Array<{ requirementId: string; code: string; actionIds: string[]; uncovered: boolean }>;
  actions: Map<string, ActionStatus>;
}

/** Measures completed by the day: printed "Completed" in the plan, or reported completed in an update dated on or before it. */
function completedMeasures(action: CoverageAction, events: ProgressEvent[], asAt: string): Set<string> {
  const done = new Set<string>();
  for (const milestone of action.milestones) if (milestone.timescaleKind === 'completed') for (const measure of milestone.measures) done.add(measure.id);
  for (const event of events) if (event.measureCompleted && event.measureId && event.date <= asAt) done.add(event.measureId);
  return done;
}

export function actionStatus(action: CoverageAction, events: ProgressEvent[], asAt: string): ActionStatus {
  const own = events.filter((event) => event.actionId === action.id && event.date <= asAt).sort((a, b) => a.date.localeCompare(b.date));
  const done = completedMeasures(action, own, asAt);
  const measures = action.milestones.flatMap((milestone) => milestone.measures);
  const late = action.milestones
    .filter((milestone) => milestone.due !== null && milestone.due < asAt)
    .filter((milestone) => milestone.timescaleKind !== 'completed' && !(milestone.measures.length > 0 && milestone.measures.every((m) => done.has(m.id))))
    .map((milestone) => milestone.due!)
    .sort();
  const last = own[own.length - 1];
  return {
    actionId: action.id,
    overdue: late.length > 0,
    ...(late[0] ? { overdueSince: late[0] } : {}),
    measuresCompleted: measures.filter((m) => done.has(m.id)).length,
    measuresTotal: measures.length,
    ...(last ? { rag: last.rag, lastUpdate: last.date } : {}),
  };
}

export function coverage(requirements: CoverageRequirement[], actions: CoverageAction[], events: ProgressEvent[], asAt: string): Coverage {
  const byRequirement = new Map<string, string[]>();
  for (const action of actions) {
    for (const requirementId of action.requirementIds) byRequirement.set(requirementId, [...(byRequirement.get(requirementId) ?? []), action.id]);
  }
  return {
    asAt,
    requirements: requirements.map((requirement) => {
      const actionIds = byRequirement.get(requirement.id) ?? [];
      return { requirementId: requirement.id, code: requirement.code, actionIds, uncovered: actionIds.length === 0 };
    }),
    actions: new Map(actions.map((action) => [action.id, actionStatus(action, events, asAt)])),
  };
}

/** Measures completed out of all measures, over several actions (a priority, an outcome, the plan). */
export function measureProgress(statuses: Iterable<ActionStatus>): { completed: number; total: number; percent: number } {
  let completed = 0;
  let total = 0;
  for (const status of statuses) {
    completed += status.measuresCompleted;
    total += status.measuresTotal;
  }
  return { completed, total, percent: total === 0 ? 0 : Math.round((completed / total) * 100) };
}
