/**
 * Attendance figures kept on write (migration 20261207_5401, issue 23 item 2). Property: after any sequence of writes
 * (attendance recorded, changed and deleted; meetings moved, held, cancelled, withdrawn and restored; memberships
 * added, changed and ended), the kept figures equal a recomputation from the records, and a councillor's record for
 * any period and a committee's attendees equal the rule read straight from the records (the queries as they were
 * before the figures were kept, with withdrawn meetings left out).
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyAttendees } from '../../src/db/queries/portal/bodies.ts';
import { personAttendanceRecord, type Period } from '../../src/db/queries/portal/people.ts';
import type { Db } from '../../src/db/types.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertAuthority, insertBody, insertMeeting, insertPerson } from '../support/factories.ts';

const STATUSES = ['present', 'apologies', 'absent', 'substitute', 'also-present', 'in-attendance'] as const;
const DAYS = ['2024-01-01', '2024-01-17', '2024-01-31', '2024-02-14', '2024-03-01', '2024-03-31', '2024-07-09', '2025-01-20'];

/** The attendance record straight from the records: the query the page ran before the figures were kept. */
async function recordFromRecords(db: Db, personId: string, period: Period) {
  const from = period.from ?? '0001-01-01';
  const to = period.to ?? '9999-12-31';
  const result = await sql<{ body_id: string; expected: number; attended: number; apologies: number }>`
    with expected as (
      select m.id as meeting_id, m.body_id
        from meeting m
        join membership ms on ms.body_id = m.body_id and ms.person_id = ${personId}
         and (ms.start_date is null or ms.start_date <= m.date) and (ms.end_date is null or ms.end_date >= m.date)
       where m.status = 'held' and m.withdrawn_at is null and m.date between ${from}::date and ${to}::date
      union
      select m.id, m.body_id
        from attendance a join meeting m on m.id = a.meeting_id
       where a.person_id = ${personId} and a.status in ('present', 'apologies', 'absent', 'substitute')
         and m.withdrawn_at is null and m.date between ${from}::date and ${to}::date
    ),
    attended as (select distinct meeting_id from attendance where person_id = ${personId} and status in ('present', 'substitute')),
    apologised as (select distinct meeting_id from attendance where person_id = ${personId} and status = 'apologies')
    select expected.body_id, count(*)::int as expected, count(attended.meeting_id)::int as attended,
           count(apologised.meeting_id) filter (where attended.meeting_id is null)::int as apologies
      from expected
      left join attended on attended.meeting_id = expected.meeting_id
      left join apologised on apologised.meeting_id = expected.meeting_id
     group by expected.body_id
     order by expected.body_id`.execute(db);
  return result.rows;
}

async function attendeesFromRecords(db: Db, bodyId: string) {
  const result = await sql<{ person_id: string; role: string | null; meeting_count: number }>`
    select a.person_id, max(a.role) as role, count(distinct a.meeting_id)::int as meeting_count
      from attendance a join meeting m on m.id = a.meeting_id join person p on p.id = a.person_id
     where m.body_id = ${bodyId} and p.kind = 'member' and m.withdrawn_at is null
       and a.status in ('present', 'apologies', 'substitute')
     group by a.person_id
     order by a.person_id`.execute(db);
  return result.rows;
}

const write = fc.oneof(
  fc.record({
    kind: fc.constant('attend' as const),
    person: fc.nat(3),
    meeting: fc.nat(7),
    status: fc.constantFrom(...STATUSES),
    role: fc.constantFrom(null, 'Chairman', 'Vice-Chairman'),
  }),
  fc.record({ kind: fc.constant('unattend' as const), person: fc.nat(3), meeting: fc.nat(7) }),
  fc.record({ kind: fc.constant('restatus' as const), person: fc.nat(3), meeting: fc.nat(7), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('move' as const), meeting: fc.nat(7), day: fc.constantFrom(...DAYS), body: fc.nat(1) }),
  fc.record({
    kind: fc.constant('hold' as const),
    meeting: fc.nat(7),
    status: fc.constantFrom('held', 'scheduled', 'cancelled', 'postponed') as fc.Arbitrary<'held'>,
  }),
  fc.record({ kind: fc.constant('withdraw' as const), meeting: fc.nat(7), withdrawn: fc.boolean() }),
  fc.record({
    kind: fc.constant('join' as const),
    person: fc.nat(3),
    body: fc.nat(1),
    start: fc.constantFrom(null, ...DAYS),
    end: fc.constantFrom(null, ...DAYS),
  }),
  fc.record({ kind: fc.constant('leave' as const), person: fc.nat(3), body: fc.nat(1) }),
  fc.record({ kind: fc.constant('reterm' as const), person: fc.nat(3), end: fc.constantFrom(null, ...DAYS) }),
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

const period = fc.record({
  from: fc.option(fc.constantFrom(...DAYS, '2024-02-29', '2024-01-15'), { nil: undefined }),
  to: fc.option(fc.constantFrom(...DAYS, '2024-02-01', '2024-03-30'), { nil: undefined }),
});

describe.skipIf(databaseUnavailable)('attendance figures kept on write', () => {
  let database: TestDatabase;
  const people: string[] = [];
  const bodies: string[] = [];
  const meetings: string[] = [];
  let serial = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const authority = await insertAuthority(db);
    for (const [index, name] of ['Sandwell Vale Council', 'Sandwell Vale Planning Committee'].entries()) {
      const body = await insertBody(db, authority.id as string, { name, slug: `stat-body-${index}`, kind: index === 0 ? 'council' : 'committee' });
      bodies.push(body.id as string);
    }
    for (const family of ['Ashby', 'Brennan', 'Carrow', 'Dunmore']) {
      const person = await insertPerson(db, authority.id as string, { honorific: 'Cllr', initials: ['T'], family_name: family });
      people.push(person.id as string);
    }
    for (let index = 0; index < 8; index++) {
      const meeting = await insertMeeting(db, bodies[index % 2]!, { date: DAYS[index]!, status: 'held' });
      meetings.push(meeting.id as string);
    }
  });
  afterAll(async () => {
    await database?.destroy();
  });

  async function apply(db: Db, step: Write) {
    const meetingId = 'meeting' in step ? meetings[step.meeting]! : '';
    const personId = 'person' in step ? people[step.person]! : '';
    switch (step.kind) {
      case 'attend':
        await db
          .insertInto('attendance')
          .values({ id: `stat-att-${serial++}`, meeting_id: meetingId, person_id: personId, status: step.status, role: step.role, printed_name: 'Cllr T' })
          .onConflict((oc) => oc.doNothing())
          .execute();
        return;
      case 'unattend':
        await db.deleteFrom('attendance').where('meeting_id', '=', meetingId).where('person_id', '=', personId).execute();
        return;
      case 'restatus':
        // Every row of the person at the meeting in one statement: the trigger sees both sides of the change.
        await db
          .updateTable('attendance')
          .set({ status: step.status })
          .where('meeting_id', '=', meetingId)
          .where('person_id', '=', personId)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('attendance as other')
                  .select('other.id')
                  .whereRef('other.meeting_id', '=', 'attendance.meeting_id')
                  .whereRef('other.person_id', '=', 'attendance.person_id')
                  .where('other.status', '=', step.status),
              ),
            ),
          )
          .execute();
        return;
      case 'move':
        // A body meets once a day (unique body and date): a move onto a taken day is not made.
        await db
          .updateTable('meeting')
          .set({ date: step.day, body_id: bodies[step.body]! })
          .where('id', '=', meetingId)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('meeting as other')
                  .select('other.id')
                  .where('other.body_id', '=', bodies[step.body]!)
                  .where('other.date', '=', step.day)
                  .whereRef('other.id', '<>', 'meeting.id'),
              ),
            ),
          )
          .execute();
        return;
      case 'hold':
        await db.updateTable('meeting').set({ status: step.status }).where('id', '=', meetingId).execute();
        return;
      case 'withdraw':
        await db
          .updateTable('meeting')
          .set({ withdrawn_at: step.withdrawn ? new Date() : null, withdrawn_reason: step.withdrawn ? 'Arranged in error' : null })
          .where('id', '=', meetingId)
          .execute();
        return;
      case 'join':
        await db
          .insertInto('membership')
          .values({
            id: `stat-ms-${serial++}`,
            person_id: personId,
            body_id: bodies[step.body]!,
            role: 'member',
            start_date: step.start !== null && step.end !== null && step.start > step.end ? step.end : step.start,
            end_date: step.start !== null && step.end !== null && step.start > step.end ? step.start : step.end,
          })
          .execute();
        return;
      case 'leave':
        await db.deleteFrom('membership').where('person_id', '=', personId).where('body_id', '=', bodies[step.body]!).execute();
        return;
      case 'reterm':
        // Every membership of the person at once, some of them crossing the dates of others' changes.
        await db
          .updateTable('membership')
          .set({ end_date: step.end })
          .where('person_id', '=', personId)
          .where((eb) => eb.or([eb('start_date', 'is', null), eb('start_date', '<=', step.end ?? '9999-12-31')]))
          .execute();
        return;
    }
  }

  async function keptEqualsRecomputed(db: Db) {
    const kept = await sql<Record<string, unknown>>`
      select person_id, body_id, month::text as month, expected, attended, apologies, listed, role
        from person_attendance_stat order by person_id, body_id, month`.execute(db);
    const recomputed = await sql<Record<string, unknown>>`
      select pair.person_id, pair.body_id, r.month::text as month, r.expected, r.attended, r.apologies, r.listed, r.role
        from (select person_id, body_id from membership
              union select a.person_id, m.body_id from attendance a join meeting m on m.id = a.meeting_id) pair
       cross join lateral person_attendance_rows(pair.person_id, pair.body_id, '-infinity'::date, 'infinity'::date) r
       order by 1, 2, 3`.execute(db);
    expect(kept.rows).toEqual(recomputed.rows);
    const totals = await sql<Record<string, unknown>>`
      select person_id, body_id, expected, attended, apologies, listed, role from person_attendance_total order by 1, 2`.execute(db);
    const summed = await sql<Record<string, unknown>>`
      select person_id, body_id, sum(expected)::int as expected, sum(attended)::int as attended, sum(apologies)::int as apologies,
             sum(listed)::int as listed, max(role) as role
        from person_attendance_stat group by 1, 2 order by 1, 2`.execute(db);
    expect(totals.rows).toEqual(summed.rows);
  }

  it('equal a recomputation from the records after any sequence of writes, and so do the pages read from them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 12 }), fc.array(period, { minLength: 1, maxLength: 3 }), async (steps, periods) => {
        const db = database.db;
        for (const step of steps) await apply(db, step);
        await keptEqualsRecomputed(db);
        for (const personId of people) {
          for (const chosen of [{} as Period, ...periods]) {
            if (chosen.from && chosen.to && chosen.from > chosen.to) continue;
            const page = await personAttendanceRecord(db, personId, chosen);
            const figures = page.map(({ body_id, expected, attended, apologies }) => ({ body_id, expected, attended, apologies }));
            figures.sort((a, b) => a.body_id.localeCompare(b.body_id));
            const expected = await recordFromRecords(db, personId, chosen);
            expected.sort((a, b) => a.body_id.localeCompare(b.body_id));
            expect(figures, `${personId} ${JSON.stringify(chosen)}`).toEqual(expected);
          }
        }
        for (const bodyId of bodies) {
          const listed = (await bodyAttendees(db, bodyId)).map(({ person_id, role, meeting_count }) => ({ person_id, role, meeting_count }));
          listed.sort((a, b) => a.person_id.localeCompare(b.person_id));
          const expected = await attendeesFromRecords(db, bodyId);
          expected.sort((a, b) => a.person_id.localeCompare(b.person_id));
          expect(listed).toEqual(expected);
        }
      }),
      { numRuns: 15 },
    );
  });
});
