/**
 * `quorum scrutiny remind [--as-at DATE]`: applies the OUTSTANDING rule as at the date, then sends the reminders and
 * weekly digests due (see services/scrutiny/reminder-sender.ts). Safe to run from cron as often as wanted: a
 * reminder already sent is never sent again.
 */
import type { Command } from 'commander';
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/engine.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { todayInLondon } from '../domain/dates.ts';
import { outstandingMarker } from '../services/scrutiny/recorders.ts';
import { reminderSender } from '../services/scrutiny/reminder-sender.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function registerScrutinyCommand(program: Command, config: () => Config): void {
  const scrutiny = program.command('scrutiny').description('scrutiny recommendation tracking');
  scrutiny
    .command('remind')
    .description('mark overdue recommendations OUTSTANDING and email owners their reminders and weekly digest')
    .option('--as-at <date>', 'the day to act as at (YYYY-MM-DD); default today in England')
    .action(async (options: { asAt?: string }) => {
      const settings = config();
      const asAt = options.asAt ?? todayInLondon();
      if (!ISO_DATE.test(asAt) || Number.isNaN(Date.parse(asAt))) throw new Error(`--as-at: "${asAt}" is not a date as YYYY-MM-DD`);
      if (!settings.smtpUrl) throw new Error('QUORUM_SMTP_URL is not set, so reminders cannot be sent (e.g. smtp://mail.example.gov.uk:587)');
      const handle = await openDatabase(settings);
      const mailer = nodemailer.createTransport(settings.smtpUrl);
      try {
        await migrateToLatest(handle.db);
        const marked = await outstandingMarker({ database: handle, asAt, actor: { job: 'cli:scrutiny-remind' } });
        const run = await reminderSender({ database: handle, mailer, asAt, from: settings.mailFrom ?? 'Quorum <quorum@localhost>' });
        console.log(`As at ${asAt}: ${marked.length} recommendation(s) became OUTSTANDING; ${run.sent.length} reminder(s) sent.`);
        for (const reminder of run.sent) console.log(`  sent ${reminder.kind} to ${reminder.email}: ${reminder.subject}`);
        for (const name of run.withoutEmail) console.log(`  no email address for ${name}: not reminded`);
        for (const failure of run.failed) console.error(`  FAILED ${failure.kind} to ${failure.email}: ${failure.error}`);
        if (run.failed.length) process.exitCode = 1;
      } finally {
        mailer.close();
        await handle.close();
      }
    });
}
