/**
 * Uncached search (issue 19 item 4, issue 23 item 2): first requests of distinct searches, rendered from the
 * database, on generated authorities of 1, 5 and 20 years, on each engine. Every URL is asked once, one at a time,
 * on a freshly started `quorum start`, so none comes from the page cache. The searches are what people type: common
 * words that match thousands of records (the worst case for ranking and counting), the generated topics as phrases,
 * names with honorifics, misspellings (the "Did you mean" path) and filtered searches. Reports p50, p95 and the
 * slowest per engine and size; the aim is p95 under 100 ms at twenty years, with the cost not growing with the
 * archive.
 */
import { linkTo } from '../src/http/routes.ts';
import { FAMILY_NAMES, GIVEN_NAMES, TOPICS, WORDS } from '../src/domain/generate/vocabulary.ts';
import { percentile, prepare, type PortalBenchOptions, startPortal, waitFor } from './portal.ts';

export interface SearchBenchOptions {
  years: number[];
  seed: number;
  postgresUrl?: string;
}

/** Distinct search URLs by what people type, the same for every size and engine. */
export function searchGroups(): Record<string, string[]> {
  const common = WORDS.filter((word) => word.length > 4).slice(0, 24);
  const kinds = ['decision', 'report', 'minute', 'agenda-item', 'recommendation', 'plan-action', 'indicator', 'person'];
  const groups: Record<string, string[][]> = {
    searchCommon: [...common.map((word) => [`q=${word}`]), ...common.slice(0, 6).map((word) => [`q=${word}`, 'page=2'])],
    searchPhrase: TOPICS.slice(0, 16).map((topic) => [`q=${encodeURIComponent(topic)}`]),
    searchName: FAMILY_NAMES.slice(0, 8).flatMap((family, index) => [
      [`q=${encodeURIComponent(`Councillor ${family}`)}`],
      [`q=${encodeURIComponent(`Cllr ${GIVEN_NAMES[index]} ${family}`)}`],
    ]),
    searchMisspelt: ['budjet', 'transprot', 'libary', 'hihgways', 'scrutinny', 'consultaton', 'flod defences', 'wastte'].map((typo) => [
      `q=${encodeURIComponent(typo)}`,
    ]),
    searchKind: kinds.map((kind, index) => [`q=${common[index]}`, `kind=${kind}`]),
    searchYear: common.slice(0, 6).map((word, index) => [`q=${word}`, `from=${2010 + index}-01-01`, `to=${2010 + index}-12-31`]),
  };
  return Object.fromEntries(Object.entries(groups).map(([name, queries]) => [name, queries.map((parts) => `${linkTo('search')}?${parts.join('&')}`)]));
}

/** Every search of searchGroups, in one list. */
export function searchPaths(): string[] {
  return Object.values(searchGroups()).flat();
}

interface Figures {
  searches: number;
  errors: number;
  p50: number;
  p95: number;
  max: number;
  /** The five slowest searches, to show where the time goes. */
  slowest: Array<{ path: string; ms: number }>;
  floor?: { p50: number; p95: number };
}

async function firstRequests(origin: string, paths: string[]): Promise<Figures> {
  const timed: Array<{ path: string; ms: number }> = [];
  let errors = 0;
  for (const p of paths) {
    const started = performance.now();
    const response = await fetch(`${origin}${p}`);
    await response.arrayBuffer();
    timed.push({ path: p, ms: performance.now() - started });
    if (response.status !== 200) errors++;
  }
  const times = timed.map((one) => one.ms).sort((a, b) => a - b);
  const round = (value: number) => Number(value.toFixed(1));
  const slowest = [...timed]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((one) => ({ path: one.path, ms: round(one.ms) }));
  return {
    searches: times.length,
    errors,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    max: round(times[times.length - 1]!),
    slowest,
  };
}

export async function runSearchBench(options: SearchBenchOptions) {
  const engines: Array<'pglite' | 'postgres'> = ['pglite', ...(options.postgresUrl ? (['postgres'] as const) : [])];
  const paths = searchPaths();
  const results: Record<string, unknown> = { options: { ...options, postgresUrl: undefined }, searches: paths.length };
  for (const engine of engines) {
    const byYears: Record<string, Figures> = {};
    for (const years of options.years) {
      let env: Record<string, string>;
      try {
        // Its own copy of each authority ("search-y20-s1"): this benchmark's schema may be ahead of the portal's.
        env = await prepare({ years, seed: options.seed, postgresUrl: options.postgresUrl, cacheKey: 'search' } as PortalBenchOptions, engine);
      } catch (error) {
        console.log(`Skipping ${engine}: ${(error as Error).message}`);
        break;
      }
      const { child, origin } = startPortal(env, 3990, 'error');
      try {
        await waitFor(`${origin}/healthz`, child, 600);
        // One page that is not a search first, so the server's own start-up (templates, first connection) is not
        // counted against the first search.
        await fetch(`${origin}${linkTo('search')}`).then((response) => response.arrayBuffer());
        // The floor at this moment: the health check (no database work beyond a ping, no page), asked as often. On
        // a machine shared with other work, a search's figure means something only beside it.
        const floor = await firstRequests(
          origin,
          paths.map(() => linkTo('healthz')),
        );
        const figures = await firstRequests(origin, paths);
        byYears[`${years}`] = { ...figures, floor: { p50: floor.p50, p95: floor.p95 } } as Figures;
        console.log(
          `${engine} ${String(years).padStart(2)} years: ${figures.searches} distinct searches, uncached p50 ${figures.p50} ms, p95 ${figures.p95} ms, slowest ${figures.max} ms, errors ${figures.errors}; health check beside it p50 ${floor.p50} ms, p95 ${floor.p95} ms`,
        );
        console.log(`  slowest: ${figures.slowest.map((one) => `${one.path} ${one.ms} ms`).join('; ')}`);
      } finally {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    }
    const largest = byYears[String(Math.max(...options.years))];
    const aims = largest ? { uncachedSearchP95Under100ms: largest.p95 < 100 && largest.errors === 0 } : {};
    console.log(
      `${engine} aims: ${Object.entries(aims)
        .map(([aim, met]) => `${aim} ${met ? 'met' : 'MISSED'}`)
        .join(', ')}`,
    );
    results[engine] = { byYears, aims };
  }
  return results;
}
