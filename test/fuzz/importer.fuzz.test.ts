/**
 * Fuzzing the importer (issue 9). Two properties:
 *
 * 1. The pure pipeline (bytes -> readDocument -> segment/classify -> every extractor, or lines straight into the
 *    extractors) over 10,000+ generated and mutated documents: it never throws anything but the reader's typed
 *    ReadError, never takes runaway time, and what it returns is well-formed (line ranges inside the document, real
 *    ISO dates, finite numbers, issues with a message, no runtime errors such as TypeErrors dressed up as issues).
 * 2. paperImporter against a real database over a smaller number of mutated files: each file is imported, skipped or
 *    reported as failed with a reason, never an exception; a failed file leaves every table's row count as it was.
 *
 * Documents come from the seed papers in ../shared/seeds (read, never copied), from a grammar of council-paper
 * lines, and from random strings, then are mutated: truncation, line deletion/duplication/swaps, unicode insertion
 * (NUL, RTL marks, combining characters, lone surrogates, BOMs, line separators), huge lines, CRLF, tabs, byte flips.
 * Seeds are fixed: a failure prints the seed and counterexample path for fc.assert to replay.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument, ReadError } from '../../src/import/read/index.ts';
import { extractPaper } from '../../src/import/extract-paper.ts';
import { extractCapabilities } from '../../src/import/capabilities.ts';
import { extractScrutiny } from '../../src/import/extract/scrutiny/index.ts';
import { extractPlanPaper } from '../../src/import/extract/plan/plan.ts';
import { extractAllowances } from '../../src/import/extract/allowances/index.ts';
import { segmentDocument } from '../../src/import/segment.ts';
import type { TextDocument } from '../../src/import/types.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { fuzzRuns } from '../support/fuzz.ts';
import { seedsDir } from '../support/seeds.ts';

const SEED_TEXTS = fs
  .readdirSync(seedsDir)
  .filter((name) => !name.startsWith('.'))
  .sort()
  .map((name) => fs.readFileSync(path.join(seedsDir, name), 'utf8'));
const SEED_LINES = SEED_TEXTS.map((text) => text.split(/\r?\n/));
const ALL_SEED_LINES = SEED_LINES.flat().filter((line) => line.trim() !== '');

// ---------------------------------------------------------------------------------------------------------------
// Generators

/** Strings that break naive text handling. */
const NASTY = [
  '\u0000',
  '\u200F', // right-to-left mark
  '\u202E', // right-to-left override
  '\u200B', // zero width space
  '\u0301', // combining acute accent
  'e\u0301\u0302\u0303\u0304',
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\uD83D\uDE00', // emoji
  '\uFEFF', // BOM in the middle
  '\u00A0', // no-break space
  '\u2028', // line separator
  '\u2029', // paragraph separator
  '\u0085', // next line
  '\r',
  '\t',
  '\u001A', // Ctrl-Z
  '\\',
  '$&',
  '$1',
  '**',
  '#',
  '[x](mailto:',
  '<script>alert(1)</script>',
  '﷽',
  'İı',
  'ß',
  '\uFFFD',
  '%PDF-',
  '£',
  '–',
  '’',
];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ maxLength: 12 }),
);

const month = fc.constantFrom(
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Febtember',
  'MAY',
  'Sept',
);
const weekday = fc.constantFrom('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Blursday');
const dayNumber = fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: -5, max: 99 }), fc.constant(0)).map(String);
const year = fc.oneof(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 0, max: 99999 })).map(String);
const longDate = fc.tuple(weekday, dayNumber, fc.constantFrom('', 'st', 'nd', 'th'), month, year).map(([w, d, suffix, m, y]) => `${w} ${d}${suffix} ${m} ${y}`);
const time = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('am', 'pm', 'a.m.', ''))
    .map(([h, m, suffix]) => `${h}.${String(m).padStart(2, '0')} ${suffix}`.trim()),
  fc.constantFrom('10:00', '2pm', '14.00', 'noon', '25:61', '9.30 am'),
);
const word = fc.oneof(
  fc.constantFrom(
    'Governance',
    'Audit',
    'Cabinet',
    'Scrutiny',
    'Planning',
    'Applications',
    'County',
    'Council',
    'Committee',
    'Kent',
    'Policy',
    'Overview',
    'Regulation',
    'Board',
    'Improvement',
    'Members',
    'Allowances',
    'Scheme',
  ),
  nastyString,
);
const bodyName = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
const personName = fc
  .tuple(
    fc.constantFrom('Mr', 'Mrs', 'Miss', 'Ms', 'Dr', 'Cllr', 'Sir', ''),
    fc.array(fc.constantFrom('A', 'J', 'K', 'P', 'Ž', 'Ö'), { maxLength: 3 }),
    fc.oneof(fc.constantFrom('Smith', 'Whittle', "O'Brien", 'Ferrin', 'Gough', 'Carter'), nastyString),
    fc.constantFrom('', ', MBE', ' OBE', ' (Chairman)'),
  )
  .map(([honorific, initials, family, post]) => `${honorific} ${initials.join(' ')} ${family}${post}`.trim().replace(/\s+/g, ' '));
const names = fc.array(personName, { minLength: 1, maxLength: 6 }).map((list) => list.join(', '));
const number = fc.oneof(fc.integer({ min: 0, max: 200 }).map(String), fc.constantFrom('A4', 'C1', '99999999999999999999', '-1', '1.5', '0'));
const money = fc.oneof(
  fc.double({ noNaN: false }).map((value) => `£${value}`),
  fc.integer({ min: 0, max: 10_000_000 }).map((value) => `£${value.toLocaleString('en-GB')}.00`),
);

/** Lines in the printed shapes the segmenter and extractors look for. */
const grammarLine: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(bodyName, fc.string(), longDate, time).map(([body, place, date, at]) => `MINUTES of a meeting of the ${body} held in ${place} on ${date} at ${at}.`),
  fc.tuple(bodyName, longDate).map(([body, date]) => `MINUTES of the ${body} meeting of ${date}`),
  names.map((list) => `PRESENT: ${list}`),
  names.map((list) => `ALSO PRESENT: ${list}`),
  names.map((list) => `IN ATTENDANCE: ${list}`),
  names.map((list) => `Apologies for absence were received from ${list}.`),
  fc.tuple(personName, personName).map(([a, b]) => `${a} was present as a substitute for ${b}.`),
  fc.tuple(personName, number, fc.string()).map(([who, item, why]) => `${who} declared a personal interest in Item ${item} as ${why}.`),
  fc.tuple(number, fc.string()).map(([n, title]) => `${n}.\t${title}`),
  // American minutes (call to order, roll call, roll-call votes, movers after member words).
  fc
    .tuple(bodyName, longDate, personName, time)
    .map(([body, date, who, at]) => `${date} The regular meeting of the ${body} was called to order by Mayor ${who} at ${at}.`),
  fc
    .tuple(names, names, fc.string())
    .map(([present, absent, rest]) => `Roll Call Present: Absent: Council Members ${present} Council Members ${absent} Also present: City Clerk ${rest}`),
  fc.tuple(names, names, names).map(([ayes, nays, absent]) => `Ayes (3): ${ayes} Nays: ${nays} Abstain: None ${absent} Absent: Motion carried.`),
  fc.tuple(personName, personName, fc.string()).map(([a, b, what]) => `COUNCIL MEMBER ${a} MOVED, COUNCIL MEMBER ${b} SECONDED, ${what}`),
  fc.tuple(number, fc.string(), number).map(([n, title, item]) => `${n}. ${title} (Item ${item})`),
  fc.string().map((text) => `RESOLVED that ${text}`),
  fc.string().map((text) => `(1) RESOLVED that ${text}`),
  fc.constantFrom('Carried', 'Lost', 'Carried unanimously', 'The motion was carried.', 'Amendment lost'),
  fc
    .tuple(fc.constantFrom('For', 'Against', 'Abstain', 'Abstentions'), fc.integer({ min: -1, max: 999 }), names)
    .map(([option, count, list]) => `${option} (${count})\n${list}`),
  fc.tuple(personName, personName, fc.string()).map(([mover, seconder, text]) => `${mover} moved and ${seconder} seconded that "${text}"`),
  fc.tuple(personName, personName).map(([by, to]) => `Question by ${by} to ${to}, Cabinet Member for Finance`),
  fc.tuple(personName, fc.string()).map(([by, role]) => `By:\t${by} – ${role}`),
  fc.tuple(bodyName, longDate).map(([body, date]) => `To:\t${body} – ${date}`),
  fc.string().map((subject) => `Subject:\t${subject}`),
  longDate.map((date) => `Date: ${date}`),
  fc.constantFrom(
    'Classification: Unrestricted',
    'Classification: Exempt - paragraph 3 of Schedule 12A',
    'Summary:',
    'Recommendation(s):',
    'Background Documents: None',
    'Contact Officer:',
  ),
  fc.constantFrom(
    'AGENDA',
    'A G E N D A',
    'Summons to the meeting of the County Council',
    'NOTICE OF MEETING',
    'This page is intentionally left blank',
    'EXEMPT ITEMS',
    'Tracking sheet',
    'Cabinet portfolio: Finance',
  ),
  fc.tuple(bodyName, longDate).map(([body, date]) => `${body.toUpperCase()}\n${date}`),
  longDate,
  fc
    .tuple(number, fc.string(), fc.integer({ min: -5, max: 9999 }), fc.integer({ min: -5, max: 9999 }))
    .map(([n, title, from, to]) => `${n}\t${title}\t(Pages ${from} - ${to})`),
  fc.tuple(fc.string(), fc.string(), personName, fc.oneof(longDate, month)).map(([ref, action, lead, when]) => `${ref}\t${action}\t${lead}\t${when}`),
  fc.constantFrom(
    'Ref\tActions\tLead\tTimescale',
    'Priority 1: Governance',
    'Outcome 1.1',
    'Appendix A',
    'The Board’s work will also be reported to:',
    '- Cabinet',
    'An Improvement Board was established',
  ),
  fc
    .tuple(fc.constantFrom('Basic Allowance', 'Special Responsibility Allowance', 'Leader', 'Chairman', 'Dependants’ Carers’ Allowance'), money)
    .map(([what, amount]) => `${what}\t${amount}`),
  fc.constantFrom('MEMBERS’ ALLOWANCES SCHEME', 'Independent Remuneration Panel', 'This scheme shall have effect from 1 April 2011', 'Mileage\t45p per mile'),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.string()).map(([n, text]) => `Recommendation ${n}: ${text}`),
  fc.constantFrom('RESPONSE RECEIVED', 'ACCEPTED', 'REJECTED', 'Executive response:', 'Date of call-in:'),
);

/** One line of a document: a seed line, a grammar line, or junk. */
const anyLine = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ALL_SEED_LINES) },
  { weight: 4, arbitrary: grammarLine },
  { weight: 1, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

/** A window of a seed paper (the pack is 1,600 lines: whole-pack runs are rare and the rest are slices of it). */
const seedWindow = fc
  .tuple(
    fc.nat({ max: SEED_LINES.length - 1 }),
    fc.nat(),
    fc.oneof({ weight: 1, arbitrary: fc.constant(2000) }, { weight: 40, arbitrary: fc.integer({ min: 1, max: 160 }) }),
  )
  .map(([which, start, length]) => {
    const lines = SEED_LINES[which]!;
    const from = lines.length > 2000 && length === 2000 ? 0 : start % lines.length;
    return lines.slice(from, from + length);
  });

const generatedDocument = fc.array(anyLine, { minLength: 1, maxLength: 120 }).map((lines) => lines.join('\n').split('\n'));

const HUGE_PATTERNS = [
  'a',
  ' ',
  '*',
  '\t',
  '1 ',
  'Mr A ',
  'MINUTES of a meeting of ',
  '(',
  '- ',
  '£1,',
  'RESOLVED that ',
  'é\u0301',
  'Ayes: ',
  'Ayes: A Nays: ',
  'Council Member A MOVED ',
  'was called to order by Mayor A ',
  'Present: ',
];

type Mutation = (lines: string[]) => string[];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // truncate at a line and inside it
  fc.tuple(fc.nat(), fc.nat()).map(
    ([at, cut]): Mutation =>
      (lines) => {
        const keep = lines.slice(0, (at % (lines.length + 1)) + 1);
        const last = keep.length - 1;
        if (last >= 0) keep[last] = keep[last]!.slice(0, cut % (keep[last]!.length + 1));
        return keep;
      },
  ),
  // delete lines
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 20 })).map(
    ([at, count]): Mutation =>
      (lines) => {
        const copy = [...lines];
        copy.splice(at % (copy.length || 1), count);
        return copy;
      },
  ),
  // duplicate lines
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 5 })).map(
    ([at, count, times]): Mutation =>
      (lines) => {
        const start = at % (lines.length || 1);
        const block = lines.slice(start, start + count);
        const copy = [...lines];
        for (let i = 0; i < times; i++) copy.splice(start, 0, ...block);
        return copy;
      },
  ),
  // swap lines
  fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 30 }).map(
    (swaps): Mutation =>
      (lines) => {
        const copy = [...lines];
        if (copy.length < 2) return copy;
        for (const [a, b] of swaps) {
          const i = a % copy.length;
          const j = b % copy.length;
          [copy[i], copy[j]] = [copy[j]!, copy[i]!];
        }
        return copy;
      },
  ),
  // shuffle everything (a seeded permutation)
  fc.nat().map(
    (seed): Mutation =>
      (lines) => {
        const copy = [...lines];
        let state = seed || 1;
        for (let i = copy.length - 1; i > 0; i--) {
          state = (state * 1103515245 + 12345) & 0x7fffffff;
          const j = state % (i + 1);
          [copy[i], copy[j]] = [copy[j]!, copy[i]!];
        }
        return copy;
      },
  ),
  // insert unicode edge cases inside lines
  fc.array(fc.tuple(fc.nat(), fc.nat(), nastyString), { minLength: 1, maxLength: 10 }).map(
    (inserts): Mutation =>
      (lines) => {
        const copy = lines.length ? [...lines] : [''];
        for (const [lineAt, charAt, text] of inserts) {
          const i = lineAt % copy.length;
          const line = copy[i]!;
          const at = charAt % (line.length + 1);
          copy[i] = line.slice(0, at) + text + line.slice(at);
        }
        return copy;
      },
  ),
  // insert whole lines
  fc.array(fc.tuple(fc.nat(), anyLine), { minLength: 1, maxLength: 10 }).map(
    (inserts): Mutation =>
      (lines) => {
        const copy = [...lines];
        for (const [at, line] of inserts) copy.splice(at % (copy.length + 1), 0, ...line.split('\n'));
        return copy;
      },
  ),
  // a huge line
  fc.tuple(fc.nat(), fc.constantFrom(...HUGE_PATTERNS), fc.integer({ min: 1_000, max: 30_000 }), fc.boolean()).map(
    ([at, pattern, length, prefixed]): Mutation =>
      (lines) => {
        const copy = [...lines];
        const i = at % (copy.length + 1);
        const huge = pattern.repeat(Math.ceil(length / pattern.length));
        copy.splice(i, 0, prefixed && copy[i] !== undefined ? copy[i] + huge : huge);
        return copy;
      },
  ),
  // many lines
  fc.tuple(fc.nat(), fc.integer({ min: 500, max: 3_000 }), fc.constantFrom('', ' ', 'x', '1.', '\t')).map(
    ([at, count, line]): Mutation =>
      (lines) => {
        const copy = [...lines];
        copy.splice(at % (copy.length + 1), 0, ...Array.from({ length: count }, () => line));
        return copy;
      },
  ),
  // CRLF and stray carriage returns
  fc.constant<Mutation>((lines) => lines.map((line) => `${line}\r`)),
  // tabs for spaces
  fc.tuple(fc.nat(), fc.nat()).map(
    ([from, count]): Mutation =>
      (lines) =>
        lines.map((line, index) =>
          index >= from % (lines.length || 1) && index < (from % (lines.length || 1)) + (count % 50) ? line.replace(/ /g, '\t') : line,
        ),
  ),
  // upper or lower case
  fc.tuple(fc.nat(), fc.boolean()).map(
    ([at, upper]): Mutation =>
      (lines) =>
        lines.map((line, index) => (index % 7 === at % 7 ? (upper ? line.toUpperCase() : line.toLowerCase()) : line)),
  ),
);

/** How the mutated lines become a file. */
type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16be-bom' | 'latin1' | 'raw-lines';

interface FuzzDocument {
  lines: string[];
  newline: '\n' | '\r\n' | '\r';
  encoding: Encoding;
  extension: string;
  html: boolean;
  byteFlips: Array<[number, number]>;
}

const fuzzDocument: fc.Arbitrary<FuzzDocument> = fc
  .record({
    base: fc.oneof({ weight: 3, arbitrary: seedWindow }, { weight: 2, arbitrary: generatedDocument }),
    mutations: fc.array(mutation, { maxLength: 6 }),
    newline: fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\n', '\r\n', '\r'),
    encoding: fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8', 'utf8-bom', 'utf16le-bom', 'utf16be-bom', 'latin1', 'raw-lines', 'raw-lines'),
    extension: fc.constantFrom('.txt', '.txt', '.md', '.html', '', '.TXT', '.text'),
    html: fc.boolean(),
    byteFlips: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { maxLength: 4 }),
  })
  .map(({ base, mutations, ...rest }) => ({ ...rest, lines: mutations.reduce((lines, mutate) => mutate(lines), base) }));

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = littleEndian ? 0xff : 0xfe;
  bytes[1] = littleEndian ? 0xfe : 0xff;
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

/** The file's name and bytes. */
function toFile(doc: FuzzDocument, index: number): { name: string; bytes: Uint8Array } {
  let text: string;
  if (doc.html && doc.extension === '.html') {
    // Tables become TAB-separated lines in the HTML reader: put tabbed lines into table rows.
    const body = doc.lines
      .map((line) =>
        line.includes('\t')
          ? `<table><tr>${line
              .split('\t')
              .map((cell) => `<td>${escapeHtml(cell)}</td>`)
              .join('')}</tr></table>`
          : `<p>${escapeHtml(line)}</p>`,
      )
      .join(doc.newline);
    text = `<!doctype html><html><head><title>Paper</title></head><body>${body}</body></html>`;
  } else {
    text = doc.lines.join(doc.newline);
  }
  let bytes: Uint8Array;
  switch (doc.encoding) {
    case 'utf8-bom':
      bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
      break;
    case 'utf16le-bom':
      bytes = encodeUtf16(text, true);
      break;
    case 'utf16be-bom':
      bytes = encodeUtf16(text, false);
      break;
    case 'latin1':
      bytes = Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
      break;
    default:
      bytes = new TextEncoder().encode(text);
  }
  if (doc.byteFlips.length && bytes.length) {
    bytes = Uint8Array.from(bytes);
    for (const [at, value] of doc.byteFlips) bytes[at % bytes.length] = value;
  }
  return { name: `fuzz-${index}${doc.extension}`, bytes };
}

// ---------------------------------------------------------------------------------------------------------------
// Invariants

const RUNTIME_ERROR =
  /Cannot read propert|Cannot set propert|is not a function|is not iterable|is not defined|undefined is not|null is not|Maximum call stack|Invalid time value|Invalid array length|Invalid string length|of undefined|of null/;
const SEGMENT_KINDS = new Set([
  'summons',
  'minutes',
  'questions',
  'report',
  'urgent-decisions',
  'tracking-sheet',
  'call-in',
  'improvement-plan',
  'allowances-scheme',
  'other',
]);

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, d ? Number(d) : 1));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && (!d || date.getUTCDate() === Number(d));
}

/**
 * Structural checks on any extractor output: finite numbers, no undefined in arrays, line ranges inside the document,
 * date fields real ISO dates, issues with a severity and a message that is not a runtime error.
 */
function checkRecords(value: unknown, lineCount: number, where: string, problems: string[]): void {
  if (problems.length > 20) return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push(`${where}: not a finite number (${value})`);
    return;
  }
  if (value === undefined) {
    problems.push(`${where}: undefined`);
    return;
  }
  if (typeof value === 'function') return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkRecords(item, lineCount, `${where}[${index}]`, problems));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (typeof record.lineFrom === 'number' && typeof record.lineTo === 'number') {
    const { lineFrom, lineTo } = record;
    if (!Number.isInteger(lineFrom) || !Number.isInteger(lineTo) || lineFrom < 1 || lineTo < lineFrom || lineTo > lineCount) {
      problems.push(`${where}: line range ${lineFrom}-${lineTo} outside 1-${lineCount}`);
    }
  }
  if ('severity' in record && 'message' in record) {
    if (record.severity !== 'error' && record.severity !== 'warning') problems.push(`${where}: severity ${String(record.severity)}`);
    if (typeof record.message !== 'string' || record.message.trim() === '') problems.push(`${where}: issue without a message`);
    else if (RUNTIME_ERROR.test(record.message)) problems.push(`${where}: a runtime error reported as an issue: ${record.message.slice(0, 300)}`);
  }
  for (const [key, field] of Object.entries(record)) {
    if (field === undefined) continue; // optional fields
    if ((key === 'date' || key.endsWith('Date') || key === 'asAt') && typeof field === 'string' && !isRealDate(field)) {
      problems.push(`${where}.${key}: "${field.slice(0, 60)}" is not a real ISO date`);
    }
    if ((key === 'startTime' || key === 'endTime') && typeof field === 'string' && !/^(?:[01]\d|2[0-3]):[0-5]\d$/.test(field)) {
      problems.push(`${where}.${key}: "${field.slice(0, 60)}" is not a time of day`);
    }
    checkRecords(field, lineCount, `${where}.${key}`, problems);
  }
}

function checkPaper(doc: TextDocument): string[] {
  const problems: string[] = [];
  const lineCount = doc.lines.length;
  const segments = segmentDocument(doc.lines);
  let previousEnd = 0;
  for (const segment of segments) {
    if (!SEGMENT_KINDS.has(segment.kind)) problems.push(`segment kind ${segment.kind}`);
    if (typeof segment.title !== 'string') problems.push('segment without a title');
    if (segment.lineFrom <= previousEnd) problems.push(`segments overlap at line ${segment.lineFrom}`);
    if (segment.lines.length !== segment.lineTo - segment.lineFrom + 1)
      problems.push(`segment ${segment.lineFrom}-${segment.lineTo} holds ${segment.lines.length} lines`);
    previousEnd = segment.lineTo;
  }
  checkRecords(
    segments.map(({ lines: _lines, ...rest }) => rest),
    lineCount,
    'segments',
    problems,
  );

  const paper = extractPaper(doc);
  for (const meeting of paper.meetings) {
    if (typeof meeting.bodyName !== 'string' || meeting.bodyName.trim() === '') problems.push(`meeting on ${meeting.date} without a body name`);
    for (const item of meeting.agendaItems) if (typeof item.number !== 'string' || item.number === '') problems.push('agenda item without a number');
    for (const event of meeting.voteEvents) {
      for (const count of [event.forCount, event.againstCount, event.abstainCount])
        if (!Number.isInteger(count) || count < 0) problems.push(`vote count ${count}`);
    }
    for (const row of meeting.attendance) if (typeof row.name.familyName !== 'string') problems.push('attendance without a family name');
  }
  checkRecords(paper, lineCount, 'paper', problems);
  // The persistence steps are closures; building them must not throw either.
  extractCapabilities(doc, { scrutinyResponseMonths: 2, actor: 'fuzz' });
  checkRecords(extractScrutiny(doc), lineCount, 'scrutiny', problems);
  checkRecords(extractPlanPaper(doc, segments), lineCount, 'plan', problems);
  checkRecords(extractAllowances(segments), lineCount, 'allowances', problems);
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------

// Sized for CI (test/support/fuzz.ts): about a third of the 10,500 this ran before; QUORUM_FUZZ_SCALE=3.5 is that run.
const PURE_RUNS = fuzzRuns(3_000);
/** A document (up to ~5,000 lines or a 120,000-character line) must not take the extractors this long. */
const SLOW_MS = 10_000;

describe('the import pipeline under fuzzing (pure: read, segment, extract)', () => {
  it(`never throws anything but ReadError and returns well-formed records (${PURE_RUNS} documents)`, async () => {
    let index = 0;
    const outcomes = { read: 0, refused: 0, rawLines: 0 };
    let slowest = 0;
    const slow: string[] = [];
    await fc.assert(
      fc.asyncProperty(fuzzDocument, async (doc) => {
        index++;
        const started = performance.now();
        let text: TextDocument;
        if (doc.encoding === 'raw-lines') {
          // Straight into the extractors: NULs and lone surrogates that the reader would refuse or replace.
          text = { name: `fuzz-${index}.txt`, format: 'text', lines: doc.lines, warnings: [] };
          outcomes.rawLines++;
        } else {
          const file = toFile(doc, index);
          try {
            text = await readDocument(file);
          } catch (error) {
            // The only acceptable failure: the reader's typed error, with a reason for the person importing.
            expect(error, String((error as Error)?.stack ?? error)).toBeInstanceOf(ReadError);
            expect((error as ReadError).reason.trim()).not.toBe('');
            outcomes.refused++;
            return;
          }
          outcomes.read++;
          expect(Array.isArray(text.lines)).toBe(true);
          for (const line of text.lines) expect(typeof line).toBe('string');
          for (const warning of text.warnings) expect(warning.trim()).not.toBe('');
        }
        const problems = checkPaper(text);
        expect(problems).toEqual([]);
        const took = performance.now() - started;
        slowest = Math.max(slowest, took);
        if (took > 1_000)
          slow.push(
            `${Math.round(took)} ms: ${text.lines.length} lines, longest ${Math.max(0, ...text.lines.map((line) => line.length))} chars, starting ${JSON.stringify(text.lines.find((line) => line.length > 1000)?.slice(0, 40) ?? '')}`,
          );
        expect(
          took,
          `document ${index} (${text.lines.length} lines, longest ${Math.max(0, ...text.lines.map((line) => line.length))} chars) took ${Math.round(took)} ms`,
        ).toBeLessThan(SLOW_MS);
      }),
      { numRuns: PURE_RUNS, seed: 20240509 },
    );
    // Both paths were exercised in earnest.
    expect(outcomes.read).toBeGreaterThan(PURE_RUNS / 4);
    expect(outcomes.rawLines).toBeGreaterThan(PURE_RUNS / 10);
    expect(outcomes.refused).toBeGreaterThan(10);
    console.log(
      `importer fuzz: ${index} documents: ${outcomes.read} read, ${outcomes.refused} refused by the reader, ${outcomes.rawLines} lines straight to the extractors; slowest ${Math.round(slowest)} ms`,
    );
    if (slow.length) console.log(`over 1 s:\n${slow.join('\n')}`);
  }, 600_000);
});

// ---------------------------------------------------------------------------------------------------------------

const DB_RUNS = fuzzRuns(150);

describe.skipIf(databaseUnavailable)('paperImporter under fuzzing (real database)', () => {
  let database: TestDatabase;
  let work: string;
  let tables: string[];

  async function rowCounts(): Promise<Record<string, number>> {
    // One query for every table, so a before/after comparison costs one round trip.
    const columns = tables.map((table) => sql<number>`(select count(*) from ${sql.table(table)})::int`.as(table));
    const row = await database.db.selectNoFrom(columns).executeTakeFirstOrThrow();
    return row as Record<string, number>;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-fuzz-import-'));
    const result = await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
      database.db,
    );
    tables = result.rows.map((row) => row.table_name).filter((name) => !/^kysely_migration/.test(name));
    // Start from the seed papers, so mutated papers meet people, bodies and meetings already on record.
    const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'fuzz' });
    expect(summary.failed).toBe(0);
  });
  afterAll(async () => {
    await database?.destroy();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it(`imports, skips or reports each of ${DB_RUNS} mutated files, never throws, and a failed file changes nothing`, async () => {
    let index = 0;
    const statuses = { imported: 0, unrecognised: 0, skipped: 0, failed: 0 };
    const reasons = new Map<string, number>();
    const json = fc.oneof(
      fc.json().map((text) => text),
      fc.constantFrom('{"format":"quorum-export"', '{"version":1,"tables":{}}', '[]', 'null', '{"meetings":[{"id":1}]}', '{'),
    );
    const file = fc.oneof(
      { weight: 8, arbitrary: fuzzDocument.filter((doc) => doc.encoding !== 'raw-lines').map((doc) => ({ kind: 'paper' as const, doc })) },
      { weight: 1, arbitrary: json.map((text) => ({ kind: 'json' as const, text })) },
    );
    await fc.assert(
      fc.asyncProperty(file, async (input) => {
        index++;
        const target = path.join(work, `${index}`);
        fs.mkdirSync(target);
        let filePath: string;
        if (input.kind === 'paper') {
          const { name, bytes } = toFile(input.doc, index);
          filePath = path.join(target, name || `fuzz-${index}`);
          fs.writeFileSync(filePath, bytes);
        } else {
          filePath = path.join(target, `export-${index}.json`);
          fs.writeFileSync(filePath, input.text);
        }
        const before = await rowCounts();
        const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [filePath], actor: 'fuzz' });
        expect(summary.files).toHaveLength(1);
        const [result] = summary.files;
        statuses[result!.status]++;
        // A file nothing was recognised in says why and leaves nothing behind.
        if (result!.status === 'unrecognised') expect(result!.reason).toMatch(/^no meeting, minutes, agenda/);
        if (result!.status === 'failed') {
          const reason = result!
            .reason!.replace(/fuzz-\d+|export-\d+/g, 'FILE')
            .replace(/\d+/g, 'N')
            .slice(0, 90);
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
          expect(typeof result!.reason).toBe('string');
          expect(result!.reason!.trim()).not.toBe('');
          // Not a JavaScript slip surfacing as a "reason".
          expect(result!.reason).not.toMatch(RUNTIME_ERROR);
          expect(await rowCounts()).toEqual(before);
        } else if (result!.status === 'skipped') {
          expect(await rowCounts()).toEqual(before);
        }
        fs.rmSync(target, { recursive: true, force: true });
      }),
      { numRuns: DB_RUNS, seed: 4242 },
    );
    console.log(
      `paperImporter fuzz: ${index} files: ${statuses.imported} imported, ${statuses.unrecognised} not recognised, ${statuses.skipped} skipped, ${statuses.failed} failed with a reason`,
    );
    console.log([...reasons].map(([reason, count]) => `  ${count} x ${reason}`).join('\n'));
    expect(statuses.imported).toBeGreaterThan(0);
    expect(statuses.failed).toBeGreaterThan(0);
  }, 600_000);
});
