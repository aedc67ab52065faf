/**
 * A councillor's voting record kept on write (migration 20261208_0600, issue 23 item 2). Property: after any sequence
 * of writes (votes cast, changed, moved to another person and deleted; vote events moved between minutes and meetings;
 * meetings moved and withdrawn; minutes published and unpublished; minutes and agenda items made exempt; minutes
 * reordered; group memberships added, changed and ended), the kept rows equal a recomputation from the records,
 * every kept row is a public vote, and the councillor's page (every vote in order, and the summary) equals what the
 * page read straight from the records before the figures were kept. A second test follows one vote through
 * unpublished, exempt and withdrawn states.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personVoteSummary, personVotes, type PersonVoteRow } from '../../src/db/queries/portal/people.ts';
import type { Db } from '../../src/db/types.ts';
import { groupMajority } from '../../src/web/portal/presenters/person.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertAuthority, insertBody, insertMeeting, insertPerson } from '../support/factories.ts';

const DAYS = ['2024-01-10', '2024-02-14', '2024-03-01', '2024-05-20', '2024-07-09', '2025-01-20'];
const OPTIONS = ['for', 'against', 'abstain'] as const;

/** The page's query before the figures were kept: every public vote of the person with their group's figures. */
async function votesFromRecords(db: Db, personId: string) {
  const result = await sql<PersonVoteRow & { minute_position: number | null }>`
    select mine.vote_event_id, mine.option, mine.motion_text, mine.result, mine.meeting_id, mine.date,
           mine.body_name, mine.body_slug, mine.minute_number, mine.minute_title, mine.minute_position,
           pg.name as group_name,
           coalesce(gv.group_for, 0)::int as group_for, coalesce(gv.group_against, 0)::int as group_against,
           coalesce(gv.group_abstain, 0)::int as group_abstain
      from (
        select v.vote_event_id, v.person_id, v.option, ve.motion_text, ve.result, m.id as meeting_id, m.date,
               b.name as body_name, b.slug as body_slug, mi.number as minute_number, mi.title as minute_title,
               mi.position as minute_position, coalesce(mi.position, 2147483647) as sort_position
          from public_vote v
          join public_vote_event ve on ve.id = v.vote_event_id
          join meeting m on m.id = ve.meeting_id
          join body b on b.id = m.body_id
          left join public_minute mi on mi.id = ve.minute_id
         where v.person_id = ${personId} and (mi.id is null or not mi.exempt)) mine
      left join lateral (
        select gm.group_id from group_membership gm
         where gm.person_id = mine.person_id
           and (gm.start_date is null or gm.start_date <= mine.date) and (gm.end_date is null or gm.end_date >= mine.date)
         order by gm.start_date desc nulls last limit 1
      ) my_group on true
      left join political_group pg on pg.id = my_group.group_id
      left join lateral (
        select count(*) filter (where v2.option = 'for') as group_for,
               count(*) filter (where v2.option = 'against') as group_against,
               count(*) filter (where v2.option = 'abstain') as group_abstain
          from vote v2
          join group_membership gm2 on gm2.person_id = v2.person_id and gm2.group_id = my_group.group_id
           and (gm2.start_date is null or gm2.start_date <= mine.date) and (gm2.end_date is null or gm2.end_date >= mine.date)
         where v2.vote_event_id = mine.vote_event_id
      ) gv on my_group.group_id is not null
     order by mine.date desc, mine.sort_position, mine.vote_event_id`.execute(db);
  return result.rows;
}

/** The summary as the presenter computed it from every vote before the figures were kept. */
function summaryOf(rows: PersonVoteRow[]) {
  const majorities = rows.map((row) => ({
    option: row.option,
    majority: groupMajority({ for: row.group_for, against: row.group_against, abstain: row.group_abstain }),
  }));
  const compared = majorities.filter((vote) => vote.majority);
  return { recorded: rows.length, compared: compared.length, withGroup: compared.filter((vote) => vote.majority === vote.option).length };
}

const write = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('vote' as const), event: fc.nat(7), person: fc.nat(4), option: fc.constantFrom(...OPTIONS) }), weight: 4 },
  fc.record({ kind: fc.constant('unvote' as const), event: fc.nat(7), person: fc.nat(4) }),
  fc.record({ kind: fc.constant('revote' as const), event: fc.nat(7), option: fc.constantFrom(...OPTIONS) }),
  fc.record({ kind: fc.constant('reassign' as const), event: fc.nat(7), person: fc.nat(4), to: fc.nat(4) }),
  fc.record({ kind: fc.constant('clear' as const), event: fc.nat(7) }),
  fc.record({ kind: fc.constant('rehome' as const), event: fc.nat(7), minute: fc.option(fc.nat(7), { nil: null }), meeting: fc.nat(3) }),
  fc.record({ kind: fc.constant('move' as const), meeting: fc.nat(3), day: fc.constantFrom(...DAYS) }),
  fc.record({ kind: fc.constant('publish' as const), meeting: fc.nat(3), state: fc.constantFrom('none', 'unpublished', 'published') }),
  fc.record({ kind: fc.constant('withdraw' as const), meeting: fc.nat(3) }),
  fc.record({ kind: fc.constant('exempt' as const), minute: fc.nat(7), exempt: fc.boolean() }),
  fc.record({ kind: fc.constant('exempt-item' as const), item: fc.nat(3), exempt: fc.boolean() }),
  fc.record({ kind: fc.constant('reorder' as const), minute: fc.nat(7), position: fc.nat(9) }),
  {
    arbitrary: fc.record({
      kind: fc.constant('join' as const),
      person: fc.nat(4),
      group: fc.nat(1),
      start: fc.constantFrom(null, ...DAYS),
      end: fc.constantFrom(null, ...DAYS),
    }),
    weight: 2,
  },
  fc.record({ kind: fc.constant('leave' as const), person: fc.nat(4), group: fc.nat(1) }),
  fc.record({ kind: fc.constant('reterm' as const), person: fc.nat(4), end: fc.constantFrom(null, ...DAYS) }),
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

describe.skipIf(databaseUnavailable)('voting records kept on write', () => {
  let database: TestDatabase;
  const people: string[] = [];
  const groups: string[] = [];
  const meetings: string[] = [];
  const items: string[] = [];
  const minutes: string[] = [];
  const events: string[] = [];
  let serial = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const authority = await insertAuthority(db);
    const authorityId = authority.id as string;
    const body = await insertBody(db, authorityId, { name: 'Sandwell Vale Council', slug: 'vote-stat-council', kind: 'council' });
    for (const family of ['Ashby', 'Brennan', 'Carrow', 'Dunmore', 'Ellery']) {
      people.push((await insertPerson(db, authorityId, { honorific: 'Cllr', initials: ['T'], family_name: family })).id as string);
    }
    for (const name of ['Blue Group', 'Red Group']) {
      const id = `vote-stat-group-${groups.length}`;
      await db.insertInto('political_group').values({ id, authority_id: authorityId, name, abbreviation: null }).execute();
      groups.push(id);
    }
    for (let index = 0; index < 4; index++) {
      const meeting = await insertMeeting(db, body.id as string, { date: DAYS[index]!, status: 'held' });
      meetings.push(meeting.id as string);
      const item = `vote-stat-item-${index}`;
      await db
        .insertInto('agenda_item')
        .values({ id: item, meeting_id: meeting.id as string, number: '1', position: 1, title: 'Budget' })
        .execute();
      items.push(item);
      for (let m = 0; m < 2; m++) {
        const id = `vote-stat-minute-${index}-${m}`;
        await db
          .insertInto('minute')
          .values({
            id,
            meeting_id: meeting.id as string,
            number: `${index}${m}`,
            position: 2 - m,
            title: `Minute ${m}`,
            agenda_item_id: m === 0 ? item : null,
          })
          .execute();
        minutes.push(id);
      }
      for (let e = 0; e < 2; e++) {
        const id = `vote-stat-event-${index}-${e}`;
        await db
          .insertInto('vote_event')
          .values({
            id,
            meeting_id: meeting.id as string,
            minute_id: e === 0 ? minutes[index * 2]! : null,
            motion_text: `Motion ${index}-${e}`,
            for_count: 0,
            against_count: 0,
            abstain_count: 0,
            result: 'carried',
          })
          .execute();
        events.push(id);
      }
    }
  });
  afterAll(async () => {
    await database?.destroy();
  });

  async function apply(db: Db, step: Write) {
    switch (step.kind) {
      case 'vote':
        await db
          .insertInto('vote')
          .values({ vote_event_id: events[step.event]!, person_id: people[step.person]!, option: step.option, printed_name: 'Cllr T' })
          .onConflict((oc) => oc.doNothing())
          .execute();
        return;
      case 'unvote':
        await db.deleteFrom('vote').where('vote_event_id', '=', events[step.event]!).where('person_id', '=', people[step.person]!).execute();
        return;
      case 'revote':
        // Every vote of the event in one statement.
        await db.updateTable('vote').set({ option: step.option }).where('vote_event_id', '=', events[step.event]!).execute();
        return;
      case 'reassign':
        // A vote recorded against the wrong person, corrected (unless the other already voted there).
        await db
          .updateTable('vote')
          .set({ person_id: people[step.to]! })
          .where('vote_event_id', '=', events[step.event]!)
          .where('person_id', '=', people[step.person]!)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('vote as other')
                  .select('other.person_id')
                  .whereRef('other.vote_event_id', '=', 'vote.vote_event_id')
                  .where('other.person_id', '=', people[step.to]!),
              ),
            ),
          )
          .execute();
        return;
      case 'clear':
        await db.deleteFrom('vote').where('vote_event_id', '=', events[step.event]!).execute();
        return;
      case 'rehome':
        await db
          .updateTable('vote_event')
          .set({ meeting_id: meetings[step.meeting]!, minute_id: step.minute === null ? null : minutes[step.minute]! })
          .where('id', '=', events[step.event]!)
          .execute();
        return;
      case 'move':
        // One meeting a day per body: a move onto a taken day is not made.
        await db
          .updateTable('meeting')
          .set({ date: step.day })
          .where('id', '=', meetings[step.meeting]!)
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('meeting as other').select('other.id').where('other.date', '=', step.day).whereRef('other.body_id', '=', 'meeting.body_id'))),
          )
          .execute();
        return;
      case 'publish': {
        const id = meetings[step.meeting]!;
        if (step.state === 'none') await db.deleteFrom('meeting_workflow').where('id', '=', id).execute();
        else
          await db
            .insertInto('meeting_workflow')
            .values({ id, minutes_published_at: step.state === 'published' ? new Date() : null })
            .onConflict((oc) => oc.column('id').doUpdateSet({ minutes_published_at: step.state === 'published' ? new Date() : null }))
            .execute();
        if (step.state !== 'unpublished') await db.updateTable('meeting').set({ withdrawn_at: null, withdrawn_reason: null }).where('id', '=', id).execute();
        return;
      }
      case 'withdraw': {
        // As the meeting withdrawer does (src/services/committee/meeting-changes.ts): its papers stop being public.
        const id = meetings[step.meeting]!;
        await db.updateTable('meeting').set({ withdrawn_at: new Date(), withdrawn_reason: 'Arranged in error' }).where('id', '=', id).execute();
        await db
          .insertInto('meeting_workflow')
          .values({ id, agenda_published_at: null, minutes_published_at: null })
          .onConflict((oc) => oc.column('id').doUpdateSet({ agenda_published_at: null, minutes_published_at: null }))
          .execute();
        return;
      }
      case 'exempt':
        await db.updateTable('minute').set({ exempt: step.exempt }).where('id', '=', minutes[step.minute]!).execute();
        return;
      case 'exempt-item':
        await db.updateTable('agenda_item').set({ exempt: step.exempt }).where('id', '=', items[step.item]!).execute();
        return;
      case 'reorder':
        await db.updateTable('minute').set({ position: step.position }).where('id', '=', minutes[step.minute]!).execute();
        return;
      case 'join': {
        const [start, end] = step.start !== null && step.end !== null && step.start > step.end ? [step.end, step.start] : [step.start, step.end];
        await db
          .insertInto('group_membership')
          .values({
            id: `vote-stat-gm-${serial++}`,
            person_id: people[step.person]!,
            group_id: groups[step.group]!,
            role: null,
            start_date: start,
            end_date: end,
          })
          .execute();
        return;
      }
      case 'leave':
        await db.deleteFrom('group_membership').where('person_id', '=', people[step.person]!).where('group_id', '=', groups[step.group]!).execute();
        return;
      case 'reterm':
        // Every membership of the person at once.
        await db
          .updateTable('group_membership')
          .set({ end_date: step.end })
          .where('person_id', '=', people[step.person]!)
          .where((eb) => eb.or([eb('start_date', 'is', null), eb('start_date', '<=', step.end ?? '9999-12-31')]))
          .execute();
        return;
    }
  }

  async function keptEqualsRecomputed(db: Db) {
    const kept = await sql<Record<string, unknown>>`
      select person_id, vote_event_id, date::text as date, sort_position, option, group_id, group_for, group_against, group_abstain
        from person_vote_stat order by person_id, vote_event_id`.execute(db);
    const recomputed = await sql<Record<string, unknown>>`
      select v.person_id, v.vote_event_id, r.date::text as date, r.sort_position, r.option, r.group_id, r.group_for, r.group_against, r.group_abstain
        from vote v cross join lateral person_vote_rows(v.person_id, v.vote_event_id) r
       order by 1, 2`.execute(db);
    expect(kept.rows).toEqual(recomputed.rows);
    // Nothing kept that the public may not see.
    const hidden = await sql`
      select s.person_id, s.vote_event_id from person_vote_stat s
       where not exists (select 1 from public_vote v where v.person_id = s.person_id and v.vote_event_id = s.vote_event_id)`.execute(db);
    expect(hidden.rows).toEqual([]);
    const totals = await sql<Record<string, unknown>>`
      select person_id, recorded, compared, with_group from person_vote_total order by person_id`.execute(db);
    const summed = await sql<Record<string, unknown>>`
      select person_id, count(*)::int as recorded,
             (count(*) filter (where vote_group_majority(group_for, group_against, group_abstain) is not null))::int as compared,
             (count(*) filter (where vote_group_majority(group_for, group_against, group_abstain) = option))::int as with_group
        from person_vote_stat group by person_id order by person_id`.execute(db);
    expect(totals.rows).toEqual(summed.rows);
  }

  async function pageEqualsRecords(db: Db, personId: string) {
    const expected = await votesFromRecords(db, personId);
    const whole = await personVotes(db, personId, { limit: 1000 });
    expect(whole.rows, personId).toEqual(expected);
    expect(await personVoteSummary(db, personId), personId).toEqual(summaryOf(expected));
    // Walked three at a time, the pages give the same votes in the same order.
    const walked: PersonVoteRow[] = [];
    let before: Parameters<typeof personVotes>[2]['before'];
    for (;;) {
      const page = await personVotes(db, personId, { limit: 3, before });
      walked.push(...page.rows);
      const last = page.rows.at(-1);
      if (!page.more || !last) break;
      before = { date: last.date, position: last.minute_position, voteEventId: last.vote_event_id };
    }
    expect(walked.map((row) => row.vote_event_id)).toEqual(expected.map((row) => row.vote_event_id));
  }

  it('equal a recomputation from the records after any sequence of writes, and so does the page read from them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 4, maxLength: 24 }), async (steps) => {
        const db = database.db;
        // Checked after every write, so a later write that happens to recompute the same rows cannot hide a miss.
        for (const step of steps) {
          await apply(db, step);
          await keptEqualsRecomputed(db);
        }
        for (const personId of people) await pageEqualsRecords(db, personId);
      }),
      { numRuns: 30 },
    );
    // Every write is followed by a full comparison: minutes on the embedded engine of a loaded machine.
  }, 300_000);

  it('keeps no unpublished, exempt or withdrawn vote', async () => {
    const db = database.db;
    const [meeting, minute, item, event, personId] = [meetings[3]!, minutes[6]!, items[3]!, events[6]!, people[0]!];
    // A clean start: the event on its own meeting's first minute, on the meeting's day, published, nothing exempt.
    await db.deleteFrom('vote').where('vote_event_id', '=', event).execute();
    await db.updateTable('vote_event').set({ meeting_id: meeting, minute_id: minute }).where('id', '=', event).execute();
    await db.updateTable('minute').set({ exempt: false, agenda_item_id: item, meeting_id: meeting }).where('id', '=', minute).execute();
    await db.updateTable('agenda_item').set({ exempt: false }).where('id', '=', item).execute();
    await db.deleteFrom('meeting_workflow').where('id', '=', meeting).execute();
    await db.updateTable('meeting').set({ withdrawn_at: null, withdrawn_reason: null }).where('id', '=', meeting).execute();
    await db.insertInto('vote').values({ vote_event_id: event, person_id: personId, option: 'for', printed_name: 'Cllr T Ashby' }).execute();
    const kept = async () =>
      (await db.selectFrom('person_vote_stat').select('vote_event_id').where('person_id', '=', personId).where('vote_event_id', '=', event).execute()).length;
    expect(await kept()).toBe(1);

    await db.insertInto('meeting_workflow').values({ id: meeting, minutes_published_at: null }).execute();
    expect(await kept(), 'minutes not published').toBe(0);
    await db.updateTable('meeting_workflow').set({ minutes_published_at: new Date() }).where('id', '=', meeting).execute();
    expect(await kept(), 'minutes published').toBe(1);

    await db.updateTable('minute').set({ exempt: true }).where('id', '=', minute).execute();
    expect(await kept(), 'exempt minute').toBe(0);
    await db.updateTable('minute').set({ exempt: false }).where('id', '=', minute).execute();
    await db.updateTable('agenda_item').set({ exempt: true }).where('id', '=', item).execute();
    expect(await kept(), 'exempt agenda item').toBe(0);
    await db.updateTable('agenda_item').set({ exempt: false }).where('id', '=', item).execute();
    expect(await kept()).toBe(1);

    // Moving the minute or the meeting moves the vote in the list.
    const place = () =>
      db
        .selectFrom('person_vote_stat')
        .select(['date', 'sort_position'])
        .where('person_id', '=', personId)
        .where('vote_event_id', '=', event)
        .executeTakeFirst();
    await db.updateTable('minute').set({ position: 7 }).where('id', '=', minute).execute();
    expect((await place())?.sort_position).toBe(7);
    await db.updateTable('meeting').set({ date: '2026-11-30' }).where('id', '=', meeting).execute();
    expect(await place()).toEqual({ date: '2026-11-30', sort_position: 7 });

    // Withdrawn as the meeting withdrawer does it: the meeting stamped and its publication taken back.
    await db.updateTable('meeting').set({ withdrawn_at: new Date(), withdrawn_reason: 'Arranged in error' }).where('id', '=', meeting).execute();
    await db.updateTable('meeting_workflow').set({ agenda_published_at: null, minutes_published_at: null }).where('id', '=', meeting).execute();
    expect(await kept(), 'withdrawn meeting').toBe(0);
    const summary = await personVoteSummary(db, personId);
    expect(summary).toEqual(summaryOf(await votesFromRecords(db, personId)));
    await keptEqualsRecomputed(db);
  });
});
