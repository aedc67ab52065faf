/**
 * OParl's modified_since is answered from the indexes on each part's change time (issue 23: the filter alone computed
 * every object's modified, the whole archive, for a client polling for a moment's changes). Property: after writes
 * to each part that makes up a meeting's, a paper's and a person's modified (its own row, a carrying agenda item, the
 * meeting, its publication, the recorded changes of what it embeds), every list asked for changes since any of those
 * moments holds exactly the objects whose modified is at or after it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeFilter } from '../../src/db/queries/api/filters.ts';
import * as q from '../../src/db/queries/api/oparl.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertMeeting, seedCouncilMeeting } from '../support/factories.ts';

describe.skipIf(databaseUnavailable)('OParl lists of changes since a moment', () => {
  let database: TestDatabase;
  let authorityId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const seed = await seedCouncilMeeting(db);
    authorityId = seed.authority.id as string;
    const other = await insertMeeting(db, seed.body.id as string, { date: '2011-05-11' });
    await db
      .insertInto('report')
      .values({ id: 'report-since-other', authority_id: authorityId, subject: 'Library opening hours', report_date: '2011-05-01' })
      .execute();
    await db
      .insertInto('agenda_item')
      .values({
        id: 'agenda-since-other',
        meeting_id: other.id as string,
        position: 0,
        number: '1',
        title: 'Library opening hours',
        report_id: 'report-since-other',
      })
      .execute();
    const reportId = (await db.selectFrom('report').select('id').where('id', '!=', 'report-since-other').executeTakeFirstOrThrow()).id;
    const personId = (await db.selectFrom('person').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    // One part changed per statement, each a moment after the last, so each moment splits the objects differently.
    const writes = [
      () => db.updateTable('report').set({ subject: 'Winter service review (revised)' }).where('id', '=', reportId).execute(),
      () => db.updateTable('agenda_item').set({ title: 'Library opening hours (amended)' }).where('id', '=', 'agenda-since-other').execute(),
      () =>
        db
          .insertInto('meeting_workflow')
          .values({ id: other.id as string, agenda_published_at: sql<Date>`now()` })
          .execute(),
      () =>
        db
          .updateTable('meeting')
          .set({ location: 'Room 2, County Hall' })
          .where('id', '=', seed.meeting.id as string)
          .execute(),
      () => db.updateTable('person').set({ given_name: 'Wilfred' }).where('id', '=', personId).execute(),
      () =>
        db
          .insertInto('oparl_change')
          .values({ kind: 'report', id: 'report-since-other', changed_at: sql<Date>`now()` })
          .onConflict((conflict) => conflict.columns(['kind', 'id']).doUpdateSet({ changed_at: sql<Date>`now()` }))
          .execute(),
    ];
    for (const write of writes) {
      await new Promise((resolve) => setTimeout(resolve, 15));
      await write();
    }
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('each list since each moment holds exactly the objects modified at or after it', async () => {
    const db = database.db;
    const everything = { limit: 1000, offset: 0 };
    const lists = {
      meetings: (filter: ChangeFilter) => q.listMeetings(db, { authorityId }, filter, everything),
      papers: (filter: ChangeFilter) => q.listPapers(db, authorityId, filter, everything),
      people: (filter: ChangeFilter) => q.listPeople(db, authorityId, filter, everything),
    };
    const all = Object.fromEntries(await Promise.all(Object.entries(lists).map(async ([name, list]) => [name, (await list({})).rows] as const)));
    const moments = [...new Set(Object.values(all).flatMap((rows) => rows.map((row) => new Date(row.modified_at).getTime())))].sort();
    expect(moments.length).toBeGreaterThan(3);
    for (const moment of [moments[0]! - 1, ...moments, moments.at(-1)! + 1]) {
      for (const [name, list] of Object.entries(lists)) {
        const since = new Date(moment);
        const expected = all[name]!.filter((row) => new Date(row.modified_at).getTime() >= moment).map((row) => row.id);
        const page = await list({ modifiedSince: since });
        expect(
          page.rows.map((row) => row.id),
          `${name} since ${since.toISOString()}`,
        ).toEqual(expected);
        expect(page.total, `${name} since ${since.toISOString()}`).toBe(expected.length);
      }
    }
  });
});
