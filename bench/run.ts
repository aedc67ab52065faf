/**
 * npm run bench [-- import|portal|scaling|mix|uncached|search|db-work] : runs the benchmarks, prints each figure with its ratio to a baseline measured in the
 * same run, and writes bench/results/<name>.json with the machine it ran on.
 * Environment: BENCH_IMPORT_MB (default 20), BENCH_IMPORT_ROUNDS (default 3; the medians are reported), BENCH_POSTGRES_URL (default the local server; "none" to skip it),
 * BENCH_PORTAL_YEARS (default 20: the large authority), BENCH_PORTAL_SECONDS (per route, default 10),
 * BENCH_PORTAL_LOAD_SECONDS (default 60), BENCH_SCALING_YEARS (default 2), BENCH_SCALING_SECONDS (default 20),
 * BENCH_MIX_YEARS (default 20), BENCH_MIX_SECONDS (default 20), BENCH_UNCACHED_YEARS (default 1,5,20), BENCH_UNCACHED_URLS (per route, default 30),
 * BENCH_UNCACHED_ENGINES (default pglite,postgres), BENCH_SEARCH_YEARS (default 1,5,20), BENCH_DBWORK_YEARS (default 1,20),
 * BENCH_DBWORK_KEY (the generated authorities db-work reads, default uncached).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImportBench } from './import.ts';
import { runMixBench } from './mix.ts';
import { runPortalBench } from './portal.ts';
import { runScalingBench } from './scaling.ts';
import { runUncachedBench } from './uncached.ts';
import { runSearchBench } from './search.ts';
import { runDbWorkBench } from './db-work.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedsDir = path.resolve(here, '../../shared/seeds');
const resultsDir = path.join(here, 'results');

function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    /** Other work on the machine while the benchmark ran: wall-clock figures are only comparable at similar load. */
    loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)),
  };
}

function write(name: string, results: unknown): void {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ ranAt: new Date().toISOString(), machine: machine(), results }, null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

const wanted = new Set(process.argv.slice(2));
const all = wanted.size === 0;

if (all || wanted.has('import')) {
  const postgres = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const results = await runImportBench({
    seedsDir,
    targetBytes: Number(process.env.BENCH_IMPORT_MB ?? 20) * 1024 * 1024,
    rounds: Number(process.env.BENCH_IMPORT_ROUNDS ?? 3),
    ...(postgres !== 'none' ? { postgresUrl: postgres } : {}),
  });
  write('import', results);
}

if (all || wanted.has('portal')) {
  const postgres = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const results = await runPortalBench({
    years: Number(process.env.BENCH_PORTAL_YEARS ?? 20),
    seed: Number(process.env.BENCH_PORTAL_SEED ?? 1),
    connections: 32,
    duration: Number(process.env.BENCH_PORTAL_SECONDS ?? 10),
    loadConnections: 64,
    loadDuration: Number(process.env.BENCH_PORTAL_LOAD_SECONDS ?? 60),
    ...(postgres !== 'none' ? { postgresUrl: postgres } : {}),
  });
  write('portal', results);
}

if (all || wanted.has('scaling')) {
  const postgres = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (postgres === 'none') {
    console.log('Skipping scaling: it needs a PostgreSQL server (BENCH_POSTGRES_URL)');
  } else {
    const results = await runScalingBench({
      years: Number(process.env.BENCH_SCALING_YEARS ?? 2),
      seed: Number(process.env.BENCH_PORTAL_SEED ?? 1),
      duration: Number(process.env.BENCH_SCALING_SECONDS ?? 20),
      connections: 64,
      postgresUrl: postgres,
    });
    write('scaling', results);
  }
}

if (all || wanted.has('mix')) {
  const postgres = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  // Issue 23's realistic mix: 48 cached, 14 crawler and 2 search connections.
  const results = await runMixBench({
    years: Number(process.env.BENCH_MIX_YEARS ?? 20),
    seed: Number(process.env.BENCH_PORTAL_SEED ?? 1),
    duration: Number(process.env.BENCH_MIX_SECONDS ?? 20),
    cachedConnections: 48,
    crawlerConnections: 14,
    searchConnections: 2,
    ...(postgres !== 'none' ? { postgresUrl: postgres } : {}),
  });
  write('mix', results);
}

if (all || wanted.has('uncached')) {
  const postgres = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  // Issue 23 item 2: first requests of distinct URLs of each route type, at 1, 5 and 20 years.
  const results = await runUncachedBench({
    years: (process.env.BENCH_UNCACHED_YEARS ?? '1,5,20').split(',').map(Number),
    seed: Number(process.env.BENCH_PORTAL_SEED ?? 1),
    perRoute: Number(process.env.BENCH_UNCACHED_URLS ?? 30),
    ...(process.env.BENCH_UNCACHED_ENGINES ? { engines: process.env.BENCH_UNCACHED_ENGINES.split(',') as Array<'pglite' | 'postgres'> } : {}),
    ...(postgres !== 'none' ? { postgresUrl: postgres } : {}),
  });
  write('uncached', results);
}

if (all || wanted.has('search')) {
  const postgres = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  // Uncached search at 1, 5 and 20 years: the cost must not grow with the archive (issue 23).
  const results = await runSearchBench({
    years: (process.env.BENCH_SEARCH_YEARS ?? '1,5,20').split(',').map(Number),
    seed: Number(process.env.BENCH_PORTAL_SEED ?? 1),
    ...(postgres !== 'none' ? { postgresUrl: postgres } : {}),
  });
  write('search', results);
}

if (all || wanted.has('db-work')) {
  const postgres = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  // The database work of each uncached route type at 1 and 20 years: a figure the machine's load does not move.
  const results = await runDbWorkBench({
    years: (process.env.BENCH_DBWORK_YEARS ?? '1,20').split(',').map(Number),
    seed: Number(process.env.BENCH_PORTAL_SEED ?? 1),
    perRoute: Number(process.env.BENCH_UNCACHED_URLS ?? 30),
    cacheKey: process.env.BENCH_DBWORK_KEY ?? 'uncached',
    ...(process.env.BENCH_UNCACHED_ENGINES ? { engines: process.env.BENCH_UNCACHED_ENGINES.split(',') as Array<'pglite' | 'postgres'> } : {}),
    ...(postgres !== 'none' ? { postgresUrl: postgres } : {}),
  });
  write('db-work', results);
}
