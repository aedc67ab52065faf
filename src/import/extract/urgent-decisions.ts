/**
 * The quarterly report on urgent key decisions: a report whose body lists decisions taken under the urgency
 * procedure. Each reads like "An urgent decision was taken on 4 April 2011 by Mrs Jenny Whittle, Cabinet Member for
 * ..., to authorise ... for the provision of a <subject>, following ..." then "This matter was deemed urgent because ...".
 * The record numbers are usually only in the background documents ("Records of Decision 11-01654").
 */
import type { DecisionRecord, ReportRecord, Segment } from '../types.ts';
import { plainText } from '../segment.ts';
import { parsePrintedName } from '../../domain/person-name.ts';
import { matchLongDate } from './dates.ts';
import { extractReport } from './report.ts';

const DECISION_SENTENCE = /\bdecision\s+(?:was|has been)\s+(?:taken|made)\b/i;
const URGENCY = /\b(?:deemed|considered|regarded|treated as)\s+urgent\b|\burgen(?:t|cy)\s+because\b/i;
const RECORD_NUMBER =
  /\b(?:Records?|Record\s+of\s+Decisions?|Records\s+of\s+Decisions?|Decision(?:\s+No\.?|\s+number)?)\s*(?:of\s+Decisions?\s*)?[:\s]*((?:\d{2}[/-]\d{3,6})(?:\s*(?:,|and|&)\s*\d{2}[/-]\d{3,6})*)/gi;
const BODIES = /^(?:the\s+)?(Cabinet|Executive|Leader(?:\s+of\s+the\s+Council)?|County Council|Council|[A-Z][\w&' ]*Committee)$/;

/** "by Mrs Jenny Whittle, Cabinet Member for Specialist Children's Services, to authorise ..." -> maker and role. */
function makerOf(sentence: string, dateStart: number, dateEnd: number): { name?: string; role?: string; body?: string } {
  const after = sentence.slice(dateEnd);
  const before = sentence.slice(0, dateStart);
  const by = /^\s*,?\s*by\s+(.+?)(?:,\s+to\s+|\s+to\s+(?=[a-z]))/i.exec(after) ?? /\bby\s+(.+?)\s+on\s*$/i.exec(before.replace(/\s+$/, ''));
  if (!by) return {};
  const text = by[1]!.trim();
  const body = BODIES.exec(text);
  if (body && !/\bMember\b/i.test(text)) return { body: body[1]! };
  const [name, ...role] = text.split(/,\s*/);
  return { name: name!.trim(), ...(role.length ? { role: role.join(', ').trim() } : {}) };
}

/** The thing decided: "for the provision of a <subject>, following", else the heading above the decision. */
function subjectOf(sentence: string, heading: string | undefined): string | undefined {
  const provision =
    /\bfor\s+the\s+(?:provision|procurement|supply|purchase|award)\s+of\s+(?:an?\s+|the\s+)?(.+?)(?:,\s*(?:following|after|subject|with|at)\b|\s+following\b|\.\s|\.$|$)/i.exec(
      sentence,
    );
  if (provision) return provision[1]!.trim();
  if (heading) return heading.replace(/^\(?[a-z0-9]{1,3}[.)]\s*/i, '').trim();
  const to = /,\s*to\s+(.+?)(?:[,.]|$)/i.exec(sentence);
  return to?.[1]?.trim();
}

export function extractUrgentDecisions(segment: Segment): { report: ReportRecord; decisions: DecisionRecord[] } {
  const report = extractReport(segment);
  const lines = segment.lines.map(plainText);
  const decisions: DecisionRecord[] = [];

  const keyReport = /\bkey\b/i.test(report.subject);
  lines.forEach((text, index) => {
    if (!DECISION_SENTENCE.test(text)) return;
    const date = matchLongDate(text);
    if (!date) return;
    // Numbered headings ("(a) The procurement of ...") name each decision.
    let headingIndex: number | undefined;
    for (let back = index - 1; back >= 0 && back >= index - 4; back--) {
      if (lines[back] === '') continue;
      if (/^\(?[a-z0-9]{1,3}[.)]\s+\S/i.test(lines[back]!) && lines[back]!.length <= 200) headingIndex = back;
      break;
    }
    let reasonIndex: number | undefined;
    for (let next = index + 1; next < lines.length && next <= index + 6; next++) {
      if (lines[next] === '') continue;
      if (URGENCY.test(lines[next]!)) reasonIndex = next;
      if (DECISION_SENTENCE.test(lines[next]!)) break;
      if (reasonIndex !== undefined) break;
    }
    const sameLineReason = /\b(?:This|The)\s+(?:matter|decision)\s+was\s+(?:deemed|considered)\s+urgent\b.*$/i.exec(text)?.[0];
    const maker = makerOf(text, date.index, date.index + date.text.length);
    const subject = subjectOf(text, headingIndex !== undefined ? lines[headingIndex] : undefined);
    if (!subject) throw new Error(`Decision at line ${segment.lineFrom + index}: cannot tell what was decided`);
    const decisionMaker = maker.name ? parsePrintedName(maker.name) : undefined;
    const urgencyReason = reasonIndex !== undefined ? lines[reasonIndex] : sameLineReason;
    decisions.push({
      date: date.iso,
      ...(decisionMaker ? { decisionMaker } : {}),
      ...(maker.role ? { decisionMakerRole: maker.role } : {}),
      ...(maker.body ? { decisionMakerBody: maker.body } : {}),
      subject,
      text,
      key: keyReport || /\bkey\s+decision\b/i.test(text),
      urgent: /\burgent\b/i.test(text) || urgencyReason !== undefined || /\burgent\b/i.test(report.subject),
      ...(urgencyReason ? { urgencyReason } : {}),
      lineFrom: segment.lineFrom + (headingIndex ?? index),
      lineTo: segment.lineFrom + (reasonIndex ?? index),
    });
  });

  // Record numbers: printed beside a decision, or listed in order in the background documents.
  const numbers: string[] = [];
  for (const text of lines) {
    for (const match of text.matchAll(RECORD_NUMBER)) numbers.push(...match[1]!.split(/\s*(?:,|and|&)\s*/).filter(Boolean));
  }
  const unique = [...new Set(numbers)];
  decisions.forEach((decision) => {
    const own = lines
      .slice(decision.lineFrom - segment.lineFrom, decision.lineTo - segment.lineFrom + 1)
      .join(' ')
      .match(/\b\d{2}[/-]\d{3,6}\b/);
    if (own && unique.includes(own[0])) decision.recordNumber = own[0];
  });
  if (unique.length === decisions.length) decisions.forEach((decision, index) => (decision.recordNumber ??= unique[index]));

  return { report, decisions };
}
