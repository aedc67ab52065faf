/**
 * American minutes inside the minutes reader: the call to order (body, date, time, presiding officer), the roll
 * call (present, and officers "also present"), and roll-call votes with the motion moved before each. These papers
 * run their structures on within paragraphs (and OCR may run a whole paper into one line), so the recognisers read
 * the segment as one text; every record keeps the line its text came from.
 */
import type { ImportIssue, MeetingRecord, VoteEventRecord, VoteRecord } from '../types.ts';
import { callToOrder } from '../recognise/call-to-order.ts';
import { rollCall } from '../recognise/roll-call.ts';
import { rollCallVotes } from '../recognise/roll-call-vote.ts';
import { movedSecondedAll, type MovedSeconded } from '../recognise/moved-seconded.ts';

interface NumberedLine {
  no: number;
  text: string;
}

/** The lines as one text, and the line each character came from. */
function asText(lines: NumberedLine[]): { text: string; lineAt: (offset: number) => number } {
  const starts: number[] = [];
  let text = '';
  for (const line of lines) {
    starts.push(text.length);
    text += `${line.text} `;
  }
  const lineAt = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return lines[low]?.no ?? 1;
  };
  return { text, lineAt };
}

/**
 * Body, date and time from the call to order, for minutes with no "Minutes of ..." heading. Returns the index of
 * the line that holds it, or undefined.
 */
export function headerFromCallToOrder(lines: NumberedLine[], meeting: MeetingRecord): number | undefined {
  const head = lines.slice(0, 40);
  const { text, lineAt } = asText(head);
  const found = callToOrder(text);
  if (!found?.bodyName || !found.date) return undefined;
  meeting.bodyName = found.bodyName;
  meeting.date = found.date;
  if (found.startTime) meeting.startTime = found.startTime;
  if (found.kind === 'special' || found.kind === 'annual' || found.kind === 'extraordinary' || found.kind === 'ordinary') meeting.kind = found.kind;
  const line = lineAt(found.index);
  return head.findIndex((entry) => entry.no === line);
}

/** Whether a line opens American minutes: the call to order with a date on it or on the lines above. */
export function opensWithCallToOrder(text: string): boolean {
  const found = /\bcalled\s+(?:to\s+order|the\s+(?:\w+\s+)?meeting\s+to\s+order)\b/i.test(text) ? callToOrder(text) : undefined;
  return found?.bodyName !== undefined && found.date !== undefined;
}

/** Roll call, presiding officer and roll-call votes found anywhere in the minutes. */
export function readRollCallMinutes(lines: NumberedLine[], meeting: MeetingRecord, issues: ImportIssue[]): void {
  const { text, lineAt } = asText(lines);
  if (!/\b(?:Ayes|Yeas|Roll\s+Call|called\s+to\s+order)\b/i.test(text)) return;
  const known = (familyName: string, status: string) => meeting.attendance.some((entry) => entry.status === status && entry.name.familyName === familyName);
  const roll = rollCall(text);
  if (roll) {
    const line = lineAt(roll.start);
    for (const name of roll.present) {
      if (!known(name.familyName, 'present')) meeting.attendance.push({ name, status: 'present', officer: false, lineFrom: line, lineTo: line });
    }
    meeting.officers ??= [];
    for (const officer of roll.officers) meeting.officers.push({ name: officer.name, jobTitle: officer.jobTitle, lineFrom: line, lineTo: line });
  }
  const opening = callToOrder(text);
  if (opening?.chair) {
    const line = lineAt(opening.index);
    const present = meeting.attendance.find(
      (entry) => entry.status === 'present' && entry.name.familyName.toLowerCase() === opening.chair!.familyName.toLowerCase(),
    );
    if (present) present.role ??= opening.chairRole;
    else meeting.attendance.push({ name: opening.chair, status: 'present', role: opening.chairRole, officer: false, lineFrom: line, lineTo: line });
  }
  let from = 0;
  for (const vote of rollCallVotes(text)) {
    const motion = lastMotion(text.slice(from, vote.start));
    from = vote.end;
    const line = lineAt(vote.start);
    const votes: VoteRecord[] = [];
    for (const option of ['for', 'against', 'abstain', 'absent'] as const) for (const name of vote.names[option]) votes.push({ name, option });
    // Recused or not voting: present, but no vote cast; neither it nor absent is in the counts below.
    for (const name of vote.names['not-voting']) votes.push({ name, option: 'not_voting' });
    const event: VoteEventRecord = {
      forCount: vote.counts.for,
      againstCount: vote.counts.against,
      abstainCount: vote.counts.abstain,
      result: vote.result ? vote.result.charAt(0).toUpperCase() + vote.result.slice(1) : '',
      votes,
      lineFrom: line,
      lineTo: lineAt(vote.end),
      ...(motion?.mover ? { mover: motion.mover } : {}),
      ...(motion?.seconder ? { seconder: motion.seconder } : {}),
    };
    meeting.voteEvents.push(event);
    for (const warning of vote.warnings) issues.push({ severity: 'warning', line, message: warning });
  }
}

/** The last motion moved in the text before a vote (the one put to it). */
function lastMotion(text: string): MovedSeconded | undefined {
  return movedSecondedAll(text).at(-1);
}
