/**
 * Plan actions written in prose rather than in a plan's action table. Cabinet reports and improvement plans state
 * actions in three shapes, all read here:
 *
 * - a status sentence naming actions by their refs: "Two actions, 4.02 and 7.1, have been completed since the last
 *   report. One action remains outstanding, 9.03." (each clause's refs take that clause's status);
 * - labelled records, on one line or several: "Action 3: Review the scheme; Owner: Head of Finance; Status: complete",
 *   or "Action:" / "Lead:" / "Deadline:" / "Status:" lines;
 * - commitments, as list items or sentences: "(b) The Council will review the scheme by March 2014 (lead: Head of
 *   Housing)". A commitment needs a lead, or a "will" and a deadline, so that not every sentence with "will" in it
 *   becomes an action.
 *
 * The actions belong to the plan the paper names ("the Corporate Improvement Plan", "the Peer Challenge Action
 * Plan"); a paper that names none gives no actions and says so. An action printed without a ref (a bullet, a
 * sentence) takes its position among the paper's prose actions as its ref.
 *
 * Pure and linear: each paragraph is read once by bounded patterns (a paragraph longer than MAX_PARAGRAPH characters
 * is not a sentence about actions and is skipped), and nothing here throws on odd input.
 */
import { actionStatusOf, type ActionStatus } from '../../../domain/plans/action-status.ts';
import { parseTimescale } from '../../../domain/plans/timescale.ts';
import { plainText } from '../../segment.ts';
import type { ImportIssue } from '../../types.ts';
import { parseLeads } from './leads.ts';
import type { ActionRecord, LeadRecord, MilestoneRecord } from './types.ts';

export interface ProseActions {
  /** The plan the paper names, when it names one. */
  planTitle?: string;
  actions: ActionRecord[];
  issues: ImportIssue[];
}

const MAX_PARAGRAPH = 4000;

/** "the Corporate Improvement Plan", "Peer Challenge Action Plan": up to five capitalised words before the kind. */
const PLAN_NAME = /\b((?:[A-Z][A-Za-z&'’-]*\s+){0,5}(?:Improvement|Action|Delivery|Recovery|Transformation)\s+Plan)\b/;

/** A ref such as "19.01" or "2.3.1", not a sum, a percentage, a time or a date ("14.03.2012"). */
const REF =
  /(?<![\d.£$€,/])\b(\d{1,3}(?:\.\d{1,3}){1,2})\b(?![.,/]?\d)(?!\s*(?:%|per\s*cent|million|billion|bn\b|m\b|k\b|am\b|pm\b|a\.m|p\.m|hours?\b|years?\b|metres?\b|miles?\b))/g;

const STATUS_WORDS =
  'not\\s+(?:yet\\s+)?(?:started|begun|completed?|achieved|delivered)|completed?|achieved|delivered|implemented|outstanding|overdue|delayed|on\\s+(?:track|target|schedule)|in\\s+progress|ongoing|under\\s*way|cancelled|withdrawn|no\\s+longer\\s+required|superseded';

/** "have been completed", "remains outstanding", "is now on track": a verb, then the status words. */
const STATUS_PHRASE = new RegExp(
  `\\b(?:is|are|was|were|has\\s+been|have\\s+been|had\\s+been|remains?|remained|now)\\s+(?:now\\s+|all\\s+|both\\s+|fully\\s+|yet\\s+)?(${STATUS_WORDS})\\b`,
  'gi',
);

/** A labelled field of an action record: "Action 3:", "Owner:", "Lead officer -", "Status:", "Deadline:". */
const FIELD =
  /^(Action|Owner|Lead(?:\s+officer)?|Responsible(?:\s+officer)?|Led\s+by|Status|Progress|Deadline|Due(?:\s+date)?|Target\s+date|Timescale|By\s+when|Completion\s+date)(?:\s+(\d{1,3}(?:\.\d{1,3}){0,2}|[A-Za-z]\b))?\s*[:–-]\s*(.*)$/i;

/** A list item's marker: "(a)", "b)", "1.", "iv)", a bullet. */
const LIST_MARKER = /^(?:\(([a-z]|[ivx]{1,4}|\d{1,2})\)|([a-z]|[ivx]{1,4}|\d{1,2})[.)]|[•·▪*–-])\s+/;

/** "(lead: Head of Housing)", "(Owner - Jane Smith)", "(Head of Finance to lead)". */
const LEAD_IN_BRACKETS = /\((?:lead(?:\s+officer)?|owner|responsible(?:\s+officer)?|led\s+by)\s*[:–-]?\s*([^()]{2,120})\)|\(([^()]{2,120}?)\s+to\s+lead\)/i;
const LEAD_SENTENCE = /\b(?:lead(?:\s+officer)?|owner)\s*:\s*([^;.()]{2,120})/i;

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/** "by March 2013", "by 31 March 2013", "before the end of June 2014", "no later than 1 May 2013". */
const DEADLINE = new RegExp(
  `\\b(?:by|before|no\\s+later\\s+than|by\\s+the\\s+end\\s+of|before\\s+the\\s+end\\s+of)\\s+((?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH}\\s+\\d{4})\\b`,
  'i',
);
const WILL = /\b(?:will|shall|is\s+to|are\s+to)\s+[a-z]/i;
/** A trailing status: "... (complete)", "... – on track". */
const TRAILING_STATUS = new RegExp(`(?:\\(\\s*(${STATUS_WORDS})\\s*\\)|[–—-]\\s*(${STATUS_WORDS}))\\s*\\.?$`, 'i');

interface Paragraph {
  text: string;
  lineFrom: number;
  lineTo: number;
}

/** Runs of non-blank lines, each joined into one string with the lines it came from. */
function paragraphs(lines: readonly string[], lineFrom: number): Paragraph[] {
  const found: Paragraph[] = [];
  let current: Paragraph | undefined;
  lines.forEach((line, index) => {
    const text = plainText(line).replace(/\s+/g, ' ').trim();
    const lineNo = lineFrom + index;
    const startsItem = LIST_MARKER.test(text) || FIELD.test(text);
    if (!text) {
      current = undefined;
      return;
    }
    if (current && !startsItem && current.text.length < MAX_PARAGRAPH) {
      current.text = `${current.text} ${text}`;
      current.lineTo = lineNo;
      return;
    }
    current = { text, lineFrom: lineNo, lineTo: lineNo };
    found.push(current);
  });
  return found;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z(])/);
}

function statusesIn(text: string): ActionStatus[] {
  const found: ActionStatus[] = [];
  for (const match of text.matchAll(STATUS_PHRASE)) {
    const status = actionStatusOf(match[1]!);
    if (status && !found.includes(status)) found.push(status);
  }
  return found;
}

function refsIn(text: string): string[] {
  return [...new Set([...text.matchAll(REF)].map((match) => match[1]!))];
}

function leadsOf(text: string): LeadRecord[] {
  return parseLeads(text.replace(/[.;,]+$/, ''), []);
}

function milestoneOf(deadline: string | undefined, leads: LeadRecord[], span: Paragraph): MilestoneRecord[] {
  if (!deadline && leads.length === 0) return [];
  return [{ timescale: parseTimescale(deadline ?? ''), measures: [], leads, lineFrom: span.lineFrom, lineTo: span.lineTo }];
}

/** Actions named by ref in sentences that say what became of them. */
function statusSentences(paragraph: Paragraph): ActionRecord[] {
  if (!/\bactions?\b/i.test(paragraph.text)) return [];
  const actions: ActionRecord[] = [];
  for (const sentence of sentences(paragraph.text)) {
    if (!/\bactions?\b/i.test(sentence)) continue;
    const whole = statusesIn(sentence);
    if (whole.length === 0) continue;
    for (const clause of sentence.split(/;|\bwhile\b|\bwhereas\b|\bbut\b/)) {
      const refs = refsIn(clause);
      if (refs.length === 0) continue;
      const own = statusesIn(clause);
      const status = own.length === 1 ? own[0] : own.length === 0 && whole.length === 1 ? whole[0] : undefined;
      if (!status) continue;
      for (const ref of refs) actions.push({ ref, text: '', requirements: [], milestones: [], status, lineFrom: paragraph.lineFrom, lineTo: paragraph.lineTo });
    }
  }
  return actions;
}

/** A commitment: a list item or sentence saying who will do what by when. */
function commitment(paragraph: Paragraph): { ref?: string; action: ActionRecord } | undefined {
  const marker = LIST_MARKER.exec(paragraph.text);
  const body = marker ? paragraph.text.slice(marker[0].length) : paragraph.text;
  const bracketed = LEAD_IN_BRACKETS.exec(body);
  const labelled = bracketed ? undefined : LEAD_SENTENCE.exec(body);
  const leadText = bracketed ? (bracketed[1] ?? bracketed[2]) : labelled?.[1];
  const deadline = DEADLINE.exec(body)?.[1];
  if (!leadText && !(deadline && WILL.test(body))) return undefined;
  const trailing = TRAILING_STATUS.exec(body);
  const status = trailing ? actionStatusOf(trailing[1] ?? trailing[2] ?? '') : undefined;
  let text = body;
  if (bracketed) text = text.replace(bracketed[0], '');
  else if (labelled) text = text.replace(labelled[0], '');
  if (trailing) text = text.replace(trailing[0], '');
  text = text
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;])/g, '$1')
    .trim();
  const ref = marker ? (marker[1] ?? marker[2]) : undefined;
  return {
    ...(ref ? { ref } : {}),
    action: {
      ref: ref ?? '',
      text,
      requirements: [],
      milestones: milestoneOf(deadline, leadText ? leadsOf(leadText) : [], paragraph),
      ...(status ? { status } : {}),
      lineFrom: paragraph.lineFrom,
      lineTo: paragraph.lineTo,
    },
  };
}

interface LabelledRecord {
  ref?: string;
  text: string;
  lead?: string;
  status?: string;
  deadline?: string;
  lineFrom: number;
  lineTo: number;
}

/** Labelled records: an "Action" field starts one; owner, status and deadline fields on its line or the next fill it. */
function labelledRecords(lines: readonly string[], lineFrom: number): LabelledRecord[] {
  const records: LabelledRecord[] = [];
  let current: LabelledRecord | undefined;
  lines.forEach((line, index) => {
    const lineNo = lineFrom + index;
    const text = plainText(line).replace(/\s+/g, ' ').trim();
    if (!text) return;
    if (text.length > MAX_PARAGRAPH) {
      current = undefined;
      return;
    }
    const parts = text.split(/\s*(?:;|\t|\|)\s*/).filter(Boolean);
    let matchedAny = false;
    for (const part of parts) {
      const field = FIELD.exec(part);
      if (!field) continue;
      matchedAny = true;
      const label = field[1]!.toLowerCase();
      const value = field[3]!.trim();
      if (label === 'action') {
        current = { ...(field[2] ? { ref: field[2] } : {}), text: value, lineFrom: lineNo, lineTo: lineNo };
        records.push(current);
        continue;
      }
      if (!current) continue;
      current.lineTo = lineNo;
      if (/^(?:status|progress)$/.test(label)) current.status = value;
      else if (/^(?:deadline|due|target|timescale|by when|completion)/.test(label)) current.deadline = value;
      else current.lead = value;
    }
    // Prose between records ends the one before: its fields are printed together.
    if (!matchedAny) current = undefined;
  });
  return records;
}

/** The plan a paper names: "the Corporate Improvement Plan" -> "Corporate Improvement Plan". */
export function namedPlan(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const text = plainText(line);
    if (text.length > MAX_PARAGRAPH) continue;
    const match = PLAN_NAME.exec(text);
    if (match) return match[1]!.replace(/^(?:The|This|Our|An?)\s+/, '').replace(/\s+/g, ' ');
  }
  return undefined;
}

/**
 * @param lines a segment's lines; lines[0] is document line `lineFrom`
 */
export function extractProseActions(lines: readonly string[], lineFrom: number): ProseActions {
  const issues: ImportIssue[] = [];
  const found: Array<{ ref?: string; action: ActionRecord }> = [];
  const labelled = labelledRecords(lines, lineFrom);
  const labelledLines = new Set<number>();
  for (const record of labelled) {
    for (let line = record.lineFrom; line <= record.lineTo; line++) labelledLines.add(line);
    const status = record.status ? actionStatusOf(record.status) : undefined;
    if (record.status && !status)
      issues.push({ severity: 'warning', line: record.lineFrom, message: `An action's status "${record.status}" is none Quorum knows; kept without a status` });
    const deadline = record.deadline ? record.deadline : undefined;
    const leads = record.lead ? leadsOf(record.lead) : [];
    const span = { text: record.text, lineFrom: record.lineFrom, lineTo: record.lineTo };
    found.push({
      ...(record.ref ? { ref: record.ref } : {}),
      action: {
        ref: record.ref ?? '',
        text: record.text,
        requirements: [],
        milestones: milestoneOf(deadline, leads, span),
        ...(status ? { status } : {}),
        lineFrom: record.lineFrom,
        lineTo: record.lineTo,
      },
    });
  }
  for (const paragraph of paragraphs(lines, lineFrom)) {
    if (paragraph.text.length > MAX_PARAGRAPH || labelledLines.has(paragraph.lineFrom)) continue;
    const named = statusSentences(paragraph);
    if (named.length) {
      for (const action of named) found.push({ ref: action.ref, action });
      continue;
    }
    const promised = commitment(paragraph);
    if (promised) found.push(promised);
  }
  if (found.length === 0) return { actions: [], issues };

  const planTitle = namedPlan(lines);
  if (!planTitle) {
    issues.push({
      severity: 'warning',
      line: found[0]!.action.lineFrom,
      message: `${found.length} action(s) written in prose, but the paper names no plan they belong to; not imported`,
    });
    return { actions: [], issues };
  }
  // Printed refs first; an action printed without one takes its position among the paper's prose actions.
  const actions: ActionRecord[] = [];
  const taken = new Set<string>();
  found.forEach((entry, index) => {
    const ref = entry.ref ?? String(index + 1);
    if (taken.has(ref)) {
      issues.push({ severity: 'warning', line: entry.action.lineFrom, message: `Action ${ref} is stated twice in prose; the first is kept` });
      return;
    }
    taken.add(ref);
    actions.push({ ...entry.action, ref });
  });
  return { planTitle, actions, issues };
}
