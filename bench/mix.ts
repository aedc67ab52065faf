/**
 * The realistic mix of issue 23: cached meeting pages on most connections, beside a crawler fetching distinct pages
 * (each URL once, so never from the cache) and visitors running uncached searches. Reports the cached pages' p95
 * alone and with the slow traffic beside them, on each engine: the embedded engine's queries run in a worker thread,
 * so a slow query should not hold the cached pages (aim: cached p95 under 50 ms with the slow traffic).
 */
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/engine.ts';
import { linkTo } from '../src/http/routes.ts';
import { percentile, prepare, type PortalBenchOptions, startPortal, waitFor } from './portal.ts';

export interface MixBenchOptions {
  years: number;
  seed: number;
  /** Seconds of each phase. */
  duration: number;
  cachedConnections: number;
  crawlerConnections: number;
  searchConnections: number;
  postgresUrl?: string;
}

interface Figures {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

function figures(times: number[], errors: number, duration: number): Figures {
  times.sort((a, b) => a - b);
  const round = (value: number) => Number(value.toFixed(1));
  return {
    requests: times.length,
    errors,
    perSecond: round(times.length / duration),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
  };
}

/** autocannon over paths; with once, each path is fetched at most once (a crawler), and the run stops when they are used up. */
function load(origin: string, paths: string[], connections: number, duration: number, once = false): Promise<Figures> {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration,
        timeout: 10,
        requests: [
          {
            setupRequest: (request) => {
              const p = once ? paths[next++] : paths[next++ % paths.length];
              return { ...request, method: 'GET', path: p ?? paths[0]! };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(figures(times, errors + done.errors + done.timeouts, duration))),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode !== 200) errors++;
      times.push(responseTime);
    });
  });
}

async function mixPaths(env: Record<string, string>) {
  const config = { dataDir: env.QUORUM_DATA_DIR ?? '/nonexistent', ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}) };
  const handle = await openDatabase(config);
  try {
    const meetings = await handle.db.selectFrom('meeting').select('id').orderBy('id').execute();
    const words = ['budget', 'highways', 'school', 'care', 'planning', 'waste', 'library', 'transport', 'housing', 'flood'];
    return {
      cached: meetings.slice(0, 50).map((m) => linkTo('meeting.show', { id: m.id })),
      crawler: meetings.slice(50).map((m) => linkTo('meeting.show', { id: m.id })),
      // Each search a new key (a word and a page), so never from the cache.
      search: Array.from({ length: 2000 }, (_, index) => `${linkTo('search')}?q=${words[index % words.length]}&page=${1 + Math.floor(index / words.length)}`),
    };
  } finally {
    await handle.close();
  }
}

export async function runMixBench(options: MixBenchOptions) {
  const engines: Array<'pglite' | 'postgres'> = ['pglite', ...(options.postgresUrl ? (['postgres'] as const) : [])];
  const results: Record<string, unknown> = { options: { ...options, postgresUrl: undefined } };
  for (const engine of engines) {
    let env: Record<string, string>;
    try {
      env = await prepare({ years: options.years, seed: options.seed, postgresUrl: options.postgresUrl } as PortalBenchOptions, engine);
    } catch (error) {
      console.log(`Skipping ${engine}: ${(error as Error).message}`);
      continue;
    }
    const paths = await mixPaths(env);
    const { child, origin } = startPortal(env, 3950, 'error');
    try {
      await waitFor(`${origin}/healthz`, child, 180);
      for (const p of paths.cached) await fetch(`${origin}${p}`).then((response) => response.arrayBuffer());
      const alone = await load(origin, paths.cached, options.cachedConnections, options.duration);
      const [cached, crawler, search] = await Promise.all([
        load(origin, paths.cached, options.cachedConnections, options.duration),
        load(origin, paths.crawler, options.crawlerConnections, options.duration, true),
        load(origin, paths.search, options.searchConnections, options.duration, true),
      ]);
      const aims = { cachedP95Under50msBesideSlowTraffic: cached.p95 < 50 };
      console.log(`${engine} cached alone:       ${alone.perSecond} req/s p95 ${alone.p95} ms errors ${alone.errors}`);
      console.log(`${engine} cached beside slow: ${cached.perSecond} req/s p95 ${cached.p95} ms errors ${cached.errors}`);
      console.log(`${engine} crawler:            ${crawler.perSecond} req/s p95 ${crawler.p95} ms errors ${crawler.errors}`);
      console.log(`${engine} uncached search:    ${search.perSecond} req/s p95 ${search.p95} ms errors ${search.errors}`);
      console.log(
        `${engine} aims: ${Object.entries(aims)
          .map(([aim, met]) => `${aim} ${met ? 'met' : 'MISSED'}`)
          .join(', ')}`,
      );
      results[engine] = { cachedAlone: alone, cachedBesideSlowTraffic: cached, crawler, search, aims };
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  return results;
}
