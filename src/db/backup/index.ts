/**
 * `quorum backup` and `quorum restore`: a gzip-compressed plain-SQL pg_dump script for either engine, streamed in
 * both directions so memory stays bounded whatever the database's size (see docs/operations.md).
 */
import path from 'node:path';
import type { Config } from '../../config.ts';
import { checkDumpFile } from './dump-script.ts';
import { backupPglite, restorePglite } from './pglite.ts';
import { backupPostgres, restorePostgres } from './postgres.ts';

export { BackupFileError } from './dump-script.ts';
export { BackupRefusedError } from './shared.ts';

export interface BackupProps {
  config: Pick<Config, 'databaseUrl' | 'dataDir'>;
  /** Where to write the dump; replaced only once the new one is complete. */
  file: string;
}

/** Writes the configured database to props.file as a gzip-compressed plain-SQL pg_dump script. */
export async function backupWriter({ config, file }: BackupProps): Promise<void> {
  const target = path.resolve(file);
  if (config.databaseUrl) await backupPostgres(config.databaseUrl, target);
  else await backupPglite(config.dataDir, target);
}

export interface RestoreProps {
  config: Pick<Config, 'databaseUrl' | 'dataDir'>;
  /** A dump written by backupWriter or by pg_dump --format=plain, gzip-compressed or not. */
  file: string;
  /** Replace a database that holds records (refused otherwise). */
  force?: boolean;
}

/**
 * Replaces the configured database with the one in props.file, all or nothing. The file is checked first (exists,
 * a complete pg_dump script); a database that holds records is left alone unless force.
 */
export async function backupRestorer({ config, file, force = false }: RestoreProps): Promise<void> {
  checkDumpFile(file);
  if (config.databaseUrl) await restorePostgres({ url: config.databaseUrl, file, force });
  else await restorePglite({ dataDir: config.dataDir, file, force });
}
