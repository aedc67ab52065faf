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
    const first = await refreshPlannerStatistics(handle.db);
    expect(first).toContain('public.meeting');
    expect(await refreshPlannerStatistics(handle.db)).toEqual([]);
    // A small change is below the threshold (50 rows, or a tenth of the table).
    await handle.db.updateTable('body').set({ name: 'County Council' }).where('name', '=', 'County Council').execute();
    expect(await refreshPlannerStatistics(handle.db)).toEqual([]);
  });

  it.runIf(testEngine === 'pglite')('finds nothing to do after a clean stop and start of the embedded engine', async () => {
    await database.close();
    handle = await openDatabase({ dataDir: database.location.dataDir });
    expect(await refreshPlannerStatistics(handle.db)).toEqual([]);
  });
});
