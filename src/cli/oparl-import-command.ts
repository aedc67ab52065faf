/** `quorum import --oparl URL`: copies an OParl 1.1 server, with a progress bar on a terminal and plain lines otherwise. */
import os from 'node:os';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/engine.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { oparlImporter, type OParlImportSummary } from '../import/oparl/importer.ts';

const UrlSchema = z
  .string()
  .url()
  .refine((value) => /^https?:/.test(value), 'an http or https URL');

export async function importOParl(cfg: Config, url: string, options: { quiet: boolean; full: boolean }): Promise<void> {
  const parsed = UrlSchema.safeParse(url);
  if (!parsed.success) {
    console.error(`--oparl: ${parsed.error.issues[0]?.message ?? 'not a URL'} (${url})`);
    process.exitCode = 2;
    return;
  }
  const handle = await openDatabase(cfg);
  const tty = process.stderr.isTTY && !options.quiet;
  const bar = tty
    ? new cliProgress.SingleBar(
        { format: '{phase} [{bar}] {value}/{total} | {body}', stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let phase = '';
  try {
    await migrateToLatest(handle.db);
    const summary = await oparlImporter({
      database: handle,
      url: parsed.data,
      actor: `cli:${os.userInfo().username}`,
      full: options.full,
      onProgress: (progress) => {
        if (bar) {
          if (progress.phase !== phase) {
            if (phase) bar.stop();
            bar.start(progress.total ?? progress.done, 0, { phase: progress.phase, body: progress.body });
            phase = progress.phase;
          }
          bar.setTotal(Math.max(progress.total ?? 0, progress.done));
          bar.update(progress.done, { phase: progress.phase, body: progress.body });
        } else if (!options.quiet) {
          console.error(`[${progress.phase}] ${progress.done}${progress.total === undefined ? '' : `/${progress.total}`} ${progress.body}`);
        }
      },
    });
    bar?.stop();
    printOParlSummary(summary);
    if (summary.problems.length > 0) process.exitCode = 1;
  } catch (error) {
    bar?.stop();
    // A page that could not be read stops the run; what was written stays, and running again resumes.
    console.error(`OParl import stopped: ${(error as Error).message}\nWhat was copied is kept; run the same command again to go on.`);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

export function printOParlSummary(summary: OParlImportSummary): void {
  for (const entry of summary.problems) console.log(`NOT COPIED ${entry.url}: ${entry.message}`);
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([table, count]) => `${count} ${table}`)
      .join(', ') || 'nothing';
  console.log(
    `OParl ${summary.source}${summary.modifiedSince ? ` (modified since ${summary.modifiedSince})` : ''}: ` +
      `created ${list(summary.created)}; updated ${list(summary.updated)}; ${summary.unchanged} unchanged; ` +
      `${summary.problems.length} problem(s); ${summary.requests} request(s).`,
  );
}
