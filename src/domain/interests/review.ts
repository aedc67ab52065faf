/**
 * When a member's register needs review. A member must tell the monitoring officer of a new interest or a change
 * within 28 days (Localism Act 2011 s.30(1), s.31(2)); councils also ask members to confirm their register at set
 * intervals. A register is due for review when its latest published version is older than the council's review
 * period, or when none was ever published.
 */

function monthsBefore(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function reviewDue(lastPublishedOn: string | null, asAt: string, reviewMonths: number): boolean {
  if (!lastPublishedOn) return true;
  return lastPublishedOn < monthsBefore(asAt, reviewMonths);
}
