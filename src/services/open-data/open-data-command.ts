/**
 * `quorum open-data <folder>`: writes the bulk download (quorum.json and one CSV per record kind, without exempt
 * information) into a folder, the same files /api/v1/open-data serves.
 */
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import { openDatabase } from '../../db/engine.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { writeOpenDataset } from './bulk-download.ts';

export function registerOpenDataCommand(program: Command, config: () => Config): void {
  program
    .command('open-data')
    .description('write the public dataset (JSON and CSV, no exempt information) into a folder (see docs/api.md)')
    .argument('<folder>', 'where to write the files')
    .action(async (folder: string) => {
      const handle = await openDatabase(config());
      try {
        await migrateToLatest(handle.db);
        const dataset = await writeOpenDataset(handle.db, folder);
        for (const file of dataset.files) console.error(`${file.name}\t${file.body.length} bytes${file.rows === null ? '' : `\t${file.rows} rows`}`);
        console.error(`Wrote ${dataset.files.length} files to ${folder}`);
      } finally {
        await handle.close();
      }
    });
}
