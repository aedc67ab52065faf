/**
 * The rendered-page cache: a repeated anonymous GET is answered from memory (one query: the data version), with a
 * fresh CSP nonce; ETags give 304s; and any write to the records shows at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { PageCache } from '../../src/http/page-cache.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedCouncilMeeting } from '../support/factories.ts';
import { portalConfig } from './config.ts';

function scriptNonce(response: LightMyRequestResponse): string {
  const policy = String(response.headers['content-security-policy'] ?? '');
  const match = /script-src[^;]*'nonce-([^']+)'/.exec(policy);
  expect(match, policy).toBeTruthy();
  return match![1]!;
}

describe('PageCache', () => {
  it('serves an entry only at its own version, and forgets the least recently used page when full', () => {
    const cache = new PageCache(100);
    const entry = (key: string, bytes: number, version = '1') => ({ key, version, parts: [Buffer.from(key)], contentType: 'text/html', etag: key, bytes });
    cache.set(entry('/a', 40));
    cache.set(entry('/b', 40));
    expect(cache.get('1', '/a')?.key).toBe('/a');
    cache.set(entry('/c', 40));
    expect(cache.get('1', '/b')).toBeUndefined();
    expect(cache.get('1', '/a')?.key).toBe('/a');
    // Another version of /a is not this page: never served, and dropped; /c, of its own version, stays.
    expect(cache.get('2', '/a')).toBeUndefined();
    expect(cache.get('1', '/a')).toBeUndefined();
    expect(cache.size).toBe(1);
    cache.set(entry('/d', 40, '2'));
    expect(cache.get('2', '/d')?.key).toBe('/d');
    expect(cache.get('1', '/c')?.key).toBe('/c');
  });
});

describe.skipIf(databaseUnavailable)('rendered pages are cached and revalidated', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let seed: Awaited<ReturnType<typeof seedCouncilMeeting>>;
  let queries = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      queries += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    database = await createTestDatabase();
    seed = await seedCouncilMeeting(database.db);
    app = await createApp({ config: portalConfig, database: { ...database, db: database.db.withPlugin(counter) }, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('a second anonymous GET is served from memory with its own nonce, and the ETag gives a 304', async () => {
    const url = linkTo('meeting.show', { id: seed.meeting.id as string });
    queries = 0;
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-quorum-cache']).toBe('miss');
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const renderQueries = queries;
    expect(renderQueries).toBeGreaterThan(3);

    queries = 0;
    const second = await get(url);
    expect(second.headers['x-quorum-cache']).toBe('hit');
    expect(queries).toBe(1);
    expect(second.headers.etag).toBe(etag);
    const [nonce1, nonce2] = [scriptNonce(first), scriptNonce(second)];
    expect(nonce2).not.toBe(nonce1);
    expect(second.body).toContain(`nonce="${nonce2}"`);
    expect(second.body).not.toContain(nonce1);
    expect(second.body.replaceAll(nonce2, 'N')).toBe(first.body.replaceAll(nonce1, 'N'));

    const revalidated = await get(url, { 'if-none-match': etag });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    expect(revalidated.headers['content-security-policy']).toBeUndefined();
    expect(revalidated.headers.etag).toBe(etag);
  });

  it('a change to the records shows at once, under a new ETag', async () => {
    const url = linkTo('meeting.show', { id: seed.meeting.id as string });
    const before = await get(url);
    await get(url);
    expect(before.body).toContain('Winter service review');
    await database.db.updateTable('minute').set({ title: 'Winter service review and salt stocks' }).where('id', '=', seed.minuteIds.winterMinute).execute();
    const after = await get(url, { 'if-none-match': String(before.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect(after.headers['x-quorum-cache']).toBe('miss');
    expect(after.body).toContain('Winter service review and salt stocks');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    // Every page, not only the one edited: the search and the feeds see the change too.
    const search = await get('/search?q=salt+stocks');
    expect(search.body).toContain('salt stocks');
    const feed = await get(linkTo('feed.minutes.atom'));
    expect(feed.body).toContain('Winter service review and salt stocks');
  });

  it('feeds are cached too; errors and requests with credentials are not', async () => {
    const ics = linkTo('feed.meetings.ics');
    await get(ics);
    const again = await get(ics);
    expect(again.headers['x-quorum-cache']).toBe('hit');
    expect(again.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(again.body).toMatch(/^BEGIN:VCALENDAR\r\n/);

    await get('/meetings/no-such-meeting');
    const missing = await get('/meetings/no-such-meeting');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-quorum-cache']).toBeUndefined();

    const signedIn = await get(linkTo('committee.list'), { cookie: 'quorum_session=abc' });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['x-quorum-cache']).toBeUndefined();
    const bad = await get('/meetings?year=abcd');
    expect(bad.statusCode).toBe(400);
    expect((await get('/meetings?year=abcd')).headers['x-quorum-cache']).toBeUndefined();
  });
});
