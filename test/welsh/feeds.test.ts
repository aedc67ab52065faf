/**
 * The portal's RSS and Atom feeds in Welsh (issue 19, item 4): asked for with ?lang=cy (which the feed links on a
 * Welsh page carry, as a feed reader sends no cookie), a feed's own words and language are Welsh; records keep theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parse } from 'node-html-parser';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedCouncilMeeting } from '../support/factories.ts';
import { portalConfig } from '../portal/config.ts';

describe.skipIf(databaseUnavailable)('the feeds in Welsh', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const get = (url: string) => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedCouncilMeeting(database.db);
    app = await createApp({ config: { ...portalConfig, publicUrl: 'https://democracy.example.gov.uk/' }, database, logger: false });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('words the decisions and minutes feeds in Welsh when asked, and keeps the English as it was', async () => {
    const english = (await get(linkTo('feed.decisions.rss'))).body;
    expect(english).toContain('Kent County Council: decisions');
    expect(english).toContain('<language>en-GB</language>');
    const welsh = (await get(`${linkTo('feed.decisions.rss')}?lang=cy`)).body;
    expect(welsh).toContain('Kent County Council: penderfyniadau');
    expect(welsh).toContain('<language>cy-GB</language>');
    expect(welsh).not.toContain('newest first');
    expect(welsh).toContain(`https://democracy.example.gov.uk${linkTo('feed.decisions.rss')}?lang=cy`);
    const minutes = (await get(`${linkTo('feed.minutes.atom')}?lang=cy`)).body;
    expect(minutes).toContain('Kent County Council: cofnodion a gyhoeddwyd');
    expect(minutes).not.toContain('Minutes of council and committee meetings');
    expect((await get(linkTo('feed.minutes.atom'))).body).toContain('Kent County Council: published minutes');
  });

  it('links a Welsh page to the Welsh feeds', async () => {
    const links = (url: string) =>
      parse(url)
        .querySelectorAll('main a[href*="/feeds/"], main a[href$=".rss"], main a[href$=".atom"], main a[href*=".rss?"], main a[href*=".atom?"]')
        .map((link) => link.getAttribute('href'));
    expect(links((await get(`${linkTo('decision.list')}?lang=cy`)).body)).toEqual([
      `${linkTo('feed.decisions.rss')}?lang=cy`,
      `${linkTo('feed.decisions.atom')}?lang=cy`,
    ]);
    expect(links((await get(`${linkTo('decision.list')}?lang=en`)).body)).toEqual([linkTo('feed.decisions.rss'), linkTo('feed.decisions.atom')]);
  });
});
