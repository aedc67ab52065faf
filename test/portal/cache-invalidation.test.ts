/**
 * Cache invalidation by what changed (issue 23 item 3; src/http/page-cache.ts, migration 20261207_2801): after each
 * kind of write, every cached page that shows the change is rendered afresh, and a page it cannot affect (another
 * meeting's page) is still served from the cache. Then a property: any sequence of writes and GETs serves exactly
 * what an uncached render gives, publication and exemption changes included (the visibility rule).
 */
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCacheFor } from '../../src/http/page-cache.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createApp } from '../../src/server/app.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedCouncilMeeting } from '../support/factories.ts';
import { portalConfig } from './config.ts';

type Seed = Awaited<ReturnType<typeof seedCouncilMeeting>>;

describe.skipIf(databaseUnavailable)('the page cache renews what a write changes, and only that', () => {
  let database: TestDatabase;
  /** Serves pages through the cache, as the public sees them. */
  let app: FastifyInstance;
  /** The same database behind its own cache, emptied before each request: what an uncached render gives. */
  let fresh: FastifyInstance;
  let freshHandle: TestDatabase;
  let seed: Seed;
  let urls: Record<string, string>;

  const get = (url: string) => app.inject({ method: 'GET', url });
  /** The body without its per-response nonce, so two renders of the same page compare equal. */
  const bodyOf = (response: LightMyRequestResponse) => {
    const nonce = /'nonce-([^']+)'/.exec(String(response.headers['content-security-policy'] ?? ''))?.[1];
    return nonce ? response.body.replaceAll(nonce, 'NONCE') : response.body;
  };
  const uncached = async (url: string) => {
    pageCacheFor(freshHandle).clear();
    return bodyOf(await fresh.inject({ method: 'GET', url }));
  };
  /** Fills the cache with every page of the set. */
  const warm = async () => {
    for (const url of Object.values(urls)) await get(url);
    for (const url of Object.values(urls)) expect((await get(url)).headers['x-quorum-cache'], url).toBe('hit');
  };
  const expectFresh = async (name: string, contains?: string) => {
    const response = await get(urls[name]!);
    // Rendered, not served from memory (the open data answers say "hit" only).
    expect(response.headers['x-quorum-cache'], name).not.toBe('hit');
    expect(bodyOf(response), name).toBe(await uncached(urls[name]!));
    if (contains) expect(response.body, name).toContain(contains);
    return response;
  };
  const expectHit = async (name: string) => expect((await get(urls[name]!)).headers['x-quorum-cache'], name).toBe('hit');

  beforeAll(async () => {
    database = await createTestDatabase();
    seed = await seedCouncilMeeting(database.db);
    app = await createApp({ config: portalConfig, database, logger: false });
    // Another handle object over the same database: its own page cache (one per handle).
    freshHandle = { ...database };
    fresh = await createApp({ config: portalConfig, database: freshHandle, logger: false });
    const meetingId = seed.meeting.id as string;
    urls = {
      meeting: linkTo('meeting.show', { id: meetingId }),
      meetingBySlug: linkTo('meeting.show', { id: `${seed.meeting.date}-${seed.body.slug}` }),
      previous: linkTo('meeting.show', { id: seed.previousMeeting.id as string }),
      home: linkTo('home'),
      meetings: linkTo('meeting.list'),
      decisions: linkTo('decision.list'),
      councillor: linkTo('person.show', { id: seed.members[0]!.id as string }),
      minutesFeed: linkTo('feed.minutes.atom'),
      oparlMeetings: linkTo('oparl.body.meetings', { id: seed.authority.id as string }),
    };
  });
  afterAll(async () => {
    await app?.close();
    await fresh?.close();
    await database?.destroy();
  });

  it('a minute of one meeting: its page (by id and by name), the lists and feeds are renewed; the other meeting stays cached', async () => {
    await warm();
    await database.db.updateTable('minute').set({ title: 'Winter service review and grit' }).where('id', '=', seed.minuteIds.winterMinute).execute();
    await expectFresh('meeting', 'Winter service review and grit');
    await expectFresh('meetingBySlug', 'Winter service review and grit');
    await expectFresh('minutesFeed', 'Winter service review and grit');
    for (const name of ['home', 'meetings', 'decisions', 'councillor', 'oparlMeetings']) await expectFresh(name);
    await expectHit('previous');
  });

  it("attendance of one meeting: its page and the councillor's page are renewed; the other meeting stays cached", async () => {
    await warm();
    await database.db
      .updateTable('attendance')
      .set({ status: 'apologies' })
      .where('meeting_id', '=', seed.meeting.id as string)
      .where('person_id', '=', seed.members[0]!.id as string)
      .execute();
    await expectFresh('meeting');
    await expectFresh('councillor');
    await expectHit('previous');
  });

  it('a resolution and a vote of one meeting: its page and the decisions register are renewed; the other meeting stays cached', async () => {
    await warm();
    await database.db
      .updateTable('resolution')
      .set({ text: 'RESOLVED that the salt barns be refilled.' })
      .where('minute_id', '=', seed.minuteIds.winterMinute)
      .execute();
    await expectFresh('meeting');
    await expectFresh('decisions');
    await expectHit('previous');
    await warm();
    await database.db
      .updateTable('vote')
      .set({ option: 'abstain' })
      .where('vote_event_id', '=', seed.voteEvent.id as string)
      .where('person_id', '=', seed.members[1]!.id as string)
      .execute();
    await expectFresh('meeting');
    await expectHit('previous');
  });

  it('exemption (Schedule 12A) and publication (LGA 1972 ss. 100B, 100C) never leave a public page stale', async () => {
    await warm();
    await database.db
      .updateTable('agenda_item')
      .set({ exempt: true, exempt_paragraphs: [3] })
      .where('id', '=', seed.agendaIds['4']!)
      .execute();
    const exempt = await expectFresh('meeting');
    expect(exempt.body).not.toContain('Kent Highway Services: winter service review');
    await expectHit('previous');
    await database.db.updateTable('agenda_item').set({ exempt: false, exempt_paragraphs: [] }).where('id', '=', seed.agendaIds['4']!).execute();
    await expectFresh('meeting', 'Kent Highway Services: winter service review');

    // The same report on the other meeting's agenda, exempt there: exempt everywhere, so the first meeting's page changes.
    await warm();
    const report = await database.db.selectFrom('agenda_item').select('report_id').where('id', '=', seed.agendaIds['4']!).executeTakeFirstOrThrow();
    await database.db
      .insertInto('agenda_item')
      .values({
        id: 'agenda-cache-test',
        meeting_id: seed.previousMeeting.id as string,
        position: 9,
        number: '9',
        title: 'Winter service (exempt)',
        report_id: report.report_id,
        exempt: true,
        exempt_paragraphs: [3],
      })
      .execute();
    const viaOther = await expectFresh('meeting');
    expect(viaOther.body).not.toContain('Kent Highway Services: winter service review');
    await expectFresh('previous');
    await database.db.deleteFrom('agenda_item').where('id', '=', 'agenda-cache-test').execute();
    await expectFresh('meeting', 'Kent Highway Services: winter service review');

    // The agenda unpublished by the workflow: withdrawn from the meeting's page at once.
    await warm();
    await database.db
      .insertInto('meeting_workflow')
      .values({ id: seed.meeting.id as string })
      .execute();
    const unpublished = await expectFresh('meeting');
    expect(unpublished.body).not.toContain('Kent Highway Services: winter service review');
    await expectHit('previous');
    await database.db
      .updateTable('meeting_workflow')
      .set({ agenda_published_at: new Date(), minutes_published_at: new Date() })
      .where('id', '=', seed.meeting.id as string)
      .execute();
    await expectFresh('meeting', 'Kent Highway Services: winter service review');
  });

  it("a person, a body or a meeting's own row: every page is renewed (they show on every meeting's page)", async () => {
    for (const write of [
      () =>
        database.db
          .updateTable('person')
          .set({ family_name: 'Kingsnorth' })
          .where('id', '=', seed.members[0]!.id as string)
          .execute(),
      () =>
        database.db
          .updateTable('body')
          .set({ name: 'The County Council' })
          .where('id', '=', seed.body.id as string)
          .execute(),
      () =>
        database.db
          .updateTable('meeting')
          .set({ location: 'Sessions House' })
          .where('id', '=', seed.meeting.id as string)
          .execute(),
    ]) {
      await warm();
      await write();
      for (const name of Object.keys(urls)) await expectFresh(name);
    }
  });

  // Writes a visitor can see, with what they set drawn at random: after any of them, no page may be stale.
  const WRITES: Array<(db: TestDatabase['db'], s: Seed, text: string, flag: boolean) => Promise<unknown>> = [
    (db, s, text) =>
      db
        .updateTable('minute')
        .set({ title: `Minute ${text}` })
        .where('id', '=', s.minuteIds.winterMinute)
        .execute(),
    (db, s, text) =>
      db
        .updateTable('minute')
        .set({ text: `Text ${text}` })
        .where('id', '=', s.minuteIds.approvalMinute)
        .execute(),
    (db, s, _text, flag) =>
      db
        .updateTable('agenda_item')
        .set({ exempt: flag, exempt_paragraphs: flag ? [3] : [] })
        .where('id', '=', s.agendaIds['4']!)
        .execute(),
    (db, s, text) =>
      db
        .updateTable('agenda_item')
        .set({ title: `Item ${text}` })
        .where('meeting_id', '=', s.previousMeeting.id as string)
        .execute(),
    (db, s, _text, flag) =>
      db
        .updateTable('attendance')
        .set({ status: flag ? 'present' : 'absent' })
        .where('meeting_id', '=', s.meeting.id as string)
        .where('person_id', '=', s.members[2]!.id as string)
        .execute(),
    (db, s, text) =>
      db
        .updateTable('person')
        .set({ family_name: `Name${text.replace(/\W/g, '')}` })
        .where('id', '=', s.members[3]!.id as string)
        .execute(),
    (db, s, text) =>
      db
        .updateTable('resolution')
        .set({ text: `RESOLVED ${text}` })
        .where('minute_id', '=', s.minuteIds.winterMinute)
        .execute(),
    async (db, s, _text, flag) => {
      const id = s.meeting.id as string;
      const published = flag ? new Date() : null;
      await db
        .insertInto('meeting_workflow')
        .values({ id, agenda_published_at: published, minutes_published_at: published })
        .onConflict((c) => c.column('id').doUpdateSet({ agenda_published_at: published, minutes_published_at: published }))
        .execute();
    },
    (db, s, text) =>
      db
        .updateTable('report')
        .set({ subject: `Report ${text}` })
        .where('authority_id', '=', s.authority.id as string)
        .execute(),
  ];

  it('property: random writes followed by GETs never serve a page that differs from an uncached render', async () => {
    const names = Object.keys(urls);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            write: fc.integer({ min: 0, max: WRITES.length - 1 }),
            text: fc.stringMatching(/^[a-z]{1,8}$/),
            flag: fc.boolean(),
            reads: fc.subarray(names, { minLength: 1, maxLength: 4 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (steps) => {
          for (const step of steps) {
            await WRITES[step.write]!(database.db, seed, step.text, step.flag);
            for (const name of step.reads) {
              const served = await get(urls[name]!);
              expect(bodyOf(served), `${name} after write ${step.write}`).toBe(await uncached(urls[name]!));
            }
          }
        },
      ),
      { numRuns: 10 },
    );
    // Each run renders up to sixteen pages twice: slow on a busy machine, and never timed (bench/ is for speed).
  }, 300_000);
});
