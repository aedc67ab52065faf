/**
 * Times as the open data APIs publish them. Council dates and clock times carry no zone in the database; they are
 * the time in England, so published date-times carry the Europe/London offset of that day (GMT or BST).
 */

export function isoTimestamp(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

// Made once: building an Intl formatter costs far more than formatting, and lists format hundreds of dates.
const LONDON_OFFSET = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** '2011-04-06' and '10:00:00' -> '2011-04-06T10:00:00+01:00'. */
export function londonDateTime(date: string, time: string): string {
  const clock = time.length === 5 ? `${time}:00` : time.slice(0, 8);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = clock.split(':').map(Number) as [number, number];
  // The offset at that wall-clock time; the hour of the clock change itself is never a committee start time.
  const instant = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const zone = LONDON_OFFSET.formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = zone === undefined || zone === 'GMT' ? '+00:00' : zone.replace('GMT', '');
  return `${date}T${clock}${offset}`;
}

/** '2011-04-06' -> '6 April 2011'. */
export function longDate(date: string): string {
  return LONG_DATE.format(new Date(`${date}T00:00:00Z`));
}
