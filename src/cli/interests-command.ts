/**
 * `quorum interests remind [--as-at DATE]`: emails each member whose register of interests is due for review (see
 * services/registers/review-reminders.ts), and lists those without a linked account to remind by hand.
 */
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { openDatabase } from '../db/engine.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { councilRules } from '../domain/council-rules.ts';
import { createMailer } from '../services/accounts/mailer.ts';
import { reviewReminderSender } from '../services/registers/review-reminders.ts';
import { linkTo } from '../http/routes.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function registerInterestsCommand(program: Command, config: () => Config): void {
  const interests = program.command('interests').description('the register of members’ interests');
  interests
    .command('remind')
    .description('email members whose register is due for review (QUORUM_INTEREST_REVIEW_MONTHS)')
    .option('--as-at <date>', 'the day to act as at (YYYY-MM-DD); default today')
    .action(async (options: { asAt?: string }) => {
      const settings = config();
      const asAt = options.asAt ?? new Date().toISOString().slice(0, 10);
      if (!ISO_DATE.test(asAt) || Number.isNaN(Date.parse(asAt))) throw new Error(`--as-at: "${asAt}" is not a date as YYYY-MM-DD`);
      const handle = await openDatabase(settings);
      try {
        await migrateToLatest(handle.db);
        const base = (settings.publicUrl ?? `http://${settings.host}:${settings.port}`).replace(/\/+$/, '');
        const mailer = createMailer(settings, { info: (object, message) => console.log(message, JSON.stringify(object)) });
        const run = await reviewReminderSender({
          db: handle.db,
          mailer,
          asAt,
          reviewMonths: councilRules(settings.registerRules).interestReviewMonths,
          myInterestsUrl: `${base}${linkTo('interests.mine')}`,
        });
        console.log(`As at ${asAt}: ${run.sent.length} reminder(s) sent.`);
        for (const sent of run.sent) console.log(`  sent to ${sent.email} (${sent.name})`);
        for (const name of run.withoutAccount) console.log(`  ${name} has no linked account: not reminded`);
        for (const failure of run.failed) console.error(`  FAILED to ${failure.email}: ${failure.error}`);
        if (run.failed.length) process.exitCode = 1;
      } finally {
        await handle.close();
      }
    });
}
