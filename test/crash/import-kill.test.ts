/**
 * Crash safety of the importer: `quorum import` of a corpus is killed with SIGKILL at seeded random points (ROUNDS times),
 * each time the next run picking up where the last left off. After every kill the database must open (on the embedded
 * engine: taking over the lock the dead process left, and recovering its write-ahead log) and hold, for every file of
 * the corpus, either all of that file's records or none of them. A last, uninterrupted run must then complete the
 * import, and the result must equal an uninterrupted import of the whole corpus.
 *
 * What "all of a file's records" means comes from a reference import of the same corpus in one run: the rows each file
 * adds, per table (the audit log's rows, grouped by the transaction's timestamp, which is also the file's
 * source_document.imported_at), and the rows that name the file as their source. As each file is one transaction and
 * files are imported in name order, the files present after a kill must be the first p, and every table must hold
 * exactly what the first p files of the reference added.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type Corpus } from '../../bench/corpus.ts';
import type { DatabaseHandle } from '../../src/db/engine.ts';
import type { Database } from '../../src/db/schema.ts';
import { stableId } from '../../src/domain/stable-id.ts';
import { buildExport } from '../../src/services/exporter.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { databaseUnavailable, testEngine } from '../support/database.ts';
import { fuzzRuns } from '../support/fuzz.ts';
import { seedsDir } from '../support/seeds.ts';
import { crashSeed, createCrashDatabase, killHard, quorumEnv, runQuorum, seededRandom, sleep, spawnQuorum, type CrashDatabase } from './support.ts';

// Sized for CI (test/support/fuzz.ts): 20 rounds before; QUORUM_FUZZ_SCALE=2 is that run.
const ROUNDS = fuzzRuns(10);
/** Eight copies of the five seed papers: 40 files, about 1.6 MB. */
const CORPUS_BYTES = 1_450_000;
const AUTHORITY = 'Kent County Council';

type Counts = Map<string, number>;

interface Reference {
  /** Source document id of each corpus file, in import (name) order. */
  sources: string[];
  /** Rows in audited tables (and audit_log) before any file: whatever the migrations wrote. */
  baseline: Counts;
  /** Per file: net rows added to each audited table, and 'audit_log': its audit rows. */
  addedByFile: Counts[];
  /** Per file: rows in each table that name the file as their source_document_id. */
  attributed: Map<string, Counts>;
  /** Every table's row count after the whole corpus. */
  totals: Counts;
  /** How long each file took to import, in milliseconds: where to aim a kill to land inside it. */
  durations: number[];
  snapshot: unknown;
}

async function tablesWithSource(db: Kysely<Database>): Promise<string[]> {
  const result = await sql<{ table: string }>`
    select table_name as table from information_schema.columns
    where table_schema = current_schema() and column_name = 'source_document_id' order by table_name`.execute(db);
  return result.rows.map((row) => row.table);
}

async function attributedCounts(db: Kysely<Database>): Promise<Map<string, Counts>> {
  const bySource = new Map<string, Counts>();
  for (const table of await tablesWithSource(db)) {
    const result = await sql<{ source: string; n: number }>`
      select source_document_id as source, count(*)::int as n from ${sql.table(table)}
      where source_document_id is not null group by source_document_id`.execute(db);
    for (const row of result.rows) {
      if (!bySource.has(row.source)) bySource.set(row.source, new Map());
      bySource.get(row.source)!.set(table, row.n);
    }
  }
  return bySource;
}

async function tableCounts(db: Kysely<Database>, tables?: Iterable<string>): Promise<Counts> {
  const names =
    tables ??
    (
      await sql<{ table: string }>`
        select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind = 'r' order by c.relname`.execute(db)
    ).rows.map((row) => row.table);
  const counts: Counts = new Map();
  for (const table of names) {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts.set(table, result.rows[0]!.n);
  }
  return counts;
}

/** The export, without what differs between two imports of the same papers (when they ran). */
async function snapshot(db: Kysely<Database>): Promise<unknown> {
  const { exportedAt: _exportedAt, ...rest } = await buildExport(db);
  // When rows were written differs between two runs, and rows numbered by a sequence (status changes, reminders,
  // import issues) are numbered differently by an import killed and run again: those are compared by what they say.
  const plain = JSON.parse(JSON.stringify(rest), (key, value) => (key === 'importedAt' || key === 'createdAt' ? undefined : value)) as unknown;
  const renumbered = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(renumbered);
      const sequenced =
        items.length > 0 && items.every((item) => item !== null && typeof item === 'object' && /^\d+$/.test(String((item as { id?: unknown }).id)));
      if (!sequenced) return items;
      return items.map((item) => ({ ...(item as Record<string, unknown>), id: undefined })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, renumbered(child)]));
    return value;
  };
  return JSON.parse(JSON.stringify(renumbered(plain)));
}

async function importReference(corpus: Corpus, sources: string[]): Promise<Reference> {
  const database = await createCrashDatabase();
  const handle = await database.open();
  try {
    const durations: number[] = [];
    let last = performance.now();
    const summary = await paperImporter({
      database: handle,
      authorityName: AUTHORITY,
      paths: [corpus.dir],
      actor: `cli:${os.userInfo().username}`,
      scrutinyResponseMonths: 2,
      onProgress: () => {
        const now = performance.now();
        durations.push(now - last);
        last = now;
      },
    });
    expect(summary.imported).toBe(corpus.files.length);
    const db = handle.db;
    // Each file's transaction stamps its audit rows and its source document with the same now().
    const audit = await sql<{ source: string | null; table: string; action: string; n: number }>`
      select s.id as source, a.table_name as table, a.action, count(*)::int as n
      from audit_log a left join source_document s on s.imported_at = a.at
      group by s.id, a.table_name, a.action`.execute(db);
    const baseline: Counts = new Map();
    const addedByFile = sources.map((): Counts => new Map());
    for (const row of audit.rows) {
      const target = row.source === null ? baseline : addedByFile[sources.indexOf(row.source)];
      if (!target) throw new Error(`audit rows of an unknown source ${row.source}`);
      const net = row.action === 'insert' ? row.n : row.action === 'delete' ? -row.n : 0;
      target.set(row.table, (target.get(row.table) ?? 0) + net);
      target.set('audit_log', (target.get('audit_log') ?? 0) + row.n);
    }
    return { sources, baseline, addedByFile, attributed: await attributedCounts(db), totals: await tableCounts(db), durations, snapshot: await snapshot(db) };
  } finally {
    await handle.close();
    await database.destroy();
  }
}

/**
 * Checks the database after a kill: the files present are the first p of the corpus, each with all its records, and
 * every audited table holds exactly what those p files add. Returns p.
 */
async function checkWholeFiles(handle: DatabaseHandle, reference: Reference, label: string): Promise<number> {
  const db = handle.db;
  const present = (await db.selectFrom('source_document').select('id').execute()).map((row) => row.id);
  const p = present.length;
  expect(new Set(present), `${label}: the files present are the first ${p} of the corpus`).toEqual(new Set(reference.sources.slice(0, p)));

  const attributed = await attributedCounts(db);
  for (const source of reference.sources.slice(0, p)) {
    expect(attributed.get(source) ?? new Map(), `${label}: the records of file ${reference.sources.indexOf(source) + 1}`).toEqual(
      reference.attributed.get(source) ?? new Map(),
    );
  }
  expect(
    [...attributed.keys()].filter((source) => !present.includes(source)),
    `${label}: records of files not imported`,
  ).toEqual([]);

  const expected = new Map(reference.baseline);
  for (const added of reference.addedByFile.slice(0, p)) {
    for (const [table, n] of added) expected.set(table, (expected.get(table) ?? 0) + n);
  }
  for (const added of reference.addedByFile) for (const table of added.keys()) if (!expected.has(table)) expected.set(table, 0);
  expect(await tableCounts(db, expected.keys()), `${label}: rows in each table after ${p} whole files`).toEqual(expected);
  return p;
}

describe.skipIf(databaseUnavailable)(`crash safety: the importer killed mid-import (${testEngine})`, () => {
  let work: string;
  let corpus: Corpus;
  let sources: string[];
  let reference: Reference;
  let database: CrashDatabase | undefined;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-crash-import-'));
    corpus = buildCorpus(seedsDir, path.join(work, 'corpus'), CORPUS_BYTES);
    corpus.files.sort();
    sources = corpus.files.map((file) => stableId('source', createHash('sha256').update(fs.readFileSync(file)).digest('hex')));
    reference = await importReference(corpus, sources);
  }, 180_000);

  afterAll(async () => {
    await database?.destroy();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it(`leaves every file whole or absent after ${ROUNDS} kills, and a re-run completes the import`, { timeout: 60_000 + ROUNDS * 30_000 }, async () => {
    const random = seededRandom(crashSeed);
    const total = corpus.files.length;
    database = await createCrashDatabase();
    const env = quorumEnv(database);
    const lockFile = path.join(database.dataDir, 'quorum.lock');
    let present = 0;
    let staleLocks = 0;
    let midFile = 0;
    const log: string[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      const early = random() < 0.25;
      const fraction = random();
      // The file to kill in: the first one not yet imported (the second, when none is: the first has no progress line
      // before it to start the clock).
      const target = Math.min(Math.max(present + 1, 2), total);
      // A fresh process imports its first file a few times slower than the warmed-up reference did.
      const span = Math.max(4 * reference.durations[target - 1]!, 400);
      const delay = Math.floor(fraction * (early ? 4000 : span));
      const running = spawnQuorum(['import', corpus.dir], env);
      let where: string;
      if (early) {
        // Somewhere in start-up: loading, opening (and recovering) the database, migrating, the first file.
        where = `${delay} ms after start`;
      } else {
        // Inside the target file, mostly, or the one after it: the target starts when the progress line of the file
        // before it is printed, after that file's commit.
        await running.waitForStderr(new RegExp(`^\\[${target - 1}/${total}\\] `, 'm')).catch(() => {});
        where = `${delay} ms into file ${target} of ${total} (${Math.round(reference.durations[target - 1]!)} ms in the reference)`;
      }
      // A round imports at most two files (one when killed in start-up), however fast the machine, so that the kills
      // keep landing mid-import: the kill comes at once when the file after the target starts.
      const next = Math.min(early ? present + 1 : target + 1, total);
      let capped = false;
      const cap = running.waitForStderr(new RegExp(`^\\[${next}/${total}\\] `, 'm')).then(
        () => (capped = true),
        () => {},
      );
      await Promise.race([sleep(delay), running.exited, cap]);
      if (capped) where = `as file ${next + 1} of ${total} started (file ${next} done before the ${delay} ms were up)`;
      const { code, signal } = await killHard(running);
      if (signal !== 'SIGKILL' && code !== 0) throw new Error(`round ${round}: quorum import failed (${code}):\n${running.stderr()}\n${running.stdout()}`);
      if (testEngine === 'pglite' && fs.existsSync(lockFile)) staleLocks++;

      // The database opens after the kill, and holds whole files only.
      const handle = await database.open();
      try {
        const before = present;
        present = await checkWholeFiles(handle, reference, `round ${round} (killed ${where})`);
        expect(present, `round ${round}: files committed before the kill stay committed`).toBeGreaterThanOrEqual(before);
        const printed = [...running.stderr().matchAll(/^\[(\d+)\/\d+\] /gm)].map((match) => Number(match[1]));
        const reported = printed.length ? Math.max(...printed) : 0;
        // A file reported done was committed before it was reported: a kill never takes it back.
        expect(
          present,
          `round ${round} (killed ${where}): files reported imported are present; the killed run printed:\n${running.stderr()}`,
        ).toBeGreaterThanOrEqual(reported);
        if (signal === 'SIGKILL' && present < total) midFile++;
        log.push(`round ${round}: killed ${where} (${signal ?? `exit ${code}`}): ${present}/${total} files`);
        if (process.env.QUORUM_CRASH_VERBOSE) console.log(log.at(-1));
      } finally {
        await handle.close();
      }
    }
    console.log(`${testEngine}, seed ${crashSeed}:\n  ${log.join('\n  ')}`);
    if (testEngine === 'pglite') expect(staleLocks, 'kills that left a lock behind for the next process to take over').toBeGreaterThan(0);
    expect(midFile, 'kills that landed before the import was complete').toBeGreaterThanOrEqual(ROUNDS / 2);

    // An uninterrupted run completes the import: the files already there are skipped, the rest imported.
    const final = await runQuorum(['import', '--quiet', corpus.dir], env);
    expect(final.code, final.stderr).toBe(0);
    expect(final.stdout).toContain(`Imported ${total - present}, skipped ${present}, failed 0 file(s).`);

    const handle = await database.open();
    try {
      expect(await checkWholeFiles(handle, reference, 'after the final run')).toBe(total);
      expect(await tableCounts(handle.db)).toEqual(reference.totals);
      const after = JSON.stringify(await snapshot(handle.db));
      const expected = JSON.stringify(reference.snapshot);
      // The documents are large: say where they first differ, which a deep-equality diff cannot print.
      let at = 0;
      while (at < after.length && after[at] === expected[at]) at++;
      expect(
        after,
        `first difference at ${at}: ${after.slice(Math.max(0, at - 300), at + 200)}\n--- expected ---\n${expected.slice(Math.max(0, at - 300), at + 200)}`,
      ).toBe(expected);
    } finally {
      await handle.close();
    }
  });
});
