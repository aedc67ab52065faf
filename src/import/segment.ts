/**
 * Splits a council paper (often a whole agenda pack) into its papers and says what each one is.
 * Works from the shapes papers are printed in (report headers, "MINUTES of a meeting of", "Question by X to",
 * "Cabinet portfolio:", blank-page separators), never from line numbers, so other councils' packs of the same
 * shapes split the same way. Classification only: the extractors read the contents.
 */
import type { Segment, SegmentKind } from './types.ts';
import { findLongDate, matchLongDate } from './extract/dates.ts';
import { opensWithCallToOrder } from './extract/roll-call-minutes.ts';

/** A line without Windows line endings, byte-order marks, non-breaking spaces or trailing blanks. */
export function cleanLine(line: string): string {
  // trimEnd, not .replace(/\s+$/, ''): that regex is quadratic on a long run of blanks followed by text (a 60,000-tab line took seconds).
  return line
    .replace(/^\uFEFF/, '')
    .replace(/\r/g, '')
    .replace(/\u00A0/g, ' ')
    .trimEnd();
}

/**
 * A line as plain text for matching: markdown emphasis, headings and links removed. Converted PDFs run headings together
 * with "**" between them ("MEETING**Thursday 12 May 2011"), so emphasis between two words becomes a space.
 */
/**
 * Every extractor reads lines as plain text, many of them the same lines: kept, so each line is cleaned once. Cleared
 * when large, so a long import does not hold every line it has seen.
 */
const plainTexts = new Map<string, string>();

export function plainText(line: string): string {
  let text = plainTexts.get(line);
  if (text === undefined) {
    text = toPlainText(line);
    if (plainTexts.size >= 50_000) plainTexts.clear();
    plainTexts.set(line, text);
  }
  return text;
}

function toPlainText(line: string): string {
  return cleanLine(line)
    .replace(/\[([^\]]*)\]\((?:mailto:|https?:)[^)]*\)/g, '$1')
    .replace(/([A-Za-z0-9])\*+(?=[A-Za-z0-9])/g, '$1 ')
    .replace(/\*+/g, '')
    .replace(/^\s*#+\s+/, '')
    .replace(/[ \t]+/g, (space) => (space.includes('\t') ? '\t' : ' '))
    .trim();
}

export function isBlank(line: string | undefined): boolean {
  if (line === undefined) return true;
  const text = plainText(line);
  return text === '' || /^[-–—_\s\t]*$/.test(text);
}

const SEPARATOR = /^this page (?:is )?(?:has been )?intentionally left blank\.?$/i;
/**
 * The opening of minutes: "MINUTES of a meeting of X held ...", "Minutes of Meeting of the X held ...", "Minutes of the
 * County Council Meeting held ...", "MINUTES OF General Meeting" (the body named before "Meeting").
 */
const MINUTES_START =
  /^MINUTES\s+of\s+(?:(?:a|an|the)\s+)?(?:\w+\s+)?meeting\s+of\b|^Minutes\s+of\s+(?:the\s+)?[A-Z][\w'’&,\- ]{2,80}?\s+Meeting\b(?:\s+held\b|\s*$)/i;
/** The Scottish opening: "Edinburgh, 20 December 2007 - At a meeting of the City Council." (capital "At": a heading, not a sentence). */
export const AT_A_MEETING = /(?:^|[-–—]\s+)At\s+a\s+meeting\s+of\s+(?:the\s+|The\s+)?[A-Z]/;
const QUESTION_START = /(?:^|\s)Questions?\s+(?:by|from)\s+\S/i;
const REPORT_HEADER = /^(By|To|From|Report\s+(?:by|of)|Subject|Date):/i;
const CALL_IN_ANCHOR = /^(?:Cabinet\s+)?portfolio:/i;
const TRACKING_TITLE = /\btracking\s+sheet\b/i;
const AGENDA_HEADING = /^(?:A\s+G\s+E\s+N\s+D\s+A|AGENDA)$/i;
const SUMMONS_START = /^(?:Summons\s+to\b|NOTICE\s+OF\s+(?:THE\s+)?MEETING\b)/i;

/** A heading printed above a body's minutes: "KENT COUNTY COUNCIL", "GOVERNANCE AND AUDIT COMMITTEE". */
function isCapitalHeading(text: string): boolean {
  return text.length > 0 && text.length <= 120 && /[A-Z]{3}/.test(text) && !/[a-z]/.test(text);
}

/** A line that can only be a date heading: "Thursday 12 May 2011". */
function isDateLine(text: string): boolean {
  const date = findLongDate(text);
  return date !== undefined && text.length <= 40;
}

interface Anchor {
  /** 0-based index of the first line of the paper. */
  start: number;
  kind: SegmentKind;
}

/** Walks back from `from` over blank lines and lines accepted by `accept`; returns the earliest accepted line. */
function headingStart(plain: string[], from: number, floor: number, accept: (text: string) => boolean, maxLines: number): number {
  let start = from;
  let taken = 0;
  for (let index = from - 1; index >= floor && taken < maxLines; index--) {
    const text = plain[index]!;
    if (text === '') continue;
    if (!accept(text)) break;
    start = index;
    taken++;
  }
  return start;
}

/** The title block of a call-in: the non-blank lines just above "Cabinet portfolio:". */
function titleBlockStart(plain: string[], anchor: number, floor: number): number {
  let index = anchor - 1;
  while (index >= floor && plain[index] === '') index--;
  let start = anchor;
  let taken = 0;
  while (index >= floor && plain[index] !== '' && taken < 4) {
    start = index;
    index--;
    taken++;
  }
  return start;
}

function findAnchors(plain: string[]): Anchor[] {
  const anchors: Anchor[] = [];
  for (let index = 0; index < plain.length; index++) {
    const text = plain[index]!;
    if (text === '') continue;
    if (
      MINUTES_START.test(text) ||
      (AT_A_MEETING.test(text) && findLongDate(text) !== undefined) ||
      (/\bcalled\b/i.test(text) && opensWithCallToOrder(plain.slice(Math.max(0, index - 3), index + 1).join(' ')))
    ) {
      anchors.push({ start: headingStart(plain, index, 0, isCapitalHeading, 3), kind: 'minutes' });
    } else if (QUESTION_START.test(text) && !/^[(\d]/.test(text) && text.length < 400 && /\bto\b/i.test(text + ' ' + (plain[index + 1] ?? ''))) {
      const heading = (line: string) => isDateLine(line) || /\bMEETING\b/.test(line) || isCapitalHeading(line);
      anchors.push({ start: headingStart(plain, index, 0, heading, 3), kind: 'questions' });
    } else if (/^Subject:/i.test(text)) {
      // The header block (By / To / Subject, in any order) starts at its first header line.
      let start = index;
      for (let back = index - 1; back >= Math.max(0, index - 12); back--) {
        const line = plain[back]!;
        if (/^Subject:/i.test(line) || SEPARATOR.test(line)) break;
        if (REPORT_HEADER.test(line)) start = back;
      }
      const header = plain.slice(start, index + 1).join('\n');
      if (start < index && /^(By|To|From|Report\s+(?:by|of)):/im.test(header)) anchors.push({ start, kind: 'report' });
    } else if (CALL_IN_ANCHOR.test(text)) {
      anchors.push({ start: titleBlockStart(plain, index, 0), kind: 'call-in' });
    } else if (TRACKING_TITLE.test(text) && text.length < 200) {
      anchors.push({ start: index, kind: 'tracking-sheet' });
    } else if (SUMMONS_START.test(text)) {
      anchors.push({ start: index, kind: 'summons' });
    }
  }
  return anchors;
}

/** What an unheaded stretch of text is (the first paper of a pack, or one that follows a blank page). */
function classifyByContent(plain: string[]): SegmentKind {
  const text = plain.join('\n');
  if (plain.some((line) => AGENDA_HEADING.test(line)) || plain.some((line) => SUMMONS_START.test(line))) return 'summons';
  if (plain.some((line) => TRACKING_TITLE.test(line)) || /^Item\tDate of meeting\t.*\bStatus\b/im.test(text)) return 'tracking-sheet';
  if (/^Ref\tActions\b/im.test(text)) return 'improvement-plan';
  // A performance dashboard (indicator definitions) is printed as part of an improvement plan's appendices.
  if (plain.slice(0, 5).some((line) => /\bdashboard\b/i.test(line)) && (text.match(/^Definition:/gim)?.length ?? 0) >= 2) return 'improvement-plan';
  if (/^BASIC ALLOWANCE\b/m.test(text) && /SPECIAL RESPONSIBILITY ALLOWANCE/i.test(text)) return 'allowances-scheme';
  // Other councils' schemes: a basic allowance and special responsibility allowances, in any case and layout.
  if (/\bbasic allowance\b/i.test(text) && /\bspecial responsibility allowances?\b/i.test(text) && /members['’]? allowances/i.test(text))
    return 'allowances-scheme';
  return 'other';
}

interface Draft {
  from: number; // 0-based inclusive
  to: number; // 0-based inclusive
  kind: SegmentKind;
  /** Started at a recognised header (else classified by its content). */
  anchored?: boolean;
}

/** Trims blank lines from both ends; undefined when nothing is left. */
function trimDraft(plain: string[], draft: Draft): Draft | undefined {
  let { from, to } = draft;
  while (from <= to && isBlank(plain[from])) from++;
  while (to >= from && isBlank(plain[to])) to--;
  return from <= to ? { ...draft, from, to } : undefined;
}

/** A short title-like line: a heading, not a sentence nor contact details. */
function isTitleLine(text: string): boolean {
  if (text.length > 90 || /[.;:]$/.test(text)) return false;
  if (/@|\b0\d{3,4}\s?\d{5,7}\b|^Ext\b|^Tel\b|☎|✉/i.test(text)) return false;
  return true;
}

/**
 * Documents appended to a report without a header of their own: an improvement plan with a table of contents,
 * or the allowances scheme a remuneration report asks the Council to adopt. Returns where the appendix starts.
 */
function findAppendix(plain: string[], draft: Draft): { start: number; kind: SegmentKind } | undefined {
  // Leave the report's own header and summary alone.
  for (let index = draft.from + 8; index <= draft.to; index++) {
    const text = plain[index]!;
    if (/^Contents$/i.test(text)) {
      const start = headingStart(plain, index, draft.from + 8, isTitleLine, 6);
      if (start === index) continue;
      const rest = plain.slice(start, draft.to + 1);
      const title = plain.slice(start, index).join(' ');
      const kind = /improvement plan/i.test(title) || rest.some((line) => /^Ref\tActions\b/i.test(line)) ? 'improvement-plan' : 'other';
      return { start, kind };
    }
    if (/^Members[’']? Allowances? Scheme$/i.test(text)) {
      const next = plain.slice(index + 1, index + 12).join('\n');
      if (/For the period|BASIC ALLOWANCE|Special Responsibility Allowance/i.test(next)) return { start: index, kind: 'allowances-scheme' };
    }
  }
  return undefined;
}

function reportKind(plain: string[], draft: Draft): SegmentKind {
  const subjectLine = plain.slice(draft.from, Math.min(draft.to + 1, draft.from + 15)).find((line) => /^Subject:/i.test(line)) ?? '';
  return /\burgent\b.*\bdecisions?\b|\bdecisions?\b.*\burgen(t|cy)\b/i.test(subjectLine) ? 'urgent-decisions' : 'report';
}

function titleOf(plain: string[], draft: Draft): string {
  const lines = plain.slice(draft.from, draft.to + 1);
  const first = lines.find((line) => line !== '') ?? '';
  switch (draft.kind) {
    case 'minutes': {
      const line = lines.find((candidate) => MINUTES_START.test(candidate)) ?? first;
      const body = /meeting\s+of\s+(?:the\s+)?(.+?)(?:\s+held\b|\s+on\b|,|$)/i.exec(line)?.[1] ?? 'a meeting';
      const date = matchLongDate(line)?.text;
      return `Minutes of the ${body}${date ? `, ${date}` : ''}`;
    }
    case 'questions': {
      const count = lines.filter((line) => QUESTION_START.test(line)).length;
      const date = lines.map((line) => matchLongDate(line)?.text).find(Boolean);
      return `${count} question${count === 1 ? '' : 's'} with answers${date ? `, ${date}` : ''}`;
    }
    case 'report':
    case 'urgent-decisions': {
      const subject = lines.find((line) => /^Subject:/i.test(line))?.replace(/^Subject:\s*/i, '');
      return `Report: ${subject ?? first}`;
    }
    case 'summons': {
      const date = lines
        .slice(0, 12)
        .map((line) => matchLongDate(line)?.text)
        .find(Boolean);
      return `Summons and agenda${date ? `, ${date}` : ''}`;
    }
    case 'call-in':
    case 'improvement-plan':
    case 'allowances-scheme':
    case 'tracking-sheet': {
      // A title page ends at its table of contents; otherwise the title is the first block of lines.
      const contents = lines.slice(0, 12).findIndex((line) => /^Contents$/i.test(line));
      const block = (contents > 0 ? lines.slice(0, contents) : lines.slice(0, lines.indexOf('') === -1 ? lines.length : lines.indexOf(''))).filter(
        (line) => line !== '' && !CALL_IN_ANCHOR.test(line),
      );
      return block.slice(0, 4).join(' – ').slice(0, 300);
    }
    default:
      return first.length > 100 ? `${first.slice(0, 97)}...` : first;
  }
}

/** Questions to different meetings are different papers: compare the first date printed in each heading. */
function sameMeetingDate(plain: string[], a: Draft, b: Draft): boolean {
  const dateOf = (draft: Draft) =>
    plain
      .slice(draft.from, Math.min(draft.to, draft.from + 4) + 1)
      .map((line) => findLongDate(line))
      .find(Boolean);
  const later = dateOf(b);
  return later === undefined || later === dateOf(a);
}

/**
 * Splits a document into segments. Line numbers are 1-based over the whole document; blank lines at the edges of a
 * paper and "This page is intentionally left blank" separators belong to no segment.
 */
export function segmentDocument(lines: string[]): Segment[] {
  const plain = lines.map(plainText);
  const anchors = findAnchors(plain);
  const cuts = new Map<number, SegmentKind>();
  for (const anchor of anchors) if (!cuts.has(anchor.start)) cuts.set(anchor.start, anchor.kind);

  // Cut at every anchor and drop separator lines.
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  const close = () => {
    if (current) {
      const trimmed = trimDraft(plain, current);
      if (trimmed) drafts.push(trimmed);
    }
    current = undefined;
  };
  for (let index = 0; index < plain.length; index++) {
    if (SEPARATOR.test(plain[index]!)) {
      close();
      continue;
    }
    const kind = cuts.get(index);
    if (kind !== undefined || !current) {
      close();
      current = { from: index, to: index, kind: kind ?? 'other', anchored: kind !== undefined };
    }
    current.to = index;
  }
  close();

  const result: Draft[] = [];
  for (const draft of drafts) {
    const kind = draft.anchored ? draft.kind : classifyByContent(plain.slice(draft.from, draft.to + 1));
    let pieces: Draft[] = [{ from: draft.from, to: draft.to, kind }];
    if (kind === 'report') {
      const withKind = { ...draft, kind: reportKind(plain, draft) };
      pieces = [withKind];
      const appendix = findAppendix(plain, withKind);
      if (appendix) {
        const head = trimDraft(plain, { ...withKind, to: appendix.start - 1 });
        const tail = trimDraft(plain, { from: appendix.start, to: draft.to, kind: appendix.kind });
        pieces = [head, tail].filter((piece): piece is Draft => piece !== undefined);
      }
    }
    for (const piece of pieces) {
      const previous = result[result.length - 1];
      // One paper of questions to one meeting: consecutive questions are one segment.
      if (
        piece.kind === 'questions' &&
        previous?.kind === 'questions' &&
        plain.slice(previous.to + 1, piece.from).every((line) => line === '') &&
        sameMeetingDate(plain, previous, piece)
      ) {
        previous.to = piece.to;
        continue;
      }
      result.push({ from: piece.from, to: piece.to, kind: piece.kind });
    }
  }

  return result.map((draft) => ({
    kind: draft.kind,
    title: titleOf(plain, draft),
    lineFrom: draft.from + 1,
    lineTo: draft.to + 1,
    lines: lines.slice(draft.from, draft.to + 1),
  }));
}
