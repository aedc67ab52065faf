/**
 * OParl lists count their total only up to COUNT_AHEAD rows past the page (issue 23: counting a twenty-year archive's
 * papers on every page cost time in proportion to it). Property: whatever the list's length, page and bound, a page
 * holds exactly the rows of the whole list at its offset, and the total is exact when the list ends within the bound,
 * absent otherwise; a page without a total still links to the next one, as OParl 1.1 requires.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPage } from '../../src/db/queries/api/filters.ts';
import { presentListPage } from '../../src/api/oparl/presenters.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

describe.skipIf(databaseUnavailable)('OParl list pages with a bounded count', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const list = (length: number) =>
    database.db.selectFrom(sql<{ n: number }>`(select generate_series(1, ${length})::int as n)`.as('list')).select('list.n').orderBy('list.n', 'desc');

  it("a page is the whole list's slice, and its total is exact within the bound and absent beyond it", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 20 }),
        async (length, limit, page, ahead) => {
          const offset = (page - 1) * limit;
          const result = await runPage(database.db, list(length), { limit, offset }, ahead);
          const whole = Array.from({ length }, (_, index) => length - index);
          expect(result.rows.map((row) => row.n)).toEqual(whole.slice(offset, offset + limit));
          if (length <= offset + limit + ahead) expect(result.total).toBe(length);
          else expect(result.total).toBeUndefined();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a page of a list too long to count leaves out the totals and the last link, and links to the next page', () => {
    const url = (number: number) => `https://example.org/papers?page=${number}`;
    const uncounted = presentListPage([], { total: undefined, perPage: 20, current: 3 }, url);
    expect(uncounted.pagination).toEqual({ elementsPerPage: 20, currentPage: 3 });
    expect(uncounted.links).toEqual({ first: url(1), prev: url(2), next: url(4) });
    const counted = presentListPage([], { total: 45, perPage: 20, current: 3 }, url);
    expect(counted.pagination).toEqual({ totalElements: 45, elementsPerPage: 20, currentPage: 3, totalPages: 3 });
    expect(counted.links).toEqual({ first: url(1), prev: url(2), last: url(3) });
  });
});
