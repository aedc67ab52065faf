/**
 * The decisions register is read a page at a time from its kept table, by cursor (issue 23: a page costs what the
 * first costs, whatever the archive). Property: for any filters and page size, following "Older decisions" from the
 * newest page gives every entry once, in the register's order (newest first, then body name, minute number, position
 * and id, a missing body or minute last); following "Newer decisions" back gives the same pages; a numbered page is
 * the same slice; and the count is exact up to its bound.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDecisions, decisionCursorOf, listDecisions, type DecisionFilters } from '../../src/db/queries/portal/decisions.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertAuthority, insertBody, insertMeeting, insertPerson } from '../support/factories.ts';

const DAYS = ['2019-05-14', '2019-05-14', '2020-11-03', '2021-02-09', '2021-02-10', '2022-07-19'];

describe.skipIf(databaseUnavailable)('the decisions register read by cursor', () => {
  let database: TestDatabase;
  const bodies: string[] = [];
  let makerId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const authorityId = (await insertAuthority(db)).id as string;
    for (const [index, name] of ['Westholm Planning Committee', 'Westholm Cabinet', 'Westholm Council'].entries()) {
      bodies.push((await insertBody(db, authorityId, { name, slug: `pages-body-${index}`, kind: index === 2 ? 'council' : 'committee' })).id as string);
    }
    makerId = (await insertPerson(db, authorityId, { honorific: 'Cllr', initials: ['J'], family_name: 'Penrose' })).id as string;
    let serial = 0;
    // Every body meets on most days; minute numbers that sort as text ("10" before "2"); several resolutions a minute.
    for (const [dayIndex, date] of [...new Set(DAYS)].entries()) {
      for (const [bodyIndex, bodyId] of bodies.entries()) {
        if ((dayIndex + bodyIndex) % 4 === 3) continue;
        const meetingId = (await insertMeeting(db, bodyId, { date, status: 'held' })).id as string;
        for (const number of ['2', '10', '3a']) {
          const minuteId = `pages-minute-${serial++}`;
          await db
            .insertInto('minute')
            .values({ id: minuteId, meeting_id: meetingId, number, position: serial, title: `Item ${number}` })
            .execute();
          await db
            .insertInto('resolution')
            .values(
              [2, 0, 1].map((position) => ({
                id: `pages-resolution-${String(99 - serial).padStart(3, '0')}-${position}`,
                minute_id: minuteId,
                position,
                text: 'Resolved.',
              })),
            )
            .execute();
        }
      }
    }
    // Decisions on the same days, with a body, without one (listed after the bodies' entries), or by a person.
    await db
      .insertInto('decision')
      .values(
        DAYS.flatMap((date, index) => [
          {
            id: `pages-decision-${index}-a`,
            authority_id: authorityId,
            decision_date: date,
            subject: 'A',
            text: 'Decided.',
            decision_maker_body_id: bodies[index % 3]!,
            is_key: index % 2 === 0,
          },
          {
            id: `pages-decision-${index}-b`,
            authority_id: authorityId,
            decision_date: date,
            subject: 'B',
            text: 'Decided.',
            decision_maker_person_id: makerId,
            is_urgent: index % 3 === 0,
          },
          { id: `pages-decision-${index}-c`, authority_id: authorityId, decision_date: date, subject: 'C', text: 'Decided.', is_key: true },
        ]),
      )
      .execute();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  /** The register whole, in its order, straight from the kept table. */
  async function whole(filters: DecisionFilters): Promise<string[]> {
    const rows = await sql<{ id: string }>`
      select id from decision_register_entry
       where (${filters.bodyId ?? null}::text is null or body_id = ${filters.bodyId ?? null})
         and (${filters.makerPersonId ?? null}::text is null or maker_person_id = ${filters.makerPersonId ?? null})
         and (${filters.from ?? null}::date is null or date >= ${filters.from ?? null}::date)
         and (${filters.to ?? null}::date is null or date <= ${filters.to ?? null}::date)
         and (not ${filters.keyOnly ?? false} or is_key) and (not ${filters.urgentOnly ?? false} or is_urgent)
       order by date desc, body_name nulls last, minute_number nulls last, position, id`.execute(database.db);
    return rows.rows.map((row) => row.id);
  }

  const filters = fc.record({
    body: fc.option(fc.nat(2), { nil: undefined }),
    maker: fc.boolean(),
    from: fc.option(fc.constantFrom(...DAYS, '2020-01-01'), { nil: undefined }),
    to: fc.option(fc.constantFrom(...DAYS, '2021-12-31'), { nil: undefined }),
    keyOnly: fc.boolean(),
    urgentOnly: fc.boolean(),
  });
  const chosen = (value: typeof filters extends fc.Arbitrary<infer T> ? T : never): DecisionFilters => ({
    ...(value.body !== undefined ? { bodyId: bodies[value.body]! } : {}),
    ...(value.maker ? { makerPersonId: makerId } : {}),
    ...(value.from ? { from: value.from } : {}),
    ...(value.to ? { to: value.to } : {}),
    keyOnly: value.keyOnly,
    urgentOnly: value.urgentOnly,
  });

  it('every page by cursor, older and newer, and every numbered page, is the slice of the whole register', async () => {
    const db = database.db;
    expect((await whole({})).length).toBeGreaterThan(100);
    await fc.assert(
      fc.asyncProperty(filters, fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 60 }), async (value, limit, cap) => {
        const chosenFilters = chosen(value);
        const expected = await whole(chosenFilters);
        // Older, from the newest page.
        const pages: string[][] = [];
        let page = await listDecisions(db, chosenFilters, { limit });
        expect(page.newer).toBe(false);
        pages.push(page.rows.map((row) => row.id));
        while (page.older) {
          page = await listDecisions(db, chosenFilters, { limit, before: decisionCursorOf(page.rows.at(-1)!) });
          expect(page.newer).toBe(true);
          pages.push(page.rows.map((row) => row.id));
        }
        expect(pages.flat()).toEqual(expected);
        expect(pages.slice(0, -1).every((ids) => ids.length === limit)).toBe(true);
        // Newer, back from the oldest page: the same pages, ending on the newest one.
        let back = page;
        for (let index = pages.length - 2; index >= 0; index--) {
          back = await listDecisions(db, chosenFilters, { limit, after: decisionCursorOf(back.rows[0]!) });
          if (index === 0) {
            expect(back.rows.map((row) => row.id)).toEqual(expected.slice(0, limit));
            expect(back.newer).toBe(false);
          } else {
            // A page reached going up ends just before the page it came from: the same length as a full page.
            const end = expected.indexOf(pages[index + 1]![0]!);
            expect(back.rows.map((row) => row.id)).toEqual(expected.slice(end - limit, end));
          }
        }
        // Numbered pages, as the old links skip.
        const offset = Math.min(expected.length, limit * 2);
        const numbered = await listDecisions(db, chosenFilters, { limit, offset });
        expect(numbered.rows.map((row) => row.id)).toEqual(expected.slice(offset, offset + limit));
        expect(numbered.older).toBe(expected.length > offset + limit);
        // The bounded count.
        const count = await countDecisions(db, chosenFilters, cap);
        expect(count).toEqual({ total: Math.min(expected.length, cap), capped: expected.length > cap });
      }),
      { numRuns: 40 },
    );
  });
});
