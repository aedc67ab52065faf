/**
 * The seam where an officer's corrections (src/domain/import-review/corrections.ts) meet a paper's extraction:
 * `correctExtract` rewrites the extracted records before they are persisted (minutes split and merged, vote counts,
 * missed apologies), and returns the name links that persist.ts uses before its own name resolution. It runs on
 * every import of the paper, so a correction outlives any re-import, also by a newer importer. Pure: no database.
 * A correction whose record is no longer found is reported as an import issue, never dropped in silence.
 */
import { canonicalBodyName } from '../domain/body-name.ts';
import {
  ApologyValue,
  type Correction,
  MinuteSplitValue,
  meetingKey,
  PersonLinkValue,
  printedNameKey,
  VoteCountValue,
  voteKey,
} from '../domain/import-review/corrections.ts';
import { parsePrintedName } from '../domain/person-name.ts';
import type { ImportIssue, MeetingRecord, MinuteRecord, PaperExtract } from './types.ts';

/** A paper's corrections and its lines (a split is made at a line of the paper). */
export interface PaperCorrections {
  corrections: readonly Correction[];
  lines: readonly string[];
}

/** Person ids by meeting (meetingKey) and printed name (printedNameKey). */
export type NameLinks = Map<string, Map<string, string>>;

export interface CorrectedExtract {
  extract: PaperExtract;
  links: NameLinks;
  /** Corrections whose record this extraction no longer has (each also reported as an issue). */
  unapplied: Correction[];
}

export function correctExtract(extract: PaperExtract, paper: PaperCorrections, authorityName: string): CorrectedExtract {
  const links: NameLinks = new Map();
  if (paper.corrections.length === 0) return { extract, links, unapplied: [] };
  const byMeeting = new Map<string, Correction[]>();
  for (const correction of paper.corrections) {
    const key = meetingKey(correction.bodyName, correction.meetingDate);
    byMeeting.set(key, [...(byMeeting.get(key) ?? []), correction]);
  }
  const issues: ImportIssue[] = [...extract.issues];
  const applied = new Set<Correction>();
  const meetings = extract.meetings.map((original) => {
    const key = meetingKey(canonicalBodyName(original.bodyName, authorityName).name, original.date);
    const corrections = byMeeting.get(key);
    if (!corrections) return original;
    const meeting = cloneMeeting(original);
    const of = (kind: Correction['kind']) => corrections.filter((correction) => correction.kind === kind);
    // Structure first (splits, then merges), so the later keys name minutes as the officer saw them.
    for (const correction of of('minute-split')) if (splitMinute(meeting, correction, paper.lines)) applied.add(correction);
    for (const correction of of('minute-merge')) if (mergeMinute(meeting, correction.recordKey)) applied.add(correction);
    for (const correction of of('vote-count')) if (correctVoteCount(meeting, correction)) applied.add(correction);
    const meetingLinks = new Map<string, string>();
    for (const correction of of('apology')) {
      const value = ApologyValue.parse(correction.value);
      const name = parsePrintedName(value.printed);
      if (!name) continue;
      applied.add(correction);
      meetingLinks.set(printedNameKey(name.printed), value.personId);
      const listed = meeting.attendance.some((record) => printedNameKey(record.name.printed) === printedNameKey(name.printed) && record.status === 'apologies');
      if (!listed) meeting.attendance.push({ name, status: 'apologies', officer: false, lineFrom: meeting.lineFrom, lineTo: meeting.lineFrom });
    }
    for (const correction of of('person-link')) {
      meetingLinks.set(correction.recordKey, PersonLinkValue.parse(correction.value).personId);
      applied.add(correction);
    }
    links.set(key, meetingLinks);
    return meeting;
  });
  const unapplied = paper.corrections.filter((correction) => !applied.has(correction));
  for (const correction of unapplied) {
    issues.push({
      severity: 'warning',
      message: `A correction (${correction.kind} of "${correction.recordKey}" at the ${correction.bodyName} meeting of ${correction.meetingDate}) no longer matches this paper's records; check the paper.`,
    });
  }
  return { extract: { ...extract, meetings, issues }, links, unapplied };
}

function cloneMeeting(meeting: MeetingRecord): MeetingRecord {
  return {
    ...meeting,
    attendance: [...meeting.attendance],
    minutes: meeting.minutes.map((minute) => ({ ...minute, resolutions: [...minute.resolutions], motions: [...minute.motions] })),
    voteEvents: meeting.voteEvents.map((event) => ({ ...event })),
  };
}

/** Joins minute `number` to the minute before it: its text, resolutions, motions and recorded votes. */
function mergeMinute(meeting: MeetingRecord, number: string): boolean {
  const index = meeting.minutes.findIndex((minute) => minute.number === number);
  if (index < 1) return false;
  const into = meeting.minutes[index - 1]!;
  const from = meeting.minutes[index]!;
  meeting.minutes[index - 1] = {
    ...into,
    text: [into.text, from.title, from.text].filter(Boolean).join('\n'),
    resolutions: [...into.resolutions, ...from.resolutions],
    motions: [...into.motions, ...from.motions],
    lineTo: Math.max(into.lineTo, from.lineTo),
  };
  meeting.minutes.splice(index, 1);
  for (const event of meeting.voteEvents) if (event.minuteNumber === number) event.minuteNumber = into.number;
  for (const declaration of meeting.declarations) if (declaration.minuteNumber === number) declaration.minuteNumber = into.number;
  return true;
}

/** Cuts a minute in two at a line of the paper: the new minute starts at that line. */
function splitMinute(meeting: MeetingRecord, correction: Correction, lines: readonly string[]): boolean {
  const value = MinuteSplitValue.parse(correction.value);
  const index = meeting.minutes.findIndex((minute) => minute.number === correction.recordKey);
  const minute = meeting.minutes[index];
  if (!minute || value.line <= minute.lineFrom || value.line > minute.lineTo) return false;
  if (meeting.minutes.some((other) => other.number === value.number)) return false;
  const at = lines[value.line - 1]?.trim() ?? '';
  const cut = at ? minute.text.indexOf(at) : -1;
  const before: MinuteRecord = {
    ...minute,
    text: cut >= 0 ? minute.text.slice(0, cut).trimEnd() : minute.text,
    lineTo: value.line - 1,
    resolutions: minute.resolutions.filter((item) => item.lineFrom < value.line),
    motions: minute.motions.filter((item) => item.lineFrom < value.line),
  };
  const after: MinuteRecord = {
    number: value.number,
    title: value.title,
    text: cut >= 0 ? minute.text.slice(cut).trim() : '',
    exempt: minute.exempt,
    exemptParagraphs: minute.exemptParagraphs,
    lineFrom: value.line,
    lineTo: minute.lineTo,
    resolutions: minute.resolutions.filter((item) => item.lineFrom >= value.line),
    motions: minute.motions.filter((item) => item.lineFrom >= value.line),
  };
  meeting.minutes.splice(index, 1, before, after);
  for (const event of meeting.voteEvents) if (event.minuteNumber === minute.number && event.lineFrom >= value.line) event.minuteNumber = value.number;
  for (const declaration of meeting.declarations) {
    if (declaration.minuteNumber === minute.number && declaration.lineFrom >= value.line) declaration.minuteNumber = value.number;
  }
  return true;
}

function correctVoteCount(meeting: MeetingRecord, correction: Correction): boolean {
  const value = VoteCountValue.parse(correction.value);
  const ordinals = new Map<string, number>();
  for (const event of meeting.voteEvents) {
    const ordinal = (ordinals.get(event.minuteNumber ?? '') ?? 0) + 1;
    ordinals.set(event.minuteNumber ?? '', ordinal);
    if (voteKey(event.minuteNumber, ordinal) !== correction.recordKey) continue;
    event.forCount = value.for;
    event.againstCount = value.against;
    event.abstainCount = value.abstain;
    return true;
  }
  return false;
}
