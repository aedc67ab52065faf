/**
 * Reads a Members' Allowances Scheme as councils print it: "For the period ...", "Adopted by the Council on ...",
 * "BASIC ALLOWANCE - £13,000 per annum", a tab-separated table of Special Responsibility Allowances (% of the
 * Leader's, £) under group headings, lettered notes, and capitalised sections for travel, subsistence, carers and
 * co-optees. Amounts are kept as printed: they are the authority, the percentages only what they were derived from.
 */
import type { Segment } from '../../types.ts';
import { plainText } from '../../segment.ts';
import { findLongDate, findLongDates } from '../dates.ts';
import { parsePounds } from '../../../domain/allowances/money.ts';
import type { AllowanceSchemeRecord, CoOpteeRateRecord, SchemeSectionRecord, SraPostRecord } from './types.ts';

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, twelve: 12 };

export function wordNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  return NUMBER_WORDS[text.toLowerCase()];
}

const POUNDS = '£\\s?(\\d[\\d,]*(?:\\.\\d{2})?)';

/** A capitalised heading: "TRAVEL EXPENSES", "NO OTHER ALLOWANCES ARE PAYABLE". */
function isHeading(text: string): boolean {
  return /^[A-Z][A-Z' ’&-]{3,}$/.test(text) && !text.includes('\t');
}

interface Line {
  text: string;
  /** 1-based line number in the document. */
  line: number;
}

export class SchemeReadError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export function extractScheme(segment: Segment): AllowanceSchemeRecord {
  const lines: Line[] = segment.lines.map((raw, index) => ({ text: plainText(raw), line: segment.lineFrom + index })).filter((entry) => entry.text !== '');
  const find = (pattern: RegExp) => lines.find((entry) => pattern.test(entry.text));

  const title = lines[0]?.text ?? "Members' Allowances Scheme";

  const periodLine = find(/^For the period\s+/i);
  if (!periodLine) throw new SchemeReadError('no "For the period ..." line: cannot tell when the scheme applies', segment.lineFrom);
  const periodText = periodLine.text.replace(/^For the period\s+/i, '').replace(/\.$/, '');
  const [fromText = '', ...toParts] = periodText.split(/\s+to\s+/);
  const effectiveFrom = findLongDate(fromText);
  if (!effectiveFrom) throw new SchemeReadError(`the period "${periodText}" does not start with a date`, periodLine.line);
  const toText = toParts.join(' to ') || null;
  const effectiveTo = toText && /^\d{1,2}\s+\w+\s+\d{4}$/.test(toText.trim()) ? (findLongDate(toText) ?? null) : null;

  const adoptedLine = find(/^Adopted by\b/i);
  const adoptedDates = adoptedLine ? findLongDates(adoptedLine.text).map((match) => match.iso) : [];
  const adoptedBy = adoptedLine ? (/^Adopted by (?:the )?(.+?) on\b/i.exec(adoptedLine.text)?.[1] ?? null) : null;

  const basicLine = find(/^BASIC ALLOWANCE\b/i);
  const basicMatch = basicLine && new RegExp(`${POUNDS}\\s*per annum\\s*(.*)$`, 'i').exec(basicLine.text);
  if (!basicLine || !basicMatch) throw new SchemeReadError('no "BASIC ALLOWANCE - £... per annum" line', segment.lineFrom);
  const basicAllowanceNote = basicMatch[2]?.replace(/^\(|\)\.?$|\.$/g, '').trim() || null;

  const sraStart = lines.findIndex((entry) => /^SPECIAL RESPONSIBILITY ALLOWANCES?$/i.test(entry.text));
  const notesStart = lines.findIndex((entry, index) => index > sraStart && /^Notes?:?$/i.test(entry.text));
  const posts: SraPostRecord[] = [];
  const noteRefs = new Map<SraPostRecord, string>();
  let group = '';
  if (sraStart >= 0) {
    const end = notesStart >= 0 ? notesStart : lines.findIndex((entry, index) => index > sraStart && isHeading(entry.text));
    for (const entry of lines.slice(sraStart + 1, end >= 0 ? end : undefined)) {
      const cells = entry.text.split('\t').map((cell) => cell.trim());
      const [name = '', percent = '', amount = ''] = cells;
      if (cells.every((cell) => ['', '%', '£'].includes(cell))) continue; // the column headings
      if (name && !percent && !amount) {
        group = name;
        continue;
      }
      if (!amount) throw new SchemeReadError(`the allowance "${name}" has no amount in pounds`, entry.line);
      const post = readPostName(name);
      const record: SraPostRecord = {
        group,
        name: post.name,
        printed: name.replace(/\^\([a-z]\)/g, '').trim(),
        percentOfLeader: /^\d+(?:\.\d+)?$/.test(percent) ? percent : null,
        amountPence: parsePounds(amount),
        maxHolders: post.maxHolders,
        qualifier: post.qualifier,
        appliesTo: [],
        lineFrom: entry.line,
        lineTo: entry.line,
      };
      if (post.noteRef) noteRefs.set(record, post.noteRef);
      posts.push(record);
    }
  }

  // Lettered notes: a note a post points to lists its bodies; the others are rules.
  const rules: string[] = [];
  const sectionsStart = lines.findIndex((entry, index) => index > Math.max(sraStart, notesStart) && isHeading(entry.text));
  if (notesStart >= 0) {
    for (const entry of lines.slice(notesStart + 1, sectionsStart >= 0 ? sectionsStart : undefined)) {
      const note = /^-?\s*\(([a-z])\)\s*(.+)$/.exec(entry.text);
      if (!note) continue;
      const [, letter, text] = note;
      const post = [...noteRefs].find(([, ref]) => ref === letter)?.[0];
      if (post) {
        const list = text!.replace(/^[^:]+:\s*/, '').replace(/\.$/, '');
        post.appliesTo = list.split(/\s*,\s*/).filter(Boolean);
      } else {
        rules.push(text!.replace(/\.$/, ''));
      }
    }
  }

  const sections = readSections(sectionsStart >= 0 ? lines.slice(sectionsStart) : []);
  const allText = sections.flatMap((section) => section.paragraphs).join('\n');

  const bands = /(\d+(?:\.\d+)?)p (?:per|a) mile for the first ([\d,]+) miles and (\d+(?:\.\d+)?)p (?:per|a) mile thereafter/i.exec(allText);
  const mileageBands = bands
    ? [
        { upToMiles: Number(bands[2]!.replace(/,/g, '')), pencePerMile: bands[1]! },
        { upToMiles: null, pencePerMile: bands[3]! },
      ]
    : [];

  const limit = /reimbursed if claimed within (\w+) months/i.exec(allText);
  const claimTimeLimitMonths = limit ? (wordNumber(limit[1]!) ?? null) : null;
  // The time limit is a rule of the scheme as much as the lettered notes are.
  const limitSentence = sections.flatMap((section) => section.paragraphs).find((paragraph) => /reimbursed if claimed within/i.test(paragraph));
  if (limitSentence) rules.push(limitSentence.replace(/\.$/, ''));

  const carers = new RegExp(`maximum of ${POUNDS} per hour for each dependen`, 'i').exec(allText);
  const carersMaxPencePerHour = carers ? parsePounds(carers[1]!) : null;

  const journeyPurposes = readPurposes(sections);
  const coOpteeRates = readCoOptees(sections);

  return {
    title,
    periodText,
    effectiveFrom,
    effectiveTo,
    effectiveToText: effectiveTo ? null : toText,
    adoptedBy,
    adoptedOn: adoptedDates[0] ?? null,
    amendedOn: adoptedDates.slice(1),
    basicAllowancePence: parsePounds(basicMatch[1]!),
    basicAllowanceNote,
    posts,
    rules,
    mileageBands,
    journeyPurposes,
    claimTimeLimitMonths,
    carersMaxPencePerHour,
    coOpteeRates,
    sections,
    lineFrom: segment.lineFrom,
    lineTo: segment.lineTo,
  };
}

/** "Cabinet Members (maximum 9)" -> max 9; "Other Committee Chairmen (13)^(a)" -> max 13, note a. */
function readPostName(printed: string): { name: string; maxHolders: number | null; qualifier: string | null; noteRef: string | null } {
  const noteRef = /\^\(([a-z])\)/.exec(printed)?.[1] ?? /\(([a-z])\)\s*$/.exec(printed)?.[1] ?? null;
  let name = printed
    .replace(/\^\([a-z]\)/g, '')
    .replace(/\s*\([a-z]\)\s*$/, '')
    .trim();
  let maxHolders: number | null = null;
  let qualifier: string | null = null;
  const bracket = /\s*\(([^)]+)\)\s*$/.exec(name);
  if (bracket) {
    const inside = bracket[1]!.trim();
    const max = /^(?:maximum|max\.?|up to)?\s*(\d+)$/i.exec(inside);
    if (max) maxHolders = Number(max[1]);
    else qualifier = inside;
    name = name.slice(0, bracket.index).trim();
  }
  return { name, maxHolders, qualifier, noteRef };
}

function readSections(lines: Line[]): SchemeSectionRecord[] {
  const sections: SchemeSectionRecord[] = [];
  for (const entry of lines) {
    if (isHeading(entry.text)) {
      sections.push({ heading: entry.text, paragraphs: [], lineFrom: entry.line, lineTo: entry.line });
      continue;
    }
    const current = sections.at(-1);
    if (!current) continue;
    current.paragraphs.push(entry.text);
    current.lineTo = entry.line;
  }
  return sections;
}

/** The lettered list under "Journeys undertaken in accordance with the following descriptions ...". */
function readPurposes(sections: SchemeSectionRecord[]): Array<{ code: string; text: string }> {
  const travel = sections.find((section) => /TRAVEL/.test(section.heading));
  if (!travel) return [];
  const start = travel.paragraphs.findIndex((paragraph) => /following descriptions/i.test(paragraph));
  if (start < 0) return [];
  const purposes: Array<{ code: string; text: string }> = [];
  for (const paragraph of travel.paragraphs.slice(start + 1)) {
    const item = /^-?\s*\(([a-z])\)\s*(.+)$/.exec(paragraph);
    if (!item) break;
    purposes.push({
      code: item[1]!,
      text: item[2]!
        .replace(/;?\s*(?:and)?\s*$/, '')
        .replace(/[;.]$/, '')
        .trim(),
    });
  }
  return purposes;
}

function readCoOptees(sections: SchemeSectionRecord[]): CoOpteeRateRecord[] {
  const section = sections.find((candidate) => /CO-?OPT/.test(candidate.heading));
  if (!section) return [];
  const rates: CoOpteeRateRecord[] = [];
  const span = { lineFrom: section.lineFrom, lineTo: section.lineTo };
  for (const paragraph of section.paragraphs) {
    for (const match of paragraph.matchAll(new RegExp(`payable to the (.+?) of ${POUNDS} per annum`, 'gi'))) {
      rates.push({ role: match[1]!.trim(), perYearPence: parsePounds(match[2]!), perDayPence: null, ...span });
    }
    for (const match of paragraph.matchAll(new RegExp(`daily rate for the (.+?) is payable at ${POUNDS} per day`, 'gi'))) {
      rates.push({ role: match[1]!.trim(), perYearPence: null, perDayPence: parsePounds(match[2]!), ...span });
    }
  }
  return rates;
}
