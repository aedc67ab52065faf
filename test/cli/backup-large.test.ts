/**
 * Backups of any size: `quorum backup` and `quorum restore` of a database whose dump is several times larger than
 * the heap the command runs with (`--max-old-space-size`), so a command that held the dump, or one table's data,
 * in memory would fail. Both engines, and on the PostgreSQL lane the move to the embedded engine and back.
 * Compared table by table: row count and a checksum of the rows' text.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/engine.ts';
import { createTestDatabase, databaseUnavailable, testEngine, type TestDatabase } from '../support/database.ts';

type Location = TestDatabase['location'];

/** The heap each command gets, in MB: well below the dump's size. */
const HEAP_MB = 64;
/** Uploaded files, each WIDE_FILE_BYTES of raw bytes (twice that as hex in the dump's text). */
const WIDE_FILES = Number(process.env.QUORUM_BACKUP_TEST_WIDE_FILES ?? 72);
const WIDE_FILE_BYTES = 1024 * 1024;
/** Many narrow rows too, so batching both ways is exercised. */
const NARROW_FILES = 20_000;

/** Per table: its row count and the md5 of its rows' text in a fixed order. */
async function tableChecksums(location: Location): Promise<Record<string, string>> {
  const handle = await openDatabase(location);
  try {
    return await handle.db.transaction().execute(async (trx) => {
      // The rows' text must not depend on the session (time zone of timestamptz, bytea's output).
      await sql`set local timezone = 'UTC'`.execute(trx);
      await sql`set local bytea_output = 'hex'`.execute(trx);
      await sql`set local extra_float_digits = 3`.execute(trx);
      const tables = await sql<{ name: string }>`
        select c.relname as name from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by c.relname`.execute(trx);
      const sums: Record<string, string> = {};
      for (const { name } of tables.rows) {
        const table = sql.table(`public.${name}`);
        const { rows } = await sql<{ count: string; sum: string | null }>`
          select count(*)::text as count, md5(string_agg(h, '' order by h)) as sum
          from (select md5(t::text) as h from ${table} t) hashed`.execute(trx);
        sums[name] = `${rows[0]!.count} ${rows[0]!.sum ?? ''}`;
      }
      return sums;
    });
  } finally {
    await handle.close();
  }
}

/** Characters of the dump's text, counted as it is decompressed. */
async function textSize(file: string): Promise<number> {
  let size = 0;
  for await (const chunk of fs.createReadStream(file).pipe(zlib.createGunzip())) size += (chunk as Buffer).length;
  return size;
}

describe.skipIf(databaseUnavailable)(`backup and restore larger than a ${HEAP_MB} MB heap`, { timeout: 1_800_000 }, () => {
  const databases: TestDatabase[] = [];
  let work: string;
  let source: Location;
  let expected: Record<string, string>;

  /** The quorum command in its own process with a small heap. */
  const quorum = (location: Location, ...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
    delete env.NODE_OPTIONS;
    if (location.databaseUrl) env.DATABASE_URL = location.databaseUrl;
    else {
      delete env.DATABASE_URL;
      env.QUORUM_DATA_DIR = location.dataDir;
    }
    const result = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, path.resolve('bin/quorum.js'), ...args], {
      env,
      encoding: 'utf8',
      timeout: 900_000,
    });
    return { code: result.status, err: `${result.stderr}${result.signal ? ` (killed by ${result.signal})` : ''}` };
  };

  const emptyDatabase = async (): Promise<Location> => {
    const database = await createTestDatabase();
    databases.push(database);
    await database.close();
    return database.location;
  };

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-backup-large-'));
    const database = await createTestDatabase();
    databases.push(database);
    // Wide rows: uploaded files (the largest rows a council's database holds), cheap to make as repeated bytes.
    await sql`
      insert into stored_file (sha256, content, byte_size)
      select encode(sha256(content), 'hex'), content, octet_length(content)
      from (select decode(repeat(lpad(to_hex(i), 8, '0') || md5(i::text), ${Math.floor(WIDE_FILE_BYTES / 20)}), 'hex') as content
            from generate_series(1, ${WIDE_FILES}) i) files`.execute(database.db);
    await sql`
      insert into stored_file (sha256, content, byte_size)
      select encode(sha256(content), 'hex'), content, octet_length(content)
      from (select convert_to('file ' || i || repeat('.', i % 300), 'UTF8') as content
            from generate_series(1, ${NARROW_FILES}) i) files`.execute(database.db);
    // Text that COPY's format must escape, and text that looks like the script's own lines.
    const awkward = ['tab\there', 'line\nbreak', 'carriage\rreturn', 'back\\slash', '\\N', '\\.', 'é ✓ 𝄞', 'quote \' "', ''];
    for (const [index, text] of awkward.entries()) {
      await sql`
        insert into source_document (id, content_hash, file_name, format, kinds, bytes, line_count)
        values (${`doc-${index}`}, ${`hash-${index}`}, ${text}, 'txt', ${[text, 'x']}, ${index}, ${index})`.execute(database.db);
    }
    await database.close();
    source = database.location;
    expected = await tableChecksums(source);
  }, 900_000);
  afterAll(async () => {
    for (const database of databases) await database.destroy().catch(() => {});
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it(`backs up and restores on the ${testEngine === 'postgres' ? 'PostgreSQL' : 'embedded'} engine`, async () => {
    const backup = path.join(work, 'large.sql.gz');
    const written = quorum(source, 'backup', backup);
    expect(written.code, written.err).toBe(0);
    // The point of the test: the dump's text is several times the heap.
    expect(await textSize(backup)).toBeGreaterThan(2 * HEAP_MB * 1024 * 1024);

    const target = await emptyDatabase();
    const restored = quorum(target, 'restore', backup);
    expect(restored.code, restored.err).toBe(0);
    const actual = await tableChecksums(target);
    expect(actual.stored_file).toMatch(new RegExp(`^${WIDE_FILES + NARROW_FILES} `));
    expect(actual).toEqual(expected);
  });

  if (testEngine === 'postgres') {
    it('moves from PostgreSQL to the embedded engine and back', async () => {
      const backup = path.join(work, 'large.sql.gz');
      const embedded: Location = { dataDir: path.join(work, 'embedded-data') };
      const intoEmbedded = quorum(embedded, 'restore', backup);
      expect(intoEmbedded.code, intoEmbedded.err).toBe(0);
      expect(await tableChecksums(embedded)).toEqual(expected);

      const embeddedBackup = path.join(work, 'embedded.sql.gz');
      const written = quorum(embedded, 'backup', embeddedBackup);
      expect(written.code, written.err).toBe(0);
      fs.rmSync(embedded.dataDir, { recursive: true, force: true });
      const server = await emptyDatabase();
      const intoServer = quorum(server, 'restore', embeddedBackup);
      expect(intoServer.code, intoServer.err).toBe(0);
      expect(await tableChecksums(server)).toEqual(expected);
    });
  }
});
