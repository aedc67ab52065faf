/**
 * A voting record page of a council web system (ModernGov "Voting record"): for each meeting, a heading
 * ("Planning Committee, Tuesday, 1st December, 2020 6.00 pm"), the item ("Item: 20/01234/FUL: Land at ..."), then per
 * motion its text (ending ":"), "Motion status:Carried" (or Amendment/Resolution status) and the votes, either as rows
 * "For<names><count>" / "Against..." / "Abstain..." (the table columns run together) or one councillor's vote per line
 * ("County Councillor A Smith For"). Totals are checked against the names; a mismatch is reported, never corrected.
 * Pure and linear: each line is looked at once.
 */
import { splitNameList } from '../../domain/person-name.ts';
import type { AgendaItemRecord, ImportIssue, MeetingRecord, VoteEventRecord, VoteRecord } from '../types.ts';
import { plainText } from '../segment.ts';
import { readHeadingLine } from '../recognise/meeting-heading.ts';

type VoteEvent = VoteEventRecord & { minuteNumber?: string };

const STATUS = /^(?:Motion|Amendment|Resolution|Recommendation|Substantive motion)\s+status\s*:\s*(\S.*)$/i;
const ITEM = /^Item\s*:\s*(.*)$/i;
/** "APP/2019/0155 - Title", "20/00330/FULM: Title": a reference before the title. */
const ITEM_REFERENCE = /^((?:[A-Z]{1,5}\/)?\d{2,4}\/\d{2,6}(?:\/[A-Z0-9]{1,6})*|[A-Z]?\d{1,3}[a-z]?)\s*(?:[-–—:]|\.\s)\s*(\S.*)$/;
/** "Item 5 - Title - Labour Amendment:": the agenda number of the item a motion belongs to. */
const NUMBERED_MOTION = /^Item\s+([A-Z]?\d{1,3}[a-z]?)\s*[-–—:]\s*(.+?):?$/i;
/** "For<names><count>": a row of the votes table with its columns run together. */
const ROW = /^(For|Against|Abstain(?:ed|ing|ions?)?|Conflict Of Interests?|Casting vote|Absent|Not voting)\s*(.*?)\s*(\d+)$/i;
/** "County Councillor A Smith For": one member's vote. */
const ONE_VOTE = /^(?:County\s+)?(?:Councillor|Cllr\.?)\s+(.+?)\s+(For|Against|Abstain(?:ed)?)$/i;

export function isVotingRecord(lines: string[]): boolean {
  const head = lines.slice(0, 10).map((line) => plainText(line));
  return head.some((line) => /^Voting record$/i.test(line)) && lines.some((line) => STATUS.test(plainText(line)));
}

function optionOf(word: string): VoteRecord['option'] | undefined {
  const lower = word.toLowerCase();
  if (lower === 'for') return 'for';
  if (lower === 'against') return 'against';
  if (lower.startsWith('abstain')) return 'abstain';
  return undefined;
}

export function extractVotingRecord(lines: string[], firstLine = 1): { meetings: MeetingRecord[]; issues: ImportIssue[] } {
  const meetings: MeetingRecord[] = [];
  const issues: ImportIssue[] = [];
  let meeting: MeetingRecord | undefined;
  let itemTitle: string | undefined;
  let itemNumber: string | undefined;
  let motionText: string | undefined;
  let event: VoteEvent | undefined;
  const counted = new Map<VoteEvent, Array<{ option: VoteRecord['option']; count: number; names: number; line: number }>>();

  const addItem = (number: string, title: string, line: number) => {
    if (!meeting || meeting.agendaItems.some((item) => item.number === number)) return;
    meeting.agendaItems.push({ number, title, exempt: false, exemptParagraphs: [], lineFrom: line, lineTo: line } satisfies AgendaItemRecord);
  };

  for (let index = 0; index < lines.length; index++) {
    const text = plainText(lines[index]!);
    const no = firstLine + index;
    if (!text) continue;
    const heading = readHeadingLine(text);
    if (heading) {
      meeting = {
        bodyName: heading.bodyName,
        date: heading.date,
        ...(heading.startTime ? { startTime: heading.startTime } : {}),
        ...(heading.kind ? { kind: heading.kind } : {}),
        lineFrom: no,
        lineTo: no,
        agendaItems: [],
        attendance: [],
        declarations: [],
        minutes: [],
        voteEvents: [],
        questions: [],
      };
      meetings.push(meeting);
      itemTitle = itemNumber = motionText = event = undefined;
      continue;
    }
    if (!meeting) continue;
    meeting.lineTo = no;
    const item = ITEM.exec(text);
    if (item) {
      const reference = ITEM_REFERENCE.exec(item[1]!.trim());
      itemNumber = reference?.[1];
      itemTitle = (reference ? reference[2]! : item[1]!).trim() || undefined;
      if (itemNumber && itemTitle) addItem(itemNumber, itemTitle, no);
      motionText = event = undefined;
      continue;
    }
    const status = STATUS.exec(text);
    if (status) {
      event = {
        forCount: 0,
        againstCount: 0,
        abstainCount: 0,
        result: status[1]!.trim(),
        votes: [],
        lineFrom: no,
        lineTo: no,
        ...(motionText ? { motionText } : {}),
      };
      meeting.voteEvents.push(event);
      counted.set(event, []);
      continue;
    }
    const row = event ? ROW.exec(text) : null;
    if (event && row) {
      const option = optionOf(row[1]!);
      event.lineTo = no;
      // "Casting voteN Smith1": the chair's second vote deciding a tie.
      if (/^casting/i.test(row[1]!)) {
        const caster = splitNameList(row[2]!.trim())[0];
        if (caster && !/^none$/i.test(row[2]!.trim())) event.castingVoter = caster.name;
        continue;
      }
      if (!option) continue; // conflicts of interest, absences: no vote option to record
      const count = Number(row[3]);
      const names = /^none$/i.test(row[2]!.trim()) ? [] : splitNameList(row[2]!.trim());
      for (const entry of names) event.votes.push({ name: entry.name, option });
      if (option === 'for') event.forCount = count;
      else if (option === 'against') event.againstCount = count;
      else event.abstainCount = count;
      counted.get(event)!.push({ option, count, names: names.length, line: no });
      continue;
    }
    const one = event ? ONE_VOTE.exec(text) : null;
    if (event && one) {
      const option = optionOf(one[2]!)!;
      // A page of one member's votes prints no totals: the counts stay unknown (0) and the reader is told.
      for (const entry of splitNameList(one[1]!)) event.votes.push({ name: entry.name, option });
      if (event.votes.length === 1) {
        issues.push({ severity: 'warning', line: no, message: 'Recorded vote printed for named members only, without totals: counts not known' });
      }
      event.lineTo = no;
      continue;
    }
    if (/:$/.test(text)) {
      motionText = text.replace(/:$/, '').trim();
      event = undefined;
      const numbered = NUMBERED_MOTION.exec(text);
      if (numbered && itemTitle && numbered[2]!.startsWith(itemTitle)) {
        itemNumber = numbered[1]!;
        addItem(itemNumber, itemTitle, no);
      }
    }
  }

  for (const [voteEvent, rows] of counted) {
    for (const row of rows) {
      if (row.names > 0 && row.names !== row.count) {
        issues.push({
          severity: 'warning',
          line: row.line,
          message: `Recorded vote: "${row.option}" printed as ${row.count} but ${row.names} names are listed`,
        });
      }
    }
    if (!voteEvent.result) issues.push({ severity: 'warning', line: voteEvent.lineFrom, message: 'Recorded vote without a printed result' });
  }
  return { meetings, issues };
}
