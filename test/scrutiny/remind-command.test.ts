/**
 * `quorum scrutiny remind` without --as-at acts as at today in England. Run from cron at 00:30 on a summer night
 * (23:30 UTC the day before), it must act as at the new London day: a recommendation due the day before is
 * already overdue. Taking "today" from the UTC date acted a day late.
 */
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../src/db/engine.ts';
import { loadConfig } from '../../src/config.ts';
import { registerScrutinyCommand } from '../../src/cli/scrutiny-command.ts';
import { recommendationRecorder } from '../../src/services/scrutiny/recorders.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedScrutinyWorld } from './fixtures.ts';
import { decode, startSmtpServer } from './smtp.ts';

// The command opens the database from its configuration; here it gets this file's test database (left open).
const opened = vi.hoisted(() => ({ handle: undefined as DatabaseHandle | undefined }));
vi.mock('../../src/db/engine.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/db/engine.ts')>();
  return {
    ...original,
    openDatabase: async (...args: Parameters<typeof original.openDatabase>) =>
      opened.handle
        ? new Proxy(opened.handle, { get: (target, key) => (key === 'close' ? async () => {} : Reflect.get(target, key)) })
        : original.openDatabase(...args),
  };
});

describe.skipIf(databaseUnavailable)('quorum scrutiny remind: today is the London day', () => {
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    opened.handle = database;
    const world = await seedScrutinyWorld(database.db);
    await recommendationRecorder({
      database,
      actor: { job: 'test' },
      authorityId: world.authorityId,
      meetingId: world.meetingId,
      itemTitle: 'Looked After Children Strategy',
      text: 'Explore distance learning.',
      ownerIds: [world.officerId],
      dueDate: '2012-07-15',
    });
    smtp = await startSmtpServer();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.destroy();
  });

  it('at 00:30 BST acts as at the London date, so a recommendation due yesterday is overdue', async () => {
    const config = loadConfig({ QUORUM_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, QUORUM_DATA_DIR: '/nonexistent/unused' });
    const program = new Command().exitOverride();
    registerScrutinyCommand(program, () => config);
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
    // Only Date is faked: the database and the SMTP server keep their real timers.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2012-07-15T23:30:00Z') });

    await program.parseAsync(['node', 'quorum', 'scrutiny', 'remind']);

    expect(printed[0]).toMatch(/^As at 2012-07-16: 1 recommendation\(s\) became OUTSTANDING/);
    const subjects = smtp.messages.map((message) => decode(message.raw).subject);
    expect(subjects).toContain('Overdue since 2012-07-15: Looked After Children Strategy, recommendation 1');
  });
});
