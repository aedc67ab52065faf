/**
 * Red, amber or green for an indicator against its target, on an "as at" day:
 * - green: the latest value meets the target;
 * - red: it does not, and the deadline has passed, or the value is behind the straight line from the first
 *   observation to the target at its deadline (the trajectory);
 * - amber: it does not yet, but is on or ahead of that trajectory (or the target has no deadline).
 * Only observations known by the day (as_at on or before it) count; for a period reported twice, the later report wins.
 */

export type TargetRag = 'red' | 'amber' | 'green' | 'none';

export interface Observation {
  period: string; // "2011-05"
  value: number;
  asAt: string; // ISO date the figure was reported
}

export interface Target {
  value: number;
  comparison: 'at-most' | 'at-least';
  /** ISO date, or null. */
  deadline: string | null;
}

/**
 * Why the colour, as a code the presenter puts into the reader's language (catalogue planRag.reason.<code>):
 * the domain decides, the web layer words it.
 */
export type RagReason = 'no-figures' | 'met' | 'missed' | 'not-yet-met' | 'on-track' | 'behind';

export interface TargetAssessment {
  rag: TargetRag;
  latest?: Observation;
  /** Where the trajectory says the value should be by the latest period. */
  expected?: number;
  reason: RagReason;
}

/** The last day of a "YYYY-MM" period. */
export function periodEnd(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Observations known by the day, one per period (the latest report of it), in period order. */
export function knownSeries(observations: Observation[], asAt: string): Observation[] {
  const byPeriod = new Map<string, Observation>();
  for (const observation of observations) {
    if (observation.asAt > asAt) continue;
    const seen = byPeriod.get(observation.period);
    if (!seen || seen.asAt < observation.asAt) byPeriod.set(observation.period, observation);
  }
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}

const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function assessTarget(target: Target, observations: Observation[], asAt: string): TargetAssessment {
  const series = knownSeries(observations, asAt);
  const latest = series[series.length - 1];
  if (!latest) return { rag: 'none', reason: 'no-figures' };
  const meets = (value: number) => (target.comparison === 'at-most' ? value <= target.value : value >= target.value);
  if (meets(latest.value)) return { rag: 'green', latest, reason: 'met' };
  if (target.deadline && asAt > target.deadline) return { rag: 'red', latest, reason: 'missed' };
  const first = series[0]!;
  if (!target.deadline || first === latest) return { rag: 'amber', latest, reason: 'not-yet-met' };
  const start = days(periodEnd(first.period));
  const end = days(target.deadline);
  const now = days(periodEnd(latest.period));
  const share = end > start ? Math.min(1, Math.max(0, (now - start) / (end - start))) : 1;
  const expected = first.value + (target.value - first.value) * share;
  const onTrack = target.comparison === 'at-most' ? latest.value <= expected : latest.value >= expected;
  return onTrack ? { rag: 'amber', latest, expected, reason: 'on-track' } : { rag: 'red', latest, expected, reason: 'behind' };
}
