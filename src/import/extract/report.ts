/**
 * A committee report: the By / To / Subject / Classification / Summary header, the recommendations, who to contact
 * and the background documents. Headers continue onto following lines ("By: A – Cabinet Member ... / B – Director"),
 * and some papers print the classification without its label ("Unrestricted") or the summary without a colon.
 */
import type { ReportRecord, Segment } from '../types.ts';
import { plainText } from '../segment.ts';
import { findLongDate, matchLongDate, parseLongDate } from './dates.ts';

const HEADER = /^(By|To|From|Subject|Classification|Summary|Date|Report\s+(?:by|of)|Key decision|Division|Electoral Divisions?|Decision No)\s*:\s*(.*)$/i;
const SECTION_LABEL =
  /^(?:Background\s+(?:documents?|papers?|information)|Other\s+Useful\s+Information|Contact(?:\s+Officer)?s?|Enquiries|Author\s+Contact\s+Details|Report\s+Author|Lead\s+Officer)\b/i;

interface Line {
  text: string;
  index: number;
}

/** Lines after a header line that continue it: non-blank, not another header. */
function continuation(lines: string[], from: number): Line[] {
  const result: Line[] = [];
  for (let index = from + 1; index < lines.length; index++) {
    const text = lines[index]!;
    if (text === '' || HEADER.test(text) || /^-{3,}$/.test(text) || /^(?:Unrestricted|Exempt\b)/i.test(text)) break;
    result.push({ text, index });
  }
  return result;
}

/** "County Council – 12 May 2011", "1. County Council 12 May 2011", "Cabinet" -> body and ISO date. */
export function parseAddressee(text: string): { bodyName: string; date?: string } | undefined {
  const bare = text.replace(/^\s*(?:\d+[.)]|[-•])\s*/, '').trim();
  if (!bare) return undefined;
  const date = matchLongDate(bare);
  const bodyName = (date ? bare.slice(0, date.index) : bare).replace(/[\s,:;–—-]+$/, '').trim();
  if (!bodyName) return undefined;
  return date ? { bodyName, date: date.iso } : { bodyName };
}

/** The first subject line, joined with the next only when the first visibly breaks off mid-phrase. */
function subjectOf(first: string, more: Line[]): string {
  let subject = first.trim();
  for (const next of more) {
    if (/(?:\b(?:and|of|for|the|to|in|on|at|by|with|from|&)|[,–-])$/i.test(subject) || /^[a-z(]/.test(next.text)) subject = `${subject} ${next.text}`;
    else break;
  }
  return subject.replace(/\s+/g, ' ').trim();
}

/** Paragraphs of a section: from `from` on, until a short line that is no sentence (a signature or a heading). */
function sectionText(lines: string[], from: number): { text: string; end: number } {
  const taken: string[] = [];
  let end = from - 1;
  for (let index = from; index < lines.length; index++) {
    const text = lines[index]!;
    if (text === '') continue;
    if (SECTION_LABEL.test(text) || HEADER.test(text)) break;
    const sentence = text.length >= 60 || /[.;:!?]$/.test(text) || /^(?:[-•]|\(?[a-z0-9ivx]{1,4}[.)])\s/i.test(text);
    if (!sentence) break;
    taken.push(text);
    end = index;
  }
  return { text: taken.join('\n'), end };
}

function isContactDetail(text: string): boolean {
  return /@|\b0\d{3,4}\s?\d{5,7}\b|^(?:Ext|Tel|Telephone|Phone|Email)\b|☎|✉/i.test(text);
}

/** A short line of a signature or contact block: a name, a job title, a phone number. */
function isShortLine(text: string): boolean {
  return text.length > 0 && text.length <= 90 && !/[.;]$/.test(text.replace(/\.(?:uk|com|org|gov)$/i, ''));
}

function contactOf(lines: string[], startAfter: number): string | undefined {
  const labelled = lines.findIndex(
    (text, index) =>
      index > startAfter && /^(?:Contacts?(?:\s+Officers?)?|Enquiries|Author\s+Contact\s+Details|Report\s+Author|Contact\s+details)\b/i.test(text),
  );
  if (labelled !== -1) {
    const block: string[] = [];
    const first = lines[labelled]!.replace(/^[^:]*:\s*/, '');
    if (first && first !== lines[labelled]) block.push(first);
    for (let index = labelled + 1; index < lines.length && block.length < 8; index++) {
      const text = lines[index]!;
      if (text === '') {
        // Single blank lines separate the parts of one contact block; a long line after them does not belong.
        continue;
      }
      if (!isShortLine(text) || SECTION_LABEL.test(text) || HEADER.test(text)) break;
      block.push(text);
    }
    return block.length ? block.join('\n') : undefined;
  }
  // Unlabelled: the signature block around the last e-mail address or phone number.
  let last = -1;
  for (let index = lines.length - 1; index > startAfter; index--) {
    if (isContactDetail(lines[index]!) && lines[index]!.length <= 90) {
      last = index;
      break;
    }
  }
  if (last === -1) return undefined;
  let from = last;
  for (let index = last - 1; index > startAfter; index--) {
    const text = lines[index]!;
    if (text === '') continue;
    if (!isShortLine(text) || SECTION_LABEL.test(text) || /^Recommendations?\b/i.test(text)) break;
    from = index;
  }
  let to = last;
  while (to + 1 < lines.length && lines[to + 1] !== '' && isShortLine(lines[to + 1]!)) to++;
  return lines
    .slice(from, to + 1)
    .filter((text) => text !== '')
    .join('\n');
}

function backgroundOf(lines: string[]): string | undefined {
  const at = lines.findIndex((text) => /^Background\s+(?:documents?|papers?|information)\b/i.test(text));
  if (at === -1) return undefined;
  const sameLine = lines[at]!.replace(/^Background\s+(?:documents?|papers?|information)\s*:?\s*/i, '').trim();
  if (sameLine) return sameLine;
  const taken: string[] = [];
  let index = at + 1;
  while (index < lines.length && lines[index] === '') index++;
  for (; index < lines.length && lines[index] !== ''; index++) {
    if (SECTION_LABEL.test(lines[index]!)) break;
    taken.push(lines[index]!);
  }
  return taken.length ? taken.join('\n') : undefined;
}

export function extractReport(segment: Segment): ReportRecord {
  const lines = segment.lines.map(plainText);
  const by: string[] = [];
  const to: ReportRecord['to'] = [];
  let subject: string | undefined;
  let date: string | undefined;
  let classification: string | undefined;
  let summary: string | undefined;
  let headerEnd = 0;

  // The header: the labelled lines at the top, before the body text starts.
  const headerLimit = Math.min(lines.length, 40);
  for (let index = 0; index < headerLimit; index++) {
    const text = lines[index]!;
    const match = HEADER.exec(text);
    const summaryNoColon = /^Summary\s+(\S.*)$/i.exec(text);
    if (!match && !summaryNoColon) {
      if (classification === undefined && /^(?:Unrestricted|Exempt\b.*|Restricted|Not for publication.*)$/i.test(text)) {
        classification = text;
        headerEnd = index;
      }
      continue;
    }
    const label = (match?.[1] ?? 'Summary').toLowerCase().replace(/\s+/g, ' ');
    const value = (match?.[2] ?? summaryNoColon?.[1] ?? '').trim();
    const more = continuation(lines, index);
    headerEnd = Math.max(headerEnd, index);
    if (label === 'by' || label === 'from' || label.startsWith('report')) {
      for (const line of [value, ...more.map((m) => m.text)]) if (line) by.push(line);
      headerEnd = more.at(-1)?.index ?? headerEnd;
    } else if (label === 'to') {
      // "To: Cabinet – 9 January 2012; County Council – 16 February 2012" or one addressee per line.
      for (const line of [value, ...more.map((m) => m.text)]) {
        for (const part of line.split(/;/)) {
          const addressee = parseAddressee(part);
          if (addressee) to.push(addressee);
        }
      }
      headerEnd = more.at(-1)?.index ?? headerEnd;
    } else if (label === 'subject') {
      subject = subjectOf(value || more[0]?.text || '', value ? more : more.slice(1));
      headerEnd = more.at(-1)?.index ?? headerEnd;
    } else if (label === 'classification') {
      classification = [value, ...more.map((m) => m.text)].filter(Boolean).join(' ');
    } else if (label === 'date') {
      date = parseLongDate(value) ?? findLongDate(value);
    } else if (label === 'summary') {
      summary = [value, ...more.map((m) => m.text)].filter(Boolean).join('\n');
      headerEnd = more.at(-1)?.index ?? headerEnd;
      // Once the summary is read the header is over; later "To:" lines are body text.
      break;
    }
  }
  // Some papers print the classification on its own line after the summary.
  if (classification === undefined) {
    const standalone = lines.slice(0, 30).find((text) => /^(?:Unrestricted|Exempt\b.*|Restricted|Not for publication.*)$/i.test(text));
    if (standalone) classification = standalone;
  }
  if (!subject) throw new Error(`Report at line ${segment.lineFrom}: no "Subject:" line`);

  const recommendationAt = lines.findIndex(
    (text, index) =>
      index > headerEnd &&
      /^(?:\d+\.?\s*)?Recommendations?\s*(?:and\s+\w+)?\s*:?(?:\s+(.*))?$/i.test(text) &&
      !/^Recommendations?\s+(?:from|following|of)\b/i.test(text),
  );
  let recommendations: string | undefined;
  let recommendationEnd = headerEnd;
  if (recommendationAt !== -1) {
    const inline = /^(?:\d+\.?\s*)?Recommendations?\s*:?\s*(.*)$/i.exec(lines[recommendationAt]!)?.[1]?.trim();
    const section = sectionText(lines, recommendationAt + 1);
    recommendations = [inline, section.text].filter(Boolean).join('\n') || undefined;
    recommendationEnd = Math.max(recommendationAt, section.end);
  }

  const contact = contactOf(lines, recommendationEnd);
  const backgroundDocuments = backgroundOf(lines);
  const exempt =
    classification !== undefined &&
    /\bexempt\b|\brestricted\b|not for publication|confidential/i.test(classification) &&
    !/\bunrestricted\b/i.test(classification);
  const reportDate = date ?? to.find((addressee) => addressee.date)?.date;

  return {
    subject,
    by,
    to,
    ...(reportDate ? { date: reportDate } : {}),
    ...(classification ? { classification } : {}),
    exempt,
    ...(summary ? { summary } : {}),
    ...(recommendations ? { recommendations } : {}),
    ...(contact ? { contact } : {}),
    ...(backgroundDocuments ? { backgroundDocuments } : {}),
    fullText: segment.lines.map((line) => line.replace(/\r/g, '')).join('\n'),
    lineFrom: segment.lineFrom,
    lineTo: segment.lineTo,
  };
}
