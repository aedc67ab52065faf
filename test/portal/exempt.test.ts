/**
 * Canaries planted in exempt information (Schedule 12A) must not come back from any anonymous request: every GET
 * route the app registers (collected as Fastify registers them, so a new route cannot escape), with every record id
 * we hold in its parameters, every link those pages give, the search, the feeds, and the public export.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app.ts';
import { buildExport } from '../../src/services/exporter.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { EXEMPT_MINUTE_TEXT, seedCouncilMeeting } from '../support/factories.ts';
import { portalConfig } from './config.ts';

const registered = vi.hoisted(() => new Set<string>());

// Every Fastify instance the app creates reports each route it registers, whichever feature or plugin adds it.
vi.mock('fastify', async (importOriginal) => {
  const original = await importOriginal<typeof import('fastify')>();
  const factory = ((options?: object) => {
    const app = original.default(options);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (methods.includes('GET')) registered.add(route.url);
    });
    return app;
  }) as unknown as typeof original.default;
  return { ...original, default: factory, fastify: factory };
});

/** In an exempt report's text, an exempt agenda item's description, an exempt minute's text and its vote. */
const CANARY = 'xylocanary';
/** In a report that is not itself marked exempt but is the paper of an exempt agenda item. */
const PAPER_CANARY = 'zanthopaper';
const EXEMPT_RESOLUTION = 'preferred bidder';
const CANARIES = [CANARY, PAPER_CANARY, EXEMPT_RESOLUTION, 'tender prices'];
const PUBLIC_URL = 'http://quorum.test';

function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return CANARIES.filter((canary) => lower.includes(canary.toLowerCase()));
}

describe.skipIf(databaseUnavailable)('exempt information stays private', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let seed: Awaited<ReturnType<typeof seedCouncilMeeting>>;
  const reportId = 'report-canary0000000001';
  const paperId = 'report-canary0000000002';

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    seed = await seedCouncilMeeting(db);
    const authorityId = seed.authority.id as string;
    await db
      .insertInto('report')
      .values([
        {
          id: reportId,
          authority_id: authorityId,
          subject: `Land valuation ${CANARY} subject`,
          exempt: true,
          summary: `${CANARY} price`,
          full_text: `The bid of ${CANARY} pounds`,
        },
        {
          id: paperId,
          authority_id: authorityId,
          subject: `Staffing ${PAPER_CANARY} proposals`,
          exempt: false,
          summary: `${PAPER_CANARY} names`,
          full_text: `Posts held by ${PAPER_CANARY}`,
        },
      ])
      .execute();
    await db
      .updateTable('agenda_item')
      .set({ report_id: reportId, description: `Private note ${CANARY}` })
      .where('id', '=', seed.agendaIds['5']!)
      .execute();
    await db
      .insertInto('agenda_item')
      .values({
        id: 'agenda-canary0000000006',
        meeting_id: seed.meeting.id as string,
        number: '6',
        position: 5,
        title: 'Staffing matters',
        exempt: true,
        exempt_paragraphs: [1],
        report_id: paperId,
      })
      .execute();
    await db
      .updateTable('minute')
      .set({ text: `${EXEMPT_MINUTE_TEXT} ${CANARY}` })
      .where('id', '=', seed.minuteIds.exemptMinute)
      .execute();
    const voters = seed.members.slice(0, 3).map((member) => member.id as string);
    await db
      .insertInto('vote_event')
      .values({
        id: 'vote-event-canary000001',
        meeting_id: seed.meeting.id as string,
        minute_id: seed.minuteIds.exemptMinute,
        motion_text: `That the ${CANARY} offer be accepted`,
        for_count: 2,
        against_count: 1,
        abstain_count: 0,
        result: 'carried',
      })
      .execute();
    await db
      .insertInto('vote')
      .values(
        voters.map((person_id, index) => ({
          vote_event_id: 'vote-event-canary000001',
          person_id,
          option: index < 2 ? ('for' as const) : ('against' as const),
          printed_name: 'x',
        })),
      )
      .execute();
    await db
      .insertInto('decision')
      .values({
        id: 'decision-canary00000001',
        authority_id: authorityId,
        decision_date: '2011-04-07',
        subject: 'Sale of land at Ashford',
        text: 'To sell the land as resolved.',
        report_id: reportId,
        decision_maker_person_id: voters[0]!,
      })
      .execute();
    app = await createApp({ config: { ...portalConfig, publicUrl: PUBLIC_URL }, database, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('the exempt items keep their public titles and the paragraphs that make them exempt', async () => {
    const echoed = await app.inject({ method: 'GET', url: `/search?q=${CANARY}` });
    // The search page repeats what was typed; it must find nothing.
    expect(echoed.body).toContain(`No results for “${CANARY}”`);
    expect(echoed.body).not.toContain('quorum-result');
    expect((await app.inject({ method: 'GET', url: linkTo('report.show', { id: reportId }) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: linkTo('report.show', { id: paperId }) })).statusCode).toBe(404);
    const meeting = await app.inject({ method: 'GET', url: linkTo('meeting.show', { id: seed.meeting.id as string }) });
    expect(meeting.body).toContain('Disposal of land at Ashford');
    expect(meeting.body).toContain('Schedule 12A paragraphs 2 and 7');
    expect(meeting.body).toContain('Staffing matters');
    expect(meeting.body).toContain('Schedule 12A paragraph 1');
    expect(leaks(meeting.body)).toEqual([]);
    const search = await app.inject({ method: 'GET', url: '/search?q=Ashford' });
    expect(search.body).toContain('Disposal of land at <mark>Ashford</mark>');
    const index = await database.db.selectFrom('search_document').select(['title', 'body']).execute();
    expect(leaks(JSON.stringify(index))).toEqual([]);
  });

  it('no anonymous GET of any registered route, with any record id, or any link it gives, returns a canary', { timeout: 300_000 }, async () => {
    const db = database.db;
    const patterns = [...registered].filter((url) => !url.includes('*'));
    // Every feature registers its routes: this fails if the collection itself stopped working.
    for (const name of ['home', 'meeting.show', 'feed.meetings.ics', 'feed.minutes.atom', 'search', 'api.meetings'] as const) {
      expect(patterns, name).toContain((await import('../../src/http/routes.ts')).ROUTES[name]);
    }
    const ids = new Set<string>();
    for (const table of ['meeting', 'body', 'report', 'agenda_item', 'minute', 'decision', 'vote_event', 'resolution'] as const) {
      for (const row of await db.selectFrom(table).select('id').execute()) ids.add(row.id);
    }
    for (const member of seed.members.slice(0, 4)) ids.add(member.id as string);
    const bodies = await db.selectFrom('body').select(['slug', 'id']).execute();
    for (const body of bodies) ids.add(body.slug);
    for (const meeting of await db.selectFrom('meeting').innerJoin('body', 'body.id', 'meeting.body_id').select(['meeting.date', 'body.slug']).execute()) {
      ids.add(`${meeting.date}-${meeting.slug}`);
    }
    const openData = await app.inject({ method: 'GET', url: linkTo('api.openData') });
    for (const match of openData.body.matchAll(/[\w.-]+\.(?:json|csv)/g)) ids.add(match[0]);

    const queue: string[] = [];
    const seen = new Set<string>();
    const visit = (url: string) => {
      const path = url.startsWith(PUBLIC_URL) ? url.slice(PUBLIC_URL.length) : url;
      if (!path.startsWith('/') || path.startsWith('//')) return;
      const clean = path.replace(/#.*$/, '');
      if (!seen.has(clean)) {
        seen.add(clean);
        queue.push(clean);
      }
    };
    for (const pattern of patterns) {
      if (!pattern.includes(':')) visit(pattern);
      else for (const id of ids) visit(pattern.replace(/:[A-Za-z_]+/g, encodeURIComponent(id)));
    }
    for (const term of [...CANARIES, 'Ashford', 'land', 'staffing', 'bid']) {
      visit(`/search?q=${encodeURIComponent(term)}`);
      visit(`/search?q=${encodeURIComponent(term)}&kind=report`);
    }

    const problems: string[] = [];
    const ok = new Set<string>();
    let fetched = 0;
    while (queue.length > 0 && fetched < 4000) {
      const url = queue.shift()!;
      fetched += 1;
      const response = await app.inject({ method: 'GET', url });
      const searched = url.startsWith(linkTo('search')) ? (new URL(url, PUBLIC_URL).searchParams.get('q') ?? '') : '';
      if (searched && leaks(searched).length) {
        // The search page repeats what was typed, so a canary search is judged by finding nothing at all.
        if (response.body.includes('quorum-result')) problems.push(`${url}: found results for a canary`);
        continue;
      }
      const found = leaks(response.body);
      if (found.length) problems.push(`${url} (${response.statusCode}): ${found.join(', ')}`);
      if (response.statusCode !== 200) continue;
      ok.add(url);
      const type = String(response.headers['content-type'] ?? '');
      if (type.startsWith('text/html')) for (const match of response.body.matchAll(/href="([^"]+)"/g)) visit(match[1]!.replaceAll('&amp;', '&'));
      else if (/json|xml|calendar/.test(type)) for (const match of response.body.matchAll(/https?:\/\/quorum\.test(\/[^\s"<>\\]*)/g)) visit(match[1]!);
    }
    expect(problems).toEqual([]);
    expect(fetched).toBeGreaterThan(patterns.length);
    expect(seen).toContain(linkTo('feed.committee.ics', { slug: 'county-council' }));
    expect(seen).toContain(linkTo('report.show', { id: paperId }));
    // The bulk download (built by the exporter) was really read, not just asked for.
    expect([...ok].filter((url) => url.startsWith(`${linkTo('api.openData')}/`))).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.json$/), expect.stringMatching(/\.csv$/)]),
    );
    expect(ok).toContain(linkTo('meeting.show', { id: seed.meeting.id as string }));
    for (const feed of ['feed.meetings.ics', 'feed.decisions.rss', 'feed.decisions.atom', 'feed.minutes.rss', 'feed.minutes.atom'] as const)
      expect(seen).toContain(linkTo(feed));
  });

  it('the public export leaves out exempt reports and their contents', async () => {
    const document = JSON.stringify(await buildExport(database.db, { includeExempt: false }));
    expect(document).toContain('Disposal of land at Ashford');
    expect(document).not.toContain(CANARY);
    expect(document).not.toContain('tender prices');
  });

  // Schedule 12A applies to the item, so its paper is exempt even when the report itself is not marked so.
  it('the public export leaves out the paper of an exempt agenda item (a report not itself marked exempt)', async () => {
    const document = JSON.stringify(await buildExport(database.db, { includeExempt: false }));
    expect(document).not.toContain(PAPER_CANARY);
  });
});
