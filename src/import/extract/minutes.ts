/**
 * Minutes of one meeting of any body -> a MeetingRecord with attendance, minutes, resolutions, motions,
 * declarations and recorded votes.
 *
 * Pure: lines in, records out. The shapes recognised are those English councils print ("MINUTES of a meeting of
 * the X held in Y on Wednesday, 6 April 2011", "PRESENT:", "IN ATTENDANCE:", "12. Title" + "(Item 5)",
 * "RESOLVED that", "Mr A moved, Mr B seconded", "For (55)" + names), never line numbers or one council's wording.
 * What looks like one of these shapes but cannot be read becomes an ImportIssue with its line, never a guess.
 */
import { isHonorific, parsePrintedName, splitNameList, POST_NOMINALS } from '../../domain/person-name.ts';
import type {
  AttendanceRecord,
  AttendanceStatus,
  DeclarationRecord,
  ImportIssue,
  MeetingKind,
  MeetingRecord,
  MinuteRecord,
  MotionRecord,
  PrintedName,
  ResolutionRecord,
  Segment,
  VoteEventRecord,
  VoteRecord,
} from '../types.ts';
import { findDates, parseFirstDate, parseTime, TIME_SOURCE } from './minutes-dates.ts';
import { sentenceStart } from '../recognise/flattened-text.ts';
import { headerFromCallToOrder, readRollCallMinutes } from './roll-call-minutes.ts';
import { voteTally } from '../recognise/roll-call-vote.ts';

type VoteEvent = VoteEventRecord & { minuteNumber?: string };

interface Line {
  no: number;
  text: string; // trimmed
}

/** A run of lines read as one piece of prose (a paragraph wrapped over several lines, or across a page break). */
interface Paragraph {
  from: number;
  to: number;
  text: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Patterns. Names are matched case-sensitively (capitals mark where a name ends: "Mr Sweetland moved"); the
// wording around them is matched separately and case-insensitively.

const HON = '(?:Mr|Mrs|Miss|Ms|Mx|Dr|Cllr|Councillor|Sir|Dame|Lord|Lady|Revd?|Prof|Professor)';
const POST = `(?:,?\\s+(?:${[...POST_NOMINALS].join('|')})\\b)*`;
const NAME = `${HON}\\.?\\s+(?:[A-Z][A-Za-z'’\\-]*\\.?\\s+){0,4}[A-Z][A-Za-z'’\\-]+${POST}`;
const ROLE_REF = '(?:the\\s+)?(?:Vice[- ]?Chairman|Vice[- ]?Chair|Chairman|Chair|Mayor|Deputy Mayor|Leader(?: of the Council)?|Deputy Leader)';
const PERSON = `(?:${NAME}|${ROLE_REF})`;
const NAMES = `${NAME}(?:(?:,\\s*|,?\\s+and\\s+)${NAME})*`;

const HEADER =
  /\bMINUTES\s+of\s+(?:an?\s+|the\s+)?(?:(annual|extraordinary|special|ordinary|adjourned)\s+)?(?:(?:general|council)\s+)?meeting\s+of\s+(?:the\s+)?(.+?)\s+held\s+(.*)$/i;
/** Looser: "Minutes of the Cabinet meeting held on ...", "Minutes - Planning Committee - 6 April 2011". */
/** "Minutes of the County Council Meeting held in ... on ...": the body named before "Meeting held". */
const BODY_MEETING_HEADER = /^minutes\s+of\s+(?:the\s+)?(.+?)\s+meeting\s+held\s+(.*)$/i;
const LOOSE_HEADER = /^minutes\s+(?:of\s+(?:the\s+)?)?(.+?)(?:\s+meeting)?\s*(?:held\s+)?(?:on\s+|[-–—,:]\s*)(.*\d{4}.*)$/i;

/** "Edinburgh, 20 December 2007 - At a meeting of The City of Edinburgh Council.": the body; the date is on the line. */
const AT_A_MEETING_HEADER = /(?:^|[-–—]\s+)At\s+a\s+meeting\s+of\s+(?:the\s+)?([A-Z][^.]{2,100}?)\.?$/;

const SECTION =
  /^(?:(UNRESTRICTED|OPEN|PUBLIC)|(EXEMPT|RESTRICTED|CONFIDENTIAL|PRIVATE))\s+(?:ITEMS?|BUSINESS|SESSION|MINUTES)\b.*$|^PART\s+(I{1,2}|1|2)\b(?:\s*[-–—:].*)?$/;
const LABEL =
  /^(ALSO\s+PRESENT|(?:MEMBERS\s+)?PRESENT(?:\s+MEMBERS)?|ALSO\s+IN\s+ATTENDANCE|IN\s+ATTENDANCE|(?:OFFICERS|OFFICIALS)(?:\s+PRESENT|\s+IN\s+ATTENDANCE)?|APOLOGIES(?:\s+FOR\s+ABSENCE)?|SUBSTITUTES?(?:\s+MEMBERS?)?|SUBSTITUTE\s+MEMBERS?)\s*(?:[:\-–]\s*(.*))?$/i;
const HEADING =
  /^(?:Minute\s+)?(\d{1,4})(\/\d{2,4})?(?:\.|:|\s+[-–—]|(?=\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)))\s+([A-Z(‘'"“].*)$/;
/**
 * A minute numbered with a reference: council or body letters, a running number and the year ("C/453/19",
 * "Cou/285/07-08", "CAB/12/21"), perhaps followed by the agenda item it records ("(Agenda Item No. 1)").
 */
const REF_HEADING = /^([A-Z][A-Za-z]{0,4}\/(\d{1,4})\/\d{2}(?:-\d{2})?)\.?\s+(?:\((?:Agenda\s+)?Item\s*(?:No\.?\s*)?([A-Z]?\d+[a-z]?)\)\s*)?([A-Z(‘'"“].*)$/;

interface Heading {
  /** As printed: "5", "70/17", "C/453/19". */
  number: string;
  /** The running number, for checking that minutes follow each other. */
  sequence: number;
  title: string;
  agendaItemNumber?: string;
}

function readHeading(text: string): Heading | undefined {
  const plain = HEADING.exec(text);
  if (plain) return { number: plain[1]! + (plain[2] ?? ''), sequence: Number(plain[1]), title: plain[3]! };
  const ref = REF_HEADING.exec(text);
  if (ref) return { number: ref[1]!, sequence: Number(ref[2]), title: ref[4]!, ...(ref[3] ? { agendaItemNumber: ref[3] } : {}) };
  return undefined;
}

const ITEM_LINE = /^\(?\s*(?:Agenda\s+)?Item\s*(?:No\.?\s*)?:?\s*([A-Z]{0,2}\d+[a-z]?(?:\.\d+)?)\s*\)?\.?$/i;
const ITEM_SUFFIX = /\s*[(\[]\s*(?:Agenda\s+)?Item\s*(?:No\.?\s*)?:?\s*([A-Z]{0,2}\d+[a-z]?(?:\.\d+)?)\s*[)\]]\s*$/i;
const SUBPART = /^(?:[-•*]\s*)?\((?:[a-z]{1,2}|[ivxl]+)\)\s*/;
const NUMBERED = /^(?:[-•*]\s*)?\((\d+)\)\s*/;
const BULLET = /^[-•*]\s+/;
const RESOLVED =
  /^(?:[Ii]t\s+was\s+|The\s+(?:County\s+)?(?:Committee|Council|Cabinet|Panel|Board|Sub-Committee)\s+)?(unanimously\s+)?(?:RESOLVED|Resolved|AGREED|DECIDED)\b(\s+unanimously)?\s*(\(unanimously\))?\s*(?:[:\-–—]+|,)?\s*(.*)$/;
const OPTION_LINE =
  /^(For|Against|Abstain(?:ed|ing|ions?)?|Abstentions?)\s*(?:\(\s*(\d+)\s*\)|[:\-–]\s*(\d+)\b|\s+(\d+)(?=\s*$|\s*[:\-–]))\s*[:.\-–]?\s*(.*)$/i;
const RESULT_LINE =
  /^(?:(?:the\s+)?(?:substantive\s+)?(?:motion|amendment|recommendation|proposal)\s+(?:was\s+)?)?(carried|lost|defeated|fell|not carried|agreed|rejected)(?:\s+(?:unanimously))?\.?$/i;
const PROSE_VOTE = /\b(carried|lost|defeated|agreed|rejected)\s+by\s+(\d+)\s+votes?\s+to\s+(\d+)(?:,?\s+with\s+(\d+|no|one|two|three)\s+abstentions?)?/i;
const SCHEDULE_12A = /paragraphs?\s+((?:\d+[a-z]?\s*(?:,|&|and|\s)\s*)*\d+)\s*(?:\([^)]{0,30}\)\s*)?of\s+(?:Part\s+(?:1|I|One)\s+of\s+)?Schedule\s+12\s*A/i;
const APPLICATION_REF = /\b((?:[A-Z]{1,5}\/)+\d{2,4}\/\d{1,6}(?:\/[A-Z0-9]{1,6})*|\d{2}\/\d{3,6}\/[A-Z]{2,6}(?:\/[A-Z0-9]{1,6})*)\b/;

const KIND_WORDS: Array<[RegExp, string]> = [
  // Under the 2007 code a prejudicial interest is always a personal one too; the stronger kind is the one that matters.
  [/^personal\s+and\s+prejudicial$/i, 'prejudicial'],
  [/^prejudicial$/i, 'prejudicial'],
  [/^personal$/i, 'personal'],
  [/^(?:disclosable\s+)?pecuniary$/i, 'disclosable pecuniary'],
];

// ---------------------------------------------------------------------------------------------------------------

/** Turns the lines of one meeting's minutes into a MeetingRecord. Never throws on odd input: problems become issues. */
export function extractMinutes(segment: Segment): { meeting: MeetingRecord; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const lines = logicalLines(segment);

  const meeting: MeetingRecord = {
    bodyName: '',
    date: '',
    lineFrom: segment.lineFrom,
    lineTo: segment.lineTo,
    agendaItems: [],
    attendance: [],
    declarations: [],
    minutes: [],
    voteEvents: [],
    questions: [],
  };

  const headerEnd = readHeader(lines, meeting, issues);
  const start = headerEnd + 1;
  if (!lines.slice(start).some((line) => line.text && readHeading(line.text) && !LABEL.test(line.text))) numberSideHeadings(lines, start, issues);

  // Where the minutes proper begin: the first section marker or numbered heading after the header.
  let firstBody = lines.length;
  for (let index = start; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (SECTION.test(text) || (readHeading(text) && !LABEL.test(text))) {
      firstBody = index;
      break;
    }
  }

  readAttendanceBlocks(lines.slice(start, firstBody), meeting, issues);

  const minuteBodies = readMinutes(lines.slice(firstBody), meeting, issues);

  // Apologies and substitutes may be printed either before the first minute or inside one.
  const preambleParagraphs = paragraphs(lines.slice(start, firstBody));
  readApologies(lines.slice(start, firstBody), preambleParagraphs, meeting, issues);
  readChair(preambleParagraphs, meeting);
  readBodies(minuteBodies, meeting, issues);
  // American minutes: the roll call and roll-call votes, run on within paragraphs (or a whole OCR'd page).
  readRollCallMinutes(lines, meeting, issues);

  const closing = lines.map((line) => line.text).join('\n');
  const ended = new RegExp(`meeting\\s+(?:closed|ended|finished|concluded|rose)\\s+at\\s+(${TIME_SOURCE})`, 'i').exec(closing);
  if (ended) {
    const time = parseTime(ended[1]!);
    if (time) meeting.endTime = time;
  }

  if (meeting.minutes.length === 0) {
    issues.push({ severity: 'warning', line: segment.lineFrom, message: 'No numbered minutes found in these minutes' });
  }
  return { meeting, issues };
}

/** A heading printed beside or above unnumbered minutes: a short line in capitals ("APOLOGIES", "OPENING PRAYER"). */
const SIDE_HEADING = /^[A-Z][A-Z'’&/\- ]{2,60}$/;
const NOT_SIDE_HEADING = /^(?:RESOLVED|AGREED|DECIDED|CARRIED|LOST|FOR|AGAINST|ABSTAIN\w*|NOTED|PRESENT)$/;

/**
 * Minutes printed without numbers, each under a heading in capitals (which may wrap over two lines: "OPENING" /
 * "PRAYER"): the headings are numbered in the order printed, so they are read like numbered minutes. Says so.
 */
function numberSideHeadings(lines: Line[], start: number, issues: ImportIssue[]): void {
  let count = 0;
  let previous: Line | undefined;
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    if (!line.text) continue;
    const heading =
      SIDE_HEADING.test(line.text) && !NOT_SIDE_HEADING.test(line.text) && (!LABEL.test(line.text) || /^APOLOGIES/.test(line.text)) && !SECTION.test(line.text);
    // A heading wrapped onto a line of its own: "APOLOGIES" / "/ leave of absence".
    if (previous && /^[/&(]/.test(line.text) && line.text.length <= 60) {
      previous.text += ` ${line.text}`;
      line.text = '';
      continue;
    }
    if (heading && previous) {
      previous.text += ` ${line.text}`;
      line.text = '';
      continue;
    }
    previous = undefined;
    if (!heading) continue;
    count++;
    line.text = `${count}. ${line.text}`;
    previous = line;
  }
  if (count > 0)
    issues.push({
      severity: 'warning',
      line: lines[start]?.no,
      message: `the ${count} minutes are printed without numbers; they are numbered in the order printed`,
    });
}

/** What each minute's text says: apologies, substitutes, resolutions, motions, recorded votes, declarations. */
function readBodies(minuteBodies: MinuteBody[], meeting: MeetingRecord, issues: ImportIssue[]): void {
  // Attendance recorded under a minute ("1. Calling of the Roll" then "Present:" and the names).
  for (const body of minuteBodies) readLabelledLists(body.lines, meeting, issues);
  for (const body of [{ paragraphs: minuteBodies.flatMap((entry) => entry.paragraphs) }]) readChair(body.paragraphs, meeting);
  for (const body of minuteBodies) {
    const before = meeting.attendance.filter((entry) => entry.status === 'apologies').length;
    readApologies(body.lines, body.paragraphs, meeting, issues);
    // Under a minute headed "Apologies", a bare list of members ("Councillors A, B and C.") is the apologies.
    if (/\bapolog/i.test(body.minute.title) && meeting.attendance.filter((entry) => entry.status === 'apologies').length === before) {
      for (const para of body.paragraphs) {
        if (!/^(?:Councillors|Cllrs\.?)\s/.test(para.text) || !looksLikeNameLine(para.text.replace(/^(?:Councillors|Cllrs\.?)\s+/, ''), true)) continue;
        for (const entry of namesWithLines([{ no: para.from, text: para.text }], false))
          addAttendance(meeting, entry.name, entry.role, 'apologies', entry.line, issues);
      }
    }
    readSubstituteSentences(body.paragraphs, meeting);
  }
  for (const body of minuteBodies) {
    body.minute.resolutions = readResolutions(body.paragraphs);
    body.minute.motions = readMotions(body.paragraphs, meeting, issues);
    meeting.voteEvents.push(...readVotes(body, issues));
  }
  for (const body of minuteBodies) readDeclarations(body, meeting, issues);
}

/** "Present:" (or another attendance label) inside a minute, with the names on the lines that follow. */
function readLabelledLists(lines: Line[], meeting: MeetingRecord, issues: ImportIssue[]): void {
  for (let index = 0; index < lines.length; index++) {
    const label = lines[index]!.text ? LABEL.exec(lines[index]!.text) : null;
    if (!label) continue;
    const kind = labelKind(label[1]!);
    const names: Line[] = label[2]?.trim() ? [{ no: lines[index]!.no, text: label[2].trim() }] : [];
    while (index + 1 < lines.length) {
      const next = lines[index + 1]!;
      const previous = names[names.length - 1];
      if (next.text && !LABEL.test(next.text) && looksLikeNameLine(next.text, previous !== undefined && /,$/.test(previous.text))) {
        names.push(next);
        index++;
      } else if (!next.text && names.length === 0) {
        index++;
      } else break;
    }
    for (const entry of namesWithLines(names, kind === 'substitute')) addAttendance(meeting, entry.name, entry.role, kind, entry.line, issues);
  }
}

/** "Mr B Smith in the Chair", "Councillor A Jones presided": the chair of the meeting, marked on the attendance. */
function readChair(paras: Paragraph[], meeting: MeetingRecord): void {
  const pattern = new RegExp(
    `(?:^|[.,;]\\s*)(${NAME}|[A-Z][\\p{L}'’\\-]+(?:\\s+[A-Z][\\p{L}'’\\-]+){0,3})\\s+(?:was\\s+)?(?:in\\s+the\\s+Chair|presided)\\b`,
    'u',
  );
  for (const para of paras) {
    const match = pattern.exec(para.text);
    if (!match) continue;
    const name = parsePrintedName(match[1]!);
    if (!name) continue;
    const present = meeting.attendance.find(
      (entry) =>
        entry.status === 'present' &&
        entry.name.familyName === name.familyName &&
        (entry.name.initials.join('') === name.initials.join('') || !name.initials.length),
    );
    if (present) present.role ??= 'Chair';
    else meeting.attendance.push({ name, status: 'present', role: 'Chair', officer: false, lineFrom: para.from, lineTo: para.to });
    return;
  }
}

/** A minute found by another recogniser (a web page's numbered items), with the lines of its text. */
export interface MinuteText {
  minute: MinuteRecord;
  lines: Array<{ no: number; text: string }>;
}

/**
 * Reads the text of minutes whose numbers and titles another recogniser found (a ModernGov page's items), with the
 * same readers as printed minutes: each minute's text, resolutions, motions, votes, apologies and declarations are
 * added to `meeting`, and the minutes appended to it.
 */
export function readMinuteTexts(minutes: MinuteText[], meeting: MeetingRecord, issues: ImportIssue[]): void {
  const bodies: MinuteBody[] = minutes.map((entry) => ({
    minute: entry.minute,
    lines: entry.lines.map((line) => ({ no: line.no, text: line.text.replace(/\u00a0/g, ' ').trim() })),
    paragraphs: [],
  }));
  for (const body of bodies) {
    finishMinute(body);
    meeting.minutes.push(body.minute);
  }
  readBodies(bodies, meeting, issues);
}

// ---------------------------------------------------------------------------------------------------------------
// Lines

function logicalLines(segment: Segment): Line[] {
  const result: Line[] = [];
  segment.lines.forEach((raw, index) => {
    const no = segment.lineFrom + index;
    // CRLF files split on "\n" keep a trailing "\r"; non-breaking spaces come from HTML and PDF text.
    const cleaned = raw
      .replace(/\r/g, '')
      .replace(/\u00a0/g, ' ')
      .replace(/^#{1,6}\s+/, '')
      .trim();
    if (cleaned.includes('**')) {
      const pieces = cleaned
        .split('**')
        .map((piece) => piece.trim())
        .filter(Boolean);
      // Converted documents run headings together ("UNRESTRICTED ITEMS**27. Membership**"); split only then, so
      // bold words inside a sentence stay in their sentence.
      if (pieces.length > 1 && pieces.slice(1).some((piece) => isStructural(piece))) {
        for (const piece of pieces) result.push({ no, text: piece });
        return;
      }
      result.push({ no, text: pieces.join(' ').replace(/\s+/g, ' ') });
      return;
    }
    result.push({ no, text: cleaned });
  });
  return result;
}

function isStructural(text: string): boolean {
  return SECTION.test(text) || readHeading(text) !== undefined || LABEL.test(text) || HEADER.test(text);
}

/**
 * Groups non-empty lines into paragraphs. A line that stops mid-sentence continues onto the next non-empty line
 * when that starts in lower case (PDF page breaks split sentences: "he was" / "" / "aware of ...").
 */
function paragraphs(lines: Line[]): Paragraph[] {
  const result: Paragraph[] = [];
  let current: Paragraph | undefined;
  for (const line of lines) {
    if (!line.text) continue;
    // A line ending in a joining word ("... leave of absence from" / "Councillor Ash ...") cannot end a paragraph.
    if (
      current &&
      !/[.:;!?"”)]$/.test(current.text) &&
      (/^[a-z]/.test(line.text) || /\s(?:from|of|the|and|to|on|in|by|for|with|that|at)$/i.test(current.text))
    ) {
      current.text += ` ${line.text}`;
      current.to = line.no;
      continue;
    }
    current = { from: line.no, to: line.no, text: line.text };
    result.push(current);
  }
  return result;
}

/** Paragraph text without a list bullet or the "(2)" paragraph number councils print before each paragraph. */
function core(text: string): string {
  return text.replace(BULLET, '').replace(NUMBERED, '').trim();
}

function joinText(lines: Line[]): string {
  const texts: string[] = [];
  for (const line of lines) {
    if (!line.text && (texts.length === 0 || texts[texts.length - 1] === '')) continue;
    texts.push(line.text);
  }
  while (texts.length && texts[texts.length - 1] === '') texts.pop();
  return texts.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Header

function readHeader(lines: Line[], meeting: MeetingRecord, issues: ImportIssue[]): number {
  // The strict "MINUTES of a meeting of ..." form wins over a looser line above it (a cover sheet's
  // "Minutes for Approval - Governance and Audit Committee").
  return (
    readHeaderWith(lines, meeting, issues, true) ??
    readHeaderWith(lines, meeting, issues, false) ??
    headerFromCallToOrder(lines, meeting) ??
    noHeader(lines, issues)
  );
}

function noHeader(lines: Line[], issues: ImportIssue[]): number {
  issues.push({
    severity: 'error',
    line: lines[0]?.no,
    message: 'No "MINUTES of a meeting of ... held ..." heading found; body name and date unknown',
  });
  return -1;
}

function readHeaderWith(lines: Line[], meeting: MeetingRecord, issues: ImportIssue[], strictOnly: boolean): number | undefined {
  for (let index = 0; index < Math.min(lines.length, 40); index++) {
    const scottish = AT_A_MEETING_HEADER.exec(lines[index]!.text);
    if (scottish) {
      const date = findDates(lines[index]!.text)[0];
      if (!date) continue;
      meeting.bodyName = scottish[1]!
        .replace(/^the\s+/i, '')
        .replace(/[.\s]+$/, '')
        .trim();
      meeting.date = date.iso;
      return index;
    }
    if (!/\bminutes\b/i.test(lines[index]!.text)) continue;
    // A header may wrap: read on until the date has been printed.
    let text = lines[index]!.text;
    let end = index;
    while (!/\d{4}/.test(text) && end + 1 < lines.length && end - index < 4) {
      end++;
      if (lines[end]!.text) text += ` ${lines[end]!.text}`;
    }
    // The time printed on the line after the date ("on Wednesday 13" / "June 2018" / "at 6:30PM").
    if (end > index && end + 1 < lines.length && new RegExp(`^(?:at|commencing\\s+at)\\s+${TIME_SOURCE}\\.?$`, 'i').test(lines[end + 1]!.text)) {
      end++;
      text += ` ${lines[end]!.text}`;
    }
    let strict = HEADER.exec(text);
    const bodyMeeting = strict ? null : BODY_MEETING_HEADER.exec(text);
    if (bodyMeeting) {
      // "General Meeting" names the body only with its last word; "County Council Meeting" names it without.
      const named = /^(?:general|ordinary|annual|extraordinary|special|council)$/i.test(bodyMeeting[1]!) ? `${bodyMeeting[1]} Meeting` : bodyMeeting[1]!;
      strict = Object.assign([text, undefined, named, bodyMeeting[2]!], { index: 0, input: text }) as unknown as RegExpExecArray;
    }
    const loose = strict || strictOnly ? undefined : LOOSE_HEADER.exec(text);
    if (!strict && !loose) continue;

    const kindWord = strict?.[1]?.toLowerCase();
    if (kindWord === 'annual' || kindWord === 'extraordinary' || kindWord === 'special' || kindWord === 'ordinary') {
      meeting.kind = kindWord as MeetingKind;
    }
    meeting.bodyName = (strict ? strict[2]! : loose![1]!).replace(/^the\s+/i, '').trim();
    let rest = strict ? strict[3]! : loose![2]!;

    const dates = findDates(rest);
    const date = dates[0];
    if (date) {
      meeting.date = date.iso;
      rest = `${rest.slice(0, date.index).replace(/\s*\bon\s*$/i, '')} ${rest.slice(date.index + date.length)}`;
    } else {
      issues.push({ severity: 'error', line: lines[index]!.no, message: `No date found in the minutes heading: "${text}"` });
    }
    const time = new RegExp(`(?:\\bat|\\bcommencing\\s+at|\\bfrom)\\s+(${TIME_SOURCE})`, 'i').exec(rest);
    if (time) {
      const parsed = parseTime(time[1]!);
      if (parsed) meeting.startTime = parsed;
      rest = `${rest.slice(0, time.index)} ${rest.slice(time.index + time[0].length)}`;
    }
    const place = /\b(?:in|at)\s+(?:the\s+)?(.+)$/i.exec(rest.replace(/\s+/g, ' ').trim());
    if (place) {
      const location = place[1]!
        .replace(/[\s,.;]+$/, '')
        .replace(/\s+on$/i, '')
        .trim();
      if (location) meeting.location = location;
    }
    return end;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Attendance

type LabelKind = 'present' | 'also-present' | 'in-attendance' | 'apologies' | 'substitute';

function labelKind(label: string): LabelKind {
  const upper = label.toUpperCase().replace(/\s+/g, ' ');
  if (upper.startsWith('ALSO PRESENT')) return 'also-present';
  if (upper.includes('PRESENT') && !upper.startsWith('OFFICERS') && !upper.startsWith('OFFICIALS')) return 'present';
  if (upper.startsWith('APOLOGIES')) return 'apologies';
  if (upper.startsWith('SUBSTITUTE')) return 'substitute';
  return 'in-attendance';
}

function readAttendanceBlocks(lines: Line[], meeting: MeetingRecord, issues: ImportIssue[]): void {
  let current: { kind: LabelKind; lines: Line[] } | undefined;
  const blocks: Array<{ kind: LabelKind; lines: Line[] }> = [];
  for (const line of lines) {
    if (!line.text) continue;
    const label = LABEL.exec(line.text);
    if (label) {
      current = { kind: labelKind(label[1]!), lines: [] };
      blocks.push(current);
      const rest = label[2]?.replace(/^[\s\-–]+/, '').trim();
      if (rest) {
        const list = looksLikeNameLine(rest) ? undefined : (surnameFirstList(rest) ?? runTogetherNames(rest));
        current.lines.push({ no: line.no, text: list ? list.join(', ') : rest });
      }
      continue;
    }
    const previous = current?.lines[current.lines.length - 1];
    if (current && looksLikeNameLine(line.text, previous !== undefined && /,$/.test(previous.text))) {
      current.lines.push(line);
      continue;
    }
    const surnameFirst = current ? (surnameFirstList(line.text) ?? runTogetherNames(line.text)) : undefined;
    if (current && surnameFirst) {
      current.lines.push({ no: line.no, text: surnameFirst.join(', ') });
      continue;
    }
    current = undefined;
    // Headings printed above the minutes ("GOVERNANCE AND AUDIT COMMITTEE") and apology sentences are expected here.
    if (/^[^a-z]+$/.test(line.text) || /\bapolog/i.test(line.text)) continue;
    issues.push({ severity: 'warning', line: line.no, message: `Unrecognised line before the first minute: "${clip(line.text)}"` });
  }

  for (const block of blocks) {
    for (const entry of namesWithLines(block.lines, block.kind === 'substitute')) {
      addAttendance(meeting, entry.name, entry.role, block.kind, entry.line, issues);
    }
  }
}

/**
 * A list printed "Surname, Forename" whose columns ran into one line: "Ash, Anna Birch, Ben Cedar, Cai" (each chunk
 * between commas holds one member's forename and the next member's surname). Returns the names as "Forename
 * Surname", or undefined when the line does not have that shape (a first chunk of one surname, middle chunks of a
 * forename and a surname, no honorifics). A middle chunk of three words is read as one forename and a two-word
 * surname ("Anna Carroll Birch"), the commoner case.
 */
export function surnameFirstList(text: string): string[] | undefined {
  const chunks = text
    .replace(/[.;]+$/, '')
    .replace(/\s+and\s+/g, ' ')
    .split(/\s*,\s*/)
    .filter(Boolean);
  if (chunks.length < 4 || chunks.some((chunk) => isHonorific(chunk.split(' ')[0]!))) return undefined;
  const word = "[A-Z\\u00C0-\\u00DE][\\p{L}'’\\-]+";
  const surname = new RegExp(`^(?:(?:${word}|Ó|Ní|Mac|Mc|de|van|von)\\s+)?${word}$`, 'u');
  const middle = new RegExp(`^${word}\\s+(?:(?:${word}|Ó|Ní|Mac|Mc|de|van|von)\\s+)?${word}$`, 'u');
  if (!surname.test(chunks[0]!) || !surname.test(chunks[chunks.length - 1]!)) return undefined;
  if (!chunks.slice(1, -1).every((chunk) => middle.test(chunk))) return undefined;
  const names: string[] = [];
  let family = chunks[0]!;
  for (const chunk of chunks.slice(1, -1)) {
    const [forename, ...rest] = chunk.split(' ');
    names.push(`${forename} ${family}`);
    family = rest.join(' ');
  }
  names.push(`${chunks[chunks.length - 1]} ${family}`);
  return names;
}

/**
 * Names printed in columns that ran into one line without commas: "Anna Ash Ben B Birch Cai Cedar" (forename,
 * initials, surname, again and again), perhaps with a title before the list ("Lord Provost COUNCILLORS ..."), a
 * stray page number at the end, and OCR's "l" for "I". Returns undefined unless nearly every word is a name's word.
 * A name of three words without an initial is read as two (the forename of one and the surname of the next are
 * indistinguishable); the pairs after it come right again at the next initial.
 */
export function runTogetherNames(text: string): string[] | undefined {
  const body = text.replace(/\s+\d{1,3}$/, '').trim();
  if (body.includes(',')) return undefined;
  const parts = body.split(/\s+COUNCILLORS?\s+|\s+Councillors\s+/);
  const names: string[] = [];
  const list = parts.length > 1 ? parts.slice(1).join(' ') : parts[0]!;
  if (parts.length > 1 && parts[0]!.trim()) names.push(parts[0]!.trim());
  const words = list.split(/\s+/);
  if (words.length < 6) return undefined;
  const nameWord = /^[A-Z\u00C0-\u00DE][\p{L}'’\-]+$|^l[a-z]+$/u;
  if (words.filter((word) => nameWord.test(word) || /^[A-Z]\.?$/.test(word)).length < words.length) return undefined;
  for (let index = 0; index < words.length; ) {
    const name = [words[index]!];
    index++;
    while (index < words.length - 1 && /^[A-Z]\.?$/.test(words[index]!)) name.push(words[index++]!);
    if (index < words.length) name.push(words[index++]!);
    names.push(name.join(' '));
  }
  return names;
}

interface NameAt {
  name: PrintedName;
  role?: string;
  line: number;
}

/**
 * Names in a block of lines, each with the line it was printed on. Lines are joined first when a name wraps
 * ("Mr K A" / "Ferrin, MBE").
 */
function namesWithLines(lines: Line[], substituteBlock: boolean): NameAt[] {
  const joined: Line[] = [];
  for (const line of lines) {
    const previous = joined[joined.length - 1];
    if (previous && (new RegExp(`(?:\\b${HON}\\.?|\\b[A-Z]\\.?)$`).test(previous.text) || /^(?:[a-z]|(?:MBE|OBE|CBE|TD|JP)\b)/.test(line.text))) {
      previous.text += ` ${line.text}`;
      continue;
    }
    joined.push({ ...line });
  }
  const result: NameAt[] = [];
  for (const line of joined) {
    // "Councillors Smith (Chair), Jones and Brown": the plural title covers the whole list and is not part of a name.
    let text = line.text.replace(/[.;]+$/, '').replace(/^(?:Councillors|Cllrs\.?)\s+/, '');
    // "Mr D Wells and Mrs E Robinson from the Audit Commission": the organisation belongs to everyone in the list.
    let sharedRole: string | undefined;
    const from = /\s+(?:from|of|representing)\s+(?:the\s+)?([A-Z][^,()]*)$/.exec(text);
    if (from && !text.includes('(')) {
      sharedRole = from[1]!.trim();
      text = text.slice(0, from.index);
    }
    text = markSubstitutes(text, substituteBlock);
    for (const entry of splitNameList(text)) {
      const role = entry.role ?? sharedRole;
      result.push({ name: entry.name, ...(role ? { role } : {}), line: line.no });
    }
  }
  return result;
}

/** "Mr X substitute for Mr Y" / (in a SUBSTITUTES block) "Mr X for Mr Y" -> "Mr X (substitute for Mr Y)". */
function markSubstitutes(text: string, substituteBlock: boolean): string {
  const joiner = substituteBlock
    ? '(?:as\\s+)?(?:a\\s+)?(?:substitute\\s+for|substituting\\s+for|in\\s+place\\s+of|for|vice)'
    : '(?:as\\s+)?(?:a\\s+)?(?:substitute\\s+for|substituting\\s+for|in\\s+place\\s+of)';
  const pattern = new RegExp(`(${NAME})\\s+${joiner}\\s+(${NAME})`, 'g');
  return text.replace(pattern, (_whole, who: string, forWhom: string) => `${who} (substitute for ${forWhom})`);
}

function addAttendance(meeting: MeetingRecord, name: PrintedName, role: string | undefined, kind: LabelKind, line: number, issues: ImportIssue[]): void {
  if (!looksLikeName(name)) {
    issues.push({ severity: 'warning', line, message: `Could not read "${clip(name.printed)}" as a name in the attendance` });
    return;
  }
  let status: AttendanceStatus = kind;
  let substituteFor: PrintedName | undefined;
  let keptRole = role;
  const substitute = role && /^substitut\w*(?:\s*(?:for|:)\s*(.+))?$/i.exec(role);
  if (substitute) {
    status = 'substitute';
    keptRole = undefined;
    if (substitute[1]) substituteFor = parsePrintedName(substitute[1]);
  } else if (kind === 'substitute') {
    status = 'substitute';
  }
  const record: AttendanceRecord = {
    name,
    status,
    officer: kind === 'in-attendance',
    lineFrom: line,
    lineTo: line,
    ...(keptRole ? { role: keptRole } : {}),
    ...(substituteFor ? { substituteFor } : {}),
  };
  const duplicate = meeting.attendance.find((entry) => entry.name.printed === name.printed && entry.status === status);
  if (duplicate) return;
  meeting.attendance.push(record);
}

/** A name-shaped PrintedName: no lower-case words (other than particles), not too long. */
function looksLikeName(name: PrintedName): boolean {
  const tokens = name.familyName.split(/\s+/);
  if (tokens.length > 3) return false;
  if (/\d/.test(name.familyName)) return false;
  // "lain": OCR's reading of "Iain", kept as printed.
  return tokens.every(
    (token) =>
      /^[A-Z'’\u00C0-\u00DE]/.test(token) || /^l[a-z]{2,}$/.test(token) || /^(?:de|del|della|van|von|le|la|du|di|da|der|den|st|d'|mac|ab|ap)$/i.test(token),
  );
}

/** A line that is nothing but a list of names (with bracketed roles), as printed in attendance and vote lists. */
function looksLikeNameLine(text: string, continuesList = false): boolean {
  const chunks = text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[.;]+$/, '')
    .split(/,|;|\band\b/)
    .map((chunk) => chunk.trim())
    .filter(Boolean);
  if (chunks.length === 0) return false;
  let honorifics = 0;
  // A missing comma ("Mr M A Wickham Mr A T Willicombe"): a new honorific starts a new name.
  const names = chunks.flatMap((chunk) => chunk.split(new RegExp(`\\s+(?=${HON}\\.?\\s)`)));
  for (const chunk of names) {
    const words = chunk.split(/\s+/);
    if (words.every((word) => POST_NOMINALS.has(word))) continue;
    // "Mr D Wells from the Audit Commission" is still a name line.
    const bare = chunk.replace(/\s+(?:from|of|representing)\s+(?:the\s+)?[A-Z].*$/, '');
    // Particles start some surnames in lower case: "del Gallego", "de Lacey", "ab Iago".
    if (
      !new RegExp(
        `^(?:${HON}\\.?\\s+)?(?:(?:[A-Z\\u00C0-\\u00DE][\\p{L}'’.\\-]*|(?:de|del|della|van|von|der|den|le|la|du|di|da|ab|ap|mac|ó|ní|ni|o)(?=\\s))\\s*){1,6}$`,
        'u',
      ).test(bare)
    )
      return false;
    if (isHonorific(words[0]!)) honorifics++;
  }
  // Bare surnames ("Heyde, Marr and Nicita") only where a list of names is continued from the line before.
  return honorifics > 0 || continuesList || names.every((chunk) => chunk.split(/\s+/).length >= 2);
}

/**
 * The names at the start of text that runs on ("Councillor Ash in respect of ...", "Cllr Ash With the absence of
 * ..."): up to the first lower-case word that joins no names, without a capitalised word that starts the sentence.
 */
function namesBeforeSentence(text: string): string {
  const words = text.split(' ');
  let end = words.findIndex((word, index) => index > 0 && /^[a-z]/.test(word) && !/^(?:and|de|del|della|van|von|der|den|le|la|du|di|da|ab|ap)$/.test(word));
  if (end === -1) end = words.length;
  const sentence = sentenceStart(words.slice(0, end + 1));
  if (sentence > 0 && sentence < end) end = sentence;
  else if (end > 1 && /^(?:With|The|This|It|In|As|At|On|Also|But|However|Following|After|Due)$/.test(words[end - 1]!)) end--;
  return words
    .slice(0, end)
    .join(' ')
    .replace(/[.,;\s]+$/, '');
}

function readApologies(lines: Line[], paras: Paragraph[], meeting: MeetingRecord, issues: ImportIssue[]): void {
  const pattern =
    /\bapolog(?:y|ies)(?:\s+for\s+(?:absence|lateness))?(?:\s+and\s+(?:request\s+for\s+)?leave\s+of\s+absence)?\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:received|reported|submitted|given|tendered|intimated|noted|made)?\s*(?:from|by|on\s+behalf\s+of)\s+(?:the\s+following(?:\s+(?:Members?|Councillors?|Committee\s+Members?))?\s*)?[:\-–]*\s*(.*)$/i;
  for (const para of paras) {
    if (LABEL.test(para.text)) continue;
    const match = pattern.exec(core(para.text));
    if (!match) continue;
    let rest = match[1]!.replace(/[.\s]+$/, '');
    // Text run on after the names ("Cllr Ash With the absence of ..."): the names end where a sentence starts.
    if (!looksLikeNameLine(rest)) rest = namesBeforeSentence(rest);
    if (rest) {
      const found = namesWithLines([{ no: para.from, text: rest }], false);
      if (found.length === 0) issues.push({ severity: 'warning', line: para.from, message: `Apologies printed but no names read: "${clip(rest)}"` });
      for (const entry of found) addAttendance(meeting, entry.name, entry.role, 'apologies', entry.line, issues);
      continue;
    }
    // "... apologies from the following Members:" then one name (or list) per line, possibly with blank lines.
    const following: Line[] = [];
    for (const line of lines) {
      if (line.no <= para.to || !line.text) continue;
      if (!looksLikeNameLine(line.text)) break;
      following.push(line);
    }
    if (following.length === 0) {
      issues.push({ severity: 'warning', line: para.from, message: 'Apologies announced but no names followed' });
    }
    for (const entry of namesWithLines(following, false)) {
      addAttendance(meeting, entry.name, entry.role, 'apologies', entry.line, issues);
    }
  }
}

/**
 * "Mr X was present as a substitute for Mr Y" printed inside a minute. Not "in place of": in a minute that is how a
 * change of membership is recorded ("noted the appointment of Mr X in place of Mr Y"), not a substitution.
 */
function readSubstituteSentences(paras: Paragraph[], meeting: MeetingRecord): void {
  const pattern = new RegExp(
    `(${NAME})\\s+(?:was\\s+present|attended|was\\s+in\\s+attendance)?\\s*(?:as\\s+(?:a\\s+)?substitute\\s+for|substituted\\s+for)\\s+(${NAME})`,
    'g',
  );
  for (const para of paras) {
    for (const match of para.text.matchAll(pattern)) {
      const who = parsePrintedName(match[1]!);
      const forWhom = parsePrintedName(match[2]!);
      if (!who || !forWhom) continue;
      const existing = meeting.attendance.find((entry) => entry.name.printed === who.printed && entry.status !== 'apologies');
      if (existing) {
        existing.status = 'substitute';
        existing.substituteFor = forWhom;
        continue;
      }
      meeting.attendance.push({ name: who, status: 'substitute', officer: false, substituteFor: forWhom, lineFrom: para.from, lineTo: para.to });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Minutes

interface MinuteBody {
  minute: MinuteRecord;
  lines: Line[];
  paragraphs: Paragraph[];
}

function readMinutes(lines: Line[], meeting: MeetingRecord, issues: ImportIssue[]): MinuteBody[] {
  const bodies: MinuteBody[] = [];
  let exempt = false;
  let sectionParagraphs: number[] = [];
  let current: MinuteBody | undefined;
  let previousNumber: number | undefined;
  // After a minute excluding the press and public, the rest of the meeting is exempt.
  let exemptFromNext: number[] | undefined;

  const close = (): void => {
    if (!current) return;
    finishMinute(current);
    const text = current.minute.text;
    if (
      !current.minute.exempt &&
      /(?:public\s+be\s+excluded|exclu(?:de|sion\s+of)\s+(?:the\s+)?(?:press\s+and\s+)?public)/i.test(`${current.minute.title}\n${text}`)
    ) {
      exemptFromNext = schedule12AParagraphs(`${current.minute.title}\n${text}`);
    }
    current = undefined;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const section = line.text ? SECTION.exec(line.text) : null;
    if (section) {
      close();
      exempt = Boolean(section[2]) || section[3] === 'II' || section[3] === '2';
      sectionParagraphs = [];
      continue;
    }
    const heading = line.text ? readHeading(line.text) : undefined;
    const number = heading?.sequence;
    const accepted =
      heading &&
      number !== undefined &&
      (previousNumber === undefined ||
        number === previousNumber + 1 ||
        // A skipped number (a minute left out of the paper) is accepted only for a short, title-like line.
        (number > previousNumber + 1 && number <= previousNumber + 3 && line.text.length < 150 && !/[,;]$/.test(line.text)));
    if (heading && accepted) {
      close();
      if (previousNumber !== undefined && number! !== previousNumber + 1) {
        issues.push({ severity: 'warning', line: line.no, message: `Minute ${number} follows minute ${previousNumber}: numbers skipped` });
      }
      previousNumber = number!;
      let title = heading.title.trim();
      let agendaItemNumber: string | undefined = heading.agendaItemNumber;
      const suffix = ITEM_SUFFIX.exec(title);
      if (suffix) {
        agendaItemNumber = suffix[1]!;
        title = title.slice(0, suffix.index).trim();
      }
      let lineTo = line.no;
      if (!agendaItemNumber) {
        // "(Item 5)" on the next non-empty line.
        let next = index + 1;
        while (next < lines.length && !lines[next]!.text) next++;
        const item = next < lines.length ? ITEM_LINE.exec(lines[next]!.text) : null;
        if (item) {
          agendaItemNumber = item[1]!;
          lineTo = lines[next]!.no;
          index = next;
        }
      }
      const isExempt = exempt || exemptFromNext !== undefined;
      current = {
        minute: {
          number: heading.number,
          title: title.replace(/\s+/g, ' '),
          ...(agendaItemNumber ? { agendaItemNumber } : {}),
          text: '',
          exempt: isExempt,
          exemptParagraphs: isExempt ? (sectionParagraphs.length ? sectionParagraphs : (exemptFromNext ?? [])) : [],
          resolutions: [],
          motions: [],
          lineFrom: line.no,
          lineTo,
        },
        lines: [],
        paragraphs: [],
      };
      bodies.push(current);
      meeting.minutes.push(current.minute);
      continue;
    }
    if (current) {
      current.lines.push(line);
    } else if (line.text) {
      // Text between a section marker and the first minute in it: the exclusion resolution, usually.
      const paragraphsHere = schedule12AParagraphs(line.text);
      if (paragraphsHere.length) sectionParagraphs = paragraphsHere;
      else if (!/^[^a-z]+$/.test(line.text)) {
        issues.push({ severity: 'warning', line: line.no, message: `Text outside any minute: "${clip(line.text)}"` });
      }
    }
  }
  close();
  return bodies;
}

function finishMinute(body: MinuteBody): void {
  const { minute } = body;
  minute.text = joinText(body.lines);
  const lastLine = [...body.lines].reverse().find((line) => line.text);
  if (lastLine) minute.lineTo = Math.max(minute.lineTo, lastLine.no);
  body.paragraphs = paragraphs(body.lines);

  if (minute.exempt) {
    const own = schedule12AParagraphs(minute.text);
    if (own.length) minute.exemptParagraphs = own;
  }

  const approved = approvedMinutesDate(minute);
  if (approved) minute.approvesMinutesOf = approved;

  if (/\bapplication\b/i.test(minute.title) || APPLICATION_REF.exec(minute.title)?.index === 0) {
    const reference = APPLICATION_REF.exec(minute.title);
    if (reference) minute.applicationReference = reference[1]!;
  }
}

function schedule12AParagraphs(text: string): number[] {
  const match = SCHEDULE_12A.exec(text.replace(/\s+/g, ' '));
  if (!match) {
    const short = /\bexempt\b[^.]*?\bparagraphs?\s+((?:\d+\s*(?:,|&|and)\s*)*\d+)\b/i.exec(text);
    if (!short) return [];
    return numbersIn(short[1]!);
  }
  return numbersIn(match[1]!);
}

function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d+/g)].map((match) => Number(match[0]));
}

/** The date of the earlier meeting whose minutes this minute approves ("... held on 17 February 2011 ... correct record"). */
function approvedMinutesDate(minute: MinuteRecord): string | undefined {
  const all = `${minute.title}\n${minute.text}`;
  if (!/correct(?:ly)?\s+record|\bapproved\b|\bconfirmed\b|\bsigned\b|\bagreed\s+as\b/i.test(all)) return undefined;
  const held = /\bminutes\s+of\s+(?:the\s+)?(?:[^.\n]{0,80}?\s)?meetings?\s+(?:of\s+[^.\n]{0,80}?\s)?held\s+on\s+([^\n]{0,60})/i.exec(all);
  if (held) {
    const date = parseFirstDate(held[1]!);
    if (date) return date;
  }
  if (/^minutes\b/i.test(minute.title)) return parseFirstDate(minute.title);
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Resolutions and motions

/** "The Minutes of the meeting held on 6 May were approved and signed as a correct record.", "The Chair signed the minutes ... as a true record." */
const MINUTES_APPROVED =
  /^(?:The\s+)?(?:(?:Chairman|Chair|Mayor|Provost|Cathaoirleach)\s+signed\s+the\s+minutes\b|minutes\b[^.]{0,160}\b(?:were|was)\s+(?:approved|confirmed|agreed|signed)\b).{0,200}\b(?:correct|true|accurate)\s+record\b/i;

/** "on the motion of Councillor A, seconded by Councillor B," printed after RESOLVED. */
const ON_THE_MOTION_CLAUSE = /^on\s+the\s+motion\s+of\s+[^,]{2,80},\s*(?:and\s+)?seconded\s+by\s+[^,]{2,80},?\s*/i;

function readResolutions(paras: Paragraph[]): ResolutionRecord[] {
  const result: ResolutionRecord[] = [];
  for (let index = 0; index < paras.length; index++) {
    const para = paras[index]!;
    const match = RESOLVED.exec(core(para.text)) ?? midSentenceResolution(core(para.text));
    if (!match) {
      // Approving the minutes of the last meeting is a decision even when no RESOLVED is printed.
      const text = core(para.text);
      if (MINUTES_APPROVED.test(text)) result.push({ text, unanimous: false, lineFrom: para.from, lineTo: para.to });
      continue;
    }
    const unanimous = Boolean(match[1] || match[2] || match[3]);
    // "RESOLVED ON THE MOTION OF Cllr A, seconded by Cllr B," then "THAT ...": the motion clause is not the resolution.
    const intro = match[4]!
      .replace(ON_THE_MOTION_CLAUSE, '')
      .replace(/^that\b\s*[:\-–]*\s*/i, '')
      .trim();
    const parts: string[] = intro ? [intro] : [];
    let to = para.to;
    // Sub-parts ((i), (a), and (1) unless it starts a new paragraph of the minute) belong to the resolution only when
    // it introduced a list ("Resolved that:", "as follows:"): after a complete resolution a lettered line is the next
    // sub-heading of the minute ("(b) Improvement Efficiency South East Award").
    const introducesList = /[:\-–]\s*$/.test(match[4]!) || !intro;
    while (introducesList && index + 1 < paras.length) {
      const next = paras[index + 1]!;
      // "(1)" paragraphs belong to a resolution that introduced them with a colon ("resolved by 6 votes to:").
      const isPart =
        SUBPART.test(next.text) ||
        (NUMBERED.test(next.text) && !RESOLVED.test(core(next.text)) && !/^[-•*]/.test(next.text) && (parts.length === 0 || /:\s*$/.test(match[4]!)));
      if (!isPart) break;
      parts.push(next.text.replace(BULLET, '').trim());
      to = next.to;
      index++;
    }
    // "RESOLVED:" alone on its line, the resolution in the next paragraph ("That the minutes ... be approved").
    if (parts.length === 0 && !intro && index + 1 < paras.length && /^That\b/i.test(core(paras[index + 1]!.text))) {
      index++;
      parts.push(core(paras[index]!.text).replace(/^that\b\s*[:\-–]*\s*/i, ''));
      to = paras[index]!.to;
    }
    const text = parts.join('\n').trim();
    if (!text) continue;
    result.push({ text, unanimous, lineFrom: para.from, lineTo: to });
  }
  return result.length > 0 ? result : closingDecisions(paras);
}

const CLOSING_DECISION = /^\(?\d{1,2}[.)]\s+That\b/;
/** A web page's unfilled template placeholders ("{sidenav}{content}") printed after the text. */
const TEMPLATE_DEBRIS = /\{[a-z_]+\}/i;

/**
 * A minute that prints no RESOLVED but ends, after the debate, with its decisions as numbered "That ..." paragraphs
 * ("1. That the report be noted."): those paragraphs are the resolution. Numbered points followed by more prose (an
 * introduction's list of points) are not.
 */
function closingDecisions(paras: Paragraph[]): ResolutionRecord[] {
  let end = paras.length;
  while (end > 0 && TEMPLATE_DEBRIS.test(paras[end - 1]!.text)) end--;
  let start = end;
  while (start > 0 && CLOSING_DECISION.test(paras[start - 1]!.text)) start--;
  if (start === end || start === 0) return [];
  const closing = paras.slice(start, end);
  const text = closing.map((para) => para.text.replace(/^\(?\d{1,2}[.)]\s+/, '').replace(/^that\b\s*/i, '')).join('\n');
  return [{ text, unanimous: false, lineFrom: closing[0]!.from, lineTo: closing[closing.length - 1]!.to }];
}

/**
 * "The Committee considered the report and RESOLVED on a vote of 5 to 2 to agree ...": RESOLVED in capitals inside a
 * sentence, read as if it began the paragraph. Returns a match shaped like RESOLVED's.
 */
function midSentenceResolution(text: string): RegExpExecArray | null {
  const index = text.search(/\bRESOLVED\b/);
  if (index > 0) return RESOLVED.exec(text.slice(index));
  // "..., the Committee resolved by 6 votes to 2 to:" introducing the numbered decisions.
  const lower = /\bresolved\b(?=[^.]*:\s*$)/.exec(text);
  return lower ? RESOLVED.exec(`Resolved${text.slice(lower.index + 'resolved'.length)}`) : null;
}

function readMotions(paras: Paragraph[], meeting: MeetingRecord, issues: ImportIssue[]): MotionRecord[] {
  const result: MotionRecord[] = [];
  const moverFirst = new RegExp(`^(?:It\\s+was\\s+)?(${PERSON})\\s+(?:moved|proposed)\\b(?:\\s+and|,)?\\s*(?:(${PERSON})\\s+seconded\\b)?(.*)$`);
  // "proposed by Mr X" alone is often just a reference to a motion ("the Motion being proposed by Mr Cooke was ..."),
  // so without a seconder the by-form counts only at the start of a paragraph.
  const byForm = new RegExp(`\\b(?:moved|proposed)\\s+by\\s+(${PERSON}),?\\s+(?:and\\s+)?seconded\\s+by\\s+(${PERSON})\\b(.*)$`);
  const byFormAlone = new RegExp(`^(?:[Ii]t\\s+was\\s+)?(?:moved|proposed)\\s+by\\s+(${PERSON})\\b()(.*)$`);
  const laterSeconder = new RegExp(`\\bseconded\\s+by\\s+(${PERSON})`);
  // "RESOLVED ON THE MOTION OF COUNCILLOR A, seconded by COUNCILLOR B, THAT ...".
  const onTheMotion = new RegExp(`\\b[Oo]n\\s+the\\s+motion\\s+of\\s+(${PERSON}),?\\s+(?:and\\s+)?seconded\\s+by\\s+(${PERSON})\\b,?(.*)$`);
  // "Councillor A, seconded by Councillor B, proposed that ...": the seconder named between the mover and the verb.
  const seconderBetween = new RegExp(`^(${PERSON}),?\\s+seconded\\s+by\\s+(${PERSON}),?\\s+(?:moved|proposed)\\b(.*)$`);
  for (let index = 0; index < paras.length; index++) {
    const para = paras[index]!;
    const text = core(para.text)
      .replace(/\bON THE MOTION OF\b/g, 'on the motion of')
      .replace(/\bSECONDED BY\b/g, 'seconded by')
      .replace(/\bCOUNCILLOR(S?)\b/g, 'Councillor$1')
      .replace(/\bCLLR\b/g, 'Cllr');
    const match = seconderBetween.exec(text) ?? moverFirst.exec(text) ?? byForm.exec(text) ?? onTheMotion.exec(text) ?? byFormAlone.exec(text);
    if (!match) {
      if (/\bmoved\b/i.test(text) && /\bseconded\b/i.test(text)) {
        issues.push({ severity: 'warning', line: para.from, message: `A motion was printed but its mover and seconder could not be read: "${clip(text)}"` });
      }
      continue;
    }
    const mover = person(match[1]!, meeting);
    let seconderText = match[2];
    let rest = match[3] ?? '';
    if (!seconderText) {
      const later = laterSeconder.exec(rest);
      if (later) {
        seconderText = later[1]!;
        rest = rest.slice(0, later.index) + rest.slice(later.index + later[0].length);
      }
    }
    const seconder = seconderText ? person(seconderText, meeting) : undefined;
    if (!seconder && /\bseconded\b/i.test(rest)) {
      issues.push({ severity: 'warning', line: para.from, message: `A motion was printed but its seconder could not be read: "${clip(text)}"` });
    }
    let motionText = rest
      .replace(/^[\s,:;\-–]+/, '')
      .replace(/^and\b\s*/i, '')
      .replace(/[\s:;,\-–]+$/, '')
      .replace(/\.$/, '')
      .trim();
    let to = para.to;
    // The motion printed as a quotation in the next paragraph.
    const next = paras[index + 1];
    if (next && /^["“‘']/.test(core(next.text)) && (!motionText || /[:]\s*$/.test(rest))) {
      motionText = unquote(core(next.text));
      to = next.to;
    }
    result.push({
      ...(motionText ? { text: motionText } : {}),
      ...(mover ? { mover } : {}),
      ...(seconder ? { seconder } : {}),
      lineFrom: para.from,
      lineTo: to,
    });
  }
  return result;
}

function unquote(text: string): string {
  return text
    .replace(/^["“‘']\s*/, '')
    .replace(/\s*["”’']\.?$/, '')
    .trim();
}

/** A name, or "the Chairman" / "the Vice Chairman" resolved through the roles printed in the attendance. */
function person(text: string, meeting: MeetingRecord): PrintedName | undefined {
  if (new RegExp(`^${ROLE_REF}$`).test(text.trim())) {
    const wanted = normaliseRole(text.replace(/^the\s+/i, ''));
    const holder = meeting.attendance.find((entry) => entry.role && normaliseRole(entry.role) === wanted && entry.status !== 'apologies');
    return holder?.name;
  }
  return parsePrintedName(text);
}

function normaliseRole(role: string): string {
  return role
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/^(vice)?chair(man|woman|person)?$/, (_whole, vice: string | undefined) => `${vice ?? ''}chair`);
}

// ---------------------------------------------------------------------------------------------------------------
// Recorded votes

function readVotes(body: MinuteBody, issues: ImportIssue[]): VoteEvent[] {
  const events: VoteEvent[] = [];
  const lines = body.lines.filter((line) => line.text);
  const number = body.minute.number;
  for (let index = 0; index < lines.length; index++) {
    const first = OPTION_LINE.exec(lines[index]!.text);
    const inline = countsOnOneLine(lines[index]!.text);
    if (!first && !inline) continue;

    const event: VoteEvent = {
      forCount: 0,
      againstCount: 0,
      abstainCount: 0,
      result: '',
      votes: [],
      lineFrom: lines[index]!.no,
      lineTo: lines[index]!.no,
      minuteNumber: number,
    };
    const named: Record<'for' | 'against' | 'abstain', { count: number; names: number; line: number } | undefined> = {
      for: undefined,
      against: undefined,
      abstain: undefined,
    };

    if (inline) {
      event.forCount = inline.for;
      event.againstCount = inline.against;
      event.abstainCount = inline.abstain;
    } else {
      while (index < lines.length) {
        const option = OPTION_LINE.exec(lines[index]!.text);
        if (!option) break;
        const which = optionOf(option[1]!);
        const count = Number(option[2] ?? option[3] ?? option[4]);
        const optionLine = lines[index]!.no;
        const nameLines: Line[] = option[5]?.trim() ? [{ no: optionLine, text: option[5].trim() }] : [];
        while (
          index + 1 < lines.length &&
          !OPTION_LINE.test(lines[index + 1]!.text) &&
          !RESULT_LINE.test(lines[index + 1]!.text) &&
          looksLikeNameLine(lines[index + 1]!.text)
        ) {
          index++;
          nameLines.push(lines[index]!);
        }
        const names = namesWithLines(nameLines, false);
        for (const entry of names) event.votes.push({ name: entry.name, option: which } satisfies VoteRecord);
        if (which === 'for') event.forCount = count;
        else if (which === 'against') event.againstCount = count;
        else event.abstainCount = count;
        named[which] = { count, names: names.length, line: optionLine };
        event.lineTo = nameLines.length ? nameLines[nameLines.length - 1]!.no : optionLine;
        index++;
      }
      index--;
    }

    // The result: on the next line or two ("Carried"), or in a sentence ("the motion was lost").
    for (let look = index + 1; look < Math.min(lines.length, index + 3); look++) {
      const text = lines[look]!.text;
      const result = RESULT_LINE.exec(text) ?? /\b(?:motion|amendment|recommendation)\s+was\s+(carried|lost|defeated|agreed|rejected)\b/i.exec(text);
      if (result) {
        event.result = capitalise(result[1]!);
        event.lineTo = lines[look]!.no;
        break;
      }
    }
    if (!event.result) issues.push({ severity: 'warning', line: event.lineFrom, message: `Recorded vote in minute ${number} without a printed result` });

    const anyNamed = Object.values(named).some((entry) => entry && entry.names > 0);
    if (anyNamed) {
      for (const [option, entry] of Object.entries(named)) {
        if (entry && entry.names !== entry.count) {
          issues.push({
            severity: 'warning',
            line: entry.line,
            message: `Recorded vote in minute ${number}: "${option}" printed as ${entry.count} but ${entry.names} names are listed`,
          });
        }
      }
    }
    attachMotion(event, body);
    events.push(event);
  }

  // Votes reported in prose: "the motion was carried by 10 votes to 3, with 2 abstentions".
  for (const para of body.paragraphs) {
    const match = PROSE_VOTE.exec(para.text);
    if (!match) continue;
    const abstain = match[4]
      ? /^\d+$/.test(match[4])
        ? Number(match[4])
        : (({ no: 0, one: 1, two: 2, three: 3 } as Record<string, number>)[match[4].toLowerCase()] ?? 0)
      : 0;
    const event: VoteEvent = {
      forCount: Number(match[2]),
      againstCount: Number(match[3]),
      abstainCount: abstain,
      result: capitalise(match[1]!),
      votes: [],
      lineFrom: para.from,
      lineTo: para.to,
      minuteNumber: number,
    };
    attachMotion(event, body);
    events.push(event);
  }
  readProseVotes(body, events);
  readUncountedLists(body, events);
  return events;
}

/** "FOR: Councillors" / "Ash, Birch and Cedar" / "AGAINST: Nil": named lists without printed counts. */
const NAMED_OPTION = /^(For|Against|Abstain(?:ed|ing)?|Abstentions?)\s*:\s*(.*)$/i;
const NOBODY = /^(?:nil|none|no\s*one|nobody)\.?$/i;

/**
 * Recorded votes printed as lists of names under each option without counts: each count is the number of names, and
 * "Nil" is none. Without a printed result, a vote recorded under a resolution of the same minute carried it.
 */
function readUncountedLists(body: MinuteBody, events: VoteEvent[]): void {
  const lines = body.lines.filter((line) => line.text);
  const listStart = (text: string) => {
    const match = NAMED_OPTION.exec(text);
    if (!match || OPTION_LINE.test(text)) return undefined;
    const rest = match[2]!.trim();
    const names = rest.replace(/^(?:Councillors?|Cllrs?\.?)\s*/i, '');
    if (rest && !NOBODY.test(rest) && names && !looksLikeNameLine(names, true)) return undefined;
    const nobody = NOBODY.test(rest);
    return { option: optionOf(match[1]!.replace(/^abst\w*/i, 'abstain')), rest: nobody ? '' : names, nobody };
  };
  for (let index = 0; index < lines.length; index++) {
    if (!listStart(lines[index]!.text)) continue;
    const event: VoteEvent = {
      forCount: 0,
      againstCount: 0,
      abstainCount: 0,
      result: '',
      votes: [],
      lineFrom: lines[index]!.no,
      lineTo: lines[index]!.no,
      minuteNumber: body.minute.number,
    };
    for (let start = listStart(lines[index]!.text); start; start = index < lines.length ? listStart(lines[index]!.text) : undefined) {
      const nameLines: Line[] = start.rest ? [{ no: lines[index]!.no, text: start.rest }] : [];
      event.lineTo = lines[index]!.no;
      while (
        !start.nobody &&
        index + 1 < lines.length &&
        !NAMED_OPTION.test(lines[index + 1]!.text) &&
        !RESULT_LINE.test(lines[index + 1]!.text) &&
        looksLikeNameLine(lines[index + 1]!.text, true)
      ) {
        index++;
        nameLines.push(lines[index]!);
        event.lineTo = lines[index]!.no;
      }
      const names = namesWithLines(nameLines, false);
      for (const entry of names) event.votes.push({ name: entry.name, option: start.option });
      if (start.option === 'for') event.forCount = names.length;
      else if (start.option === 'against') event.againstCount = names.length;
      else event.abstainCount = names.length;
      index++;
    }
    index--;
    const result = lines
      .slice(index + 1, index + 3)
      .map((line) => RESULT_LINE.exec(line.text))
      .find(Boolean);
    if (result) event.result = capitalise(result[1]!);
    else if (body.minute.resolutions.some((resolution) => resolution.lineFrom <= event.lineFrom)) event.result = 'Carried';
    attachMotion(event, body);
    events.push(event);
  }
}

const WORD_NUMBERS: Record<string, number> = { no: 0, none: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** "on a vote of 5 to 2 with 1 abstention", "by 6 votes for and 2 abstentions", "by 6 votes to 4". */
const PROSE_COUNTS =
  /\b(?:on\s+a\s+vote\s+of\s+(\d+)\s+(?:votes?\s+)?to\s+(\d+)|by\s+(\d+)\s+votes?(?:\s+for)?(?:\s+to\s+(\d+)(?:\s+against)?)?)(?:,?\s+(?:and|with)\s+(\d+|no|one|two|three|four|five)\s+abstentions?)?/i;
/** "Councillors A, B and C voted FOR the motion (9);", "Councillor D abstained from voting." */
const PROSE_NAMED =
  /^(?:(?:County\s+)?Councillors?|Cllrs?\.?)\s+(.+?)\s+(?:voted\s+(for|against|in\s+favour)(?:\s+of)?(?:\s+the\s+(?:motion|amendment|resolution|recommendation|proposal))?|(abstained)(?:\s+from\s+(?:voting|the\s+vote))?)\s*(?:\((\d+)\))?\s*[;.,]?\s*$/i;
const PROSE_RESULT =
  /\b(?:motion|amendment|recommendation|resolution|proposal)\s+was\s+(?:therefore\s+)?(?:declared\s+)?(carried|lost|defeated|rejected|agreed)\b/i;

/**
 * Votes recorded in sentences: counts in prose ("RESOLVED on a vote of 5 to 2 with 1 abstention") and named lists
 * ("Councillors A and B voted against the resolution."), which together are one vote event. A count printed after a
 * list is checked against its names.
 */
function readProseVotes(body: MinuteBody, events: VoteEvent[]): void {
  let event: VoteEvent | undefined;
  const number = body.minute.number;
  const fresh = (para: Paragraph): VoteEvent => {
    const created: VoteEvent = {
      forCount: 0,
      againstCount: 0,
      abstainCount: 0,
      result: '',
      votes: [],
      lineFrom: para.from,
      lineTo: para.to,
      minuteNumber: number,
    };
    attachMotion(created, body);
    events.push(created);
    return created;
  };
  let counted = false;
  for (const para of body.paragraphs) {
    const text = core(para.text);
    const counts = PROSE_VOTE.test(text) ? null : PROSE_COUNTS.exec(text);
    // "approved on a 5-2 vote": the American tally in prose.
    const tally = counts || PROSE_VOTE.test(text) ? undefined : voteTally(text);
    if (tally) {
      event = fresh(para);
      counted = true;
      event.forCount = tally.for;
      event.againstCount = tally.against;
      event.abstainCount = tally.abstain;
      const passed = /\b(?:approved|adopted|passed|carried|resolved|agreed)\b/i.exec(text);
      const failed = /\b(?:failed|defeated|rejected|lost)\b/i.exec(text);
      if (failed) event.result = 'Lost';
      else if (passed) event.result = 'Carried';
      continue;
    }
    if (counts) {
      event = fresh(para);
      counted = true;
      event.forCount = Number(counts[1] ?? counts[3]);
      event.againstCount = Number(counts[2] ?? counts[4] ?? 0);
      const abstain = counts[5];
      event.abstainCount = abstain === undefined ? 0 : /^\d+$/.test(abstain) ? Number(abstain) : (WORD_NUMBERS[abstain.toLowerCase()] ?? 0);
      if (/\bresolved\b|\bagreed\b/i.test(text)) event.result = 'Carried';
      continue;
    }
    const named = PROSE_NAMED.exec(text);
    if (named) {
      if (!event) {
        event = fresh(para);
        counted = false;
      }
      const option: VoteRecord['option'] = named[3] ? 'abstain' : /^against$/i.test(named[2]!) ? 'against' : 'for';
      const names = splitNameList(named[1]!.replace(/^(?:Councillors?|Cllrs?\.?)\s+/, ''));
      for (const entry of names) event.votes.push({ name: entry.name, option });
      if (!counted) {
        const count = named[4] ? Number(named[4]) : names.length;
        if (option === 'for') event.forCount = count;
        else if (option === 'against') event.againstCount = count;
        else event.abstainCount = count;
      }
      event.lineTo = Math.max(event.lineTo, para.to);
      continue;
    }
    const result = event && !event.result ? PROSE_RESULT.exec(text) : null;
    if (event && result) {
      event.result = capitalise(result[1]!);
      event.lineTo = Math.max(event.lineTo, para.to);
    }
  }
}

function optionOf(word: string): 'for' | 'against' | 'abstain' {
  const lower = word.toLowerCase();
  if (lower === 'for') return 'for';
  if (lower === 'against') return 'against';
  return 'abstain';
}

function countsOnOneLine(text: string): { for: number; against: number; abstain: number } | undefined {
  const forMatch = /\bFor\s*[:(\-–]?\s*(\d+)\)?/i.exec(text);
  const againstMatch = /\bAgainst\s*[:(\-–]?\s*(\d+)\)?/i.exec(text);
  if (!forMatch || !againstMatch || !/^\s*For\b/i.test(text)) return undefined;
  const abstainMatch = /\bAbst\w*\s*[:(\-–]?\s*(\d+)\)?/i.exec(text);
  return { for: Number(forMatch[1]), against: Number(againstMatch[1]), abstain: abstainMatch ? Number(abstainMatch[1]) : 0 };
}

/** The vote is on the last motion moved before it in the same minute. */
function attachMotion(event: VoteEvent, body: MinuteBody): void {
  const motion = [...body.minute.motions].reverse().find((candidate) => candidate.lineFrom < event.lineFrom);
  if (!motion) return;
  if (motion.text) event.motionText = motion.text;
  if (motion.mover) event.mover = motion.mover;
  if (motion.seconder) event.seconder = motion.seconder;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Declarations of interest

const INTEREST_ROW = new RegExp(
  `(${NAME})\\s+((?:[Pp]ersonal\\s+and\\s+)?(?:[Pp]ersonal|[Pp]rejudicial|[Dd]isclosable\\s+[Pp]ecuniary|[Pp]ecuniary|[Nn]on-[Pp]ecuniary))\\s+[Ii]nterests?\\s+in\\s+(?:[Aa]genda\\s+)?[Ii]tem\\s+([A-Z]?\\d+[a-z]?)\\b`,
  'g',
);

function readDeclarations(body: MinuteBody, meeting: MeetingRecord, issues: ImportIssue[]): void {
  const lead = new RegExp(`^(${NAMES})\\s+(.*)$`);
  // A table of declarations, one row a line: "Item 4b – Mr A Ash (Financial)".
  const row = new RegExp(`^(?:Agenda\\s+)?Item\\s+([A-Z]?\\d+[a-z]*(?:\\.\\d+)?)\\s*[–—-]\\s*(${NAMES})\\s*\\(([^)]{2,40})\\)\\.?$`);
  for (const para of body.paragraphs) {
    const text = core(para.text);
    const tabled = row.exec(text);
    if (tabled) {
      const printedKind = tabled[3]!.trim().toLowerCase();
      const kind = KIND_WORDS.find(([pattern]) => pattern.test(printedKind))?.[1] ?? printedKind;
      for (const entry of splitNameList(tabled[2]!)) {
        meeting.declarations.push({
          name: entry.name,
          kind,
          agendaItemNumber: tabled[1]!,
          minuteNumber: body.minute.number,
          reason: '',
          lineFrom: para.from,
          lineTo: para.to,
        });
      }
      continue;
    }
    // Rows of a table of interests run into one paragraph: "Cllr Ash Personal interest in item 4 (Report) as ...".
    const rows = [...text.matchAll(INTEREST_ROW)];
    if (rows.length > 0 && !/\bdeclared\b/i.test(text)) {
      for (const row of rows) {
        const kindWord = row[2]!.toLowerCase().replace(/\s+/g, ' ');
        const kind = KIND_WORDS.find(([pattern]) => pattern.test(kindWord))?.[1] ?? kindWord;
        const name = parsePrintedName(row[1]!);
        if (name)
          meeting.declarations.push({
            name,
            kind,
            agendaItemNumber: row[3]!,
            minuteNumber: body.minute.number,
            reason: '',
            lineFrom: para.from,
            lineTo: para.to,
          });
      }
      continue;
    }
    const named = lead.exec(text);
    const declared =
      named &&
      /^(?:also\s+)?(?:declared|made|gave|disclosed|registered)\s+(?:an?\s+)?(?:declaration\s+of\s+(?:an?\s+)?)?((?:personal\s+and\s+prejudicial|prejudicial|personal|disclosable\s+pecuniary|pecuniary|non-pecuniary|other\s+significant|other\s+registrable|significant|private|other)\s+)?interests?\b(.*)$/i.exec(
        named[2]!,
      );
    if (named && declared) {
      const kindWord = (declared[1] ?? '').trim().replace(/\s+/g, ' ');
      // A kind of another code ("non-pecuniary", "other registrable") is kept as printed, as in a table of interests.
      const kind = KIND_WORDS.find(([pattern]) => pattern.test(kindWord))?.[1] ?? (kindWord.toLowerCase() || 'other');
      const { item, itemTitle, reason } = declarationDetails(declared[2]!);
      const target = targetMinute(meeting, item, itemTitle);
      const agendaItemNumber = item ?? (target ? undefined : body.minute.agendaItemNumber);
      for (const entry of splitNameList(named[1]!)) {
        meeting.declarations.push({
          name: entry.name,
          kind,
          ...(agendaItemNumber ? { agendaItemNumber } : {}),
          minuteNumber: target?.number ?? body.minute.number,
          reason,
          lineFrom: para.from,
          lineTo: para.to,
        } satisfies DeclarationRecord);
      }
      continue;
    }
    // Not an interest, but worth keeping: a member who also sits on another council saying they come with a fresh mind.
    if (named && /\b(?:fresh|open)\s+mind\b|\bpre-?determin/i.test(text)) {
      const statement =
        /^(?:also\s+)?(?:informed|advised|told|reminded|stated|said|indicated|explained|declared)(?:\s+(?:to\s+)?(?:the\s+)?(?:Committee|Council|meeting|Panel|Board|Members|Cabinet))?(?:\s+for\s+the\s+record)?\s+that\s+(.*)$/i.exec(
          named[2]!,
        );
      const reason = firstSentence(statement ? statement[1]! : named[2]!);
      for (const entry of splitNameList(named[1]!)) {
        meeting.declarations.push({
          name: entry.name,
          kind: 'other',
          ...(body.minute.agendaItemNumber ? { agendaItemNumber: body.minute.agendaItemNumber } : {}),
          minuteNumber: body.minute.number,
          reason,
          lineFrom: para.from,
          lineTo: para.to,
        });
      }
      continue;
    }
    if (/\bdeclar\w*\b/i.test(text) && /\binterests?\b/i.test(text) && !/\bno\s+(?:declarations|interests)\b|\bnone\b|\breminded\b/i.test(text)) {
      issues.push({ severity: 'warning', line: para.from, message: `A declaration of interest could not be read: "${clip(text)}"` });
    }
  }
}

function declarationDetails(rest: string): { item?: string; itemTitle?: string; reason: string } {
  let remaining = rest.trim();
  let item: string | undefined;
  let itemTitle: string | undefined;
  const itemMatch =
    /^(?:in|on|regarding|in\s+relation\s+to|in\s+respect\s+of|relating\s+to)\s+(?:agenda\s+)?(?:item|minute)\s+(?:No\.?\s*)?([A-Z]{0,2}\d+[a-z]?)\b/i.exec(
      remaining,
    );
  if (itemMatch) {
    item = itemMatch[1]!;
    remaining = remaining.slice(itemMatch[0].length).trim();
    const bracket = bracketed(remaining);
    if (bracket) {
      itemTitle = bracket.inner;
      remaining = remaining.slice(bracket.end).trim();
    }
  }
  const because = /^(?:[,;]?\s*(?:as|because|since|in\s+that|due\s+to|owing\s+to|being)\b\s*)(.*)$/i.exec(remaining.replace(/^,\s*/, ', '));
  const reason = (because ? because[1]! : remaining.replace(/^[,;:\s]+/, '')).replace(/[.\s]+$/, '').trim();
  return { ...(item ? { item } : {}), ...(itemTitle ? { itemTitle } : {}), reason };
}

/** The bracketed text at the start of `text`, allowing brackets nested inside it. */
function bracketed(text: string): { inner: string; end: number } | undefined {
  if (!text.startsWith('(')) return undefined;
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')') {
      depth--;
      if (depth === 0) return { inner: text.slice(1, index).trim(), end: index + 1 };
    }
  }
  return undefined;
}

/**
 * The minute recording the item a declaration names. Agenda item numbers and minute numbers differ, so the
 * bracketed title is the better guide; an item number only counts when the minutes print "(Item N)".
 */
function targetMinute(meeting: MeetingRecord, item: string | undefined, itemTitle: string | undefined): MinuteRecord | undefined {
  if (itemTitle) {
    const wanted = comparable(itemTitle);
    const byTitle =
      meeting.minutes.find((minute) => comparable(minute.title) === wanted) ??
      meeting.minutes.find((minute) => wanted.length >= 12 && (comparable(minute.title).startsWith(wanted) || wanted.startsWith(comparable(minute.title))));
    if (byTitle) return byTitle;
  }
  if (item) return meeting.minutes.find((minute) => minute.agendaItemNumber === item);
  return undefined;
}

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function firstSentence(text: string): string {
  const end = /\.(?:\s+[A-Z]|\s*$)/.exec(text);
  return (end ? text.slice(0, end.index) : text).replace(/[.\s]+$/, '').trim();
}

function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}
