/**
 * A committee's meetings and a person's votes are read a page at a time with a cursor (issue 23 item 2). Property:
 * walking the pages by their cursors, for any page size, gives exactly the whole list in the same order, once each.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyMeetings, type MeetingCursor } from '../../src/db/queries/portal/bodies.ts';
import { personVotes, type VoteCursor } from '../../src/db/queries/portal/people.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertAuthority, insertBody, insertMeeting, insertPerson } from '../support/factories.ts';

describe.skipIf(databaseUnavailable)('pages read by keyset', () => {
  let database: TestDatabase;
  let bodyId: string;
  let personId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const authority = await insertAuthority(db);
    bodyId = (await insertBody(db, authority.id as string, { name: 'Wexbridge Licensing Committee', slug: 'wexbridge-licensing', kind: 'committee' }))
      .id as string;
    personId = (await insertPerson(db, authority.id as string, { honorific: 'Cllr', initials: ['R'], family_name: 'Holloway' })).id as string;
    const days = ['2023-05-02', '2023-06-13', '2023-09-19', '2024-01-09', '2024-03-12', '2024-06-04', '2025-02-11'];
    let serial = 0;
    for (const date of days) {
      const meetingId = (await insertMeeting(db, bodyId, { date, status: 'held' })).id as string;
      // Several votes a meeting: on minutes out of id order, and one without a minute (listed last of its day).
      for (const position of [3, 1, null, 2]) {
        let minuteId: string | null = null;
        if (position !== null) {
          minuteId = `keyset-minute-${serial}`;
          await db
            .insertInto('minute')
            .values({ id: minuteId, meeting_id: meetingId, number: `${position}`, position, title: `Item ${position}` })
            .execute();
        }
        const eventId = `keyset-event-${String(99 - serial).padStart(3, '0')}`;
        serial++;
        await db
          .insertInto('vote_event')
          .values({
            id: eventId,
            meeting_id: meetingId,
            minute_id: minuteId,
            motion_text: 'That the licence be granted',
            for_count: 1,
            against_count: 0,
            abstain_count: 0,
            result: 'carried',
          })
          .execute();
        await db.insertInto('vote').values({ vote_event_id: eventId, person_id: personId, option: 'for', printed_name: 'Cllr R Holloway' }).execute();
      }
    }
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it("walking a committee's meetings page by page gives the whole list once, newest first", async () => {
    const whole = await bodyMeetings(database.db, bodyId, { limit: 1000 });
    expect(whole.more).toBe(false);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 8 }), async (limit) => {
        const walked: string[] = [];
        let before: MeetingCursor | undefined;
        for (;;) {
          const page = await bodyMeetings(database.db, bodyId, { limit, before });
          walked.push(...page.rows.map((row) => row.id));
          const last = page.rows.at(-1);
          if (!page.more || !last) break;
          before = { date: last.date };
        }
        expect(walked).toEqual(whole.rows.map((row) => row.id));
      }),
      { numRuns: 8 },
    );
  });

  it("walking a person's votes page by page gives the whole record once, in the page's order", async () => {
    const whole = await personVotes(database.db, personId, { limit: 1000 });
    expect(whole.rows).toHaveLength(28);
    // Newest first; within a day by minute, a vote without a minute last.
    expect(whole.rows.slice(0, 4).map((row) => row.minute_number)).toEqual(['1', '2', '3', null]);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 9 }), async (limit) => {
        const walked: string[] = [];
        let before: VoteCursor | undefined;
        for (;;) {
          const page = await personVotes(database.db, personId, { limit, before });
          walked.push(...page.rows.map((row) => row.vote_event_id));
          const last = page.rows.at(-1);
          if (!page.more || !last) break;
          before = { date: last.date, position: last.minute_position, voteEventId: last.vote_event_id };
        }
        expect(walked).toEqual(whole.rows.map((row) => row.vote_event_id));
      }),
      { numRuns: 8 },
    );
  });
});
