/**
 * Reminds each member whose register is due for review (never published, or last published longer ago than the
 * council's review period) to check it and send it for publication. Read-only apart from the emails: safe to run
 * from cron; a member is reminded on every run while their register stays due.
 */
import type { Kysely } from 'kysely';
import * as repo from '../../db/repositories/registers/interests.ts';
import type { Database } from '../../db/schema.ts';
import { reviewDue } from '../../domain/interests/review.ts';
import type { Mailer } from '../accounts/mailer.ts';
import { personName } from '../political-balance/person-name.ts';

export interface ReminderRun {
  sent: Array<{ name: string; email: string }>;
  withoutAccount: string[];
  failed: Array<{ email: string; error: string }>;
}

export async function reviewReminderSender(props: {
  db: Kysely<Database>;
  mailer: Mailer;
  asAt: string;
  reviewMonths: number;
  myInterestsUrl: string;
}): Promise<ReminderRun> {
  const [members, published] = await Promise.all([repo.membersWithAccounts(props.db), repo.latestPublished(props.db)]);
  const last = new Map(published.map((version) => [version.person_id, version.published_on]));
  const run: ReminderRun = { sent: [], withoutAccount: [], failed: [] };
  for (const member of members) {
    const lastPublished = last.get(member.id) ?? null;
    if (!reviewDue(lastPublished, props.asAt, props.reviewMonths)) continue;
    const name = personName(member);
    if (!member.email) {
      run.withoutAccount.push(name);
      continue;
    }
    const text = [
      `Dear ${name},`,
      '',
      lastPublished
        ? `Your register of interests was last published on ${lastPublished}, more than ${props.reviewMonths} months ago.`
        : 'No register of interests has been published for you yet.',
      'Please check it, add any change (within 28 days of it, as the Localism Act 2011 requires) and send it for publication:',
      props.myInterestsUrl,
    ].join('\n');
    try {
      await props.mailer.send({ to: member.email, subject: 'Please review your register of interests', text });
      run.sent.push({ name, email: member.email });
    } catch (error) {
      run.failed.push({ email: member.email, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return run;
}
