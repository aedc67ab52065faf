/**
 * Recogniser: text whose line breaks were lost. Some council web pages and PDF-to-text conversions run a whole
 * agenda or minutes into one or two very long lines ("Date: Monday 3 May 2021 Time: 10.00 am Venue: ... AGENDA
 * 1. Minutes To confirm the minutes ... 2. Declarations of interest ..."). Every line-based recogniser needs the breaks,
 * so they are put back at the boundaries papers share:
 *   - rules of underscores, and the "AGENDA" / "A G E N D A" heading;
 *   - labels: "Date:", "Time:", "Venue:", "Present:", "Apologies:", "Contact:", "PAGE NUMBER" ...;
 *   - item numbers counting up from 1 ("1. ", "2. ", ...), and minute references ("Cou/285/07-08", "C/45/19");
 *   - after an item number, the end of its title: an ALL-CAPS title ends where lower case starts, a Title Case one
 *     where a sentence starts ("Minutes To confirm the minutes" -> "Minutes" / "To confirm the minutes").
 * Each new line remembers the line it came from, so every record still points at the file's own line.
 * Pure and linear: every pattern is tried once over each long line, with no nested unbounded repetition.
 */

/** Lines at least this long, without a break, are taken as run together. */
const LONG_LINE = 400;

export interface Unflattened {
  lines: string[];
  /** lineOf[i] is the 1-based line of the original text that new line i + 1 came from. */
  lineOf: number[];
}

const RULE = /_{4,}/g;
const LABELS =
  /(?:^|\s)(?=(?:Date|Time|Venue|Place|Location|Present(?:\s+Members)?|Members\s+Present|Also\s+Present|In\s+Attendance|Officers\s+Present|Apologies|Contact|Decision|Minutes)\s*:|Minutes\s+of\s+(?:a|an|the)\s+(?:\w+\s+)?Meeting\b)|(?:^|\s)(?=(?:A\s+G\s+E\s+N\s+D\s+A|AGENDA|VENUE|PAGE\s+NUMBER|PRESENT|RESOLVED)\b(?![\-'’]))/g;
const ITEM_NUMBER = /(?:^|\s)(\d{1,2})\.\s+(?=[A-Z(])/g;
const MINUTE_REF = /(?:^|\s)(?=[A-Z][A-Za-z]{0,4}\/\d{1,4}\/\d{2}(?:-\d{2})?\b)/g;
/** Words that join the words of a title: a lower-case word among these does not start a sentence. */
const CONNECTORS = new Set([
  'a',
  'an',
  'and',
  'or',
  'of',
  'the',
  'for',
  'to',
  'in',
  'on',
  'at',
  'by',
  'with',
  'from',
  'into',
  'under',
  'upon',
  'per',
  'vs',
  'v',
]);
const HONORIFIC = /^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?$/;

/** Whether the document has lines run together: some line is very long and holds several labels or item numbers. */
export function isFlattened(lines: string[]): boolean {
  return lines.some((line) => line.length >= LONG_LINE && breakPoints(line).length >= 3);
}

/** Positions in a long line where a new line starts (sorted, unique, never 0). */
function breakPoints(line: string): number[] {
  const points = new Set<number>();
  const at = (index: number) => {
    if (index > 0 && index < line.length) points.add(index);
  };
  for (const match of line.matchAll(LABELS)) at(match.index + (match[0].length - match[0].trimStart().length));
  for (const match of line.matchAll(MINUTE_REF)) at(match.index + (match[0].length - match[0].trimStart().length));
  // Item numbers count up from 1: a "3." inside a sentence is taken only when "2." came before it.
  let expected = 1;
  for (const match of line.matchAll(ITEM_NUMBER)) {
    if (Number(match[1]) !== expected) continue;
    at(match.index + (match[0].length - match[0].trimStart().length));
    expected++;
  }
  return [...points].sort((a, b) => a - b);
}

/**
 * "1. Minutes To confirm the minutes ..." -> ["1. Minutes", "To confirm the minutes ..."]. The title ends at the
 * first word that starts a sentence: a capitalised word followed (perhaps over joining words) by a lower-case one
 * that is no joining word, or a name's honorific. An ALL-CAPS title ends where lower case starts.
 */
export function splitTitle(piece: string): [string] | [string, string] {
  const head = /^(\S+\s+)/.exec(piece);
  if (!head || !/^(?:\d{1,2}\.|[A-Z][A-Za-z]{0,4}\/\d{1,4}\/\d{2}(?:-\d{2})?)$/.test(head[1]!.trim())) return [piece];
  const words = piece.slice(head[1]!.length).split(' ');
  const allCaps = (word: string) => /^[A-Z][A-Z&'’\-]*$/.test(word);
  let end = -1;
  if (words.length > 1 && /^[A-Z][A-Z&'’\-]{2,}$/.test(words[0]!)) {
    // ALL CAPS: the title is the run of capitalised words (and a page range printed after it).
    let index = 0;
    while (index < words.length && allCaps(words[index]!)) index++;
    const range = /^(\d+(?:\s+-\s+\d+)?)\s/.exec(`${words.slice(index).join(' ')} `);
    if (range) index += range[1]!.split(' ').length;
    end = index < words.length && index > 0 ? index : -1;
  } else {
    const honorific = words.findIndex((word, index) => index > 0 && HONORIFIC.test(word) && !CONNECTORS.has(words[index - 1]!.toLowerCase()));
    const sentence = sentenceStart(words);
    end = honorific > 0 && (sentence < 0 || honorific < sentence) ? honorific : sentence;
  }
  if (end <= 0) return [piece];
  return [`${head[1]}${words.slice(0, end).join(' ')}`, words.slice(end).join(' ')];
}

/**
 * Where a sentence starts in text that runs on after a title or a list of names ("Cllr Purves With the absence of
 * ..." -> the index of "With"): the first capitalised word after the first that is followed, perhaps over joining
 * words, by a lower-case word that joins nothing. -1 when there is none.
 */
export function sentenceStart(words: string[]): number {
  for (let index = 1; index < words.length - 1; index++) {
    if (!/^[A-Z]/.test(words[index]!)) continue;
    let next = index + 1;
    while (next < words.length && CONNECTORS.has(words[next]!.toLowerCase()) && !/^[A-Z]/.test(words[next]!)) next++;
    if (next < words.length && /^[a-z]/.test(words[next]!) && !CONNECTORS.has(words[next]!)) return index;
  }
  return -1;
}

/** Puts line breaks back into run-together lines; undefined when the document does not look flattened. */
export function unflatten(lines: string[]): Unflattened | undefined {
  if (!isFlattened(lines)) return undefined;
  const result: Unflattened = { lines: [], lineOf: [] };
  const push = (text: string, line: number) => {
    result.lines.push(text);
    result.lineOf.push(line);
  };
  lines.forEach((raw, index) => {
    const line = raw.replace(RULE, '\n').replace(/[ \t]+/g, ' ');
    if (raw.length < LONG_LINE) {
      push(raw, index + 1);
      return;
    }
    for (const part of line.split('\n')) {
      const text = part.trim();
      if (!text) continue;
      const points = [0, ...breakPoints(text), text.length];
      for (let at = 0; at < points.length - 1; at++) {
        const piece = text.slice(points[at], points[at + 1]).trim();
        if (!piece) continue;
        for (const half of splitTitle(piece)) {
          push(half, index + 1);
          push('', index + 1);
        }
      }
    }
  });
  return result;
}

/** Maps the line numbers of records read from unflattened lines back to the file's own lines (in place). */
export function remapLines<T>(value: T, lineOf: number[]): T {
  const map = (line: unknown) => (typeof line === 'number' && line >= 1 && line <= lineOf.length ? lineOf[line - 1]! : line);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const entry of node) walk(entry);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key === 'lineFrom' || key === 'lineTo' || key === 'line') record[key] = map(record[key]);
      else walk(record[key]);
    }
  };
  walk(value);
  return value;
}
