/**
 * The decisions register reads a page from a window of recent dates, widened until it holds the page (issue 23:
 * cost bounded by the page, not the archive). Property: for any page, filter and count bound, the rows are exactly
 * those of the whole register read at once, and the bounded total is exact below its bound.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDecisions } from '../../src/db/queries/portal/decisions.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedCouncilMeeting } from '../support/factories.ts';

describe.skipIf(databaseUnavailable)('the decisions register read through date windows', () => {
  let database: TestDatabase;
  let bodyId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const seed = await seedCouncilMeeting(database.db);
    bodyId = seed.body.id as string;
    // Decisions spread over forty years, several on some days (ties broken by the register's later sort keys).
    const rows = Array.from({ length: 60 }, (_, index) => ({
      id: `decision-window-${String(index).padStart(3, '0')}`,
      authority_id: seed.authority.id as string,
      decision_date: `${1986 + ((index * 7) % 40)}-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + ((index * 5) % 28)).padStart(2, '0')}`,
      decision_maker_body_id: index % 3 === 0 ? bodyId : null,
      subject: `Decision ${index}`,
      text: `Decided ${index}`,
      is_key: index % 4 === 0,
    }));
    rows.push({ ...rows[0]!, id: 'decision-window-tie', subject: 'Tie' });
    await database.db.insertInto('decision').values(rows).execute();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it("every page equals the whole register's page, and the total is exact up to its bound", async () => {
    const whole = await listDecisions(database.db, { limit: 1000, offset: 0, countCap: 1_000_000 });
    expect(whole.total).toBeGreaterThan(60);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          limit: fc.integer({ min: 1, max: 12 }),
          offset: fc.integer({ min: 0, max: 80 }),
          countCap: fc.integer({ min: 0, max: 90 }),
          keyOnly: fc.boolean(),
          body: fc.boolean(),
        }),
        async ({ limit, offset, countCap, keyOnly, body }) => {
          const filters = { keyOnly, ...(body ? { bodyId } : {}) };
          const expected = await listDecisions(database.db, { ...filters, limit: 1000, offset: 0, countCap: 1_000_000 });
          const page = await listDecisions(database.db, { ...filters, limit, offset, countCap });
          expect(page.rows).toEqual(expected.rows.slice(offset, offset + limit));
          expect(page.more).toBe(expected.rows.length > offset + limit);
          expect(page.capped).toBe(expected.total > countCap);
          expect(page.total).toBe(Math.min(expected.total, countCap));
        },
      ),
      { numRuns: 40 },
    );
  });
});
