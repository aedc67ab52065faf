/**
 * Timescales as printed in an improvement plan's "Timescale" column: date ranges ("1 Aug 2011- 30 Aug 2011",
 * "1 March – 31 May 2011"), single dates ("31 March 2011", "From 1 April 2011"), "Completed", and recurrences
 * ("Review weekly", "Monthly until 1 March 2012"). The printed text is always kept: it is the authority, the parse
 * is only what lets Quorum say whether a measure is due.
 */

export type Recurrence = 'weekly' | 'monthly' | 'bi-monthly' | 'quarterly' | 'annually';

export interface Timescale {
  printed: string;
  kind: 'range' | 'date' | 'from' | 'completed' | 'recurring' | 'unknown';
  /** ISO dates. */
  start?: string;
  end?: string;
  recurrence?: Recurrence;
  /** The last date of a recurrence ("Monthly until 1 March 2012"). */
  until?: string;
  /** "(review)" printed: the end date is a review point rather than a deadline. */
  review: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const MENTION = new RegExp(`(?:\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*)?\\b${MONTH}\\b\\.?(?:\\s*(\\d{4}))?`, 'gi');

interface Mention {
  day?: number;
  month: number;
  year?: number;
  index: number;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  // Plans print impossible days ("31 Sept 2011", "31 June 2011"): they mean the month's end.
  const clamped = Math.min(day, daysIn(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
}

function mentions(text: string): Mention[] {
  const found: Mention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const month = MONTHS[match[2]!.slice(0, 3).toLowerCase()]!;
    found.push({
      month,
      index: match.index ?? 0,
      ...(match[1] ? { day: Number(match[1]) } : {}),
      ...(match[3] ? { year: Number(match[3]) } : {}),
    });
  }
  // "1 March – 31 May 2011": a start printed without its year takes the year of the next date that has one.
  for (let i = found.length - 1; i >= 0; i--) {
    const mention = found[i]!;
    if (mention.year !== undefined) continue;
    const later = found.slice(i + 1).find((next) => next.year !== undefined);
    const earlier = found
      .slice(0, i)
      .reverse()
      .find((next) => next.year !== undefined);
    const year = later?.year ?? earlier?.year;
    if (year !== undefined) mention.year = later && later.month < mention.month ? year - 1 : year;
  }
  return found.filter((mention) => mention.year !== undefined);
}

const firstDay = (m: Mention) => iso(m.year!, m.month, m.day ?? 1);
const lastDay = (m: Mention) => iso(m.year!, m.month, m.day ?? daysIn(m.year!, m.month));

function recurrenceOf(text: string): Recurrence | undefined {
  if (/\bbi-?monthly\b/i.test(text)) return 'bi-monthly';
  if (/\bweekly\b/i.test(text)) return 'weekly';
  if (/\bmonthly\b|\bevery month\b/i.test(text)) return 'monthly';
  if (/\bquarterly\b/i.test(text)) return 'quarterly';
  if (/\bannual(?:ly)?\b|\byear on year\b/i.test(text)) return 'annually';
  return undefined;
}

export function parseTimescale(printed: string): Timescale {
  const text = printed.replace(/\s+/g, ' ').trim();
  const review = /\breview\b/i.test(text);
  if (/^completed?\.?$/i.test(text)) return { printed: text, kind: 'completed', review: false };

  // "1- 31 Dec 2011": the start is a bare day of the end's month.
  const sameMonth = new RegExp(`^(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})`, 'i').exec(text);
  const found = mentions(text);
  if (sameMonth) {
    const month = MONTHS[sameMonth[3]!.slice(0, 3).toLowerCase()]!;
    const year = Number(sameMonth[4]);
    return { printed: text, kind: 'range', start: iso(year, month, Number(sameMonth[1])), end: iso(year, month, Number(sameMonth[2])), review };
  }

  const recurrence = recurrenceOf(text);
  const until = /\buntil\b/i.test(text) ? found[found.length - 1] : undefined;
  if (recurrence && (until || found.length === 0 || /^review\b|^(?:weekly|monthly|quarterly)\b/i.test(text))) {
    return {
      printed: text,
      kind: 'recurring',
      recurrence,
      review,
      ...(until ? { until: lastDay(until) } : {}),
      ...(found[0] && found[0] !== until ? { start: firstDay(found[0]) } : {}),
    };
  }
  if (found.length === 0) return { printed: text, kind: recurrence ? 'recurring' : 'unknown', review, ...(recurrence ? { recurrence } : {}) };
  if (found.length === 1) {
    const only = found[0]!;
    if (/^(?:from|start)\b/i.test(text)) return { printed: text, kind: 'from', start: firstDay(only), review, ...(recurrence ? { recurrence } : {}) };
    return {
      printed: text,
      kind: 'date',
      end: lastDay(only),
      ...(only.day !== undefined ? { start: lastDay(only) } : { start: firstDay(only) }),
      review,
      ...(recurrence ? { recurrence } : {}),
    };
  }
  return { printed: text, kind: 'range', start: firstDay(found[0]!), end: lastDay(found[found.length - 1]!), review, ...(recurrence ? { recurrence } : {}) };
}

/** The date by which the measure is due, when there is one: the end of a range, a date, a recurrence's last date. */
export function dueDate(timescale: Timescale): string | undefined {
  if (timescale.kind === 'recurring') return timescale.until;
  if (timescale.kind === 'range' || timescale.kind === 'date') return timescale.end;
  return undefined;
}
