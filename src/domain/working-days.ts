/**
 * Clear working days, as councils count notice of meetings (Local Government Act 1972 s.100B: an agenda is open to
 * inspection at least five clear days before the meeting). "Clear" leaves out the day the agenda is published and
 * the day of the meeting; "working" leaves out Saturdays, Sundays and bank holidays.
 * Dates are 'YYYY-MM-DD' strings: a council date has no time zone.
 */

/**
 * Bank holidays in England and Wales, 2010-2030, as published on GOV.UK (including the one-off days: the royal
 * wedding 2011, the jubilees 2012 and 2022, the state funeral 2022, the coronation 2023, and the VE Day move 2020).
 * Years after 2026 follow the usual rules until announced otherwise.
 */
export const BANK_HOLIDAYS_ENGLAND_AND_WALES: readonly string[] = [
  '2010-01-01', '2010-04-02', '2010-04-05', '2010-05-03', '2010-05-31', '2010-08-30', '2010-12-27', '2010-12-28',
  '2011-01-03', '2011-04-22', '2011-04-25', '2011-04-29', '2011-05-02', '2011-05-30', '2011-08-29', '2011-12-26', '2011-12-27',
  '2012-01-02', '2012-04-06', '2012-04-09', '2012-05-07', '2012-06-04', '2012-06-05', '2012-08-27', '2012-12-25', '2012-12-26',
  '2013-01-01', '2013-03-29', '2013-04-01', '2013-05-06', '2013-05-27', '2013-08-26', '2013-12-25', '2013-12-26',
  '2014-01-01', '2014-04-18', '2014-04-21', '2014-05-05', '2014-05-26', '2014-08-25', '2014-12-25', '2014-12-26',
  '2015-01-01', '2015-04-03', '2015-04-06', '2015-05-04', '2015-05-25', '2015-08-31', '2015-12-25', '2015-12-28',
  '2016-01-01', '2016-03-25', '2016-03-28', '2016-05-02', '2016-05-30', '2016-08-29', '2016-12-26', '2016-12-27',
  '2017-01-02', '2017-04-14', '2017-04-17', '2017-05-01', '2017-05-29', '2017-08-28', '2017-12-25', '2017-12-26',
  '2018-01-01', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28', '2018-08-27', '2018-12-25', '2018-12-26',
  '2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26',
  '2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28',
  '2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28',
  '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27',
  '2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26',
  '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
  '2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26',
  '2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26', '2030-12-25', '2030-12-26',
];

export const BANK_HOLIDAY_YEARS = { from: 2010, to: 2030 } as const;
const HOLIDAYS = new Set(BANK_HOLIDAYS_ENGLAND_AND_WALES);

/** Five clear working days' notice is the statutory minimum for publishing an agenda. */
export const AGENDA_NOTICE_CLEAR_WORKING_DAYS = 5;

function parse(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) throw new RangeError(`not a date: ${date}`);
  return parsed;
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function checkYear(date: string): void {
  const year = Number(date.slice(0, 4));
  if (year < BANK_HOLIDAY_YEARS.from || year > BANK_HOLIDAY_YEARS.to) {
    throw new RangeError(`bank holidays are known for ${BANK_HOLIDAY_YEARS.from}-${BANK_HOLIDAY_YEARS.to}, not ${year}`);
  }
}

export function isWorkingDay(date: string): boolean {
  checkYear(date);
  const day = parse(date).getUTCDay();
  return day !== 0 && day !== 6 && !HOLIDAYS.has(date);
}

/** Working days strictly between two dates (0 when the second is not at least two days after the first). */
export function clearWorkingDaysBetween(from: string, to: string): number {
  const start = parse(from);
  const end = parse(to);
  let count = 0;
  for (let day = new Date(start.getTime() + 86_400_000); day < end; day = new Date(day.getTime() + 86_400_000)) {
    if (isWorkingDay(format(day))) count += 1;
  }
  return count;
}

/** The last day an agenda can be published with the given clear working days' notice before a meeting. */
export function latestPublicationDate(meetingDate: string, clearDays = AGENDA_NOTICE_CLEAR_WORKING_DAYS): string {
  let day = new Date(parse(meetingDate).getTime() - 86_400_000);
  let counted = 0;
  while (counted < clearDays) {
    if (isWorkingDay(format(day))) counted += 1;
    day = new Date(day.getTime() - 86_400_000);
  }
  return format(day);
}
