/**
 * The feeds and calendars as independent readers see them (issue 21, the conformance suite): every iCalendar feed
 * through a strict parser (ical.js), every RSS and Atom feed through a feed parser (@rowanmanning/feed-parser), on
 * the imported seed papers. The structure tests in calendar.test.ts check the bytes; these check what readers get.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedsDir } from '../support/seeds.ts';
import { portalConfig } from './config.ts';

describe.skipIf(databaseUnavailable)('feeds and calendars through independent parsers', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const body = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, url).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'test' });
    expect(summary.failed).toBe(0);
    app = await createApp({ config: portalConfig, database, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('every iCalendar feed parses strictly, with UID, DTSTAMP, DTSTART and SEQUENCE on each event', async () => {
    const bodies = await database.db.selectFrom('body').innerJoin('meeting', 'meeting.body_id', 'body.id').select('body.slug').distinct().execute();
    const urls = ['/meetings.ics', '/forward-plan.ics', ...bodies.map((row) => `/committees/${row.slug}/meetings.ics`)];
    let events = 0;
    for (const url of urls) {
      const calendar = new ICAL.Component(ICAL.parse(await body(url)));
      expect(calendar.name, url).toBe('vcalendar');
      expect(calendar.getFirstPropertyValue('version'), url).toBe('2.0');
      expect(calendar.getFirstPropertyValue('prodid'), url).toBeTruthy();
      for (const component of calendar.getAllSubcomponents('vevent')) {
        const event = new ICAL.Event(component);
        expect(event.uid, url).toMatch(/@/);
        expect(component.getFirstPropertyValue('dtstamp'), `${url} ${event.uid}`).toBeTruthy();
        expect(event.startDate, `${url} ${event.uid}`).toBeTruthy();
        expect(Number.isInteger(event.sequence), `${url} ${event.uid}`).toBe(true);
        events += 1;
      }
    }
    const meetings = await database.db.selectFrom('meeting').select('id').execute();
    expect(events).toBeGreaterThanOrEqual(2 * meetings.length);
  });

  it('every RSS and Atom feed parses, each item titled and linked, each Atom feed with an author', async () => {
    for (const name of ['decisions', 'minutes', 'forward-plan']) {
      for (const format of ['rss', 'atom']) {
        const url = `/${name}.${format}`;
        const feed = parseFeed(await body(url));
        expect(feed.title, url).toMatch(/Kent County Council/);
        if (format === 'atom')
          expect(
            feed.authors.map((author) => author.name),
            url,
          ).toContain('Kent County Council');
        for (const item of feed.items) {
          expect(item.title, url).toBeTruthy();
          expect(item.url, url).toMatch(/^http:\/\//);
        }
        if (name !== 'forward-plan') expect(feed.items.length, url).toBeGreaterThan(0);
      }
    }
  });
});
