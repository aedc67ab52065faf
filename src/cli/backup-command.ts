import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { backupRestorer, backupWriter } from '../db/backup/index.ts';

export function registerBackupCommands(program: Command, config: () => Config): void {
  program
    .command('backup')
    .description('write the whole database to a file: a gzip-compressed plain-SQL pg_dump script (see docs/operations.md)')
    .argument('<file>', 'the dump to write')
    .action(async (file: string) => {
      const cfg = config();
      await backupWriter({ config: cfg, file });
      console.error(`Wrote ${file} (${cfg.databaseUrl ? 'PostgreSQL' : 'embedded database'} backup)`);
    });
  program
    .command('restore')
    .description('replace the database with a backup, all or nothing (see docs/operations.md)')
    .argument('<file>', 'a dump written by `quorum backup` or `pg_dump --format=plain` (gzip-compressed or not)')
    .option('--force', 'replace a database that holds records')
    .action(async (file: string, options: { force?: boolean }) => {
      const cfg = config();
      await backupRestorer({ config: cfg, file, force: options.force });
      console.error(`Restored ${file}`);
    });
}
