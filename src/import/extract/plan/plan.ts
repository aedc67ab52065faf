/**
 * An improvement plan from its segments: the plan's title page, its action tables, requirement appendices and table
 * of leads (one 'improvement-plan' segment), its dashboard definitions (another), and the figures progress reports
 * print about its indicators ('report' segments). Pure: segments in, records out.
 */
import { parseMonthYear } from '../dates.ts';
import { extractReport } from '../report.ts';
import { plainText, segmentDocument } from '../../segment.ts';
import type { ImportIssue, Segment, TextDocument } from '../../types.ts';
import { extractActionTables } from './actions.ts';
import { extractProseActions } from './prose-actions.ts';
import { extractDashboard } from './dashboard.ts';
import { extractFigures } from './figures.ts';
import { extractLeadTitles, extractRequirementSets } from './requirements.ts';
import { extractTargets } from './targets.ts';
import type { IndicatorRecord, ObservationRecord, PlanRecord, TargetRecord } from './types.ts';

export interface PlanPaperExtract {
  plans: PlanRecord[];
  indicators: IndicatorRecord[];
  /** Figures from progress reports, each with the report it came from. */
  observations: Array<ObservationRecord & { reportSubject: string; asAt: string }>;
  targets: TargetRecord[];
  issues: ImportIssue[];
}

function titlePage(segment: Segment): { title: string; date?: string } {
  const head: string[] = [];
  let date: string | undefined;
  for (const line of segment.lines.slice(0, 12)) {
    const text = plainText(line);
    if (/^Contents$/i.test(text)) break;
    if (text === '') continue;
    const month = parseMonthYear(text);
    if (month) date = month;
    else head.push(text);
  }
  const [first, ...rest] = head;
  const title = rest.length ? `${first}: ${rest.join(' ')}` : (first ?? segment.title);
  return { title, ...(date ? { date } : {}) };
}

/** The list under "The Board's work will also be reported to:" */
function reportsTo(lines: string[]): string[] {
  const start = lines.findIndex((line) => /\bwill also be reported to:?$/i.test(plainText(line)));
  if (start < 0) return [];
  const bodies: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const text = plainText(line);
    if (text === '') {
      if (bodies.length) break;
      continue;
    }
    if (!/^-\s+/.test(text)) break;
    bodies.push(text.replace(/^-\s+/, ''));
  }
  return bodies;
}

export function extractPlan(segment: Segment): { plan: PlanRecord; issues: ImportIssue[] } {
  const { lines, lineFrom } = segment;
  const { leads, roleHolders } = extractLeadTitles(lines, lineFrom);
  const roles = [...new Set(roleHolders.map((holder) => holder.role))];
  const tables = extractActionTables(
    lines,
    lineFrom,
    leads.map((lead) => lead.name),
    roles,
  );
  const owner = /\bAn?\s+((?:[A-Z][a-z]+\s+)*Improvement Board)\s+was established\b/.exec(lines.map(plainText).join('\n'))?.[1];
  const plan: PlanRecord = {
    ...titlePage(segment),
    ...(owner ? { ownerBodyName: owner } : {}),
    reportsTo: reportsTo(lines),
    priorities: tables.priorities,
    outcomes: tables.outcomes,
    actions: tables.actions,
    requirementSets: extractRequirementSets(lines, lineFrom),
    leadTitles: leads,
    roleHolders,
    lineFrom: segment.lineFrom,
    lineTo: segment.lineTo,
  };
  return { plan, issues: tables.issues };
}

/** The actions a segment states in prose, as a plan of their own (no priorities or outcomes: the paper printed none). */
function addProsePlan(result: PlanPaperExtract, segment: Segment): void {
  const prose = extractProseActions(segment.lines, segment.lineFrom);
  result.issues.push(...prose.issues);
  if (!prose.planTitle || prose.actions.length === 0) return;
  result.plans.push({
    title: prose.planTitle,
    reportsTo: [],
    priorities: [],
    outcomes: [],
    actions: prose.actions,
    requirementSets: [],
    leadTitles: [],
    roleHolders: [],
    lineFrom: Math.min(...prose.actions.map((action) => action.lineFrom)),
    lineTo: Math.max(...prose.actions.map((action) => action.lineTo)),
  });
}

/** Everything about improvement plans and their indicators that one document holds. */
export function extractPlanPaper(doc: TextDocument, segments: Segment[] = segmentDocument(doc.lines)): PlanPaperExtract {
  const result: PlanPaperExtract = { plans: [], indicators: [], observations: [], targets: [], issues: [] };
  for (const segment of segments) {
    try {
      if (segment.kind === 'improvement-plan') {
        const dashboard = extractDashboard(segment.lines, segment.lineFrom);
        if (dashboard.length >= 2 && !segment.lines.some((line) => /^Ref\tActions\b/.test(line))) {
          result.indicators.push(...dashboard);
          continue;
        }
        const { plan, issues } = extractPlan(segment);
        if (plan.actions.length === 0) {
          // No action table: the plan may state its actions in prose.
          addProsePlan(result, segment);
          continue;
        }
        result.plans.push(plan);
        result.issues.push(...issues);
        for (const set of plan.requirementSets) for (const requirement of set.requirements) result.targets.push(...extractTargets(requirement));
      } else if (segment.kind === 'report') {
        addProsePlan(result, segment);
        const report = extractReport(segment);
        const asAt = report.to.find((to) => to.date)?.date ?? report.date;
        if (!asAt) continue;
        for (const figure of extractFigures(segment.lines, segment.lineFrom, asAt))
          result.observations.push({ ...figure, reportSubject: report.subject, asAt });
      }
    } catch (error) {
      result.issues.push({
        severity: 'error',
        line: segment.lineFrom,
        message: `${doc.name}: could not read the ${segment.kind} "${segment.title}" (lines ${segment.lineFrom}-${segment.lineTo}) as a plan: ${(error as Error).message}`,
      });
    }
  }
  return result;
}
