/**
 * Issue 23 item 3: a cache that fits real traffic. Unknown query parameters share the plain URL's entry; cookies other
 * than the session's do not bypass the cache; concurrent requests for one uncached page render it once.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { CACHED_QUERY_PARAMETERS, cacheKeyOf } from '../../src/http/cache-key.ts';
import { linkTo, ROUTES } from '../../src/http/routes.ts';
import { createApp } from '../../src/server/app.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedCouncilMeeting } from '../support/factories.ts';
import { portalConfig } from './config.ts';

describe('cacheKeyOf', () => {
  const name = fc.stringMatching(/^[a-z_]{1,8}$/);
  const value = fc.string({ maxLength: 6 });

  it('drops every parameter its route does not read, whatever the order and values', () => {
    const route = ROUTES.search;
    const known = CACHED_QUERY_PARAMETERS[route]!;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...known), value), { maxLength: 5 }), fc.array(fc.tuple(name, value), { maxLength: 5 }), (kept, extra) => {
        const unknown = extra.filter(([key]) => !known.includes(key));
        const plain = new URLSearchParams(kept).toString();
        const mixed = new URLSearchParams([...unknown, ...kept]).toString();
        const key = cacheKeyOf(route, `/search${mixed ? `?${mixed}` : ''}`);
        expect(key).toBe(cacheKeyOf(route, `/search${plain ? `?${plain}` : ''}`));
        for (const [parameter] of unknown) expect(new URLSearchParams(key.split('?')[1] ?? '').has(parameter)).toBe(false);
      }),
    );
  });

  it('keeps the values of a parameter read more than once, in their order', () => {
    expect(cacheKeyOf(ROUTES.search, '/search?kind=b&x=1&q=budget&kind=a')).toBe('/search?q=budget&kind=b&kind=a');
    expect(cacheKeyOf(ROUTES['meeting.show'], '/meetings/abc?utm_source=mail')).toBe('/meetings/abc');
  });

  it('keeps the whole query of a route whose parameters are not listed, tracking tags aside, in a fixed order', () => {
    expect(cacheKeyOf(ROUTES['allowances.statement'], '/allowances?year=2011%2F12&utm_source=mail')).toBe('/allowances?year=2011%2F12');
    expect(cacheKeyOf(ROUTES.dashboard, '/dashboard?b=2&asAt=2011-05-12&fbclid=x')).toBe('/dashboard?asAt=2011-05-12&b=2');
    expect(cacheKeyOf(ROUTES.dashboard, '/dashboard?asAt=2011-05-12')).not.toBe(cacheKeyOf(ROUTES.dashboard, '/dashboard?asAt=2011-06-21'));
  });

  it('lists every query parameter a cached route reads (a missing one would share pages that differ)', () => {
    const listed = new Set(Object.values(CACHED_QUERY_PARAMETERS).flat());
    const read = new Set<string>();
    for (const folder of ['src/web/portal', 'src/web/meetings']) {
      for (const file of fs.readdirSync(folder).filter((each) => each.endsWith('.ts'))) {
        const source = fs.readFileSync(path.join(folder, file), 'utf8');
        if (!source.includes('request.query')) continue;
        for (const match of source.matchAll(/(?<![/.\w])query\.(?!ts\b)(\w+)/g)) read.add(match[1]!);
      }
    }
    expect([...read].filter((parameter) => !listed.has(parameter))).toEqual([]);
  });
});

describe.skipIf(databaseUnavailable)('the page cache under real traffic', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let meetingUrl: string;
  let seeded: Awaited<ReturnType<typeof seedCouncilMeeting>>;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    database = await createTestDatabase();
    const seed = await seedCouncilMeeting(database.db);
    seeded = seed;
    meetingUrl = linkTo('meeting.show', { id: seed.meeting.id as string });
    app = await createApp({ config: portalConfig, database, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('serves unknown query parameters from the plain URL entry', async () => {
    const calendar = `${linkTo('meeting.list')}?year=2011`;
    expect((await get(calendar)).headers['x-quorum-cache']).toBe('miss');
    expect((await get(`${calendar}&x=1`)).headers['x-quorum-cache']).toBe('hit');
    expect((await get(`${linkTo('meeting.list')}?utm_source=x&year=2011`)).headers['x-quorum-cache']).toBe('hit');
    await get(meetingUrl);
    const tagged = await get(`${meetingUrl}?x=1`);
    expect(tagged.headers['x-quorum-cache']).toBe('hit');
    // A councillor's attendance over a chosen period is its own page; a tracking tag is not.
    const person = `${linkTo('person.show', { id: seeded.members[0]!.id as string })}`;
    expect((await get(`${person}?from=2011-01-01`)).headers['x-quorum-cache']).toBe('miss');
    expect((await get(`${person}?from=2012-01-01`)).headers['x-quorum-cache']).toBe('miss');
    expect((await get(`${person}?from=2012-01-01&utm_source=mail`)).headers['x-quorum-cache']).toBe('hit');
    // A parameter the route reads still makes its own page.
    expect((await get(`${linkTo('meeting.list')}?year=2012`)).headers['x-quorum-cache']).toBe('miss');
  });

  it("makes a page of its own of each cursor page of a committee's meetings, a councillor's votes and the decisions register", async () => {
    const person = linkTo('person.show', { id: seeded.members[0]!.id as string });
    await get(person);
    expect((await get(`${person}?votes=2011-04-06,3,event-1`)).headers['x-quorum-cache']).toBe('miss');
    const committee = linkTo('committee.show', { slug: seeded.body.slug as string });
    await get(committee);
    expect((await get(`${committee}?before=2011-04-06`)).headers['x-quorum-cache']).toBe('miss');
    await get(linkTo('decision.list'));
    expect((await get(`${linkTo('decision.list')}?before=WyIyMDExLTA0LTA2IixudWxsLG51bGwsMCwieCJd`)).headers['x-quorum-cache']).toBe('miss');
    expect((await get(`${linkTo('decision.list')}?after=WyIyMDExLTA0LTA2IixudWxsLG51bGwsMCwieCJd`)).headers['x-quorum-cache']).toBe('miss');
  });

  it('serves anonymous pages from the cache whatever other cookies arrive, but not to a session', async () => {
    await get(meetingUrl);
    const withCsrf = await get(meetingUrl, { cookie: '_csrf=some-secret; _ga=GA1.2.3' });
    expect(withCsrf.headers['x-quorum-cache']).toBe('hit');
    expect(withCsrf.headers['set-cookie']).toBeUndefined();
    const signedIn = await get(meetingUrl, { cookie: '_csrf=some-secret; quorum_session=abc' });
    expect(signedIn.headers['x-quorum-cache']).toBeUndefined();
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
  });

  it('renders a page once for requests that arrive together', async () => {
    const url = `${linkTo('decision.list')}?page=1`;
    const answers = await Promise.all(Array.from({ length: 8 }, () => get(url)));
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(8).fill(200));
    const outcomes = answers.map((answer) => answer.headers['x-quorum-cache']);
    expect(outcomes.filter((outcome) => outcome === 'miss')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'hit')).toHaveLength(7);
    expect(new Set(answers.map((answer) => answer.headers.etag)).size).toBe(1);
  });
});
