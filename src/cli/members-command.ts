/**
 * `quorum members import FILE [--from DATE] [--dry-run]` and `quorum members export FILE [--on DATE]`: the members'
 * roster (CSV or XLSX) on the command line, through the same services as the back office's upload and download.
 * A file with any bad line is refused whole, each problem printed as "line N, field: message", exit code 1.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/engine.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { todayInLondon } from '../domain/dates.ts';
import { isIsoDate } from '../domain/allowances/dates.ts';
import { readRosterFile } from '../services/members/roster-file.ts';
import { membersImporter } from '../services/members/roster-importer.ts';
import { rosterExporter } from '../services/members/roster-exporter.ts';

function dayOption(name: string, value: string | undefined): string {
  const day = value ?? todayInLondon();
  if (!isIsoDate(day)) throw new Error(`--${name}: "${day}" is not a real date as YYYY-MM-DD`);
  return day;
}

export function registerMembersCommand(program: Command, config: () => Config): void {
  const members = program.command('members').description('councillors, their groups, wards and committees in bulk');
  members
    .command('import')
    .argument('<file>', 'the roster as .csv or .xlsx (columns as in `quorum members export`)')
    .description('load the members roster: every line checked first, then all of it or nothing')
    .option('--from <date>', 'the day groups and committee roles take effect (YYYY-MM-DD); default today')
    .option('--dry-run', 'check and show the changes without saving them')
    .action(async (file: string, options: { from?: string; dryRun?: boolean }) => {
      const settings = config();
      const from = dayOption('from', options.from);
      const data = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
        throw new Error(`${file}: cannot read it: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      });
      const read = await readRosterFile(path.basename(file), data);
      const print = (problems: Array<{ line: number; field: string; message: string }>) => {
        for (const problem of problems) console.error(`${file}: line ${problem.line}, ${problem.field}: ${problem.message}`);
        process.exitCode = 1;
      };
      if ('problems' in read) return print(read.problems);
      const handle = await openDatabase(settings);
      try {
        await migrateToLatest(handle.db);
        const outcome = await membersImporter({
          database: handle,
          actor: 'cli',
          authorityName: settings.authorityName,
          lines: read.lines,
          from,
          commit: !options.dryRun,
        });
        if (outcome.problems.length) {
          print(outcome.problems);
          console.error('Nothing was saved.');
          return;
        }
        for (const line of outcome.lines) console.log(`line ${line.line}: ${line.name}: ${line.changes.length ? line.changes.join('; ') : 'no change'}`);
        const changed = outcome.lines.filter((line) => line.changes.length).length;
        console.log(
          outcome.committed
            ? `Saved: ${changed} of ${outcome.lines.length} member(s) changed, from ${from}.`
            : `Dry run: ${changed} of ${outcome.lines.length} member(s) would change. Nothing was saved.`,
        );
      } finally {
        await handle.close();
      }
    });
  members
    .command('export')
    .argument('<file>', 'where to write the roster: .csv or .xlsx')
    .description('write the members roster on a day, to edit and import again')
    .option('--on <date>', 'the day (YYYY-MM-DD); default today')
    .action(async (file: string, options: { on?: string }) => {
      const settings = config();
      const day = dayOption('on', options.on);
      const handle = await openDatabase(settings);
      try {
        await migrateToLatest(handle.db);
        const exported = await rosterExporter({ db: handle.db, day, format: /\.xlsx$/i.test(file) ? 'xlsx' : 'csv' });
        await fs.writeFile(file, exported.body);
        console.log(`Wrote the roster on ${day} to ${file}.`);
      } finally {
        await handle.close();
      }
    });
}
