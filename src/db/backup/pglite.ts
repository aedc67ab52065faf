/**
 * Backup and restore of the embedded engine. The backup is a gzip-compressed plain-SQL script like pg_dump's: the
 * schema comes from PGlite's own pg_dump (a WebAssembly build of PostgreSQL's, from @electric-sql/pglite-tools),
 * which builds its whole output in memory, so it is asked only for the schema (`--section=pre-data` and
 * `post-data`); the rows between are read through a cursor a few megabytes at a time (table-data.ts) and streamed
 * into the file. A restore replays the script into a new data folder beside the live one and swaps the folders
 * only once it has fully succeeded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { lockDataDir } from '../lock.ts';
import { writeCompressed } from './dump-file.ts';
import { BackupFileError, readDumpScript } from './dump-script.ts';
import { describeRecords, tablesWithRecords } from './records.ts';
import { BackupRefusedError, DUMP_OPTIONS } from './shared.ts';
import { tableData, type TextRowsQuery } from './table-data.ts';

const LOCK_FILE = 'quorum.lock';
const TRAILER_BLOCK = /--\n-- PostgreSQL database dump complete\n--\n\s*$/;

/** Writes the embedded database in dataDir to file (gzip of a plain-SQL script). Holds the folder's lock meanwhile. */
export async function backupPglite(dataDir: string, file: string): Promise<void> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new Error(`There is no embedded database in ${dataDir} to back up`);
  }
  const lock = lockDataDir(dataDir);
  try {
    const pg = new PGlite(dataDir, { extensions: { pg_trgm } });
    try {
      await pg.waitReady;
      await writeCompressed(file, pgliteScript(pg));
    } finally {
      await pg.close();
    }
  } finally {
    lock.release();
  }
}

/** The whole script: pg_dump's schema before the data, the data, pg_dump's schema after it, pg_dump's trailer. */
async function* pgliteScript(pg: PGlite): AsyncGenerator<string> {
  const query: TextRowsQuery = async (text) => (await pg.query<(string | null)[]>(text, [], { rowMode: 'array' })).rows;
  const [[version]] = (await query(
    `select case when to_regclass('public.kysely_migration') is null then null
            else (select max(name) from public.kysely_migration) end`,
  )) as [[string | null]];
  const before = await schemaSection(pg, 'pre-data');
  const firstBlock = before.indexOf('--\n\n');
  yield `${before.slice(0, firstBlock)}-- Written by quorum backup from the embedded engine; Quorum schema version: ${version ?? 'none'}\n`;
  yield before.slice(firstBlock).replace(TRAILER_BLOCK, '');
  // Every table as of one moment (the folder's lock already keeps other processes out).
  await pg.exec('begin isolation level repeatable read read only');
  try {
    yield* tableData(query);
  } finally {
    await pg.exec('commit');
  }
  const after = await schemaSection(pg, 'post-data');
  yield after.replace(TRAILER_BLOCK, '');
  yield '--\n-- PostgreSQL database dump complete\n--\n\n';
}

async function schemaSection(pg: PGlite, section: 'pre-data' | 'post-data'): Promise<string> {
  const dump = await pgDump({ pg, args: [...DUMP_OPTIONS, `--section=${section}`] });
  return dump.text();
}

export interface PgliteRestoreProps {
  dataDir: string;
  file: string;
  force: boolean;
}

/**
 * Restores file into dataDir: refused when dataDir holds records (unless force); the dump is replayed into a new
 * folder beside it, which then takes dataDir's place, so a failure at any point leaves dataDir as it was.
 */
export async function restorePglite({ dataDir, file, force }: PgliteRestoreProps): Promise<void> {
  const target = path.resolve(dataDir);
  const lock = lockDataDir(target);
  const fresh = `${target}.restoring-${process.pid}`;
  const replaced = `${target}.replaced-${process.pid}`;
  try {
    if (fs.existsSync(path.join(target, 'PG_VERSION')) && !force) {
      const existing = new PGlite(target, { extensions: { pg_trgm } });
      let tables: string[];
      try {
        tables = await tablesWithRecords(async (text) => (await existing.query(text)).rows as never[]);
      } finally {
        await existing.close();
      }
      if (tables.length) {
        throw new BackupRefusedError(
          `The embedded database in ${target} holds records (${describeRecords(tables)}); ` +
            'restore with --force to replace them, or set QUORUM_DATA_DIR to an empty folder',
        );
      }
    }

    fs.rmSync(fresh, { recursive: true, force: true });
    await replay(file, fresh);

    // Swap: the new folder takes the lock with it (the same lock file), the old one is removed last.
    fs.copyFileSync(path.join(target, LOCK_FILE), path.join(fresh, LOCK_FILE));
    fs.renameSync(target, replaced);
    try {
      fs.renameSync(fresh, target);
    } catch (error) {
      fs.renameSync(replaced, target);
      throw error;
    }
    fs.rmSync(replaced, { recursive: true, force: true });
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
    lock.release();
  }
}

async function replay(file: string, dataDir: string): Promise<void> {
  const pg = new PGlite(dataDir, { extensions: { pg_trgm } });
  try {
    await pg.waitReady;
    try {
      for await (const piece of readDumpScript(file)) {
        if (piece.kind === 'sql') {
          await pg.exec(piece.text);
        } else {
          // PGlite has no client stream for COPY ... FROM stdin: it reads the rows from a blob instead.
          const statement = piece.statement.replace(/FROM\s+stdin$/i, "FROM '/dev/blob'");
          const rows = piece.rows.length ? `${piece.rows.join('\n')}\n` : '';
          await pg.query(statement, [], { blob: new Blob([rows]) });
        }
      }
    } catch (error) {
      if (error instanceof BackupFileError) throw error;
      throw new BackupFileError(`Restoring ${file} failed, nothing was changed: ${(error as Error).message}`);
    }
    const migrations = await pg.query<{ found: string | null }>(`select to_regclass('public.kysely_migration')::text as found`);
    if (!migrations.rows[0]?.found) {
      throw new BackupFileError(`${file} does not hold a Quorum database (it has no migrations table); nothing was changed`);
    }
    await pg.exec('checkpoint');
  } finally {
    await pg.close();
  }
}
