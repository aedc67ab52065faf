import fs from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/engine.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { countMeetings } from '../db/repositories/paper-store.ts';
import { refreshPlannerStatistics } from '../db/statistics.ts';
import { createApp } from '../server/app.ts';
import { importWithProgress, printSummary } from './import-command.ts';

export function registerStartCommand(program: Command, config: () => Config): void {
  program
    .command('start')
    .description('migrate the database, import the papers on first start, and serve the portal')
    .action(async () => {
      const cfg = config();
      // Only the server reads from a replica; migrations and the first import below write to the primary.
      const handle = await openDatabase({ ...cfg, ...(cfg.databaseReplicaUrl ? { replicaUrl: cfg.databaseReplicaUrl } : {}) });
      const applied = await migrateToLatest(handle.db);
      if (applied.applied.length) console.error(`Database migrated: ${applied.applied.join(', ')}`);
      if ((await countMeetings(handle.db)) === 0) {
        if (fs.existsSync(cfg.papersDir) && fs.readdirSync(cfg.papersDir).length > 0) {
          console.error(`The database is empty: importing the papers in ${cfg.papersDir} ...`);
          printSummary(await importWithProgress(handle, cfg, [cfg.papersDir], 'start', true));
        } else {
          console.error(
            `The database is empty and there are no papers in ${cfg.papersDir}. ` +
              `Import papers with: npx quorum import <files or folders>  (or set QUORUM_PAPERS to a folder of papers)`,
          );
        }
      }
      // The embedded engine has no autovacuum: give the planner fresh statistics once at start.
      if (handle.engine === 'pglite') await refreshPlannerStatistics(handle.db);
      const app = await createApp({ config: cfg, database: handle });
      const shutdown = async () => {
        await app.close();
        await handle.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await app.listen({ port: cfg.port, host: cfg.host });
      console.error(
        `Quorum is serving http://localhost:${cfg.port}/ (${handle.engine} database${handle.reader ? ', anonymous public reads from the replica' : ''})`,
      );
    });
}
