/**
 * Import throughput: the seed papers replicated to at least 20 MB (varied so none is a duplicate), imported with
 * `paperImporter`, against a baseline measured in the same run: the very rows the import produced, inserted into an
 * empty database with bulk multi-row INSERTs (the fastest a plain loader could write them, with the same schema,
 * indexes and audit triggers). On the embedded engine, and on a PostgreSQL server when one is reachable.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/db/engine.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { paperImporter } from '../src/services/paper-importer.ts';
import { buildCorpus } from './corpus.ts';

/** Written by triggers on both sides (or by the migrator), so not copied: each side makes its own. */
const TRIGGER_MAINTAINED = new Set([
  'audit_log',
  'search_document',
  'portal_data_version',
  'oparl_change',
  'portal_meeting_version',
  'meeting_address',
  'person_attendance_stat',
  'person_attendance_total',
  'decision_register_entry',
  'kysely_migration',
  'kysely_migration_lock',
]);

/**
 * Every table the import wrote rows to, parents before children, with the columns a plain INSERT may set (not
 * identity-always or generated ones). Found from the catalogue, so the capabilities other papers feed (scrutiny,
 * plans, allowances) are in the baseline as soon as the import writes them.
 */
async function tablesWritten(db: Kysely<Database>): Promise<Array<{ table: string; columns: Array<{ column: string; json: boolean }> }>> {
  const tables = await sql<{ table: string }>`
    select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' order by c.relname`.execute(db);
  const edges = await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = current_schema() and k.conrelid <> k.confrelid`.execute(db);
  const columns = await sql<{ table: string; column: string; json: boolean }>`
    select c.relname as table, a.attname as column, a.atttypid in ('json'::regtype, 'jsonb'::regtype) as json from pg_attribute a join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and a.attnum > 0 and not a.attisdropped and a.attidentity <> 'a' and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(db);
  const names = tables.rows.map((row) => row.table).filter((name) => !TRIGGER_MAINTAINED.has(name));
  const parents = new Map(names.map((name) => [name, new Set<string>()]));
  for (const edge of edges.rows) parents.get(edge.child)?.add(edge.parent);
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const parent of parents.get(name) ?? []) if (parents.has(parent)) visit(parent, path);
    ordered.push(name);
  };
  for (const name of names) visit(name, new Set());
  const written: Array<{ table: string; columns: Array<{ column: string; json: boolean }> }> = [];
  for (const table of ordered) {
    const count = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(db);
    if (Number(count.rows[0]!.n) === 0) continue;
    written.push({ table, columns: columns.rows.filter((row) => row.table === table) });
  }
  return written;
}

const CHUNK = 1000;

export interface ImportBenchResult {
  engine: string;
  corpusBytes: number;
  files: number;
  records: number;
  /** Rounds of import then baseline; the seconds and rates are the medians. */
  rounds: number;
  importSeconds: number;
  baselineSeconds: number;
  importMBps: number;
  importRecordsPerSecond: number;
  baselineMBps: number;
  baselineRecordsPerSecond: number;
  /** import rate / baseline rate: 1 = as fast as bulk INSERTs of the same rows. */
  ratio: number;
  /** Each round's own ratio, to show the spread. */
  roundRatios: number[];
  /**
   * Process CPU seconds, and their ratio (baseline / import). For the embedded engine the database runs in this
   * process, so these hold steady when other work shares the machine and wall-clock figures do not.
   */
  importCpuSeconds: number;
  baselineCpuSeconds: number;
  cpuRatio: number;
  databaseBytesAfterImport: number;
  /** Of those, the write-ahead log kept after the closing checkpoint (embedded engine). */
  walBytesAfterImport?: number;
}

interface EngineUnderTest {
  name: string;
  open(label: string): Promise<DatabaseHandle>;
  cleanup(): Promise<void>;
}

function pgliteEngine(): EngineUnderTest {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-bench-'));
  return {
    name: 'pglite',
    async open(label) {
      return openDatabase({ dataDir: path.join(root, label) });
    },
    async cleanup() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

async function postgresEngine(adminUrl: string): Promise<EngineUnderTest | undefined> {
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`(PostgreSQL server not reachable at ${adminUrl}: ${(error as Error).message}; server figures skipped)`);
    return undefined;
  }
  const created: string[] = [];
  return {
    name: 'postgres',
    async open(label) {
      const name = `quorum_bench_${label}_${process.pid}`;
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return openDatabase({ dataDir: '', databaseUrl: url.toString() });
    },
    async cleanup() {
      for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .reduce((sum, entry) => (entry.isFile() ? sum + fs.statSync(path.join(entry.parentPath, entry.name)).size : sum), 0);
}

async function copyRows(from: Kysely<Database>, to: Kysely<Database>): Promise<{ rows: number; seconds: number; cpuSeconds: number }> {
  const data: Array<[string, unknown[]]> = [];
  for (const { table, columns } of await tablesWritten(from)) {
    // JSON goes over as its text: a JSON array would otherwise be sent as a PostgreSQL array.
    const list = columns.map(({ column, json }) => (json ? sql`${sql.ref(column)}::text as ${sql.ref(column)}` : sql.ref(column)));
    const rows = await sql<Record<string, unknown>>`select ${sql.join(list)} from ${sql.table(table)}`.execute(from);
    data.push([table, rows.rows]);
  }
  const rows = data.reduce((sum, [, list]) => sum + list.length, 0);
  const started = performance.now();
  const cpu = process.cpuUsage();
  await to.transaction().execute(async (trx) => {
    for (const [table, list] of data) {
      for (let start = 0; start < list.length; start += CHUNK) {
        await (trx as unknown as Kysely<Record<string, Record<string, unknown>>>)
          .insertInto(table)
          .values(list.slice(start, start + CHUNK) as never)
          .execute();
      }
    }
  });
  return { rows, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds(cpu) };
}

interface Round {
  records: number;
  importSeconds: number;
  importCpuSeconds: number;
  baselineSeconds: number;
  baselineCpuSeconds: number;
  databaseBytesAfterImport: number;
  walBytesAfterImport?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Import then baseline, `rounds` times, each into fresh databases; the figures are the medians. On a shared machine one
 * round's ratio moves by a tenth either way with what else is running; the median of alternating rounds holds still.
 */
async function benchEngine(engine: EngineUnderTest, corpus: { dir: string; bytes: number; files: string[] }, rounds: number): Promise<ImportBenchResult> {
  const measured: Round[] = [];
  for (let round = 1; round <= rounds; round++) {
    measured.push(await benchRound(engine, corpus, round));
    const last = measured.at(-1)!;
    console.log(
      `  ${engine.name} round ${round}/${rounds}: import ${last.importSeconds.toFixed(1)} s, baseline ${last.baselineSeconds.toFixed(1)} s, ratio ${(last.baselineSeconds / last.importSeconds).toFixed(2)}`,
    );
  }
  const importSeconds = median(measured.map((round) => round.importSeconds));
  const baselineSeconds = median(measured.map((round) => round.baselineSeconds));
  const importCpuSeconds = median(measured.map((round) => round.importCpuSeconds));
  const baselineCpuSeconds = median(measured.map((round) => round.baselineCpuSeconds));
  const records = measured[0]!.records;
  const mb = corpus.bytes / (1024 * 1024);
  const last = measured.at(-1)!;
  return {
    engine: engine.name,
    corpusBytes: corpus.bytes,
    files: corpus.files.length,
    records,
    rounds: measured.length,
    importSeconds,
    baselineSeconds,
    importMBps: mb / importSeconds,
    importRecordsPerSecond: records / importSeconds,
    baselineMBps: mb / baselineSeconds,
    baselineRecordsPerSecond: records / baselineSeconds,
    ratio: baselineSeconds / importSeconds,
    roundRatios: measured.map((round) => round.baselineSeconds / round.importSeconds),
    importCpuSeconds,
    baselineCpuSeconds,
    cpuRatio: baselineCpuSeconds / importCpuSeconds,
    databaseBytesAfterImport: last.databaseBytesAfterImport,
    ...(last.walBytesAfterImport !== undefined ? { walBytesAfterImport: last.walBytesAfterImport } : {}),
  };
}

async function benchRound(engine: EngineUnderTest, corpus: { dir: string; bytes: number; files: string[] }, round: number): Promise<Round> {
  const target = await engine.open(`import${round}`);
  await migrateToLatest(target.db);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const summary = await paperImporter({ database: target, authorityName: 'Kent County Council', paths: [corpus.dir], actor: 'bench' });
  const importSeconds = (performance.now() - started) / 1000;
  const importCpuSeconds = cpuSeconds(cpu);
  if (summary.failed > 0) throw new Error(`${summary.failed} files failed to import: ${summary.files.find((f) => f.status === 'failed')?.reason}`);
  const databaseBytesAfterImport = await target.size();
  const walBytesAfterImport = target.dataDir ? folderBytes(path.join(target.dataDir, 'pg_wal')) : undefined;

  const baseline = await engine.open(`baseline${round}`);
  await migrateToLatest(baseline.db);
  const copied = await copyRows(target.db, baseline.db);
  await target.close();
  await baseline.close();

  return {
    records: copied.rows,
    importSeconds,
    importCpuSeconds,
    baselineSeconds: copied.seconds,
    baselineCpuSeconds: copied.cpuSeconds,
    databaseBytesAfterImport,
    ...(walBytesAfterImport !== undefined ? { walBytesAfterImport } : {}),
  };
}

export async function runImportBench(options: { seedsDir: string; targetBytes: number; rounds: number; postgresUrl?: string }): Promise<ImportBenchResult[]> {
  const corpusDir = path.join(os.tmpdir(), `quorum-bench-corpus-${process.pid}`);
  const corpus = buildCorpus(options.seedsDir, corpusDir, options.targetBytes);
  console.log(`Corpus: ${corpus.files.length} files, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB (seed papers varied per copy)`);
  const results: ImportBenchResult[] = [];
  try {
    const engines = [pgliteEngine()];
    const server = options.postgresUrl ? await postgresEngine(options.postgresUrl) : undefined;
    if (server) engines.push(server);
    for (const engine of engines) {
      try {
        const result = await benchEngine(engine, corpus, options.rounds);
        results.push(result);
        console.log(
          `${engine.name.padEnd(9)} import ${result.importMBps.toFixed(2)} MB/s, ${Math.round(result.importRecordsPerSecond)} records/s ` +
            `(${result.records} records in ${result.importSeconds.toFixed(1)} s) | baseline bulk INSERT ` +
            `${result.baselineMBps.toFixed(2)} MB/s, ${Math.round(result.baselineRecordsPerSecond)} records/s ` +
            `(${result.baselineSeconds.toFixed(1)} s) | ratio ${result.ratio.toFixed(2)} (aim >= 0.50; median of ${result.rounds}, rounds ${result.roundRatios.map((r) => r.toFixed(2)).join(', ')}) | process CPU ratio ${result.cpuRatio.toFixed(2)} | ` +
            `database ${(result.databaseBytesAfterImport / 1024 / 1024).toFixed(0)} MB after import`,
        );
      } finally {
        await engine.cleanup();
      }
    }
  } finally {
    fs.rmSync(corpusDir, { recursive: true, force: true });
  }
  return results;
}
