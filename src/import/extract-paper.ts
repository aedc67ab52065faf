/**
 * One document in, everything it says out: segments it, runs the extractor for each kind of segment, and merges
 * what several segments say about one meeting (the summons gives the agenda, the questions paper the questions).
 * One extractor failing costs only its segment: the failure becomes an ImportIssue and the rest is kept.
 */
import type { DecisionRecord, ImportIssue, MeetingRecord, PaperExtract, ReportRecord, Segment, TextDocument } from './types.ts';
import { segmentDocument } from './segment.ts';
import { extractSummons } from './extract/summons.ts';
import { extractReport } from './extract/report.ts';
import { extractQuestions } from './extract/questions.ts';
import { extractUrgentDecisions } from './extract/urgent-decisions.ts';
import { extractMinutes } from './extract/minutes.ts';
import { extractWebMeeting } from './extract/web-meeting.ts';
import { extractVotingRecord, isVotingRecord } from './extract/voting-record.ts';
import { remapLines, unflatten } from './recognise/flattened-text.ts';
import { extractDecisionPage, isDecisionPage } from './extract/decision-page.ts';
import { printedQuestion } from './recognise/member-question.ts';
import { classifyAgendaItems } from './extract/agenda-kinds.ts';
import { agreeingMeeting } from './recognise/agreeing-meeting.ts';
import { isSpaceBroken, joinBrokenWords } from './recognise/ocr-spacing.ts';

/**
 * Body names as a merge key. "County Council" on a summons and "Kent County Council" in minutes are one body: the
 * council's own name is often printed without the place. Returns the key and whether the name is the bare form.
 */
function bodyKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/&/g, 'and')
    .replace(/^the\s+/, '')
    .replace(/\s+meeting$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function sameBody(a: string, b: string): boolean {
  const keyA = bodyKey(a);
  const keyB = bodyKey(b);
  if (keyA === keyB) return true;
  const bare = /^(?:county |city |borough |district )?council$/;
  return (bare.test(keyA) && keyB.endsWith(` ${keyA}`)) || (bare.test(keyB) && keyA.endsWith(` ${keyB}`));
}

function mergeInto(target: MeetingRecord, source: MeetingRecord): void {
  // The longer name is the more specific one ("Kent County Council" over "County Council").
  if (source.bodyName.length > target.bodyName.length) target.bodyName = source.bodyName;
  target.startTime ??= source.startTime;
  target.endTime ??= source.endTime;
  target.location ??= source.location;
  target.kind ??= source.kind;
  const known = new Set(target.agendaItems.map((item) => item.number));
  target.agendaItems.push(...source.agendaItems.filter((item) => !known.has(item.number)));
  target.attendance.push(...source.attendance);
  target.declarations.push(...source.declarations);
  target.minutes.push(...source.minutes);
  target.voteEvents.push(...source.voteEvents);
  target.questions.push(...source.questions);
  target.lineFrom = Math.min(target.lineFrom, source.lineFrom);
  target.lineTo = Math.max(target.lineTo, source.lineTo);
}

function emptyMeeting(bodyName: string, date: string, segment: Segment): MeetingRecord {
  return {
    bodyName,
    date,
    agendaItems: [],
    attendance: [],
    declarations: [],
    minutes: [],
    voteEvents: [],
    questions: [],
    lineFrom: segment.lineFrom,
    lineTo: segment.lineTo,
  };
}

/** A web system's meeting page: its markers ("Venue:", the "No. Item" column heading, an issue page's "Meeting:"). */
function looksLikeWebMeeting(lines: string[]): boolean {
  return webMarkerLine(lines) > 0;
}

/** The 1-based line of a web meeting page's first marker, 0 when there is none. */
function webMarkerLine(lines: string[]): number {
  return lines.slice(0, 80).findIndex((line) => /^\s*(?:Venue\s*:|(?:No\.?|Number)\s+Item\s*$|Meeting:\s*\S.*\s[-–—]\s)/i.test(line)) + 1;
}

/**
 * Reads a paper. Text whose line breaks were lost is read with the breaks put back, and what is found keeps the
 * file's own line numbers.
 */
export function extractPaper(given: TextDocument): PaperExtract {
  // OCR text with words broken by spaces is read with the words joined (same lines, so line numbers hold).
  const doc = isSpaceBroken(given.lines) ? { ...given, lines: joinBrokenWords(given.lines) } : given;
  const flat = unflatten(doc.lines);
  if (!flat) return withAgendaKinds(withPrintedQuestions(extractLines(doc)));
  return remapLines(withAgendaKinds(withPrintedQuestions(extractLines({ ...doc, lines: flat.lines }))), flat.lineOf);
}

/** Each agenda item's kind, and the notices of motion printed under it. */
function withAgendaKinds(extract: PaperExtract): PaperExtract {
  classifyAgendaItems(extract.meetings);
  return extract;
}

/**
 * Members' questions named by an agenda item ("Question by Councillor A - ...") or in a minute ("Councillor A had
 * given notice of the following question to Councillor B"), for meetings whose questions no questions paper printed.
 */
function withPrintedQuestions(extract: PaperExtract): PaperExtract {
  for (const meeting of extract.meetings) {
    if (meeting.questions.length > 0) continue;
    for (const item of meeting.agendaItems) {
      const found = printedQuestion(item.title);
      if (found) meeting.questions.push({ ...found, lineFrom: item.lineFrom, lineTo: item.lineTo });
    }
    const fromAgenda = new Set(meeting.questions.map((question) => question.askedBy.printed));
    for (const minute of meeting.minutes) {
      // Each question runs from the sentence naming it to the next such sentence.
      const paragraphs = [minute.title, ...minute.text.split('\n')];
      const found = paragraphs.map((paragraph) => printedQuestion(paragraph));
      found.forEach((named, at) => {
        // Asked in an agenda item already read above: the minute records the same question.
        if (!named || fromAgenda.has(named.askedBy.printed)) return;
        const next = found.findIndex((other, index) => index > at && other !== undefined);
        const following = paragraphs
          .slice(at + 1, next === -1 ? undefined : next)
          .join('\n')
          .trim();
        const bare = named.question === paragraphs[at]!.replace(/\s+/g, ' ').trim();
        meeting.questions.push({ ...named, question: bare && following ? following : named.question, lineFrom: minute.lineFrom, lineTo: minute.lineTo });
      });
    }
  }
  return extract;
}

function extractLines(doc: TextDocument): PaperExtract {
  // A web system's voting record: recorded votes of one or more meetings.
  if (isVotingRecord(doc.lines)) {
    const record = extractVotingRecord(doc.lines);
    if (record.meetings.length > 0) {
      return {
        segments: [{ kind: 'minutes', title: `Voting record of ${record.meetings.length} meeting(s)`, lineFrom: 1, lineTo: doc.lines.length }],
        meetings: record.meetings,
        reports: [],
        decisions: [],
        issues: record.issues,
      };
    }
  }
  // A web page of one decision: the decision, and the meeting that took it.
  const decisionPage = isDecisionPage(doc.lines) ? extractDecisionPage(doc.lines) : undefined;
  if (decisionPage) {
    return {
      segments: [{ kind: 'report', title: `Decision: ${decisionPage.decision.subject}`, lineFrom: 1, lineTo: doc.lines.length }],
      meetings: decisionPage.meeting ? [decisionPage.meeting] : [],
      reports: [],
      decisions: [decisionPage.decision],
      issues: decisionPage.issues,
    };
  }
  // A web page of one meeting is read whole: its items are not separate papers.
  const webShaped = looksLikeWebMeeting(doc.lines);
  const web = webShaped ? extractWebMeeting(doc.lines) : undefined;
  const undated: ImportIssue[] =
    webShaped && !web
      ? [
          {
            severity: 'warning',
            line: webMarkerLine(doc.lines),
            message: `a web page of a meeting (venue, numbered items) with no date anywhere: no heading naming the body and date above the venue at line ${webMarkerLine(doc.lines)}; a meeting needs its date, so its items are not imported`,
          },
        ]
      : [];
  if (web) {
    const kind = web.hasMinutes ? 'minutes' : 'summons';
    const title = `${web.hasMinutes ? 'Minutes' : 'Agenda'} of the ${web.meeting.bodyName}, ${web.meeting.date}`;
    return {
      segments: [{ kind, title, lineFrom: 1, lineTo: doc.lines.length }],
      meetings: [web.meeting],
      reports: [],
      decisions: [],
      issues: web.issues,
    };
  }
  const segments = segmentDocument(doc.lines);
  const meetings: MeetingRecord[] = [];
  const reports: ReportRecord[] = [];
  const decisions: DecisionRecord[] = [];
  const issues: ImportIssue[] = [...undated];

  const addMeeting = (meeting: MeetingRecord) => {
    const existing = meetings.find((candidate) => candidate.date === meeting.date && sameBody(candidate.bodyName, meeting.bodyName));
    if (existing) mergeInto(existing, meeting);
    else meetings.push(meeting);
  };

  for (const segment of segments) {
    try {
      switch (segment.kind) {
        case 'summons':
          addMeeting(extractSummons(segment).meeting);
          break;
        case 'minutes': {
          const result = extractMinutes(segment);
          issues.push(...result.issues);
          // Minutes whose heading gives no body or no date belong to no meeting: reported (the extractor said why),
          // not written as a meeting dated "" (which the database refuses, failing the whole file).
          if (!result.meeting.bodyName || !result.meeting.date) {
            issues.push({
              severity: 'warning',
              line: segment.lineFrom,
              message: `the minutes at lines ${segment.lineFrom}-${segment.lineTo} name no meeting (body and date); not imported`,
            });
            break;
          }
          addMeeting(result.meeting);
          break;
        }
        case 'questions': {
          const result = extractQuestions(segment);
          if (!result.bodyName || !result.date) {
            issues.push({
              severity: 'warning',
              line: segment.lineFrom,
              message: `${result.questions.length} question(s) at lines ${segment.lineFrom}-${segment.lineTo} name no meeting (body and date); not imported`,
            });
            break;
          }
          const meeting = emptyMeeting(result.bodyName, result.date, segment);
          meeting.questions = result.questions;
          addMeeting(meeting);
          break;
        }
        case 'report':
          reports.push(extractReport(segment));
          break;
        case 'urgent-decisions': {
          const result = extractUrgentDecisions(segment);
          reports.push(result.report);
          decisions.push(...result.decisions);
          break;
        }
        case 'allowances-scheme':
        case 'other': {
          // Allowance schemes have an extractor of their own (capabilities.ts); the meeting that agreed the scheme or
          // page, when it says so, is a meeting on record.
          const agreed = agreeingMeeting(segment.lines);
          if (!agreed) break;
          const line = segment.lineFrom + agreed.index;
          const meeting = emptyMeeting(agreed.bodyName, agreed.date, { ...segment, lineFrom: line, lineTo: line });
          if (agreed.item) meeting.agendaItems.push({ ...agreed.item, exempt: false, exemptParagraphs: [], lineFrom: line, lineTo: line });
          addMeeting(meeting);
          break;
        }
        default:
          // Tracking sheets, call-ins and improvement plans have extractors of their own elsewhere.
          break;
      }
    } catch (error) {
      issues.push({
        severity: 'error',
        line: segment.lineFrom,
        message: `${doc.name}: could not read the ${segment.kind} "${segment.title}" (lines ${segment.lineFrom}-${segment.lineTo}): ${(error as Error).message}`,
      });
    }
  }

  return {
    segments: segments.map(({ lines: _lines, ...rest }) => rest),
    meetings,
    reports,
    decisions,
    issues,
  };
}
