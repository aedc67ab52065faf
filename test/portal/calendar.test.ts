/** The meeting calendar on the seed papers: month and list views, the committee filter, and form errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/web/app.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { presentMonth } from '../../src/web/presenters/portal/calendar.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedsDir } from '../support/seeds.ts';
import { portalConfig } from './config.ts';

const squash = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

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
    const page = await get('/meetings');
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
    expect(links).toContainEqual(['Kent County Council, Wednesday 6 April 2011', '/meetings/2011-04-06-kent-county-council']);
    expect(links).toContainEqual(['Planning Applications Committee, Tuesday 12 April 2011', '/meetings/2011-04-12-planning-applications-committee']);
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
});
