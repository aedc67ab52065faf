/**
 * The detailed action tables of an improvement plan (columns Ref | Actions | Timescale | Delivery Leads |
 * Targets & Measures), as converted from PDF: rows split across lines and pages, cells mixing TSV and HTML, the
 * Ref column sometimes missing. Columns are read from the right (measures are always last); a row that continues
 * the one above (text going on, a timescale starting with its year) is joined to it, and a row with a timescale of
 * its own is a new milestone of the same action.
 */
import { parseTimescale } from '../../../domain/plans/timescale.ts';
import type { ImportIssue } from '../../types.ts';
import type { ActionRecord, LeadRecord, MilestoneRecord, OutcomeRecord, PriorityRecord } from './types.ts';
import { requirementCodes, rowCells, splitBullets, withoutRequirementCodes } from './cells.ts';
import { parseLeads as parseLeadCell } from './leads.ts';

const ACTION_START = /^(\d+\.\d+\.\d+)\.?\s*(?=[A-Za-z'"‘“(])/;
const OUTCOME = /^(\d+\.\d+)\.?\s*Outcome\s*[-–:]?\s*(.*)$/i;
const PRIORITY = /^Priority\s+(\d+)\s*[:–-]\s*(.+)$/;

export interface ActionTables {
  priorities: PriorityRecord[];
  outcomes: OutcomeRecord[];
  actions: ActionRecord[];
  issues: ImportIssue[];
}

/** The fingerprint of what an action says, to spot one printed twice under two refs. */
function sayings(action: ActionRecord): string {
  return JSON.stringify([action.text, action.requirements, action.milestones.map((m) => [m.timescale.printed, m.measures, m.leads])]);
}

/**
 * A plan that prints the same action twice in one outcome (2.3.8 repeats 2.3.6 word for word) has one action, not
 * two: the repeat is reported and left out.
 */
function withoutReprints(actions: ActionRecord[], issues: ImportIssue[]): ActionRecord[] {
  const seen = new Map<string, ActionRecord>();
  return actions.filter((action) => {
    const key = `${action.ref.split('.').slice(0, 2).join('.')}|${sayings(action)}`;
    const first = seen.get(key);
    if (first) {
      issues.push({
        severity: 'warning',
        line: action.lineFrom,
        message: `Action ${action.ref} repeats action ${first.ref} word for word; imported once, as ${first.ref}`,
      });
      return false;
    }
    seen.set(key, action);
    return true;
  });
}

/** A timescale cell that finishes the one above rather than starting a new one: "2011 - 30 April 2012", "(review)". */
function continuesTimescale(text: string, previous: string | undefined): boolean {
  if (previous === undefined) return false;
  return /^(?:\d{4}\b|\(|[a-z])/.test(text) || !/\d{4}|complete|weekly|monthly|quarterly|audit/i.test(previous);
}

/**
 * @param lines the plan segment's lines; lines[0] is document line `lineFrom`
 * @param knownNames people named in the plan's table of leads, so run-together leads can be told apart
 */
export function extractActionTables(lines: string[], lineFrom: number, knownNames: readonly string[], knownRoles: readonly string[] = []): ActionTables {
  const parseLeads = (cell: string) => parseLeadCell(cell, knownNames, knownRoles);
  const priorities: PriorityRecord[] = [];
  const outcomes: OutcomeRecord[] = [];
  const actions: ActionRecord[] = [];
  let priority: PriorityRecord | undefined;
  let pending: 'objectives' | undefined;
  let action: ActionRecord | undefined;
  let started = false;
  const issues: ImportIssue[] = [];

  const lastMilestone = () => action?.milestones[action.milestones.length - 1];
  const addMeasures = (milestone: MilestoneRecord, text: string) => {
    if (!text) return;
    const startsNew = text.trimStart().startsWith('•');
    const items = splitBullets(text);
    if (!startsNew && milestone.measures.length > 0 && items.length > 0) {
      const last = milestone.measures.length - 1;
      milestone.measures[last] = `${milestone.measures[last]} ${items.shift()}`;
    }
    milestone.measures.push(...items);
  };

  for (let index = 0; index < lines.length; index++) {
    const lineNo = lineFrom + index;
    const cells = rowCells(lines[index]!);
    const filled = cells.filter(Boolean);
    if (filled.length === 0) continue;
    const joined = filled.join(' ');

    const priorityMatch = filled.length === 1 ? PRIORITY.exec(joined) : null;
    if (priorityMatch && /^\d+$/.test(priorityMatch[1]!)) {
      started = true;
      action = undefined;
      priority = { number: Number(priorityMatch[1]), title: priorityMatch[2]!.trim(), keyObjectives: '', leads: [], lineFrom: lineNo, lineTo: lineNo };
      priorities.push(priority);
      continue;
    }
    if (!started) continue;
    if (/^Ofsted Recommendations/i.test(joined)) break;

    if (priority && /^Key Objectives:/i.test(joined)) {
      priority.keyObjectives = joined.replace(/^Key Objectives:\s*/i, '');
      pending = priority.keyObjectives ? undefined : 'objectives';
      priority.lineTo = lineNo;
      continue;
    }
    if (priority && pending === 'objectives') {
      priority.keyObjectives = joined;
      priority.lineTo = lineNo;
      pending = undefined;
      continue;
    }
    if (priority && /^Priority Leads\b/i.test(joined)) {
      priority.leads = parseLeads(joined.replace(/^Priority Leads\s*(?:\(Accountable\))?\s*[-–:]?\s*/i, ''));
      priority.lineTo = lineNo;
      continue;
    }
    const outcomeMatch = OUTCOME.exec(filled[0]!);
    if (outcomeMatch) {
      outcomes.push({ ref: outcomeMatch[1]!, statement: outcomeMatch[2]!.trim(), lineFrom: lineNo, lineTo: lineNo });
      action = undefined;
      continue;
    }
    if (cells[0] === 'Ref' && cells[1] === 'Actions') continue;

    const at = cells.findIndex((cell) => ACTION_START.test(cell));
    if (at >= 0) {
      const cell = cells[at]!;
      const ref = ACTION_START.exec(cell)![1]!;
      const before = cells.slice(0, at).join(' ');
      const joint = /\(?\s*Joint\b[^)]*\)?/i.exec(before)?.[0];
      const leads = parseLeads(cells[at + 2] ?? '');
      action = {
        ref,
        text: withoutRequirementCodes(cell.replace(ACTION_START, '')),
        requirements: [...requirementCodes(before), ...requirementCodes(cell)],
        milestones: [],
        lineFrom: lineNo,
        lineTo: lineNo,
        ...(joint ? { jointWith: joint.replace(/^\(\s*|\s*\)$/g, '').trim() } : {}),
      };
      actions.push(action);
      const timescale = cells[at + 1] ?? '';
      if (timescale || cells[at + 3]) {
        const milestone: MilestoneRecord = { timescale: parseTimescale(timescale), measures: [], leads, lineFrom: lineNo, lineTo: lineNo };
        addMeasures(
          milestone,
          cells
            .slice(at + 3)
            .filter(Boolean)
            .join(' '),
        );
        action.milestones.push(milestone);
      }
      continue;
    }

    if (!action) continue;
    // A row that continues the current action: columns read from the right.
    const n = cells.length;
    const measures = n >= 1 ? cells[n - 1]! : '';
    const leadsCell = n >= 2 ? cells[n - 2]! : '';
    const timescale = n >= 3 ? cells[n - 3]! : '';
    const actionCell = n >= 4 ? cells[n - 4]! : '';
    const before = n >= 5 ? cells.slice(0, n - 4).join(' ') : '';
    action.lineTo = lineNo;
    for (const code of [...requirementCodes(before), ...requirementCodes(actionCell)]) action.requirements.push(code);
    if (/\bJoint\b/i.test(before) && !action.jointWith) action.jointWith = before.replace(/^\(\s*|\s*\)$/g, '').trim();
    // "(*Joint with" at the foot of a page, "Partners)" at the head of the next.
    else if (action.jointWith && /\bwith$/i.test(action.jointWith) && before) action.jointWith = `${action.jointWith} ${before.replace(/\)$/, '')}`;
    const moreText = withoutRequirementCodes(actionCell);
    const previous = lastMilestone();
    const continuing = moreText !== '' || (timescale !== '' && continuesTimescale(timescale, previous?.timescale.printed));
    if (moreText) action.text = `${action.text} ${moreText}`;

    if (timescale && !continuing) {
      const leads = leadsCell ? parseLeads(leadsCell) : (previous?.leads ?? []);
      const milestone: MilestoneRecord = { timescale: parseTimescale(timescale), measures: [], leads, lineFrom: lineNo, lineTo: lineNo };
      addMeasures(milestone, measures);
      action.milestones.push(milestone);
      continue;
    }
    let milestone = previous;
    if (!milestone && (timescale || measures || leadsCell)) {
      milestone = { timescale: parseTimescale(timescale), measures: [], leads: [], lineFrom: lineNo, lineTo: lineNo };
      action.milestones.push(milestone);
    } else if (milestone && timescale) {
      milestone.timescale = parseTimescale(`${milestone.timescale.printed} ${timescale}`);
    }
    if (!milestone) continue;
    milestone.lineTo = lineNo;
    if (leadsCell) milestone.leads = dedupeLeads([...milestone.leads, ...parseLeads(leadsCell)]);
    addMeasures(milestone, measures);
  }

  for (const record of actions) record.requirements = [...new Set(record.requirements)];
  return { priorities, outcomes, actions: withoutReprints(actions, issues), issues };
}

function dedupeLeads(leads: LeadRecord[]): LeadRecord[] {
  const seen = new Set<string>();
  return leads.filter((lead) => {
    const key = lead.kind === 'person' ? lead.name : `role:${lead.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
