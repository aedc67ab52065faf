/**
 * An OParl meetings list, of the authority or of one committee, is read keys first (issue 23: `?page=N` paid the
 * whole rows' look-ups for every meeting it skipped). Property: whatever the meetings (dates shared, some withdrawn,
 * two committees), page size and page, a page by number and the same page reached by following cursors both hold
 * exactly the slice of the whole list (not withdrawn, the scope's, date descending then id in "C" order), and the
 * created_since filter still applies.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMeetings } from '../../src/db/queries/api/oparl.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertAuthority, insertBody } from '../support/factories.ts';

describe.skipIf(databaseUnavailable)('OParl meeting pages', () => {
  let database: TestDatabase;
  let authorityId: string;
  let bodies: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    authorityId = (await insertAuthority(database.db)).id as string;
    bodies = [(await insertBody(database.db, authorityId, { name: 'Cabinet', slug: 'cabinet' })).id as string];
    bodies.push((await insertBody(database.db, authorityId, { name: 'Scrutiny Committee', slug: 'scrutiny' })).id as string);
    // Ids whose "C" order differs from a natural-language collation's (upper case, hyphens), dates shared by both bodies.
    const rows = Array.from({ length: 37 }, (_, n) => ({
      id: `meeting-${n % 3 === 0 ? 'Z' : 'a'}${String(n).padStart(2, '0')}${n % 2 ? '-x' : ''}`,
      body_id: bodies[n % 2]!,
      date: `2020-0${1 + (n % 5)}-${String(10 + (n % 7)).padStart(2, '0')}`,
      start_time: '10:00',
      withdrawn_at: n % 11 === 4 ? new Date('2021-01-01T00:00:00Z') : null,
      created_at: new Date(Date.UTC(2020, 0, 1 + n)),
    }));
    // (body_id, date) is unique: keep the first meeting of each.
    const seen = new Set<string>();
    const unique = rows.filter((row) => !seen.has(`${row.body_id} ${row.date}`) && seen.add(`${row.body_id} ${row.date}`));
    await database.db.insertInto('meeting').values(unique).execute();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const whole = async (bodyId: string | undefined, createdSince?: Date) => {
    const result = await sql<{ id: string }>`
      select m.id from meeting m join body b on b.id = m.body_id
       where b.authority_id = ${authorityId} and m.withdrawn_at is null
         and (${bodyId ?? null}::text is null or m.body_id = ${bodyId ?? null})
         and (${createdSince ?? null}::timestamptz is null or m.created_at >= ${createdSince ?? null})
       order by m.date desc, m.id collate "C"`.execute(database.db);
    return result.rows.map((row) => row.id);
  };

  it('a page by number and by cursor is the slice of the whole list', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<number | undefined>(undefined, 0, 1),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        async (bodyIndex, limit, page, filtered) => {
          const bodyId = bodyIndex === undefined ? undefined : bodies[bodyIndex];
          const filter = filtered ? { createdSince: new Date(Date.UTC(2020, 0, 12)) } : {};
          const scope = { authorityId, ...(bodyId ? { bodyId } : {}) };
          const all = await whole(bodyId, filter.createdSince);
          const offset = (page - 1) * limit;
          const byNumber = await listMeetings(database.db, scope, filter, { limit, offset });
          expect(byNumber.rows.map((row) => row.id)).toEqual(all.slice(offset, offset + limit));
          let window: { limit: number; offset: number; after?: string[] } = { limit, offset: 0 };
          let reached = await listMeetings(database.db, scope, filter, window);
          for (let n = 1; n < page && reached.lastKey; n++) {
            window = { limit, offset: n * limit, after: reached.lastKey };
            reached = await listMeetings(database.db, scope, filter, window);
          }
          expect(reached.rows.map((row) => row.id)).toEqual(all.slice(offset, offset + limit));
          if (byNumber.total !== undefined) expect(byNumber.total).toBe(all.length);
        },
      ),
      { numRuns: 50 },
    );
  });
});
