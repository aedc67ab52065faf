/**
 * Issue 23 item 5: start-up and import analyse only the tables that changed, not the whole database each time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/engine.ts';
import { refreshPlannerStatistics } from '../../src/db/statistics.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase, testEngine } from '../support/database.ts';
import { seedCouncilMeeting } from '../support/factories.ts';

describe.skipIf(databaseUnavailable)(`planner statistics of changed tables only (${testEngine})`, () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase();
    handle = database;
  });
  afterAll(async () => {
    if (handle !== database) await handle.close();
    await database?.destroy();
  });

  it('analyses the tables written to, then none until they change again', async () => {
    await seedCouncilMeeting(handle.db);
    // Enough rows to pass the change threshold whether or not the table was analysed when the database was made.
    await handle.db
      .insertInto('authority')
      .values(Array.from({ length: 60 }, (_, index) => ({ id: `authority-stats${index}`, name: `Statistics Council ${index}` })))
      .execute();
    // The server publishes its change counts at most once a second, so wait until they show.
    const analysed: string[] = [];
    for (let attempt = 0; attempt < 40 && !analysed.includes('public.authority'); attempt++) {
      analysed.push(...(await refreshPlannerStatistics(handle.db)));
      if (!analysed.includes('public.authority')) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(analysed).toContain('public.authority');
    // Once the counts (an ANALYZE's own reset included) have been published, nothing changed means nothing to do.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 1200));
    let again: string[] = ['not yet'];
    for (let attempt = 0; attempt < 5 && again.length > 0; attempt++) {
      await settle();
      again = await refreshPlannerStatistics(handle.db);
    }
    expect(again).toEqual([]);
    // A small change is below the threshold (50 rows, or a tenth of the table).
    await handle.db.updateTable('body').set({ name: 'County Council' }).where('name', '=', 'County Council').execute();
    await settle();
    expect(await refreshPlannerStatistics(handle.db)).toEqual([]);
  });

  it.runIf(testEngine === 'pglite')('finds nothing to do after a clean stop and start of the embedded engine', async () => {
    await database.close();
    handle = await openDatabase({ dataDir: database.location.dataDir });
    expect(await refreshPlannerStatistics(handle.db)).toEqual([]);
  });
});
