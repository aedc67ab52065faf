/**
 * The write-operation contract (src/services/write-operation.ts) on the engine under test: the role is checked before
 * anything is written, the actor reaches the audit log, a taken unique key and the minutes lock become conflicts, a
 * QuorumError leaves unchanged and rolls everything back, and "today" is London's.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/domain/roles.ts';
import { NotFound } from '../../src/domain/errors.ts';
import { expectVersion, writeOperation } from '../../src/services/write-operation.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

const officer: SessionUser = { id: 'account-contract-officer', email: 'officer@kent.example', name: 'Officer', roles: ['officer'], personId: null };
const clerk: SessionUser = { ...officer, id: 'account-contract-clerk', roles: ['democratic-services'] };

describe.skipIf(databaseUnavailable)('writeOperation', () => {
  let database: TestDatabase;
  const authorities = async () => (await database.db.selectFrom('authority').select(['id', 'name']).orderBy('id').execute()).map((row) => row.id);

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('refuses an account without the role before writing anything', async () => {
    const attempt = writeOperation({ db: database.db, actor: officer, role: 'democratic-services', refusal: 'Only the clerk may' }, async ({ trx }) => {
      await trx.insertInto('authority').values({ id: 'authority-refused', name: 'Refused Council' }).execute();
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'forbidden', message: 'Only the clerk may' });
    expect(await authorities()).not.toContain('authority-refused');
  });

  it('lets democratic services, the command line and system jobs through any role check', async () => {
    for (const [id, actor] of [
      ['authority-clerk', clerk],
      ['authority-cli', 'cli'],
      ['authority-job', { job: 'nightly' }],
    ] as const) {
      await writeOperation({ db: database.db, actor, role: 'scrutiny-officer' }, async ({ trx }) => {
        await trx.insertInto('authority').values({ id, name: id }).execute();
      });
    }
    expect(await authorities()).toEqual(expect.arrayContaining(['authority-clerk', 'authority-cli', 'authority-job']));
  });

  it('records the actor of every change in the audit log', async () => {
    await writeOperation({ db: database.db, actor: clerk }, async ({ trx }) => {
      await trx.insertInto('authority').values({ id: 'authority-audited', name: 'Audited Council' }).execute();
    });
    await writeOperation({ db: database.db, actor: { job: 'generator' } }, async ({ trx }) => {
      await trx.updateTable('authority').set({ name: 'Audited County Council' }).where('id', '=', 'authority-audited').execute();
    });
    const entries = await database.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('table_name', '=', 'authority')
      .where('record_id', '=', 'authority-audited')
      .orderBy('id')
      .execute();
    expect(entries).toEqual([
      { actor: clerk.id, action: 'insert' },
      { actor: 'generator', action: 'update' },
    ]);
  });

  it('turns a taken unique key into a conflict and keeps nothing of the transaction', async () => {
    await writeOperation({ db: database.db, actor: 'cli' }, async ({ trx }) => {
      await trx.insertInto('authority').values({ id: 'authority-first', name: 'Unique Council' }).execute();
    });
    const duplicate = writeOperation({ db: database.db, actor: 'cli' }, async ({ trx }) => {
      await trx.insertInto('authority').values({ id: 'authority-partial', name: 'Partial Council' }).execute();
      await trx.insertInto('authority').values({ id: 'authority-second', name: 'Unique Council' }).execute();
    });
    await expect(duplicate).rejects.toMatchObject({ kind: 'conflict', id: 'duplicate', message: expect.stringContaining('already exists') });
    expect(await authorities()).not.toContain('authority-partial');
  });

  it('leaves a QuorumError as it is, rolled back', async () => {
    const missing = writeOperation({ db: database.db, actor: 'cli' }, async ({ trx }) => {
      await trx.insertInto('authority').values({ id: 'authority-rolled-back', name: 'Rolled Back Council' }).execute();
      throw NotFound('No such thing');
    });
    await expect(missing).rejects.toMatchObject({ kind: 'not_found', message: 'No such thing' });
    expect(await authorities()).not.toContain('authority-rolled-back');
  });

  it('turns the approved-minutes lock trigger into a minutes_locked conflict', async () => {
    const locked = writeOperation({ db: database.db, actor: 'cli' }, async ({ trx }) => {
      await sql`do $$ begin raise exception 'The minutes of meeting m-1 were approved as a correct record on 2011-05-12; they are locked. Record a correction instead.'; end $$`.execute(
        trx,
      );
    });
    await expect(locked).rejects.toMatchObject({ kind: 'conflict', id: 'minutes_locked', message: expect.stringContaining('approved as a correct record') });
  });

  it('gives London’s date as today: at 00:30 BST the UTC date is still yesterday', async () => {
    const clock = () => new Date('2026-06-01T23:30:00Z');
    const today = await writeOperation({ db: database.db, actor: 'cli', clock }, async (context) => context.today);
    expect(today).toBe('2026-06-02');
    const winter = await writeOperation({ db: database.db, actor: 'cli', clock: () => new Date('2026-12-01T23:30:00Z') }, async (context) => context.today);
    expect(winter).toBe('2026-12-01');
  });

  it('raises a record’s version on every update, so a form read before it is stale', async () => {
    await database.db.insertInto('authority').values({ id: 'authority-versions', name: 'Versions Council' }).execute();
    await database.db
      .insertInto('body')
      .values({ id: 'body-versions', authority_id: 'authority-versions', name: 'Cabinet', slug: 'cabinet', kind: 'cabinet', parent_id: null })
      .execute();
    const read = await database.db.selectFrom('body').select('version').where('id', '=', 'body-versions').executeTakeFirstOrThrow();
    await database.db.updateTable('body').set({ name: 'The Cabinet' }).where('id', '=', 'body-versions').execute();
    const now = await database.db.selectFrom('body').select('version').where('id', '=', 'body-versions').executeTakeFirstOrThrow();
    expect(now.version).toBe(read.version + 1);
    expect(() => expectVersion(now, String(read.version), 'body')).toThrow(/Someone else changed this body after you opened the page/);
    expect(() => expectVersion(now, String(now.version), 'body')).not.toThrow();
  });
});
