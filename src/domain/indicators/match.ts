/**
 * Which indicator a printed figure or target is about. Reports say "unallocated cases" or "outstanding initial
 * assessments"; the dashboard says "Number of Cases Unallocated for over 28 days" and "Initial Assessments in
 * progress out of timescale". Distinctive words decide (unallocated, initial, core, ...), and a count never matches a
 * percentage indicator nor the other way round. A vacancy rate is the complement of a "posts filled" percentage.
 * No match, or two equally good ones, is undefined: the caller reports it rather than guessing.
 */

export interface IndicatorName {
  id: string;
  name: string;
  unit: 'count' | 'percent';
}

export interface IndicatorMatch {
  id: string;
  /** The figure is 100 minus the indicator's value ("vacancy rate" for "posts filled"). */
  complement: boolean;
}

const STOP = new Set([
  'number',
  'numbers',
  'of',
  'the',
  'for',
  'over',
  'in',
  'out',
  'a',
  'to',
  'and',
  'cases',
  'case',
  'days',
  'day',
  'percentage',
  'rate',
  'outstanding',
  'progress',
  'timescale',
  'timescales',
  'within',
  'carried',
  'referral',
  'assessments',
  'assessment',
  'qualified',
  'social',
  'workers',
]);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/\([^)]*\)/g, ' ')
      .split(/[^a-z]+/)
      .filter((word) => word.length > 2 && !STOP.has(word)),
  );
}

export function matchIndicator(label: string, indicators: readonly IndicatorName[]): IndicatorMatch | undefined {
  const lower = label.toLowerCase();
  if (/\bvacanc(?:y|ies)\b/.test(lower)) {
    const filled = indicators.filter((indicator) => indicator.unit === 'percent' && /\bposts filled\b/i.test(indicator.name));
    return filled.length === 1 ? { id: filled[0]!.id, complement: true } : undefined;
  }
  const percent = /\bpercentage\b|%/.test(lower);
  const wanted = words(label);
  let best: IndicatorName[] = [];
  let bestScore = 0;
  for (const indicator of indicators) {
    if ((indicator.unit === 'percent') !== percent) continue;
    const have = words(indicator.name);
    const score = [...wanted].filter((word) => have.has(word)).length;
    if (score > bestScore) {
      best = [indicator];
      bestScore = score;
    } else if (score === bestScore && score > 0) {
      best.push(indicator);
    }
  }
  return best.length === 1 ? { id: best[0]!.id, complement: false } : undefined;
}
