/**
 * Figures a progress report prints about the indicators: "Between February and April we have: - Reduced unallocated
 * cases from 2269 to 973". Each gives two observations: the first month's value and the second's. The year is the
 * report's (its meeting date), since reports print months alone.
 */
import { plainText } from '../../segment.ts';
import type { ObservationRecord } from './types.ts';

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const BETWEEN = new RegExp(`\\bBetween\\s+${MONTH}\\s+and\\s+(?:early\\s+|mid[- ]|late\\s+|the end of\\s+)?${MONTH}\\b`, 'i');
const REDUCED = /\b(?:Reduced|Increased|Improved)\s+(.+?)\s+from\s+([\d,]+)\s*%?\s+to\s+([\d,]+)/i;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function period(year: number, month: string): string {
  return `${year}-${String(MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, '0')}`;
}

/** @param reportDate ISO date of the report (or of the meeting it went to), for the year. */
export function extractFigures(lines: string[], lineFrom: number, reportDate: string): ObservationRecord[] {
  const year = Number(reportDate.slice(0, 4));
  const found: ObservationRecord[] = [];
  let between: { from: string; to: string } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const text = plainText(lines[index]!);
    const heading = BETWEEN.exec(text);
    if (heading) {
      const fromMonth = MONTHS.indexOf(heading[1]!.toLowerCase());
      const reportMonth = Number(reportDate.slice(5, 7)) - 1;
      // "Between February and April" in a May report is this year; "Between November and January" starts last year.
      const fromYear = fromMonth > reportMonth ? year - 1 : year;
      between = { from: period(fromYear, heading[1]!), to: period(year, heading[2]!) };
      continue;
    }
    if (!between) continue;
    if (/^(?:#+\s|\d+\.\s|\(\d+\)\s)/.test(lines[index]!.trim()) && !REDUCED.test(text)) between = undefined;
    const figure = between && REDUCED.exec(text);
    if (!figure || !between) continue;
    const label = figure[1]!.trim();
    const line = lineFrom + index;
    found.push({ label, period: between.from, value: Number(figure[2]!.replace(/,/g, '')), lineFrom: line, lineTo: line });
    found.push({ label, period: between.to, value: Number(figure[3]!.replace(/,/g, '')), lineFrom: line, lineTo: line });
  }
  return found;
}
