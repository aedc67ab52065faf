/**
 * Database work per uncached request (issue 23 item 2, issue 19 item 4), a figure the machine's load cannot move.
 * Each URL of the uncached and search benchmarks is asked once of an in-process app (every URL is new, so the page
 * cache never answers); every statement the request issued is recorded with its parameters and replayed under
 * `EXPLAIN (ANALYZE, BUFFERS)` in a transaction that is rolled back. Per request: the shared buffers the statements
 * touched (hit + read, 8 kB pages) and the rows their plan nodes produced. Per route type and archive size: the
 * median and p95 of those, and the ratio of the largest archive's to the smallest's (the aim: about 1, a cost that
 * does not grow with the archive).
 */
import { CompiledQuery } from 'kysely';
import type { Config } from '../src/config.ts';
import { openDatabase } from '../src/db/engine.ts';
import { createApp } from '../src/server/app.ts';
import { percentile, prepare, type PortalBenchOptions } from './portal.ts';
import { searchGroups } from './search.ts';
import { uncachedPaths } from './uncached.ts';

export interface DbWorkBenchOptions {
  years: number[];
  seed: number;
  perRoute: number;
  postgresUrl?: string;
  engines?: Array<'pglite' | 'postgres'>;
  /** The generated authorities' cache name (bench/.cache/<key>-y<years>-s<seed>); the uncached benchmark's by default. */
  cacheKey: string;
}

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

interface PlanNode {
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Temp Read Blocks'?: number;
  Plans?: PlanNode[];
}

/** Rows produced by every node of a plan (a node run in a loop counts each run). */
function rowsOf(node: PlanNode): number {
  return (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1) + (node.Plans ?? []).reduce((sum, child) => sum + rowsOf(child), 0);
}

export interface RouteWork {
  urls: number;
  statementsP50: number;
  buffersP50: number;
  buffersP95: number;
  rowsP50: number;
  rowsP95: number;
  /** The statement that touched most buffers in any of this route's requests, to show where the work is. */
  heaviest: { buffers: number; rows: number; sql: string };
  /** Requests not answered 200 from the database (left out of the figures). */
  errors: number;
}

/** The database work of each route type's URLs on one prepared authority. */
export async function measure(
  env: Record<string, string>,
  paths: Record<string, string[]>,
  log: (line: string) => void,
  verbose = false,
): Promise<Record<string, RouteWork>> {
  let recording: Statement[] | undefined;
  const handle = await openDatabase({
    dataDir: env.QUORUM_DATA_DIR ?? '/nonexistent',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    onQuery: (sql, _ms, parameters) => recording?.push({ sql, parameters }),
  });
  const config: Config = {
    dataDir: env.QUORUM_DATA_DIR ?? '/nonexistent',
    papersDir: '/nonexistent',
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    authorityName: 'Bench',
    holidays: 'england-and-wales',
  };
  const app = await createApp({ config, database: handle, logger: false });
  const routes: Record<string, RouteWork> = {};
  try {
    await app.inject({ url: '/healthz' });
    for (const [name, list] of Object.entries(paths)) {
      const buffers: number[] = [];
      const rows: number[] = [];
      const statements: number[] = [];
      let heaviest = { buffers: -1, rows: 0, sql: '' };
      let errors = 0;
      for (const url of list) {
        recording = [];
        const response = await app.inject({ url });
        const issued = recording;
        recording = undefined;
        if (response.statusCode !== 200 || response.headers['x-quorum-cache'] === 'hit') {
          errors++;
          log(`${url}: ${response.statusCode} ${response.headers['x-quorum-cache'] ?? ''}`);
          continue;
        }
        let requestBuffers = 0;
        let requestRows = 0;
        let count = 0;
        for (const statement of issued) {
          if (!/^\s*(select|with)\b/i.test(statement.sql)) continue;
          const plan = await explain(handle.db, statement);
          const touched = (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0) + (plan['Temp Read Blocks'] ?? 0);
          const produced = rowsOf(plan);
          requestBuffers += touched;
          requestRows += produced;
          count++;
          if (touched > heaviest.buffers)
            heaviest = {
              buffers: touched,
              rows: produced,
              sql: `${url} :: ${statement.sql.replace(/\s+/g, ' ').slice(0, 400)} :: ${JSON.stringify(statement.parameters).slice(0, 200)}`,
            };
        }
        buffers.push(requestBuffers);
        rows.push(requestRows);
        statements.push(count);
      }
      const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
      routes[name] = {
        urls: list.length,
        statementsP50: percentile(sorted(statements), 50),
        buffersP50: percentile(sorted(buffers), 50),
        buffersP95: percentile(sorted(buffers), 95),
        rowsP50: percentile(sorted(rows), 50),
        rowsP95: percentile(sorted(rows), 95),
        heaviest,
        errors,
      };
      const r = routes[name]!;
      log(
        `${name.padEnd(28)} ${String(r.urls).padStart(3)} URLs  statements ${String(r.statementsP50).padStart(3)}  buffers p50 ${String(r.buffersP50).padStart(7)} p95 ${String(r.buffersP95).padStart(7)}  rows p50 ${String(r.rowsP50).padStart(8)} p95 ${String(r.rowsP95).padStart(8)}  errors ${r.errors}`,
      );
      if (verbose) log(`  heaviest: ${r.heaviest.buffers} buffers, ${r.heaviest.rows} rows: ${r.heaviest.sql}`);
    }
  } finally {
    await app.close();
    await handle.close();
  }
  return routes;
}

/** The executed plan's top node (its buffers include its children's), in a transaction rolled back whatever it did. */
async function explain(db: Awaited<ReturnType<typeof openDatabase>>['db'], statement: Statement): Promise<PlanNode> {
  return db.connection().execute(async (connection) => {
    await connection.executeQuery(CompiledQuery.raw('begin'));
    try {
      const result = await connection.executeQuery<Record<string, unknown>>(
        CompiledQuery.raw(`explain (analyze, buffers, format json) ${statement.sql}`, [...statement.parameters]),
      );
      const cell = Object.values(result.rows[0] ?? {})[0];
      const parsed = (typeof cell === 'string' ? JSON.parse(cell) : cell) as Array<{ Plan: PlanNode }>;
      return parsed[0]!.Plan;
    } finally {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    }
  });
}

export async function runDbWorkBench(options: DbWorkBenchOptions) {
  const engines = (['pglite', ...(options.postgresUrl ? (['postgres'] as const) : [])] as const).filter(
    (engine) => !options.engines || options.engines.includes(engine),
  );
  const results: Record<string, unknown> = { options: { ...options, postgresUrl: undefined } };
  for (const engine of engines) {
    const byYears: Record<string, Record<string, RouteWork>> = {};
    for (const years of options.years) {
      const env = await prepare({ years, seed: options.seed, postgresUrl: options.postgresUrl, cacheKey: options.cacheKey } as PortalBenchOptions, engine);
      const paths = { ...(await uncachedPaths(env, options.perRoute)), ...searchGroups() };
      byYears[`${years}y`] = await measure(env, paths, (line) => console.log(`${engine} ${String(years).padStart(2)}y ${line}`));
    }
    const smallest = byYears[`${Math.min(...options.years)}y`];
    const largest = byYears[`${Math.max(...options.years)}y`];
    const growth: Record<string, { buffersP95: number; rowsP95: number }> = {};
    if (smallest && largest && smallest !== largest) {
      for (const [route, figures] of Object.entries(largest)) {
        const base = smallest[route];
        if (!base) continue;
        growth[route] = {
          buffersP95: Number((figures.buffersP95 / Math.max(1, base.buffersP95)).toFixed(2)),
          rowsP95: Number((figures.rowsP95 / Math.max(1, base.rowsP95)).toFixed(2)),
        };
        console.log(
          `${engine} growth ${Math.min(...options.years)}y -> ${Math.max(...options.years)}y ${route.padEnd(28)} buffers p95 x${growth[route]!.buffersP95}  rows p95 x${growth[route]!.rowsP95}  heaviest: ${figures.heaviest.buffers} buffers ${figures.heaviest.sql.slice(0, 160)}`,
        );
      }
    }
    results[engine] = { byYears, growth };
  }
  return results;
}
