/**
 * Reminders over real SMTP: an smtp-server runs in-process and the test reads what it received. Before the deadline,
 * after it, the weekly digest; every reminder logged; never the same one twice; owners without email reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as store from '../../src/db/repositories/scrutiny.ts';
import { recommendationRecorder } from '../../src/services/scrutiny/recorders.ts';
import { reminderSender } from '../../src/services/scrutiny/reminder-sender.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedScrutinyWorld } from './fixtures.ts';
import { decode, startSmtpServer } from './smtp.ts';

describe.skipIf(databaseUnavailable)('reminder emails', () => {
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let world: Awaited<ReturnType<typeof seedScrutinyWorld>>;
  let first: string;
  let later: string;
  const FROM = 'scrutiny@kent.example.gov.uk';

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await seedScrutinyWorld(database.db);
    smtp = await startSmtpServer();
    const record = (text: string, dueDate: string, ownerIds: string[]) =>
      recommendationRecorder({
        database,
        actor: { job: 'test' },
        authorityId: world.authorityId,
        meetingId: world.meetingId,
        itemTitle: 'Looked After Children Strategy',
        text,
        ownerIds,
        dueDate,
      });
    first = (await record('Explore distance learning.', '2012-02-13', [world.officerId, world.silentOfficerId])).id;
    later = (await record('Write to London Boroughs.', '2012-04-30', [world.officerId])).id;
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.destroy();
  });

  const run = (asAt: string) => reminderSender({ database, mailer: smtp.transport, asAt, from: FROM, baseUrl: 'https://quorum.example' });

  it('sends a reminder before the deadline and the weekly digest, received by the SMTP server', async () => {
    const result = await run('2012-02-01');
    expect(result.failed).toEqual([]);
    expect(result.sent.map((reminder) => reminder.kind)).toEqual(['before-deadline', 'weekly-digest']);
    expect(result.withoutEmail).toEqual(['Tony Doran']);
    expect(smtp.messages).toHaveLength(2);
    expect(smtp.messages.every((message) => message.from === FROM && message.to.join() === 'paul.brightwell@example.gov.uk')).toBe(true);
    const [due, digest] = smtp.messages.map((message) => decode(message.raw));
    expect(due!.subject).toBe('Response due 2012-02-13: Looked After Children Strategy, recommendation 1');
    expect(due!.text).toContain('is due on 2012-02-13 (in 12 days)');
    expect(due!.text).toContain('Explore distance learning.');
    expect(due!.text).toContain('https://quorum.example/admin/scrutiny/my-actions');
    expect(digest!.subject).toBe('Your scrutiny actions for the week of 2012-01-30: 2 open, 0 overdue');
    expect(digest!.text).toContain('Write to London Boroughs.');
  });

  it('never sends the same reminder twice: a second run that week sends nothing', async () => {
    const again = await run('2012-02-03');
    expect(again.sent).toEqual([]);
    expect(smtp.messages).toHaveLength(2);
  });

  it('after the deadline: one overdue reminder, and the next week’s digest lists it as overdue', async () => {
    const result = await run('2012-02-14');
    expect(result.sent.map((reminder) => [reminder.kind, reminder.recommendationIds])).toEqual([
      ['after-deadline', [first]],
      ['weekly-digest', [first, later]],
    ]);
    const [overdue, digest] = smtp.messages.slice(2).map((message) => decode(message.raw));
    expect(overdue!.subject).toBe('Overdue since 2012-02-13: Looked After Children Strategy, recommendation 1');
    expect(digest!.subject).toBe('Your scrutiny actions for the week of 2012-02-13: 2 open, 1 overdue');
    expect(digest!.text).toContain('- OVERDUE due 2012-02-13');
    expect((await run('2012-02-15')).sent).toEqual([]);
  });

  it('logs every reminder sent, with the message id the server accepted', async () => {
    const log = await store.remindersOf(database.db);
    expect(log.map((row) => [row.kind, row.as_at, row.email])).toEqual([
      ['before-deadline', '2012-02-01', 'paul.brightwell@example.gov.uk'],
      ['weekly-digest', '2012-02-01', 'paul.brightwell@example.gov.uk'],
      ['after-deadline', '2012-02-14', 'paul.brightwell@example.gov.uk'],
      ['weekly-digest', '2012-02-14', 'paul.brightwell@example.gov.uk'],
    ]);
    expect(log.every((row) => row.message_id && row.message_id.length > 3)).toBe(true);
    expect(smtp.messages).toHaveLength(4);
  });

  it('a failed send is not logged, so the next run tries again', async () => {
    const broken = { sendMail: async () => Promise.reject(new Error('connection refused')) };
    const next = await reminderSender({ database, mailer: broken, asAt: '2012-02-20', from: FROM });
    expect(next.sent).toEqual([]);
    expect(next.failed.map((reminder) => [reminder.kind, reminder.error])).toEqual([['weekly-digest', 'connection refused']]);
    expect(await store.reminderSent(database.db, `digest:${world.officerId}:2012-02-20`)).toBe(false);
    const retry = await run('2012-02-20');
    expect(retry.sent.map((reminder) => reminder.kind)).toEqual(['weekly-digest']);
    expect(smtp.messages).toHaveLength(5);
  });
});
