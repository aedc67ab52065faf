/**
 * OParl's LegislativeTerm is the council's electoral term. Quorum does not yet record elections, so terms are
 * derived: English county councils are elected whole every four years on the first Thursday in May (2009, 2013,
 * 2017, ...), and each term runs to the day before the next ordinary election. Only terms in which a recorded
 * meeting falls are published.
 */

export interface LegislativeTerm {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}

const CYCLE_YEARS = 4;
const ANCHOR_ELECTION_YEAR = 2009;

/** The first Thursday in May of a year, as YYYY-MM-DD. */
export function ordinaryElectionDay(year: number): string {
  const first = new Date(Date.UTC(year, 4, 1));
  const thursday = 1 + ((4 - first.getUTCDay() + 7) % 7);
  return `${year}-05-${String(thursday).padStart(2, '0')}`;
}

function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

export function termStartingIn(year: number): LegislativeTerm {
  const startDate = ordinaryElectionDay(year);
  const endDate = dayBefore(ordinaryElectionDay(year + CYCLE_YEARS));
  return { id: `term-${year}`, name: `${year} to ${year + CYCLE_YEARS}`, startDate, endDate };
}

/** The term a date falls in. */
export function termOf(date: string): LegislativeTerm {
  const year = Number(date.slice(0, 4));
  let start = ANCHOR_ELECTION_YEAR + Math.floor((year - ANCHOR_ELECTION_YEAR) / CYCLE_YEARS) * CYCLE_YEARS;
  if (date < ordinaryElectionDay(start)) start -= CYCLE_YEARS;
  return termStartingIn(start);
}

/** Every term from the one holding `first` to the one holding `last`, oldest first. */
export function termsSpanning(first: string | null | undefined, last: string | null | undefined): LegislativeTerm[] {
  if (!first || !last) return [];
  const terms: LegislativeTerm[] = [];
  for (let term = termOf(first); term.startDate <= last; term = termStartingIn(Number(term.startDate.slice(0, 4)) + CYCLE_YEARS)) terms.push(term);
  return terms;
}

export function termById(id: string): LegislativeTerm | undefined {
  const match = /^term-(\d{4})$/.exec(id);
  if (!match) return undefined;
  const year = Number(match[1]);
  if ((year - ANCHOR_ELECTION_YEAR) % CYCLE_YEARS !== 0) return undefined;
  return termStartingIn(year);
}
