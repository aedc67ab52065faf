/**
 * Issue 15 item 1, the page cache and ETags: withdrawing minutes or an agenda, or making an item exempt, changes every
 * cached page and ETag at once. A browser or feed reader revalidating with the old ETag gets the new page, not a 304
 * for the text it should no longer have.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { portalConfig } from '../portal/config.ts';
import { canary, createCouncil, MeetingScene, PUBLIC_URL } from './support.ts';

describe.skipIf(databaseUnavailable)('a change of publication or exemption changes cached pages and ETags', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let scene: MeetingScene;

  beforeAll(async () => {
    database = await createTestDatabase();
    const council = await createCouncil(database);
    scene = await MeetingScene.start(council, 'cached', '2029-04-01');
    await scene.addItem({ exempt: false });
    await scene.publishAgenda();
    await scene.writeMinute({ item: 0 });
    await scene.publishMinutes();
    app = await createApp({ config: { ...portalConfig, publicUrl: PUBLIC_URL }, database, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const get = (url: string, etag?: string) => app.inject({ method: 'GET', url, headers: etag ? { 'if-none-match': etag } : {} });

  async function cachedThenChanged(pages: Array<[url: string, text: string]>, change: () => Promise<unknown>) {
    const etags = new Map<string, string>();
    for (const [url, text] of pages) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      expect(first.body, url).toContain(text);
      const etag = String(first.headers.etag);
      expect((await get(url, etag)).statusCode, `${url} revalidates`).toBe(304);
      etags.set(url, etag);
    }
    await change();
    for (const [url, text] of pages) {
      const again = await get(url, etags.get(url));
      expect(again.statusCode, `${url} after the change`).toBe(200);
      expect(again.body, url).not.toContain(text);
    }
  }

  it('withdrawing the minutes', async () => {
    const resolution = canary('cachedm1', 'resolution');
    // The minutes feeds list meetings whose minutes are out, by their page's address.
    const entry = linkTo('meeting.show', { id: '2029-04-01-visibility-committee' });
    await cachedThenChanged(
      [
        [linkTo('meeting.show', { id: scene.meetingId }), resolution],
        [linkTo('feed.minutes.atom'), entry],
        [linkTo('feed.minutes.rss'), entry],
        [linkTo('decision.list'), resolution],
        [linkTo('feed.decisions.atom'), resolution],
      ],
      () => scene.withdrawMinutes(),
    );
  });

  it('making the item exempt', async () => {
    await cachedThenChanged([[linkTo('meeting.show', { id: scene.meetingId }), canary('cachedi1', 'desc')]], () => scene.setExempt(0, true));
  });

  it('withdrawing the agenda', async () => {
    await cachedThenChanged([[linkTo('meeting.show', { id: scene.meetingId }), 'Public title cached item 1']], () => scene.withdrawAgenda());
  });
});
