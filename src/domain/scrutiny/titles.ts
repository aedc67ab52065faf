import { memoize } from '../memo.ts';
/**
 * Whether a tracking sheet row and a call-in name the same item. Officers retype titles by hand, so a row may differ
 * from the call-in by a character ("…2010-12" for "…2010-11"): that is a near match, linked but reported, never
 * silently merged.
 */
export type TitleMatch = 'exact' | 'near' | 'different';

const normalise = memoize((text: string): string => {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
});

/** Edit distance, stopping early once it exceeds `limit` (titles are short; this runs per row). */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

export function compareTitles(a: string, b: string): TitleMatch {
  const x = normalise(a);
  const y = normalise(b);
  if (x === y) return 'exact';
  // A slip of a few characters in a long title; short titles must match exactly.
  const limit = Math.min(3, Math.floor(Math.min(x.length, y.length) / 15));
  return limit > 0 && editDistance(x, y, limit) <= limit ? 'near' : 'different';
}
