/**
 * Council meetings are set in UK wall-clock time. Feeds give instants in UTC (an iCalendar TZID would need a
 * VTIMEZONE block, which no installed library generates), so a wall-clock time is turned into its instant here,
 * with the offset the platform's time-zone data gives for that day (GMT or BST).
 */
const ZONE = 'Europe/London';

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'longOffset' });

/** Minutes east of UTC in London at an instant: 0 (GMT) or 60 (BST). */
function londonOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** "2011-04-06" + "10:00" -> 2011-04-06T09:00:00Z (BST). */
export function londonWallTimeToInstant(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, day, hours, minutes);
  // Twice: the offset at the first guess may be the other side of a clock change.
  let instant = asUtc - londonOffsetMinutes(new Date(asUtc)) * 60_000;
  instant = asUtc - londonOffsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}
