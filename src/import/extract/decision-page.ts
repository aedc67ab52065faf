/**
 * A decision as council web systems publish it (ModernGov "Decision details" pages and others of the same shape):
 * the subject, labelled fields ("Decision Maker: Cabinet.", "Is Key decision?: No", "Report author: Jane Smith",
 * "Date of decision: 14/03/2012", "Decided: 14/03/2012 - Cabinet."), and the decision itself: the numbered or plain
 * paragraphs between the purpose and "Reasons for the decision:".
 *
 * Gives a decision record and, when the page says at which meeting it was decided ("Decided: <date> - <body>"), that
 * meeting with the report's author as an officer. Pure: lines in, records out; never throws on odd input.
 */
import { parsePrintedName } from '../../domain/person-name.ts';
import type { DecisionRecord, ImportIssue, MeetingRecord } from '../types.ts';
import { plainText } from '../segment.ts';
import { findDates } from './minutes-dates.ts';

export interface DecisionPage {
  decision: DecisionRecord;
  meeting?: MeetingRecord;
  issues: ImportIssue[];
}

const FIELD =
  /^(Decision\s+Maker|Decision\s+status|Is\s+Key\s+decision\?|Is\s+subject\s+to\s+call\s+in\?|Report\s+author|Lead\s+officer|Publication\s+date|Date\s+of\s+decision|Decided(?:\s+at\s+meeting)?|Effective\s+from|Contact|Details\s+of\s+the\s+Committee|Accompanying\s+Documents|Wards?\s+affected|Reasons?\s+for\s+(?:the\s+)?decision|Alternative\s+options\s+considered|Purpose|Interests\s+and\s+Nature\s+of\s+Interests\s+Declared|Reason\s+Key)\s*:\s*(.*)$/i;

/** Whether the lines are a decision page: its title line and at least two of its labelled fields near the top. */
export function isDecisionPage(lines: string[]): boolean {
  const head = lines.slice(0, 40).map((line) => plainText(line));
  if (!head.some((line) => /^Decision\s+details$/i.test(line))) return false;
  return head.filter((line) => /^(?:Decision\s+Maker|Is\s+Key\s+decision\?|Decision\s+status)\s*:/i.test(line)).length >= 2;
}

export function extractDecisionPage(lines: string[]): DecisionPage | undefined {
  const plain = lines.map((line) => plainText(line).trim());
  const issues: ImportIssue[] = [];
  const fields = new Map<string, { value: string; line: number }>();
  const titleAt = plain.findIndex((line) => /^Decision\s+details$/i.test(line));
  let subject: { text: string; line: number } | undefined;
  const decided: Array<{ text: string; line: number }> = [];
  let section: 'head' | 'purpose' | 'decision' | 'after' = 'head';
  for (let index = titleAt + 1; index < plain.length; index++) {
    const text = plain[index]!;
    if (!text) continue;
    const field = FIELD.exec(text);
    if (field) {
      const key = field[1]!.toLowerCase().replace(/\s+/g, ' ');
      if (!fields.has(key)) fields.set(key, { value: field[2]!.trim(), line: index + 1 });
      if (/^reasons?\s+for|^alternative/.test(key)) section = 'after';
      else if (section === 'head' && /^is subject to call in/.test(key)) section = 'purpose';
      continue;
    }
    if (!subject) {
      subject = { text, line: index + 1 };
      continue;
    }
    if (section === 'purpose') {
      // The purpose is one paragraph; the decision follows it.
      section = 'decision';
      if (!/^\d+\.\s/.test(text)) continue;
    }
    if (section === 'decision') decided.push({ text: text.replace(/^\d+\.\s+/, ''), line: index + 1 });
  }
  const dateField = fields.get('date of decision') ?? fields.get('decided') ?? fields.get('decided at meeting');
  const date = dateField ? findDates(dateField.value)[0]?.iso : undefined;
  if (!subject || !date) return undefined;
  const maker = fields.get('decision maker')?.value.replace(/\.$/, '').trim();
  const text = decided.map((entry) => entry.text).join('\n');
  if (!text)
    issues.push({
      severity: 'warning',
      line: subject.line,
      message: 'a decision page without the decision itself (no text before "Reasons for the decision:")',
    });
  const decision: DecisionRecord = {
    date,
    ...(maker ? { decisionMakerBody: maker } : {}),
    subject: subject.text,
    text,
    key: /^yes\b/i.test(fields.get('is key decision?')?.value ?? ''),
    urgent: false,
    lineFrom: subject.line,
    lineTo: Math.max(subject.line, ...decided.map((entry) => entry.line)),
  };

  // "Decided: 14/03/2012 - Cabinet.": the meeting at which it was decided.
  let meeting: MeetingRecord | undefined;
  const at = fields.get('decided') ?? fields.get('decided at meeting');
  const held = at ? /^(.+?)\s+[-–—]\s+(.+?)\.?$/.exec(at.value) : null;
  const heldDate = held ? findDates(held[1]!)[0]?.iso : undefined;
  if (held && heldDate) {
    meeting = {
      bodyName: held[2]!.trim(),
      date: heldDate,
      lineFrom: at!.line,
      lineTo: at!.line,
      agendaItems: [],
      attendance: [],
      declarations: [],
      minutes: [],
      voteEvents: [],
      questions: [],
    };
    const author = fields.get('report author') ?? fields.get('lead officer');
    const name = author?.value ? parsePrintedName(author.value.replace(/[.,;]+$/, '')) : undefined;
    if (author && name) meeting.officers = [{ name, jobTitle: 'Report author', lineFrom: author.line, lineTo: author.line }];
  }
  return { decision, ...(meeting ? { meeting } : {}), issues };
}
