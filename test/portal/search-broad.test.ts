/**
 * A search with more than COUNT_CAP matches reads its page by walking the date index row by row (issue 23), not by
 * taking every match from the GIN index. Its pages must hold what sorting every match would give: newest first,
 * undated records last, then kind and id, within the filters asked for.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_CAP, searchDocuments } from '../../src/db/queries/portal/search.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';

describe.skipIf(databaseUnavailable)('broad searches walk the date index', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    // 1,500 records naming the word, of two kinds, dates shared by several and some undated; 500 that do not.
    await sql`insert into search_document (kind, record_id, title, body, date)
      select case when n % 3 = 0 then 'minute' else 'agenda-item' end, 'broad-' || n,
             'Item ' || n || case when n % 4 = 3 then ' other business' else ' zebrawood purchase' end,
             'Text ' || n, case when n % 50 = 0 then null else date '2010-01-01' + (n * 7 % 900) end
        from generate_series(1, 2000) n`.execute(database.db);
    await sql`analyze search_document`.execute(database.db);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const expected = async (kind: string | undefined, from: string | undefined) => {
    const result = await sql<{ kind: string; record_id: string }>`
      select kind, record_id from search_document
       where document @@ websearch_to_tsquery('english', 'zebrawood')
         and (${kind ?? null}::text is null or kind = ${kind ?? null})
         and (${from ?? null}::date is null or date >= ${from ?? null}::date)
       order by date desc nulls last, kind, record_id`.execute(database.db);
    return result.rows.map((row) => `${row.kind} ${row.record_id}`);
  };

  it('pages hold the newest matches in order, with and without filters', async () => {
    for (const [kind, from] of [
      [undefined, undefined],
      ['agenda-item', undefined],
      [undefined, '2010-06-01'],
    ] as const) {
      const all = await expected(kind, from);
      expect(all.length).toBeGreaterThan(COUNT_CAP);
      for (const offset of [0, 40, 980]) {
        const page = await searchDocuments(database.db, {
          text: 'zebrawood',
          ...(kind ? { kinds: [kind] } : {}),
          ...(from ? { from } : {}),
          limit: 20,
          offset,
        });
        expect(page.capped).toBe(true);
        expect(page.hits.map((hit) => `${hit.kind} ${hit.record_id}`)).toEqual(all.slice(offset, offset + 20));
      }
    }
  });
});
