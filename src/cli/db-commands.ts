import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/engine.ts';
import { migrateDown, migrateToLatest } from '../db/migrate.ts';
import { formatBytes } from './format.ts';

export function registerDbCommands(program: Command, config: () => Config): void {
  const db = program.command('db').description('database administration');
  db.command('migrate')
    .description('bring the database schema up to date')
    .option('--down', 'undo the newest migration instead')
    .action(async (options: { down?: boolean }) => {
      const cfg = config();
      const handle = await openDatabase(cfg);
      try {
        const report = options.down ? await migrateDown(handle.db) : await migrateToLatest(handle.db);
        console.log(report.applied.length ? `${options.down ? 'Undid' : 'Applied'}: ${report.applied.join(', ')}` : 'Schema is up to date.');
      } finally {
        await handle.close();
      }
    });
  db.command('size')
    .description('report the size of the database on disk, after a checkpoint')
    .action(async () => {
      const handle = await openDatabase(config());
      try {
        await handle.checkpoint();
        console.log(`${handle.engine}: ${formatBytes(await handle.size())}`);
      } finally {
        await handle.close();
      }
    });
}
