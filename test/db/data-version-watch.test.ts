/**
 * The portal's data version in memory: on the embedded engine a cached version is used until a change is
 * announced (no query per request), and a change is seen at once on both engines.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dataVersionOf } from '../../src/db/data-version-watch.ts';
import { createTestDatabase, databaseUnavailable, testEngine, type TestDatabase } from '../support/database.ts';
import { insertAuthority } from '../support/factories.ts';

describe.skipIf(databaseUnavailable)('the data version watch', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('sees every change at once, and on the embedded engine asks the database only after one', async () => {
    await dataVersionOf(database);
    // Listening begins asynchronously; give it a turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = await dataVersionOf(database);
    const reads = vi.spyOn(database.db, 'selectFrom');
    expect(await dataVersionOf(database)).toBe(before);
    expect(await dataVersionOf(database)).toBe(before);
    expect(reads).toHaveBeenCalledTimes(testEngine === 'pglite' ? 0 : 2);
    await insertAuthority(database.db, { name: 'Changed County Council' });
    const after = await dataVersionOf(database);
    expect(Number(after)).toBeGreaterThan(Number(before));
    await database.db.transaction().execute(async (trx) => {
      await insertAuthority(trx, { name: 'Another County Council' });
    });
    expect(Number(await dataVersionOf(database))).toBeGreaterThan(Number(after));
    reads.mockRestore();
  });
});
