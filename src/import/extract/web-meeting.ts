/**
 * A meeting as council web systems publish it (ModernGov "Agenda and minutes" and issue pages, CMIS and others of the
 * same shape): a page header naming the meeting ("Planning Committee - Thursday, 2nd August, 2018 7.30 pm"),
 * "Venue:" and "Contact:" lines, then the items, each a number on its own line ("16.", "1/19") or before its title,
 * the title (with document links such as "pdf icon PDF 176 KB"), the agenda text, and the record under "Decision:"
 * and "Minutes:". Site chrome (menus, "View directions", "Additional documents:", webcast links) is dropped.
 *
 * The paper's kind is decided by what is found: with a "Minutes:" or "Decision:" record under its items it holds
 * minutes; otherwise it is an agenda. Pure: lines in, records out; never throws on odd input.
 */
import type { AgendaItemRecord, ImportIssue, MeetingRecord, MinuteRecord } from '../types.ts';
import { plainText } from '../segment.ts';
import { findMeetingHeading } from '../recognise/meeting-heading.ts';
import { readMinuteTexts, type MinuteText } from './minutes.ts';
import { readContact } from '../recognise/officer-contact.ts';
import { parsePrintedName } from '../../domain/person-name.ts';

export interface WebMeeting {
  meeting: MeetingRecord;
  /** Whether the items carry a record of what was decided (minutes), not only the agenda. */
  hasMinutes: boolean;
  issues: ImportIssue[];
}

/** "16.", "1/19", "C/45", "12(a)", "4b": an item number alone on its line. */
const NUMBER_ALONE = /^((?:[A-Z]{1,4}\/)?\d{1,4}(?:\/\d{1,4})*[a-z]?(?:\([a-z]{1,3}\))?)\.?$/;
/** A document link printed after a title: "pdf icon PDF 176 KB", "PDF 3 MB". */
const DOCUMENT_LINK = /\s*(?:pdf icon\s*)?PDF\s+[\d.]+\s*[KM]B\b.*$/i;
const RECORD_MARKER = /^(Minutes|Decision|Decisions|Minute|Record of decision)\s*:\s*(.*)$/i;
const CHROME =
  /^(?:Additional documents:|Webcast(?:\s+for\b.*|:.*)?|Media|Items|(?:No\.?|Number)\s+Item|Attendance details|View the webcast|•.*|Audio recording\b.*)$/i;

/** An item number run into its title, as a table's cells lose their separator: "12Minutes of the last meeting". */
const GLUED = /^(\d{1,4})([A-Z][a-z'’].*)$/;
/** A page reference printed in a title: "(page 798 onwards)", "(pages 5 to 9)". */
const TITLE_PAGES = /\(\s*(?:[^()]*,\s*)?pages?\s+(\d{1,4})(?:\s*(?:to|-|–)\s*(\d{1,4}))?[^()]*\)/i;

/** "Jane Smith, Strategic Director & Monitoring Officer; introduced the report". */
const PRESENTER =
  /^((?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z'’\-]+(?:\s+[A-Z]\.?)?\s+[A-Z][A-Za-z'’\-]+),\s+([A-Z][^;,.]{2,80}?)[;,]?\s+(?:introduced|presented)\s+the\s+report\b/;

/** A title: starts with a capital, short, not a sentence (no full stop at its end). */
const UNNUMBERED_TITLE = /^[A-Z][^.]{1,88}[^.:;,]$/;

function cleanTitle(text: string): string {
  return text
    .replace(DOCUMENT_LINK, '')
    .replace(/\s+View\s+(?:Papers|documents)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Venue: Council Chamber, Town Hall. View directions" -> "Council Chamber, Town Hall". */
export function venueOf(text: string): string | undefined {
  const match = /^(?:Venue|Location|Place)\s*:\s*(.+)$/i.exec(text);
  if (!match) return undefined;
  const venue = match[1]!
    .replace(/\.?\s*View directions\.?$/i, '')
    .replace(/\s*\.$/, '')
    .trim();
  return venue || undefined;
}

function emptyMeeting(lineFrom: number, lineTo: number): MeetingRecord {
  return { bodyName: '', date: '', lineFrom, lineTo, agendaItems: [], attendance: [], declarations: [], minutes: [], voteEvents: [], questions: [] };
}

interface Item {
  number: string;
  title: string;
  titleLine: number;
  lineFrom: number;
  description: Array<{ no: number; text: string }>;
  record: Array<{ no: number; text: string }>;
  /** Records printed before the last one (a "Decision:" before the "Minutes:"). */
  earlier: Array<Array<{ no: number; text: string }>>;
  hasRecord: boolean;
}

/**
 * Reads a web meeting page. Returns undefined when the lines do not have its shape: no page header naming a body and
 * date near the top, or neither a "Venue:" line nor numbered items with records.
 */
export function extractWebMeeting(lines: string[], firstLine = 1): WebMeeting | undefined {
  const plain = lines.map((line) => plainText(line).replace(/^[•·]\s*/, (bullet) => bullet));
  const heading = findMeetingHeading(plain, firstLine);
  if (!heading) return undefined;
  const issues: ImportIssue[] = [];
  const meeting = emptyMeeting(firstLine, firstLine + lines.length - 1);
  meeting.bodyName = heading.bodyName;
  meeting.date = heading.date;
  if (heading.startTime) meeting.startTime = heading.startTime;
  if (heading.kind) meeting.kind = heading.kind;

  const items: Item[] = [];
  let unnumbered = false;
  let current: Item | undefined;
  let inRecord = false;
  let sawVenue = false;
  let sawItemsHeading = false;
  let numbered = false;
  let blankRun = 0;
  const start = heading.lineTo - firstLine + 1;
  for (let index = start; index < plain.length; index++) {
    const text = plain[index]!.trim();
    const no = firstLine + index;
    if (!text) {
      blankRun++;
      if (current && inRecord) current.record.push({ no, text: '' });
      continue;
    }
    const blanksBefore = blankRun;
    blankRun = 0;
    const venue = venueOf(text);
    if (venue && !current) {
      meeting.location = venue;
      sawVenue = true;
      continue;
    }
    // Read from the line as printed: two spaces end a contact's name before the job title.
    const contact = readContact(
      lines[index]!.replace(/\u00a0/g, ' ')
        .replace(/\*+/g, '')
        .trim(),
    );
    if (contact) {
      meeting.officers ??= [];
      if (!meeting.officers.some((officer) => officer.name.printed === contact.name.printed)) meeting.officers.push({ ...contact, lineFrom: no, lineTo: no });
      if (!current) continue;
    }
    if (/^(?:(?:No\.?|Number)\s+Item|Items)$/i.test(text)) sawItemsHeading = true;
    if (CHROME.test(text) || /^Contact\s*:/i.test(text)) continue;
    // A table's number and title cells run together: "12Minutes of the last meeting".
    const glued = !current || numbered ? (sawItemsHeading ? GLUED.exec(text) : null) : null;
    if (glued) {
      numbered = true;
      current = { number: glued[1]!, title: cleanTitle(glued[2]!), titleLine: no, lineFrom: no, description: [], record: [], earlier: [], hasRecord: false };
      items.push(current);
      inRecord = false;
      continue;
    }
    const alone = NUMBER_ALONE.exec(text);
    if (alone) numbered = true;
    // A page whose list lost its numbers: each item's title follows two blank lines, a short line, no sentence.
    if (!alone && !numbered && sawItemsHeading && blanksBefore >= 2 && UNNUMBERED_TITLE.test(text) && !RECORD_MARKER.test(text)) {
      current = {
        number: String(items.length + 1),
        title: cleanTitle(text),
        titleLine: no,
        lineFrom: no,
        description: [],
        record: [],
        earlier: [],
        hasRecord: false,
      };
      items.push(current);
      inRecord = false;
      unnumbered = true;
      continue;
    }
    const inline = !alone && heading.itemNumber ? new RegExp(`^(${heading.itemNumber.replace(/[^\w]/g, '')})\\.?\\s+(\\S.*)$`).exec(text) : null;
    if (alone || (inline && items.length === 0)) {
      // The title is the next non-blank line (or the rest of this one).
      let title = inline ? inline[2]! : '';
      let titleIndex = index;
      if (!inline) {
        titleIndex = index + 1;
        while (titleIndex < plain.length && !plain[titleIndex]!.trim()) titleIndex++;
        title = plain[titleIndex]?.trim() ?? '';
        if (!title || NUMBER_ALONE.test(title) || RECORD_MARKER.test(title)) continue;
      }
      current = {
        number: (alone ?? inline)![1]!,
        title: cleanTitle(title),
        titleLine: firstLine + titleIndex,
        lineFrom: no,
        description: [],
        record: [],
        earlier: [],
        hasRecord: false,
      };
      items.push(current);
      inRecord = false;
      index = titleIndex;
      continue;
    }
    if (!current && heading.itemNumber && items.length === 0 && !venueOf(text)) {
      // An issue page whose item title is printed without its number: the number is the heading's "(Item 294)".
      current = {
        number: heading.itemNumber,
        title: cleanTitle(text),
        titleLine: no,
        lineFrom: no,
        description: [],
        record: [],
        earlier: [],
        hasRecord: false,
      };
      items.push(current);
      continue;
    }
    if (!current) continue;
    const marker = RECORD_MARKER.exec(text);
    if (marker) {
      // A "Decision:" and a "Minutes:" record of one item often repeat each other: the fuller one is kept (a page cut
      // off inside its minutes keeps the decision).
      if (current.hasRecord) {
        current.earlier.push(current.record);
        current.record = [];
      }
      current.hasRecord = true;
      inRecord = true;
      if (marker[2]) current.record.push({ no, text: marker[2] });
      continue;
    }
    (inRecord ? current.record : current.description).push({ no, text });
  }

  // An issue page records what one meeting did with the item: its text is the record even without a "Minutes:" label.
  const size = (record: Array<{ text: string }>) => record.reduce((sum, line) => sum + line.text.length, 0);
  const flat = (record: Array<{ text: string }>) =>
    record
      .map((line) => line.text)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  for (const item of items) {
    for (const earlier of item.earlier) {
      const [a, b] = [flat(earlier), flat(item.record)];
      // The same record printed twice (one perhaps cut off): keep the fuller; different records: keep both.
      if (a.startsWith(b) || b.startsWith(a)) {
        if (size(earlier) > size(item.record)) item.record = earlier;
      } else item.record = [...earlier, { no: earlier[earlier.length - 1]?.no ?? item.titleLine, text: '' }, ...item.record];
    }
  }
  const hasMinutes = items.some((item) => item.hasRecord) || (heading.itemNumber !== undefined && items.length === 1 && items[0]!.description.length > 0);
  if (!sawVenue && items.length === 0) return undefined;

  // "Jane Smith, Strategic Director; introduced the report": an officer presenting an item.
  plain.forEach((line, index) => {
    const presenter = PRESENTER.exec(line.trim());
    const name = presenter ? parsePrintedName(presenter[1]!) : undefined;
    if (!presenter || !name) return;
    meeting.officers ??= [];
    if (!meeting.officers.some((officer) => officer.name.printed === name.printed)) {
      meeting.officers.push({ name, jobTitle: presenter[2]!.trim(), lineFrom: firstLine + index, lineTo: firstLine + index });
    }
  });
  if (unnumbered) {
    issues.push({
      severity: 'warning',
      line: items[0]!.lineFrom,
      message: `the ${items.length} items are printed without numbers; they are numbered in the order printed`,
    });
  }
  for (const item of items) {
    const lineTo = Math.max(item.titleLine, ...[...item.description, ...item.record].filter((line) => line.text).map((line) => line.no));
    const description = item.description.map((line) => line.text).join('\n');
    const pages = TITLE_PAGES.exec(item.title);
    const agendaItem: AgendaItemRecord = {
      number: item.number,
      title: item.title,
      ...(pages ? { pageFrom: Number(pages[1]), pageTo: Number(pages[2] ?? pages[1]) } : {}),
      ...(description ? { description } : {}),
      exempt: false,
      exemptParagraphs: [],
      lineFrom: item.lineFrom,
      lineTo,
    };
    meeting.agendaItems.push(agendaItem);
  }
  if (hasMinutes) {
    const minutes: MinuteText[] = items.map((item) => ({
      minute: {
        number: item.number,
        title: item.title,
        agendaItemNumber: item.number,
        text: '',
        exempt: false,
        exemptParagraphs: [],
        resolutions: [],
        motions: [],
        lineFrom: item.lineFrom,
        lineTo: item.titleLine,
      } satisfies MinuteRecord,
      lines: item.record.length ? item.record : item.description,
    }));
    readMinuteTexts(minutes, meeting, issues);
    markExemptAfterExclusion(meeting.minutes);
  }
  return { meeting, hasMinutes, issues };
}

/** After a minute excluding the press and public, the rest of the meeting is exempt (Schedule 12A, LGA 1972 s100A(4)). */
function markExemptAfterExclusion(minutes: MinuteRecord[]): void {
  let paragraphs: number[] | undefined;
  for (const minute of minutes) {
    if (paragraphs) {
      minute.exempt = true;
      minute.exemptParagraphs = paragraphs;
      continue;
    }
    if (/public\s+be\s+excluded|exclu(?:de|sion\s+of)\s+(?:the\s+)?(?:press\s+and\s+)?public/i.test(minute.text)) {
      const match = /paragraphs?\s+((?:\d+[a-z]?\s*(?:,|&|and)\s*)*\d+)[^.]*?Schedule\s*12\s*A/i.exec(minute.text.replace(/\s+/g, ' '));
      if (match) paragraphs = [...match[1]!.matchAll(/\d+/g)].map((number) => Number(number[0]));
    }
  }
}
