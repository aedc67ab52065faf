import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUnavailable, testEngine, type TestDatabase } from '../support/database.ts';

describe.skipIf(databaseUnavailable)(`database engine (${testEngine})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('records every change in the append-only audit log, with the actor', async () => {
    const { db } = database;
    await db.transaction().execute(async (trx) => {
      await trx.executeQuery((await import('kysely')).sql`select set_config('quorum.actor', 'test:officer', true)`.compile(trx));
      await trx.insertInto('authority').values({ id: 'a1', name: 'Testshire County Council' }).execute();
      await trx.updateTable('authority').set({ name: 'Testshire Council' }).where('id', '=', 'a1').execute();
    });
    const log = await db.selectFrom('audit_log').selectAll().where('record_id', '=', 'a1').orderBy('id').execute();
    expect(log.map((entry) => [entry.action, entry.actor])).toEqual([
      ['insert', 'test:officer'],
      ['update', 'test:officer'],
    ]);
    expect((log[1]!.before as { name: string }).name).toBe('Testshire County Council');
    expect((log[1]!.after as { name: string }).name).toBe('Testshire Council');
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('returns dates as ISO strings, not shifted by time zone', async () => {
    const { db } = database;
    await db.insertInto('authority').values({ id: 'a2', name: 'Dates Council' }).execute();
    await db.insertInto('body').values({ id: 'b2', authority_id: 'a2', name: 'Council', slug: 'council', kind: 'council' }).execute();
    await db.insertInto('meeting').values({ id: 'm2', body_id: 'b2', date: '2011-04-06', start_time: '10:00' }).execute();
    const meeting = await db.selectFrom('meeting').selectAll().where('id', '=', 'm2').executeTakeFirstOrThrow();
    expect(meeting.date).toBe('2011-04-06');
    expect(meeting.start_time).toBe('10:00:00');
  });
});
