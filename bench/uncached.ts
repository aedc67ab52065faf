/**
 * Uncached pages at archive size (issue 23 item 2): the FIRST request of DISTINCT URLs of each route type, one at a
 * time, against `quorum start` on generated authorities of 1, 5 and 20 years, on each engine. The cache never helps
 * (every URL is new to the server), so this is what a crawler, or the first visitor after a change, is served.
 * Aim: p95 under 100 ms for every route type, and a cost that does not grow with the archive.
 */
import { sql } from 'kysely';
import { openDatabase } from '../src/db/engine.ts';
import { linkTo } from '../src/http/routes.ts';
import { encodeDecisionCursor } from '../src/web/portal/decision-cursor.ts';
import { percentile, prepare, type PortalBenchOptions, startPortal, waitFor } from './portal.ts';

export interface UncachedBenchOptions {
  /** Archive sizes to measure, in years of one authority. */
  years: number[];
  seed: number;
  /** Distinct URLs per route type. */
  perRoute: number;
  postgresUrl?: string;
  /** Only these engines (default both). */
  engines?: Array<'pglite' | 'postgres'>;
}

/** Evenly spread picks from a list (the archive's old and new records alike), at most n. */
function spread<T>(list: T[], n: number): T[] {
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, index) => list[Math.floor((index * list.length) / n)]!);
}

/** Distinct URLs of each route type on this database. */
export async function uncachedPaths(env: Record<string, string>, perRoute: number): Promise<Record<string, string[]>> {
  const config = { dataDir: env.QUORUM_DATA_DIR ?? '/nonexistent', ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}) };
  const handle = await openDatabase(config as Parameters<typeof openDatabase>[0]);
  try {
    const db = handle.db;
    const [meetings, people, bodies, authority, resolutions] = await Promise.all([
      db.selectFrom('meeting').select('id').orderBy('id').execute(),
      db.selectFrom('person').select('id').where('kind', '=', 'member').orderBy('id').execute(),
      db.selectFrom('body').select(['slug', 'id']).where('kind', '!=', 'council').orderBy('slug').execute(),
      db.selectFrom('authority').select('id').orderBy('id').executeTakeFirstOrThrow(),
      db
        .selectFrom('resolution')
        .select(({ fn }) => fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    // Deep pages of the register as its "Older decisions" links reach them: the cursor of entries spread over it.
    const entries = await sql<{ date: string; body_name: string | null; minute_number: string | null; position: number; id: string }>`
      select date::text as date, body_name, minute_number, position, id
        from (select e.*, row_number() over (order by date desc, body_name nulls last, minute_number nulls last, position, id) as n,
                     count(*) over () as total
                from decision_register_entry e) ranked
       where n % greatest(1, total / ${perRoute + 1}) = 0
       order by n
       limit ${perRoute}`.execute(db);
    // Numbered pages, as old links still ask for them (bounded at 21: src/services/search/decision-query.ts).
    const numberedPages = Array.from({ length: 20 }, (_, index) => index + 2).slice(0, Math.max(1, Math.floor(Number(resolutions.n) / 50) - 1));
    const oparl = (route: 'oparl.body.meetings' | 'oparl.body.papers' | 'oparl.body.people', query: string) =>
      Array.from({ length: perRoute }, (_, index) => `${linkTo(route, { id: authority.id })}?page=${index + 1}${query}`);
    // A client polling for changes asks "since my last poll, a moment ago": few or no objects, whatever the archive.
    // (An hour ago was the whole archive when it had been generated within the hour.)
    const since = `&modified_since=${encodeURIComponent(new Date().toISOString())}`;
    return {
      meeting: spread(meetings, perRoute).map((m) => linkTo('meeting.show', { id: m.id })),
      councillor: spread(people, perRoute).map((p) => linkTo('person.show', { id: p.id })),
      committee: spread(bodies, perRoute).map((b) => linkTo('committee.show', { slug: b.slug })),
      // First pages: the register and each committee's register (distinct URLs, each a first page).
      decisionsFirst: [linkTo('decision.list'), ...spread(bodies, perRoute - 1).map((b) => `${linkTo('decision.list')}?body=${encodeURIComponent(b.slug)}`)],
      // Deep pages, spread over the whole register up to its last page.
      decisionsDeep: entries.rows.map(
        (row) =>
          `${linkTo('decision.list')}?before=${encodeDecisionCursor({ date: row.date, bodyName: row.body_name, minuteNumber: row.minute_number, position: row.position, id: row.id })}`,
      ),
      decisionsNumbered: spread(numberedPages, perRoute).map((page) => `${linkTo('decision.list')}?page=${page}`),
      oparlMeetings: oparl('oparl.body.meetings', ''),
      oparlPapers: oparl('oparl.body.papers', ''),
      oparlPersons: oparl('oparl.body.people', '').slice(0, Math.max(1, Math.ceil(people.length / 20))),
      oparlMeetingsModifiedSince: oparl('oparl.body.meetings', since).slice(0, 3),
      oparlPapersModifiedSince: oparl('oparl.body.papers', since).slice(0, 3),
      oparlPersonsModifiedSince: oparl('oparl.body.people', since).slice(0, 3),
    };
  } finally {
    await handle.close();
  }
}

interface RouteFigures {
  urls: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
}

async function measureEngine(engine: 'pglite' | 'postgres', years: number, options: UncachedBenchOptions) {
  const env = await prepare({ years, seed: options.seed, postgresUrl: options.postgresUrl } as PortalBenchOptions, engine, 'uncached');
  const paths = await uncachedPaths(env, options.perRoute);
  const { child, origin } = startPortal(env, 4000, 'error');
  const routes: Record<string, RouteFigures> = {};
  try {
    await waitFor(`${origin}/healthz`, child, 300);
    // One warm-up request of another kind, so the first route measured does not pay for the process's start.
    await fetch(`${origin}${linkTo('committee.list')}`).then((response) => response.arrayBuffer());
    for (const [name, list] of Object.entries(paths)) {
      const times: number[] = [];
      let errors = 0;
      for (const p of list) {
        const started = performance.now();
        const response = await fetch(`${origin}${p}`);
        await response.arrayBuffer();
        times.push(performance.now() - started);
        if (response.status !== 200 || response.headers.get('x-quorum-cache') === 'hit') errors++;
      }
      times.sort((a, b) => a - b);
      const round = (value: number) => Number(value.toFixed(1));
      routes[name] = {
        urls: list.length,
        p50: round(percentile(times, 50)),
        p95: round(percentile(times, 95)),
        max: round(times[times.length - 1] ?? NaN),
        errors,
      };
      console.log(
        `${engine} ${String(years).padStart(2)}y ${name.padEnd(28)} ${String(list.length).padStart(3)} URLs  p50 ${routes[name]!.p50} ms  p95 ${routes[name]!.p95} ms  max ${routes[name]!.max} ms  errors ${errors}`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  return routes;
}

export async function runUncachedBench(options: UncachedBenchOptions) {
  const engines = (['pglite', ...(options.postgresUrl ? (['postgres'] as const) : [])] as const).filter(
    (engine) => !options.engines || options.engines.includes(engine),
  );
  const results: Record<string, unknown> = { options: { ...options, postgresUrl: undefined } };
  for (const engine of engines) {
    const byYears: Record<string, Record<string, RouteFigures>> = {};
    for (const years of options.years) {
      try {
        byYears[`${years}y`] = await measureEngine(engine, years, options);
      } catch (error) {
        console.log(`Skipping ${engine} at ${years} years: ${(error as Error).message}`);
      }
    }
    const largest = byYears[`${Math.max(...options.years)}y`];
    const aims = largest ? Object.fromEntries(Object.entries(largest).map(([route, figures]) => [`${route}P95Under100ms`, figures.p95 < 100])) : {};
    if (largest)
      console.log(
        `${engine} aims: ${Object.entries(aims)
          .map(([aim, met]) => `${aim} ${met ? 'met' : 'MISSED'}`)
          .join(', ')}`,
      );
    results[engine] = { byYears, aims };
  }
  return results;
}
