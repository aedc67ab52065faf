import os from 'node:os';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/engine.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { paperImporter, type ImportSummary } from '../services/paper-importer.ts';
import { formatBytes } from './format.ts';
import { importOParl } from './oparl-import-command.ts';

export function registerImportCommand(program: Command, config: () => Config): void {
  program
    .command('import')
    .description('import committee papers (.txt, .md, .html, .pdf, .docx) or a Quorum export (.json)')
    .argument('[paths...]', 'files or folders')
    .option('--oparl <url>', 'copy an OParl 1.1 server instead: the URL of its System (or of one Body)')
    .option('--full', 'with --oparl: walk every object, not only those modified since the last run')
    .option('--quiet', 'print only the summary')
    .option('--keep-going', 'import the remaining files after one that was not recognised (the exit status is still 1)')
    .action(async (paths: string[], options: { quiet?: boolean; keepGoing?: boolean; oparl?: string; full?: boolean }) => {
      if (options.oparl !== undefined || paths.length === 0) {
        if (options.oparl === undefined) throw new Error('import needs files or folders, or --oparl URL');
        if (paths.length > 0) throw new Error('import takes files or --oparl URL, not both');
        return importOParl(config(), options.oparl, { quiet: Boolean(options.quiet), full: Boolean(options.full) });
      }
      const cfg = config();
      const handle = await openDatabase(cfg);
      try {
        await migrateToLatest(handle.db);
        const summary = await importWithProgress(handle, cfg, paths, `cli:${os.userInfo().username}`, !options.quiet, !options.keepGoing);
        printSummary(summary);
        if (summary.stopped) console.log('Stopped at the file not recognised; --keep-going imports the rest.');
        // A file not recognised is a failure to the caller too: a batch script must not take silence for success.
        if (summary.failed > 0 || summary.unrecognised > 0) process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });
}

/** A progress bar on a terminal, plain lines otherwise (logs, CI). */
export async function importWithProgress(
  handle: Awaited<ReturnType<typeof openDatabase>>,
  cfg: Config,
  paths: string[],
  actor: string,
  verbose: boolean,
  stopOnUnrecognised = false,
): Promise<ImportSummary> {
  const tty = process.stderr.isTTY && verbose;
  const bar = tty
    ? new cliProgress.SingleBar(
        { format: 'Importing [{bar}] {value}/{total} files | {file}', stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let started = false;
  const summary = await paperImporter({
    database: handle,
    authorityName: cfg.authorityName,
    paths,
    actor,
    scrutinyResponseMonths: cfg.scrutinyResponseMonths,
    stopOnUnrecognised,
    onProgress: ({ done, total, file }) => {
      const name = file.split('/').pop() ?? file;
      if (bar) {
        if (!started) {
          bar.start(total, 0, { file: name });
          started = true;
        }
        bar.update(done, { file: name });
      } else if (verbose) {
        console.error(`[${done}/${total}] ${file}`);
      }
    },
  });
  bar?.stop();
  return summary;
}

export function printSummary(summary: ImportSummary): void {
  for (const file of summary.files) {
    if (file.status === 'failed') {
      console.log(`FAILED  ${file.file}${file.line ? `:${file.line}` : ''}: ${file.reason}`);
    } else if (file.status === 'unrecognised') {
      console.log(`NOT RECOGNISED ${file.file}: ${file.reason}`);
    } else if (file.status === 'skipped') {
      console.log(`skipped ${file.file}: ${file.reason}`);
    } else {
      const counts = Object.entries(file.created)
        .map(([table, count]) => `${count} ${table}`)
        .join(', ');
      // "nothing new": recognised, but every record was on record already (the same meeting from another paper).
      const label = file.partial ? 'partial' : 'ok     ';
      console.log(`${label} ${file.file} [${file.kinds.join(', ')}]${counts ? `: ${counts}` : ': recognised, nothing new'}`);
    }
    for (const issue of file.issues) {
      console.log(`        ${issue.severity}${issue.line ? ` at line ${issue.line}` : ''}: ${issue.message}`);
    }
  }
  const created = Object.entries(summary.created)
    .map(([table, count]) => `${count} ${table}`)
    .join(', ');
  console.log(
    `\nImported ${summary.imported}, skipped ${summary.skipped}, failed ${summary.failed} file(s). ` +
      `Created: ${created || 'nothing'}. Linked ${summary.linked} name(s) to known people. ${summary.warnings} warning(s). ` +
      `Database: ${formatBytes(summary.databaseBytes)}.`,
  );
  if (summary.unrecognised > 0 || summary.partial > 0) {
    console.log(`Not recognised: ${summary.unrecognised} file(s); partly understood: ${summary.partial} file(s) (their warnings are listed above).`);
  }
}
