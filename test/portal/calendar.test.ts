/**
 * The meeting calendar and the feeds on the seed papers: month and list views, the committee filter, form errors;
 * iCalendar feeds checked against RFC 5545's structure, RSS and Atom parsed as XML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { presentMonth } from '../../src/web/portal/presenters/calendar.ts';
import { londonWallTimeToInstant } from '../../src/domain/dates.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedsDir } from '../support/seeds.ts';
import { portalConfig } from './config.ts';

const squash = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const cdata = (text: string) => text.replace(/^<!\[CDATA\[|\]\]>$/g, '');

describe('the month grid', () => {
  it('starts on Monday and pads the weeks', () => {
    // 1 April 2011 was a Friday; 30 April a Saturday.
    const month = presentMonth(2011, 4, []);
    expect(month.title).toBe('April 2011');
    expect(month.weeks).toHaveLength(5);
    expect(month.weeks[0]!.slice(0, 4)).toEqual([null, null, null, null]);
    expect(month.weeks[0]![4]!.day).toBe(1);
    expect(month.weeks[4]!.map((day) => day?.day ?? null)).toEqual([25, 26, 27, 28, 29, 30, null]);
    expect(presentMonth(2012, 2, []).weeks.flat().filter(Boolean)).toHaveLength(29);
  });
});

describe('UK wall-clock times', () => {
  it('become instants with GMT or BST as the day had it', () => {
    expect(londonWallTimeToInstant('2011-05-12', '10:00').toISOString()).toBe('2011-05-12T09:00:00.000Z');
    expect(londonWallTimeToInstant('2011-01-12', '10:00').toISOString()).toBe('2011-01-12T10:00:00.000Z');
    // The clocks went forward at 01:00 UTC on 27 March 2011.
    expect(londonWallTimeToInstant('2011-03-27', '00:30').toISOString()).toBe('2011-03-27T00:30:00.000Z');
    expect(londonWallTimeToInstant('2011-03-27', '03:00').toISOString()).toBe('2011-03-27T02:00:00.000Z');
  });
});

/** RFC 5545 content lines: CRLF-terminated, folded at 75 octets, unfolded by removing CRLF + one space. */
function parseCalendar(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line.includes('\n') || line.includes('\r'), 'bare CR or LF').toBe(false);
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  }
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .slice(0, -2)
    .split('\r\n');
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      const [name, ...params] = line.slice(0, colon).split(';');
      current[name!] = line.slice(colon + 1);
      if (params.length) current[`${name};`] = params.join(';');
    }
  }
  return { lines, events };
}

describe.skipIf(databaseUnavailable)('the meeting calendar on the seed papers', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const get = async (url: string, status = 200) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(status);
    return parse(response.body);
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

  it('opens on the month of the latest meeting, and walks back a month to the Council of 6 April 2011', async () => {
    const latest = await database.db
      .selectFrom('meeting')
      .select((eb) => eb.fn.max('date').as('date'))
      .executeTakeFirstOrThrow();
    const opening = await get('/meetings');
    expect(opening.querySelector('h2')?.text).toBe(
      new Date(`${latest.date}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    );
    const page = await get('/meetings?year=2011&month=5');
    expect(page.querySelector('h2')?.text).toBe('May 2011');
    const cells = page.querySelectorAll('table.quorum-calendar td');
    const twelfth = cells.find((cell) => squash(cell.querySelector('.quorum-calendar__number')?.text) === '12')!;
    expect(twelfth.querySelector('a')?.getAttribute('href')).toBe('/meetings/2011-05-12-kent-county-council');
    // 12 May 2011 was a Thursday: the fourth column.
    expect(twelfth.parentNode!.querySelectorAll('td').indexOf(twelfth)).toBe(3);
    const previous = page.querySelector('.govuk-pagination__prev a');
    expect(squash(previous?.text)).toContain('April 2011');
    const april = await get(previous!.getAttribute('href')!);
    expect(april.querySelector('h2')?.text).toBe('April 2011');
    const links = april.querySelectorAll('table.quorum-calendar a').map((a) => [squash(a.text), a.getAttribute('href')]);
    expect(links).toContainEqual(['Kent County Council on Wednesday 6 April 2011', '/meetings/2011-04-06-kent-county-council']);
    expect(links).toContainEqual(['Planning Applications Committee on Tuesday 12 April 2011', '/meetings/2011-04-12-planning-applications-committee']);
  });

  it('lists a year by month, and filters by committee', async () => {
    const list = await get('/meetings?year=2011');
    const hrefs = list.querySelectorAll('table a').map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('/meetings/2011-04-06-kent-county-council');
    expect(hrefs).toContain('/meetings/2011-05-12-kent-county-council');
    expect(list.querySelectorAll('h3').map((h) => h.text)).toEqual(expect.arrayContaining(['April 2011', 'May 2011']));

    const council = await get('/meetings?body=kent-county-council&year=2011');
    expect(council.querySelector('h1')?.text).toContain('Meetings of Kent County Council');
    const councilHrefs = council.querySelectorAll('table a').map((a) => a.getAttribute('href'));
    expect(councilHrefs.length).toBeGreaterThan(0);
    expect(councilHrefs.every((href) => href?.endsWith('-kent-county-council'))).toBe(true);
    expect(council.querySelector('a[href="/committees/kent-county-council/meetings.ics"]')).toBeTruthy();
    expect(council.querySelector('#body option[selected]')?.getAttribute('value')).toBe('kent-county-council');
  });

  it('says which field is wrong, with status 400 and the values kept', async () => {
    const page = await get('/meetings?year=20x1&month=13&body=%3Cb%3E', 400);
    expect(page.querySelector('title')?.text).toMatch(/^Error: /);
    const summary = page.querySelectorAll('.govuk-error-summary a').map((a) => [squash(a.text), a.getAttribute('href')]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['Enter a year as 4 digits, for example 2011', '#year'],
        ['Choose a month from the list', '#month'],
        ['Choose a committee from the list', '#body'],
      ]),
    );
    expect(page.querySelector('#year')?.getAttribute('value')).toBe('20x1');
    expect(page.querySelector('#year')?.getAttribute('aria-describedby')).toContain('year-error');
    const unknown = await get('/meetings?body=no-such-committee', 400);
    expect(squash(unknown.querySelector('.govuk-error-summary')?.text)).toContain('Choose a committee from the list');
  });

  it('an iCalendar feed of all meetings is valid RFC 5545, each event linking to its meeting page', async () => {
    const response = await app.inject({ method: 'GET', url: '/meetings.ics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const { lines, events } = parseCalendar(response.body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((line) => line.startsWith('PRODID:'))).toBe(true);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const meetings = await database.db.selectFrom('meeting').select('id').execute();
    expect(events).toHaveLength(meetings.length);
    for (const event of events) {
      expect(event.UID).toMatch(/^meeting-[A-Za-z0-9]+@127\.0\.0\.1$/);
      expect(event.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
      expect(event.DTSTART).toMatch(event['DTSTART;'] === 'VALUE=DATE' ? /^\d{8}$/ : /^\d{8}T\d{6}Z$/);
      expect(event.URL).toMatch(/^http:\/\/127\.0\.0\.1:0\/meetings\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/);
    }
    expect(new Set(events.map((event) => event.UID)).size).toBe(events.length);
    const annual = events.find((event) => event.URL?.endsWith('/meetings/2011-05-12-kent-county-council'))!;
    expect(annual.SUMMARY).toBe('Kent County Council');
    expect(annual.DTSTART).toBe('20110512T090000Z');
    expect(annual.LOCATION).toBe('Council Chamber\\, Sessions House\\, County Hall\\, Maidstone');
    const april = events.find((event) => event.URL?.endsWith('/meetings/2011-04-06-kent-county-council'))!;
    expect([april['DTSTART;'], april.DTSTART]).toEqual(['VALUE=DATE', '20110406']);
  });

  it('raises SEQUENCE when what a calendar shows of a meeting changes, and only then', async () => {
    const sequenceOf = async (id: string) => {
      const { events } = parseCalendar((await app.inject({ method: 'GET', url: '/meetings.ics' })).body);
      return events.find((event) => event.UID!.startsWith(`${id}@`))!.SEQUENCE;
    };
    const target = await database.db.selectFrom('meeting').select(['id', 'location']).where('date', '=', '2011-05-12').executeTakeFirstOrThrow();
    expect(await sequenceOf(target.id)).toBe('0');
    // A change calendars do not show leaves it alone.
    await database.db.updateTable('meeting').set({ kind: 'annual' }).where('id', '=', target.id).execute();
    expect(await sequenceOf(target.id)).toBe('0');
    await database.db.updateTable('meeting').set({ location: 'Darent Room, Sessions House' }).where('id', '=', target.id).execute();
    expect(await sequenceOf(target.id)).toBe('1');
    await database.db.updateTable('meeting').set({ status: 'cancelled' }).where('id', '=', target.id).execute();
    expect(await sequenceOf(target.id)).toBe('2');
    await database.db.updateTable('meeting').set({ location: target.location, status: 'scheduled' }).where('id', '=', target.id).execute();
    expect(await sequenceOf(target.id)).toBe('3');
  });

  it('a committee has its own iCalendar feed, and an unknown committee has none', async () => {
    const response = await app.inject({ method: 'GET', url: '/committees/planning-applications-committee/meetings.ics' });
    expect(response.statusCode).toBe(200);
    const { events } = parseCalendar(response.body);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.URL?.endsWith('-planning-applications-committee') && event.SUMMARY === 'Planning Applications Committee')).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/committees/no-such-committee/meetings.ics' })).statusCode).toBe(404);
  });

  it('RSS and Atom feeds of decisions and of published minutes link to the records', async () => {
    const rss = await app.inject({ method: 'GET', url: '/decisions.rss' });
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    // An HTML parser treats <link> as void, so RSS item links are read with a pattern.
    const items = [...rss.body.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>[\s\S]*?<\/item>/g)];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(50);
    const firstLink = items[0]![1];
    expect(firstLink).toMatch(/^http:\/\/127\.0\.0\.1:0\/meetings\/2011-04-12-planning-applications-committee#minute-\d+$/);

    const atom = await app.inject({ method: 'GET', url: '/decisions.atom' });
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const entries = parse(atom.body).querySelectorAll('entry');
    expect(entries).toHaveLength(items.length);
    expect(entries.map((entry) => entry.querySelector('id')!.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^urn:quorum:resolution-/)]));

    const minutes = await app.inject({ method: 'GET', url: '/minutes.atom' });
    const minuteEntries = parse(minutes.body).querySelectorAll('entry');
    const titles = minuteEntries.map((entry) => cdata(entry.querySelector('title')!.text));
    expect(titles).toContain('Minutes: Kent County Council, Wednesday 6 April 2011');
    const april = minuteEntries.find((entry) => cdata(entry.querySelector('title')!.text) === 'Minutes: Kent County Council, Wednesday 6 April 2011')!;
    expect(april.querySelector('link')!.getAttribute('href')).toBe('http://127.0.0.1:0/meetings/2011-04-06-kent-county-council#minutes');
    const minutesRss = await app.inject({ method: 'GET', url: '/minutes.rss' });
    expect(minutesRss.body.match(/<item>/g)).toHaveLength(minuteEntries.length);
  });
});
