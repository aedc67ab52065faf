/**
 * Bank holidays of the three UK jurisdictions, for any year. The regular days come from the date-holidays library
 * (its GB rules: England and Wales share one list, Scotland and Northern Ireland have their own, with the Banking and
 * Financial Dealings Act 1971 substitute days when a holiday falls at a weekend). Days set or moved by royal
 * proclamation are one-offs no rule can know: they are data here, and a new one is a line added below.
 */
import Holidays from 'date-holidays';

export const JURISDICTIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** The library's region for each jurisdiction (Wales shares England's bank holidays). */
const REGIONS: Record<Jurisdiction, string> = { 'england-and-wales': 'ENG', scotland: 'SCT', 'northern-ireland': 'NIR' };

interface OneOff {
  /** A bank holiday proclaimed for that year only. */
  add?: string;
  /** A usual bank holiday that the proclamation moved (to the `add` day). */
  remove?: string;
  why: string;
  jurisdictions: readonly Jurisdiction[];
}

const UK = JURISDICTIONS;

/** Proclaimed one-off and moved days the library lacks (checked against it: the days it already has are not here). */
const ONE_OFFS: readonly OneOff[] = [
  { add: '1977-06-07', why: 'Silver Jubilee', jurisdictions: UK },
  { add: '1995-05-08', remove: '1995-05-01', why: 'early May bank holiday moved for the 50th anniversary of VE Day', jurisdictions: UK },
  { add: '1999-12-31', why: 'Millennium', jurisdictions: UK },
  { add: '2002-06-03', why: 'Golden Jubilee', jurisdictions: UK },
  { add: '2002-06-04', remove: '2002-05-27', why: 'spring bank holiday moved for the Golden Jubilee', jurisdictions: UK },
  { add: '2011-04-29', why: 'wedding of Prince William and Catherine Middleton', jurisdictions: UK },
  { add: '2012-06-04', remove: '2012-05-28', why: 'spring bank holiday moved for the Diamond Jubilee', jurisdictions: UK },
];

const calendars = new Map<Jurisdiction, Holidays>();
const years = new Map<string, readonly string[]>();

/** The bank holidays of a year in a jurisdiction, as sorted 'YYYY-MM-DD' dates (weekend days included as named). */
export function bankHolidays(year: number, jurisdiction: Jurisdiction): readonly string[] {
  const key = `${jurisdiction}:${year}`;
  const known = years.get(key);
  if (known) return known;
  let calendar = calendars.get(jurisdiction);
  if (!calendar) {
    calendar = new Holidays('GB', REGIONS[jurisdiction]);
    calendars.set(jurisdiction, calendar);
  }
  const days = new Set(
    calendar
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
      .map((holiday) => holiday.date.slice(0, 10)),
  );
  for (const oneOff of ONE_OFFS) {
    if (!oneOff.jurisdictions.includes(jurisdiction)) continue;
    if (oneOff.remove?.startsWith(`${year}-`)) days.delete(oneOff.remove);
    if (oneOff.add?.startsWith(`${year}-`)) days.add(oneOff.add);
  }
  const sorted = Object.freeze([...days].sort());
  years.set(key, sorted);
  return sorted;
}
