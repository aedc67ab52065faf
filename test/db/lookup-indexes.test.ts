/**
 * Lookups that triggers run on every write must go through an index, or writing grows with the archive. Planned with
 * sequential scans disabled: a lookup with no usable index still shows a scan of the whole table (or of an unrelated
 * index with a filter), however small the test database is.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

describe.skipIf(databaseUnavailable)('lookups run by write triggers', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.destroy();
  });

  async function planOf(query: string): Promise<string> {
    return database.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const result = await sql<Record<string, string>>`${sql.raw(`explain ${query}`)}`.execute(trx);
      return result.rows.map((row) => Object.values(row)[0]).join('\n');
    });
  }

  it("finds a report's public agenda items by an index (the search index's refresh of every report)", async () => {
    const plan = await planOf(`select a.meeting_id from public_agenda_item a where a.report_id = 'report-1'`);
    expect(plan).toContain('agenda_item_public_report_idx');
    expect(plan).not.toMatch(/Seq Scan on agenda_item/);
  });
});
