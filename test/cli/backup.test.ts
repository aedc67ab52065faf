/** `quorum backup` and `quorum restore` as a user runs them: separate processes, exit codes, what they print. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/engine.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildExport } from '../../src/services/exporter.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { readDumpScript, type DumpPiece } from '../../src/db/backup/dump-script.ts';
import { createTestDatabase, databaseUnavailable, testEngine, type TestDatabase } from '../support/database.ts';
import { seedFile } from '../support/seeds.ts';

type Location = TestDatabase['location'];

/** The export of everything, without the moment it was made. */
async function exportOf(location: Location): Promise<Record<string, unknown>> {
  const handle = await openDatabase(location);
  try {
    const { exportedAt: _exportedAt, ...document } = await buildExport(handle.db, { includeExempt: true });
    return document;
  } finally {
    await handle.close();
  }
}

// Each case starts Node processes that load the whole application: allow for a busy machine.
describe.skipIf(databaseUnavailable)('quorum backup and restore', { timeout: 300_000 }, () => {
  const databases: TestDatabase[] = [];
  let work: string;
  let source: Location;
  let target: Location;
  let expected: Record<string, unknown>;
  let backup: string;

  const quorum = (location: Location, ...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
    if (location.databaseUrl) env.DATABASE_URL = location.databaseUrl;
    else {
      delete env.DATABASE_URL;
      env.QUORUM_DATA_DIR = location.dataDir;
    }
    const result = spawnSync(process.execPath, [path.resolve('bin/quorum.js'), ...args], { env, encoding: 'utf8', timeout: 280_000 });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  /** A fresh migrated empty database of the engine under test, closed so the CLI can open it. */
  const emptyDatabase = async (): Promise<Location> => {
    const database = await createTestDatabase();
    databases.push(database);
    await database.close();
    return database.location;
  };

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-backup-test-'));
    backup = path.join(work, 'backup.sql.gz');
    const database = await createTestDatabase();
    databases.push(database);
    // Migrations written since the template was made would otherwise make `db migrate` below apply them.
    await migrateToLatest(database.db);
    const summary = await paperImporter({
      database,
      authorityName: 'Kent County Council',
      paths: [seedFile('001'), seedFile('004'), seedFile('002')],
      actor: 'test',
    });
    expect(summary.failed).toBe(0);
    await database.close();
    source = database.location;
    expected = await exportOf(source);
    target = await emptyDatabase();
  });
  afterAll(async () => {
    for (const database of databases) await database.destroy().catch(() => {});
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('writes a complete plain-SQL pg_dump script, gzip-compressed', () => {
    const result = quorum(source, 'backup', backup);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain(`Wrote ${backup}`);
    const text = zlib.gunzipSync(fs.readFileSync(backup)).toString('utf8');
    expect(text).toMatch(/^--\n-- PostgreSQL database dump\n/);
    // pg_dump 15.14 and later closes with `\unrestrict <key>` (a psql command) after the trailer.
    expect(text.trimEnd()).toMatch(/-- PostgreSQL database dump complete\n--(\n+\\unrestrict \S+)?$/);
    expect(text).toContain('CREATE TABLE public.kysely_migration');
    expect(fs.readdirSync(work)).toEqual(['backup.sql.gz']);
  });

  it('restores into an empty database, giving an identical export and an up-to-date schema', async () => {
    const result = quorum(target, 'restore', backup);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain(`Restored ${backup}`);

    // Not trivially equal: the papers' reports, meetings and people came through.
    expect((expected.reports as { subject: string }[]).map((report) => report.subject)).toEqual(
      expect.arrayContaining([
        'Inspection of Safeguarding and Looked After Children Services',
        "Putting Children First: Kent's Safeguarding and Looked After Children Improvement Plan",
      ]),
    );
    expect((expected.meetings as unknown[]).length).toBeGreaterThan(0);
    expect((expected.people as unknown[]).length).toBeGreaterThan(10);
    expect(await exportOf(target)).toEqual(expected);

    const migrate = quorum(target, 'db', 'migrate');
    expect(migrate.code, migrate.err).toBe(0);
    expect(migrate.out).toContain('Schema is up to date.');
    const handle = await openDatabase(target);
    try {
      expect((await migrateToLatest(handle.db)).applied).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('refuses to replace a database that holds records unless --force', async () => {
    const refused = quorum(target, 'restore', backup);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/holds records \(.*agenda_item.*\); restore with --force to replace them/);

    const forced = quorum(target, 'restore', '--force', backup);
    expect(forced.code, forced.err).toBe(0);
    expect(await exportOf(target)).toEqual(expected);
  });

  it('names the file when it is missing, not a dump, or cut short', async () => {
    const missing = path.join(work, 'no-such-backup.sql');
    const result = quorum(target, 'restore', '--force', missing);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`quorum: Cannot read the backup ${missing}: no such file`);

    const garbage = path.join(work, 'garbage.sql');
    fs.writeFileSync(garbage, Buffer.from([0x00, 0x01, 0x02, 0xff, 0x50, 0x4b, 0x03, 0x04]));
    const notDump = quorum(target, 'restore', '--force', garbage);
    expect(notDump.code).toBe(1);
    expect(notDump.err).toContain(`quorum: ${garbage} is not a Quorum backup`);

    // Cut short: a compressed copy (checked as it is read, before anything is kept) and a plain one (checked first).
    const truncated = path.join(work, 'truncated.sql.gz');
    const bytes = fs.readFileSync(backup);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const cut = quorum(target, 'restore', '--force', truncated);
    expect(cut.code).toBe(1);
    expect(cut.err).toContain(`quorum: ${truncated} is incomplete`);
    const truncatedPlain = path.join(work, 'truncated.sql');
    const text = zlib.gunzipSync(bytes).toString('utf8');
    fs.writeFileSync(truncatedPlain, text.slice(0, Math.floor(text.length / 2)));
    const cutPlain = quorum(target, 'restore', '--force', truncatedPlain);
    expect(cutPlain.code).toBe(1);
    expect(cutPlain.err).toContain(`quorum: ${truncatedPlain} is incomplete`);
    // A compressed copy that is whole as gzip but lost the script's end (a dump that stopped part-way).
    const unfinished = path.join(work, 'unfinished.sql.gz');
    fs.writeFileSync(unfinished, zlib.gzipSync(text.slice(0, text.lastIndexOf('--\n-- PostgreSQL database dump complete'))));
    const stopped = quorum(target, 'restore', '--force', unfinished);
    expect(stopped.code).toBe(1);
    expect(stopped.err).toContain(`quorum: ${unfinished} is incomplete: it does not end with`);

    expect(await exportOf(target)).toEqual(expected);
  });

  it('leaves the database as it was when a restore fails part-way', async () => {
    // A complete-looking backup of an empty database that fails after its tables and rows have been replayed: a
    // restore that were not all or nothing would leave the target empty.
    const empty = await emptyDatabase();
    const emptyBackup = path.join(work, 'empty.sql.gz');
    expect(quorum(empty, 'backup', emptyBackup).code).toBe(0);
    const broken = path.join(work, 'broken.sql.gz');
    const text = zlib.gunzipSync(fs.readFileSync(emptyBackup)).toString('utf8');
    const trailer = text.lastIndexOf('--\n-- PostgreSQL database dump complete');
    fs.writeFileSync(broken, zlib.gzipSync(`${text.slice(0, trailer)}SELECT quorum_no_such_function();\n\n${text.slice(trailer)}`));

    const result = quorum(target, 'restore', '--force', broken);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`quorum: Restoring ${broken} failed, nothing was changed:`);
    expect(result.err).toContain('quorum_no_such_function');
    expect(await exportOf(target)).toEqual(expected);
    if (!target.databaseUrl) {
      const parent = path.dirname(target.dataDir);
      const leftovers = fs.readdirSync(parent).filter((name) => name.startsWith(`${path.basename(target.dataDir)}.`));
      expect(leftovers).toEqual([]);
    }

    // The same backup, whole, empties the database.
    const restored = quorum(target, 'restore', '--force', emptyBackup);
    expect(restored.code, restored.err).toBe(0);
    await expect(exportOf(target)).rejects.toThrow('Nothing to export');
  });

  if (testEngine === 'postgres') {
    it("restores a server's backup into the embedded engine and back", async () => {
      const embedded: Location = { dataDir: path.join(work, 'embedded-data') };
      const intoEmbedded = quorum(embedded, 'restore', backup);
      expect(intoEmbedded.code, intoEmbedded.err).toBe(0);
      expect(await exportOf(embedded)).toEqual(expected);

      const embeddedBackup = path.join(work, 'embedded.sql.gz');
      expect(quorum(embedded, 'backup', embeddedBackup).code).toBe(0);
      const server = await emptyDatabase();
      const intoServer = quorum(server, 'restore', embeddedBackup);
      expect(intoServer.code, intoServer.err).toBe(0);
      expect(await exportOf(server)).toEqual(expected);
    });
  }
});

describe('reading a dump script', () => {
  const piecesOf = async (script: string): Promise<DumpPiece[]> => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-dump-script-')), 'dump.sql');
    fs.writeFileSync(file, script);
    const pieces: DumpPiece[] = [];
    try {
      for await (const piece of readDumpScript(file)) pieces.push(piece);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
    return pieces;
  };

  it('separates COPY data and drops \\restrict, but not inside quoted text', async () => {
    const script = [
      '\\restrict abc',
      "INSERT INTO public.minute VALUES ('a;",
      'COPY public.x (a) FROM stdin;',
      "\\connect other', 'it''s');",
      'CREATE FUNCTION public.f() RETURNS text LANGUAGE sql AS $body$',
      "  select ';",
      "\\unrestrict';",
      '$body$;',
      '-- a comment;',
      'COPY public.vote (id, value) FROM stdin;',
      '1\tyes',
      '2\t\\N',
      '\\.',
      '--',
      '-- PostgreSQL database dump complete',
      '--',
      '\\unrestrict abc',
      '',
    ].join('\n');
    const pieces = await piecesOf(script);
    expect(pieces.map((piece) => piece.kind)).toEqual(['sql', 'copy']);
    expect(pieces[0]!.kind === 'sql' && pieces[0]!.text).toContain("\\connect other', 'it''s');\n");
    expect(pieces[0]!.kind === 'sql' && pieces[0]!.text).toContain("\\unrestrict';\n$body$;");
    expect(pieces[1]).toEqual({ kind: 'copy', statement: 'COPY public.vote (id, value) FROM stdin', rows: ['1\tyes', '2\t\\N'] });
  });

  it("refuses a script that does not end with pg_dump's trailer", async () => {
    await expect(piecesOf('SELECT 1;\n')).rejects.toThrow(/dump.sql is incomplete: it does not end with "-- PostgreSQL database dump complete"/);
    await expect(piecesOf('-- PostgreSQL database dump complete\nSELECT 1;\n')).rejects.toThrow(/is incomplete/);
  });

  it("hands a large table's rows on in pieces", async () => {
    const row = 'x'.repeat(1000);
    const script = `COPY public.t (a) FROM stdin;\n${`${row}\n`.repeat(10_000)}\\.\n--\n-- PostgreSQL database dump complete\n--\n`;
    const pieces = await piecesOf(script);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => piece.kind === 'copy' && piece.statement === 'COPY public.t (a) FROM stdin')).toBe(true);
    expect(pieces.flatMap((piece) => (piece.kind === 'copy' ? piece.rows : []))).toEqual(Array(10_000).fill(row));
  });

  it('refuses other psql commands with their line', async () => {
    await expect(piecesOf('SELECT 1;\n\\connect other\nSELECT 2;\n')).rejects.toThrow(/dump.sql line 2: the psql command \\connect is not supported/);
  });
});
