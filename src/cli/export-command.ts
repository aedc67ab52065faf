import fs from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/engine.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildExport } from '../services/exporter.ts';

export function registerExportCommand(program: Command, config: () => Config): void {
  program
    .command('export')
    .description('write all records as one JSON document (see docs/export.md)')
    .option('--json [file]', 'write JSON to the file, or to standard output')
    .option('--public', 'leave out exempt content (for publishing)')
    .action(async (options: { json?: string | boolean; public?: boolean }) => {
      const handle = await openDatabase(config());
      try {
        await migrateToLatest(handle.db);
        const document = await buildExport(handle.db, { includeExempt: !options.public });
        const text = `${JSON.stringify(document, null, 2)}\n`;
        if (typeof options.json === 'string') {
          // Write beside, then rename: a failed export never leaves half a file where a good one was.
          const temporary = `${options.json}.tmp-${process.pid}`;
          fs.writeFileSync(temporary, text);
          fs.renameSync(temporary, options.json);
          console.error(`Wrote ${options.json}`);
        } else {
          process.stdout.write(text);
        }
      } finally {
        await handle.close();
      }
    });
}
