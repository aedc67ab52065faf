/**
 * The portal under load, on a generated authority (quorum generate): throughput and p50/p95/p99 latency of a meeting
 * page, a councillor page, a committee page, a search and an OParl list, each beside a bare Fastify route returning
 * the same bytes from memory (the baseline, measured in the same run); a mixed-route load at 64 connections; and the
 * server's peak resident memory. The server runs as its own process (`quorum start`), as in production.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { openDatabase } from '../src/db/engine.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { generateAuthorities } from '../src/services/generate/generator.ts';
import { linkTo } from '../src/http/routes.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

export interface PortalBenchOptions {
  years: number;
  seed: number;
  connections: number;
  /** Seconds per route. */
  duration: number;
  loadConnections: number;
  loadDuration: number;
  postgresUrl?: string;
  /** The cached authority's name prefix (default "portal"): a benchmark that adds migrations keeps its own copy. */
  cacheKey?: string;
}

interface Measured {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** autocannon over a list of paths (cycled), with every response time kept so p95 can be read exactly. */
async function measure(origin: string, paths: string[], connections: number, duration: number): Promise<Measured> {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: origin, connections, duration, requests: paths.map((p) => ({ method: 'GET', path: p })) }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode !== 200) errors++;
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    errors: errors + result.errors + result.timeouts,
    perSecond: times.length / duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
}

export async function waitFor(url: string, child: ChildProcess, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer ${url} within ${seconds} s`);
}

/** Peak resident set of a process so far (VmHWM), in MiB. */
export function peakRssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** A generated authority in a cached PGlite folder, or a PostgreSQL database made for it. */
/**
 * `quorum start` over a prepared database, on a port near `portBase` (a few benchmarks may run side by side), as
 * `npm start` runs it: a bounded heap makes V8 collect under load instead of growing towards its default limit.
 */
export function startPortal(env: Record<string, string>, portBase: number, logLevel: 'error' | 'warn'): { child: ChildProcess; origin: string } {
  const port = portBase + Math.floor(Math.random() * 40);
  const child = spawn(process.execPath, ['--max-old-space-size=512', '--import', 'tsx', 'src/cli/main.ts', 'start'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: logLevel, QUORUM_PAPERS: path.join(here, '.cache', 'no-papers') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, origin: `http://127.0.0.1:${port}` };
}

export async function prepare(options: PortalBenchOptions, engine: 'pglite' | 'postgres', name = 'portal'): Promise<Record<string, string>> {
  // A benchmark that changes the schema (new migrations on a branch) names its own copy, so it never migrates another's.
  // BENCH_AUTHORITY_KEY makes every benchmark share one generated authority per size (twenty years takes minutes).
  const key = `${process.env.BENCH_AUTHORITY_KEY ?? options.cacheKey ?? name}-y${options.years}-s${options.seed}`;
  let env: Record<string, string>;
  if (engine === 'pglite') {
    const dataDir = path.join(here, '.cache', key);
    env = { QUORUM_DATA_DIR: dataDir };
  } else {
    const admin = new pg.Client({ connectionString: options.postgresUrl });
    await admin.connect();
    const database = `quorum_bench_${key.replace(/-/g, '_')}`;
    const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (!exists.rowCount) await admin.query(`create database ${database}`);
    await admin.end();
    const url = new URL(options.postgresUrl!);
    url.pathname = `/${database}`;
    env = { DATABASE_URL: url.toString() };
  }
  const config = {
    dataDir: env.QUORUM_DATA_DIR ?? path.join(here, '.cache', 'unused'),
    papersDir: '/nonexistent',
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    authorityName: 'Bench',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
  } as Parameters<typeof openDatabase>[0];
  const handle = await openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    const meetings = await handle.db
      .selectFrom('meeting')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(meetings.n) === 0) {
      console.log(`Generating ${options.years} years of one authority for ${engine} (once; kept for later runs) ...`);
      const summary = await generateAuthorities(handle.db, { authorities: 1, years: options.years, seed: options.seed }, (message) =>
        process.stdout.write(`\r${message}   `),
      );
      console.log(`\nGenerated in ${summary.seconds.toFixed(0)} s: ${summary.rows.meeting} meetings, ${summary.rows.agenda_item} agenda items`);
    }
  } finally {
    await handle.close();
  }
  return env;
}

export async function samplePaths(env: Record<string, string>): Promise<Record<string, string[]>> {
  const config = {
    dataDir: env.QUORUM_DATA_DIR ?? '/nonexistent',
    papersDir: '/nonexistent',
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    authorityName: 'Bench',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
  } as Parameters<typeof openDatabase>[0];
  const handle = await openDatabase(config);
  try {
    const meetings = await handle.db.selectFrom('meeting').select('id').orderBy('id').limit(200).execute();
    const people = await handle.db.selectFrom('person').select('id').where('kind', '=', 'member').orderBy('id').limit(50).execute();
    const bodies = await handle.db.selectFrom('body').select('slug').where('kind', '!=', 'council').orderBy('slug').limit(20).execute();
    const authority = await handle.db.selectFrom('authority').select('id').orderBy('id').executeTakeFirstOrThrow();
    return {
      meeting: meetings.map((m) => linkTo('meeting.show', { id: m.id })),
      councillor: people.map((p) => linkTo('person.show', { id: p.id })),
      committee: bodies.map((b) => linkTo('committee.show', { slug: b.slug })),
      search: ['winter service', 'foster carers', 'peripatetic teaching', 'flood defences', 'school admissions'].map(
        (q) => `${linkTo('search')}?q=${encodeURIComponent(q)}`,
      ),
      // A crawler walks the pages of a list: the first twenty pages of meetings, newest first.
      oparl: Array.from({ length: 20 }, (_, index) => `${linkTo('oparl.body.meetings', { id: authority.id })}?page=${index + 1}`),
    };
  } finally {
    await handle.close();
  }
}

export async function runPortalBench(options: PortalBenchOptions) {
  const engines: Array<'pglite' | 'postgres'> = ['pglite', ...(options.postgresUrl ? (['postgres'] as const) : [])];
  const results: Record<string, unknown> = { options: { ...options, postgresUrl: undefined } };
  for (const engine of engines) {
    let env: Record<string, string>;
    try {
      env = await prepare(options, engine);
    } catch (error) {
      console.log(`Skipping ${engine}: ${(error as Error).message}`);
      continue;
    }
    const paths = await samplePaths(env);
    const { child, origin } = startPortal(env, 3900, 'warn');
    try {
      await waitFor(`${origin}/healthz`, child, 120);
      // The baseline: a bare Fastify route answering each path with the bytes the portal gave for it.
      // Fetching them is each path's first request, rendered from the database: timed, one at a time, as the
      // uncached cost that the figures under load (mostly answered from the page cache) do not show.
      const bytes = new Map<string, { type: string; body: Buffer }>();
      const uncached: Record<string, number[]> = {};
      for (const [name, list] of Object.entries(paths)) {
        uncached[name] = [];
        for (const p of list) {
          const started = performance.now();
          const response = await fetch(`${origin}${p}`);
          bytes.set(p, { type: response.headers.get('content-type') ?? 'text/html', body: Buffer.from(await response.arrayBuffer()) });
          uncached[name]!.push(performance.now() - started);
        }
        uncached[name]!.sort((a, b) => a - b);
      }
      const bare = Fastify();
      bare.get('/*', async (request, reply) => {
        const page = bytes.get(request.url);
        return page ? reply.type(page.type).send(page.body) : reply.code(404).send();
      });
      const bareOrigin = await bare.listen({ port: 0, host: '127.0.0.1' });
      const routes: Record<string, unknown> = {};
      for (const [name, list] of Object.entries(paths)) {
        const quorum = await measure(origin, list, options.connections, options.duration);
        const baseline = await measure(bareOrigin, list, options.connections, options.duration);
        const ratio = quorum.perSecond / baseline.perSecond;
        const first = uncached[name]!;
        const uncachedMs = {
          p50: Number(percentile(first, 50).toFixed(1)),
          p95: Number(percentile(first, 95).toFixed(1)),
          max: Number(first[first.length - 1]!.toFixed(1)),
        };
        routes[name] = { quorum, baseline, throughputRatio: Number(ratio.toFixed(3)), uncachedMs };
        console.log(
          `${engine} ${name.padEnd(10)} ${quorum.perSecond.toFixed(0).padStart(6)} req/s (bare ${baseline.perSecond.toFixed(0)}; ratio ${ratio.toFixed(2)})  p50 ${quorum.p50.toFixed(1)} ms  p95 ${quorum.p95.toFixed(1)} ms  p99 ${quorum.p99.toFixed(1)} ms  errors ${quorum.errors}; uncached one at a time p50 ${uncachedMs.p50} ms p95 ${uncachedMs.p95} ms`,
        );
      }
      await bare.close();
      const mixed = Object.values(paths).flat();
      const load = await measure(origin, mixed, options.loadConnections, options.loadDuration);
      const rss = peakRssMiB(child.pid!);
      console.log(
        `${engine} mixed load: ${options.loadConnections} connections for ${options.loadDuration} s: ${load.requests} requests, ${load.errors} errors, p99 ${load.p99} ms; server peak RSS ${rss.toFixed(0)} MiB`,
      );
      const meeting = routes.meeting as { quorum: Measured; throughputRatio: number };
      const search = routes.search as { quorum: Measured };
      const aims = {
        meetingP95Under50ms: meeting.quorum.p95 < 50,
        meetingThroughputAtLeastQuarterOfBare: meeting.throughputRatio >= 0.25,
        searchP95Under100ms: search.quorum.p95 < 100,
        rssUnder1GiB: rss < 1024,
        loadWithoutErrors: load.errors === 0,
      };
      console.log(
        `${engine} aims: ${Object.entries(aims)
          .map(([aim, met]) => `${aim} ${met ? 'met' : 'MISSED'}`)
          .join(', ')}`,
      );
      results[engine] = { routes, load, peakRssMiB: Number(rss.toFixed(1)), aims };
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  return results;
}
