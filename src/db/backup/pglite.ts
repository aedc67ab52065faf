/**
 * Backup and restore of the embedded engine. The dump is PGlite's own pg_dump (a WebAssembly build of PostgreSQL's,
 * from @electric-sql/pglite-tools), so the file is a plain-SQL pg_dump script like the server's. A restore replays
 * the script into a new data folder beside the live one and swaps the folders only once it has fully succeeded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { lockDataDir } from '../lock.ts';
import { BackupFileError, readDumpScript } from './dump-script.ts';
import { describeRecords, tablesWithRecords } from './records.ts';
import { BackupRefusedError, DUMP_OPTIONS, writeAtomically } from './shared.ts';

const LOCK_FILE = 'quorum.lock';

/** Writes the embedded database in dataDir to file as a plain-SQL dump. Holds the folder's lock meanwhile. */
export async function backupPglite(dataDir: string, file: string): Promise<void> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new Error(`There is no embedded database in ${dataDir} to back up`);
  }
  const lock = lockDataDir(dataDir);
  try {
    const pg = new PGlite(dataDir, { extensions: { pg_trgm } });
    try {
      await pg.waitReady;
      const dump = await pgDump({ pg, args: [...DUMP_OPTIONS], fileName: path.basename(file) });
      writeAtomically(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pg.close();
    }
  } finally {
    lock.release();
  }
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
