import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/db/engine.ts';
import type { Database } from '../../src/db/schema.ts';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { ESCAPE_PROBE, EXEMPT_MINUTE_TEXT, seedCouncilMeeting } from '../support/factories.ts';

const config: Config = {
  dataDir: '/nonexistent',
  papersDir: '/nonexistent',
  port: 0,
  host: '127.0.0.1',
  logLevel: 'silent',
  authorityName: 'Kent County Council',
  holidays: 'england-and-wales',
};

describe.skipIf(databaseUnavailable)('web app', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let seed: Awaited<ReturnType<typeof seedCouncilMeeting>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    seed = await seedCouncilMeeting(database.db);
    app = await createApp({ config, database, logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const meetingPath = () => linkTo('meeting.show', { id: seed.meeting.id as string });

  it('GET /healthz answers ok after asking the database, and says nothing more', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /meetings?year= lists the meetings of the year by month, each linking to its page', async () => {
    const response = await app.inject({ method: 'GET', url: `${linkTo('meeting.list')}?year=2011` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    const page = parse(response.body);
    expect(page.querySelector('title')?.text).toMatch(/^Meetings.* – Quorum – Kent County Council$/);
    expect(page.querySelectorAll('h2').map((h) => h.text.trim())).toContain('2011');
    // The calendar links by the meeting's friendly address (date and body), which leads to the same page.
    const link = page.querySelectorAll('a').find((a) => /^\/meetings\/2011-04-06-/.test(a.getAttribute('href') ?? ''));
    expect(link?.text).toContain('County Council');
    const followed = await app.inject({ method: 'GET', url: link!.getAttribute('href')! });
    expect(followed.statusCode).toBe(200);
    const byId = parse((await app.inject({ method: 'GET', url: meetingPath() })).body);
    expect(parse(followed.body).querySelector('h1')?.text).toBe(byId.querySelector('h1')?.text);
    expect(response.body).toContain('Wednesday 6 April 2011');
    expect(response.body).toContain('10am');
    expect(response.body).toContain('Council Chamber, Sessions House, County Hall, Maidstone');
  });

  it('every page offers sign-in in its footer, and "Improvement" leads to the plans, which link the dashboard', async () => {
    const page = parse((await app.inject({ method: 'GET', url: '/meetings' })).body);
    const footerLinks = page.querySelectorAll('footer a').map((link) => [link.text.trim(), link.getAttribute('href')]);
    expect(footerLinks).toContainEqual(['Sign in (council staff and councillors)', '/sign-in']);
    const improvement = page.querySelectorAll('.govuk-service-navigation a').find((link) => link.text.trim() === 'Improvement');
    expect(improvement?.getAttribute('href')).toBe('/plans');
  });

  it('sends a strict CSP whose nonce admits the govuk template script', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const nonce = /script-src 'self' 'nonce-([0-9a-f]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(response.body).toContain(`<script nonce="${nonce}">document.body.className += ' js-enabled'`);
  });

  describe('the meeting page', () => {
    let body: string;
    let page: ReturnType<typeof parse>;
    const section = (id: string) => page.querySelector(`#${id}`)!;
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

    beforeAll(async () => {
      const response = await app.inject({ method: 'GET', url: meetingPath() });
      expect(response.statusCode).toBe(200);
      body = response.body;
      page = parse(body);
    });

    it('has the title, breadcrumbs, details and an in-page contents list', () => {
      expect(page.querySelector('title')?.text).toBe('County Council, 6 April 2011 – Quorum – Kent County Council');
      expect(squash(page.querySelector('h1')!.text)).toBe('Wednesday 6 April 2011 County Council');
      expect(page.querySelector('.govuk-breadcrumbs a')?.getAttribute('href')).toBe('/');
      const contents = page.querySelectorAll('nav[aria-labelledby="contents-heading"] a').map((a) => [a.text, a.getAttribute('href')]);
      expect(contents).toEqual([
        ['Details', '#details'],
        ['Agenda', '#agenda'],
        ['Attendance', '#attendance'],
        ['Declarations of interest', '#declarations'],
        ['Minutes', '#minutes'],
        ['Recorded votes', '#votes'],
        ['Questions', '#questions'],
      ]);
      const details = squash(section('details').text);
      expect(details).toContain('Time 10am to 1:15pm');
      expect(details).toContain('Location Council Chamber, Sessions House, County Hall, Maidstone');
    });

    it('shows the agenda with page ranges, the linked report and exempt items by their legal ground', () => {
      const agenda = squash(section('agenda').text);
      expect(agenda).toContain('Pages 13 to 40');
      expect(agenda).toContain('Report: Kent Highway Services: winter service review');
      expect(agenda).toContain('Disposal of land at Ashford');
      expect(agenda).toContain('Exempt: Schedule 12A paragraphs 2 and 7');
    });

    it('escapes text from the papers', () => {
      expect(body).not.toContain(ESCAPE_PROBE);
      expect(body).toContain('Winter service review &lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it('shows attendance grouped by status with counts, roles and display names', () => {
      const attendance = squash(section('attendance').text);
      expect(attendance).toContain('Present (68)');
      expect(attendance).toContain('Apologies (2)');
      expect(attendance).toContain('In attendance (2)');
      expect(attendance).toContain('Mr W A Hayton (Chairman)');
      expect(attendance).toContain('Vice-Chairman');
      expect(attendance).toContain('Mr K A Ferrin MBE');
      expect(attendance).toContain('Ms Katherine Kerswell (Managing Director)');
      // The Chairman heads the list, as the papers print it.
      expect(section('attendance').querySelector('ul li')?.text).toBe('Mr W A Hayton (Chairman)');
    });

    it('shows declarations of interest linked to the minute', () => {
      const declarations = section('declarations');
      expect(squash(declarations.text)).toContain('Mr K A Ferrin MBE Personal: his wife is employed by a gritting contractor');
      expect(declarations.querySelector('a')?.getAttribute('href')).toBe('#minute-15');
    });

    it('shows minutes in order with resolutions, motions and the minutes they approve', () => {
      const minutes = section('minutes');
      const headings = minutes.querySelectorAll('h3').map((h) => squash(h.text));
      expect(headings).toEqual(['14. Minutes of the meeting held on 16 March 2011', '15. Winter service review', '16. Disposal of land at Ashford']);
      const text = squash(minutes.text);
      expect(text).toContain('Members asked about salt stocks and gritting routes.');
      expect(text).toContain('that the winter service policy for 2011/12 be approved.');
      expect(text).toContain('Unanimous');
      expect(text).toContain('Moved by Mr M Carter, seconded by Mrs P Gibbens');
      const approves = minutes.querySelector(`a[href="${linkTo('meeting.show', { id: seed.previousMeeting.id as string })}"]`);
      expect(approves?.text).toBe('Minutes of the County Council meeting on Wednesday 16 March 2011');
    });

    it('never shows an exempt minute, its resolutions or motions', () => {
      expect(body).not.toContain(EXEMPT_MINUTE_TEXT);
      expect(body).not.toContain('preferred bidder');
      const exempt = page.querySelector('#minute-16')!;
      expect(squash(exempt.text)).toContain('Exempt: Schedule 12A paragraphs 2 and 7');
      expect(squash(exempt.text)).toContain('Its minute is not published.');
    });

    it('shows the recorded vote with counts, result, mover, seconder and who voted how', () => {
      const votes = section('votes');
      const text = squash(votes.text);
      expect(text).toContain('Result Carried');
      expect(text).toContain('Moved by Mr M Carter Seconded by Mrs P Gibbens');
      const counts = votes.querySelectorAll('table:not([data-vote-groups]) tbody tr').map((row) => squash(row.text));
      expect(counts).toEqual(['For 55', 'Against 11', 'Abstain 2']);
      // No member of this meeting has a group recorded: one row says so, with every named vote in it.
      const byGroup = votes.querySelectorAll('table[data-vote-groups] tbody tr').map((row) => squash(row.text));
      expect(byGroup).toEqual(['No group recorded 55 11 2']);
      const groups = votes.querySelectorAll('.govuk-details h4').map((h) => squash(h.text));
      expect(groups).toEqual(['For (55)', 'Against (11)', 'Abstain (2)', 'By political group']);
      const lists = votes.querySelectorAll('.govuk-details ul');
      expect(lists[0]!.querySelectorAll('li').map((li) => li.text)).toContain('Mr W A Hayton');
      expect(lists[1]!.querySelectorAll('li').map((li) => li.text)).toContain('Mr D Sweetland');
      expect(lists[2]!.querySelectorAll('li')).toHaveLength(2);
    });

    it('shows questions with asker, member asked, role and answer', () => {
      const text = squash(section('questions').text);
      expect(text).toContain('Asked by Mr R Simmonds');
      expect(text).toContain('Asked to Mr M Carter, Cabinet Member for Environment, Highways and Waste');
      expect(text).toContain('How many tonnes of salt did the County Council hold on 1 December 2010?');
      expect(text).toContain('The County Council held 25,000 tonnes of salt on 1 December 2010.');
    });
  });

  it('answers an unknown meeting with the GOV.UK not-found page', async () => {
    const response = await app.inject({ method: 'GET', url: linkTo('meeting.show', { id: 'meeting-0000000000000000' }) });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    const page = parse(response.body);
    expect(page.querySelector('html')?.classList.contains('govuk-template')).toBe(true);
    expect(page.querySelector('h1')?.text).toBe('Page not found');
    expect(page.querySelector('title')?.text).toBe('Page not found – Quorum – Kent County Council');
  });

  it('answers ids that cannot be meeting ids, and unknown paths, with 404', async () => {
    for (const url of ['/meetings/..%2F..%2Fetc', '/meetings/%3Cscript%3E', '/no-such-page']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('<script>alert');
    }
  });

  it('answers JSON clients with a JSON error', async () => {
    const response = await app.inject({ method: 'GET', url: '/meetings/meeting-0000000000000000', headers: { accept: 'application/json' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { id: 'not_found', status: 404, message: 'Meeting not found' } });
  });

  it('serves the GOV.UK assets, but not the sources beside them', async () => {
    const css = await app.inject({ method: 'GET', url: '/govuk/govuk-frontend.min.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    const js = await app.inject({ method: 'GET', url: '/govuk/govuk-frontend.min.js' });
    expect(js.statusCode).toBe(200);
    const image = await app.inject({ method: 'GET', url: '/assets/images/favicon.svg' });
    expect(image.statusCode).toBe(200);
    const ours = await app.inject({ method: 'GET', url: '/public/quorum.css' });
    expect(ours.statusCode).toBe(200);
    for (const url of ['/govuk/index.scss', '/govuk/template.njk', '/govuk/components/table/template.njk']) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });
});

describe('web app when the database does not answer', () => {
  let app: FastifyInstance;
  let unreachable: Kysely<Database>;

  beforeAll(async () => {
    // Nothing listens on port 1, so every query fails at once: the state the health check exists to report.
    unreachable = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: 'postgres://quorum@127.0.0.1:1/quorum', connectionTimeoutMillis: 2_000 }) }),
    });
    const database: DatabaseHandle = {
      db: unreachable,
      engine: 'postgres',
      async checkpoint() {},
      async healthy() {
        return sql`select 1`.execute(unreachable).then(
          () => true,
          () => false,
        );
      },
      async size() {
        return 0;
      },
      async close() {
        await unreachable.destroy();
      },
    };
    app = await createApp({ config, database, logger: false });
  });

  afterAll(async () => {
    await app?.close();
    await unreachable?.destroy();
  });

  it('GET /healthz answers 503 with JSON', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'error', error: { id: 'service_unavailable', status: 503, message: 'Quorum cannot serve requests just now' } });
  });

  it('pages answer 500 with the GOV.UK error page, and JSON clients with JSON', async () => {
    const html = await app.inject({ method: 'GET', url: '/' });
    expect(html.statusCode).toBe(500);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(parse(html.body).querySelector('h1')?.text).toBe('Sorry, there is a problem with the service');
    expect(html.body).not.toContain('ECONNREFUSED');
    const json = await app.inject({ method: 'GET', url: '/', headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(500);
    expect(json.json()).toEqual({ error: { id: 'internal_error', status: 500, message: 'Sorry, there is a problem with the service' } });
  });
});
