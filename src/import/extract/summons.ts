/**
 * The front sheet of an agenda pack: which body meets, when and where, and the agenda as printed.
 * "Please attend the Annual Meeting of the County Council in the Council Chamber, ... on Thursday, 12 May 2011 at
 * 10.00 am ... The meeting is scheduled to end by 4.30 pm." then "A G E N D A" and numbered items with page ranges.
 */
import type { AgendaItemRecord, MeetingKind, MeetingRecord, OfficerMention, Segment } from '../types.ts';
import { parsePrintedName } from '../../domain/person-name.ts';
import { sentenceStart } from '../recognise/flattened-text.ts';
import { plainText } from '../segment.ts';
import { CLOCK_TIME_SOURCE, findLongDate, matchLongDate, parseClockTime } from './dates.ts';

const AGENDA_HEADING = /^(?:A\s+G\s+E\s+N\s+D\s+A|AGENDA)$/i;
/** "5.", "5", "A4", "C1", "Item 5:" followed by the title. */
const ITEM_LINE = /^(?:[-*]\s+)?(?:Item\s+)?([A-Z]?\d{1,3}[a-z]?)(?:\.(?!\d)|:|\)|\s)\s*(\S.*)$/;
/** "(1 - 6)", "(21-86)", "(7)", "Pages 1 - 6", or a tab-separated page column at the end of the title. */
const PAGE_RANGE =
  /(?:\s*\((?:pages?\s+)?(\d+)(?:\s*[-–]\s*(\d+))?\)|\s*\t\s*(?:pages?\s+)?(\d+)(?:\s*[-–]\s*(\d+))?|\s+pages?\s+(\d+)(?:\s*[-–]\s*(\d+))?)\s*$/i;

const KINDS: Array<[RegExp, MeetingKind]> = [
  [/\bannual\b/i, 'annual'],
  [/\bextraordinary\b/i, 'extraordinary'],
  [/\bspecial\b/i, 'special'],
  [/\bordinary\b/i, 'ordinary'],
];

function titleCase(text: string): string {
  if (/[a-z]/.test(text)) return text;
  return text
    .toLowerCase()
    .replace(/\b([a-z])/g, (letter) => letter.toUpperCase())
    .replace(/\b(And|Of|The|For)\b/g, (word) => word.toLowerCase());
}

/** A page range printed bare after an ALL-CAPS title, the page column of a layout run into one line: "MINUTES 3 - 28". */
const BARE_RANGE = /\s+(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?$/;

function pagesOf(title: string): { title: string; pageFrom?: number; pageTo?: number } {
  const match = PAGE_RANGE.exec(title);
  if (!match) {
    const bare = /[A-Z]{3}/.test(title) && !/[a-z]/.test(title) ? BARE_RANGE.exec(title) : null;
    if (bare) return { title: title.slice(0, bare.index).trim(), pageFrom: Number(bare[1]), pageTo: Number(bare[2] ?? bare[1]) };
    return { title: title.trim() };
  }
  const from = Number(match[1] ?? match[3] ?? match[5]);
  const to = Number(match[2] ?? match[4] ?? match[6] ?? from);
  return { title: title.slice(0, match.index).trim(), pageFrom: from, pageTo: to };
}

/** Schedule 12A paragraphs printed with an exempt marker: "(Exempt – paragraphs 3 and 5)". */
function exemptParagraphsOf(text: string): number[] {
  const match = /\bparagraphs?\s+([\d,\s&and]+)/i.exec(text);
  if (!match) return [];
  return [...match[1]!.matchAll(/\d+/g)].map((number) => Number(number[0]));
}

function isExemptMarker(text: string): boolean {
  return /\bexempt\b|\bnot for publication\b|\bconfidential\b/i.test(text) && !/\bunrestricted\b/i.test(text);
}

/** A section heading in the agenda ("EXEMPT ITEMS", "Part 2 – Items to be considered in private"). */
function sectionExemption(text: string): boolean | undefined {
  if (/\bunrestricted\b|\bpart\s*(?:1|i|a)\b|\bopen\b/i.test(text)) return false;
  if (/\bexempt\b|\bprivate\b|\brestricted\b|\bpart\s*(?:2|ii|b)\b|exclusion of (?:the )?press/i.test(text)) return true;
  return undefined;
}

function isSectionHeading(text: string): boolean {
  return text.length <= 100 && /[A-Z]{3}/.test(text) && !/[a-z]/.test(text);
}

/** Signature and contact lines that follow the agenda: a name, a job title, a phone number. */
function isContactLine(text: string): boolean {
  return /@|\b0\d{3,4}\s?\d{5,7}\b|^(?:Ext|Tel)\b/i.test(text);
}

export function extractAgendaItems(segment: Segment): AgendaItemRecord[] {
  const lines = segment.lines.map(plainText);
  const headingIndex = lines.findIndex((line) => AGENDA_HEADING.test(line));
  if (headingIndex === -1) return [];
  const items: AgendaItemRecord[] = [];
  let current: AgendaItemRecord | undefined;
  let exemptSection = false;
  let blankRun = 0;
  let sawBlankSinceItem = false;
  for (let index = headingIndex + 1; index < lines.length; index++) {
    const text = lines[index]!;
    const lineNumber = segment.lineFrom + index;
    if (text === '') {
      blankRun++;
      sawBlankSinceItem = true;
      continue;
    }
    const match = ITEM_LINE.exec(text);
    // Two blank lines then something that is not an item: the agenda has ended (signature, notes).
    if (blankRun >= 2 && !match && items.length > 0) break;
    blankRun = 0;
    if (match) {
      const expected = current ? Number(/\d+/.exec(current.number)?.[0]) + 1 : undefined;
      const number = Number(/\d+/.exec(match[1]!)?.[0]);
      // A numbered description line ("2. Cabinet ...") is not an item unless it continues the numbering.
      if (!current || expected === undefined || /[A-Z]/.test(match[1]!) || (number >= expected && number <= expected + 5)) {
        const { title, pageFrom, pageTo } = pagesOf(match[2]!);
        const exempt = exemptSection || isExemptMarker(title);
        current = {
          number: match[1]!,
          title,
          ...(pageFrom !== undefined ? { pageFrom, pageTo: pageTo ?? pageFrom } : {}),
          exempt,
          exemptParagraphs: exempt ? exemptParagraphsOf(title) : [],
          lineFrom: lineNumber,
          lineTo: lineNumber,
        };
        items.push(current);
        sawBlankSinceItem = false;
        continue;
      }
    }
    if (isSectionHeading(text)) {
      const exemption = sectionExemption(text);
      if (exemption !== undefined) exemptSection = exemption;
      continue;
    }
    if (!current || isContactLine(text)) {
      if (current) break;
      continue;
    }
    // A title wrapped onto the next line ends with the page range the first line lacked.
    if (!sawBlankSinceItem && current.pageFrom === undefined && !current.description && PAGE_RANGE.test(text)) {
      const { title, pageFrom, pageTo } = pagesOf(`${current.title} ${text}`);
      current.title = title;
      if (pageFrom !== undefined) {
        current.pageFrom = pageFrom;
        current.pageTo = pageTo ?? pageFrom;
      }
      current.lineTo = lineNumber;
      continue;
    }
    // A page number printed inside the item's text: the page column of a layout run into one line ("... Page 5 ...").
    const page = !current.description && current.pageFrom === undefined ? /\bPage\s+(\d{1,4})\b/.exec(text) : null;
    if (page) {
      current.pageFrom = Number(page[1]);
      current.pageTo = current.pageFrom;
    }
    current.description = current.description ? `${current.description}\n${text}` : text;
    current.lineTo = lineNumber;
    if (isExemptMarker(text) && !current.exempt) {
      current.exempt = true;
      current.exemptParagraphs = exemptParagraphsOf(text);
    }
  }
  return items;
}

/**
 * A front sheet of labelled lines: the body on the line above "Date:", then "Time:" and "Venue:" ("Cabinet" /
 * "Date: Monday 3 May 2021" / "Time: 10.00 am" / "Venue: Council Chamber, County Hall, Norwich").
 */
function frontSheet(front: string[], head: string[]): { bodyName?: string; startTime?: string; location?: string } {
  const result: { bodyName?: string; startTime?: string; location?: string } = {};
  const dateAt = front.findIndex((line) => /^Date\s*:/i.test(line) && findLongDate(line));
  if (dateAt > 0) {
    const above = front.slice(0, dateAt).filter((line) => line.trim() !== '');
    const body = above[above.length - 1]?.trim();
    if (body && body.length <= 100 && /^[A-Z]/.test(body) && !/[.:;]$/.test(body) && !findLongDate(body)) result.bodyName = body;
  }
  for (const line of head) {
    const time = new RegExp(`^Time\\s*:\\s*(${CLOCK_TIME_SOURCE})`, 'i').exec(line);
    if (time && !result.startTime) {
      const parsed = parseClockTime(time[1]!);
      if (parsed) result.startTime = parsed;
    }
    const venue = /^(?:Venue|VENUE|Place)\s*:?\s+(\S.*)$/.exec(line);
    if (venue && !result.location) result.location = placeOf(venue[1]!);
  }
  return result;
}

/**
 * A place printed in text that runs on: it ends with its postcode, or where a sentence starts ("Council Chamber,
 * County Hall, Norwich Persons attending the meeting ..." -> "Council Chamber, County Hall, Norwich").
 */
export function placeOf(text: string): string {
  const postcode = /\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b/.exec(text);
  if (postcode) return text.slice(0, postcode.index + postcode[0].length).trim();
  const words = text.trim().split(/\s+/);
  const start = sentenceStart(words);
  return (start > 0 ? words.slice(0, start).join(' ') : text).replace(/[\s,.;]+$/, '').trim();
}

/** Officers a front sheet names: the contact for the meeting, and the signatory ("Jane Smith, Chief Executive"). */
function officersNamed(lines: string[], firstLine: number): OfficerMention[] {
  const found: OfficerMention[] = [];
  const name = "((?:(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+)?[A-Z][a-z]+(?:\\s+[A-Z]\\.?)?\\s+[A-Z][a-z'’\\-]+)";
  const contact = new RegExp(`\\bcontact\\s*:?\\s+${name},\\s+([A-Z][A-Za-z ]{2,40}?)(?:,|\\s+Tel\\b|$)`);
  const signatory = new RegExp(
    `${name},?\\s+(Chief\\s+Executive|Head\\s+of\\s+(?:Legal\\s+and\\s+)?Democratic\\s+Services|Monitoring\\s+Officer|Proper\\s+Officer|Town\\s+Clerk|Clerk\\s+to\\s+the\\s+(?:Council|Committee))\\b`,
  );
  lines.forEach((line, index) => {
    for (const pattern of [contact, signatory]) {
      const match = pattern.exec(line);
      const printed = match ? parsePrintedName(match[1]!) : undefined;
      if (!match || !printed || found.some((officer) => officer.name.printed === printed.printed)) continue;
      found.push({ name: printed, jobTitle: match[2]!.trim(), lineFrom: firstLine + index, lineTo: firstLine + index });
    }
  });
  return found;
}

export function extractSummons(segment: Segment): { meeting: MeetingRecord } {
  const lines = segment.lines.map(plainText);
  const joined = lines.join(' ');
  // The invitation sentence carries everything: body, kind, place, date, time.
  // Converted PDFs wrap the invitation over several lines: search paragraphs, not lines.
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  for (const line of [...lines, '']) {
    if (line === '') {
      if (paragraph.length) paragraphs.push(paragraph.join(' '));
      paragraph = [];
    } else {
      paragraph.push(line);
    }
  }
  const invitation = paragraphs.find((text) => /\battend\b.*\bmeeting\b/i.test(text) && findLongDate(text)) ?? '';
  const agendaAt = lines.findIndex((line) => AGENDA_HEADING.test(line));
  const front = lines.slice(0, agendaAt === -1 ? Math.min(lines.length, 30) : agendaAt);

  const placed =
    /\bmeeting\s+of\s+(?:the\s+)?(.+?)\s+(?:to\s+be\s+held\s+)?(?:in|at)\s+(?:the\s+)?(.+?),?\s+on\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\d)/i.exec(
      invitation,
    );
  const bodyMatch = placed ?? /\bmeeting\s+of\s+(?:the\s+)?(.+?)(?:\s+(?:to\s+be\s+held|in|at|on)\b|[.,]|$)/i.exec(invitation || front.join(' '));
  const toAll = front.map((line) => /^To:\s*(?:All\s+)?(?:Members|Councillors)\s+of\s+(?:the\s+)?(.+)$/i.exec(line)?.[1]).find(Boolean);
  const labelled = frontSheet(front, lines.slice(0, 80));
  const bodyName = titleCase((bodyMatch?.[1] ?? toAll ?? labelled.bodyName ?? '').trim().replace(/[.,]$/, ''));
  if (!bodyName) throw new Error(`Summons at line ${segment.lineFrom}: no body name found ("a meeting of ..." or "To: All Members of ...")`);

  const date = (invitation && findLongDate(invitation)) || front.map((line) => findLongDate(line)).find(Boolean);
  if (!date) throw new Error(`Summons at line ${segment.lineFrom}: no meeting date found`);

  const kindText = /\b(annual|extraordinary|special|ordinary)\s+(?:general\s+)?(?:council\s+)?meeting\b/i.exec(invitation || front.join(' '))?.[0] ?? '';
  const kind = KINDS.find(([pattern]) => pattern.test(kindText))?.[1];

  let startTime: string | undefined;
  const dateMatch = matchLongDate(invitation);
  if (dateMatch) {
    const after = invitation.slice(dateMatch.index + dateMatch.text.length);
    const time = new RegExp(`^[\\s,]*(?:at|commencing at|starting at|from)?\\s*(${CLOCK_TIME_SOURCE})`, 'i').exec(after);
    if (time) startTime = parseClockTime(time[1]!);
  }
  startTime ??= labelled.startTime;
  startTime ??= front
    .map((line) => new RegExp(`\\bat\\s+(${CLOCK_TIME_SOURCE})`, 'i').exec(line)?.[1])
    .filter(Boolean)
    .map((t) => parseClockTime(t!))[0];
  const endText = new RegExp(`\\b(?:end|finish|close|conclude)\\s+(?:by|at|no later than)\\s+(${CLOCK_TIME_SOURCE})`, 'i').exec(joined)?.[1];
  const endTime = endText ? parseClockTime(endText) : undefined;

  const location = labelled.location ?? placed?.[2]?.trim();
  const officers = officersNamed(lines.slice(0, 80), segment.lineFrom);

  const agendaItems = extractAgendaItems(segment);
  return {
    meeting: {
      bodyName,
      date,
      ...(startTime ? { startTime } : {}),
      ...(endTime ? { endTime } : {}),
      ...(location ? { location } : {}),
      ...(kind ? { kind } : {}),
      ...(officers.length ? { officers } : {}),
      agendaItems,
      attendance: [],
      declarations: [],
      minutes: [],
      voteEvents: [],
      questions: [],
      lineFrom: segment.lineFrom,
      lineTo: segment.lineTo,
    },
  };
}
