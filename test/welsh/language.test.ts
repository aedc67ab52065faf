/**
 * The portal in Welsh (issue 19, item 8): `?lang=cy` gives a Welsh page (<html lang="cy">, Welsh navigation, Welsh
 * dates), remembered in a cookie; every page links to itself in both languages (`hreflang`); and the page cache keeps
 * the languages apart: a cached English page is never served to a Welsh request, nor the reverse. Records keep
 * their own words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parse } from 'node-html-parser';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { LANGUAGE_COOKIE } from '../../src/http/language.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedCouncilMeeting } from '../support/factories.ts';
import { portalConfig } from '../portal/config.ts';

function navigation(response: LightMyRequestResponse): string[] {
  return parse(response.body)
    .querySelectorAll('.govuk-service-navigation__list .govuk-service-navigation__link')
    .map((link) => link.text.trim());
}

function htmlLang(response: LightMyRequestResponse): string | undefined {
  return parse(response.body).querySelector('html')?.getAttribute('lang');
}

function cookieOf(response: LightMyRequestResponse): string | undefined {
  const header = response.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  return all.find((cookie) => cookie.startsWith(`${LANGUAGE_COOKIE}=`));
}

describe.skipIf(databaseUnavailable)('the portal in Welsh', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let seed: Awaited<ReturnType<typeof seedCouncilMeeting>>;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    database = await createTestDatabase();
    seed = await seedCouncilMeeting(database.db);
    app = await createApp({ config: { ...portalConfig, publicUrl: 'https://democracy.example.gov.uk/' }, database, logger: false });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('is English by default, and Welsh with ?lang=cy: lang attribute, navigation, headings and Content-Language', async () => {
    const english = await get(linkTo('home'));
    expect(htmlLang(english)).toBe('en');
    expect(english.headers['content-language']).toBe('en');
    expect(navigation(english)).toEqual([
      'Meetings',
      'Committees',
      'Councillors',
      'Decisions',
      'Forward plan',
      'Scrutiny',
      'Improvement',
      'Allowances',
      'Search',
    ]);

    const welsh = await get(`${linkTo('home')}?lang=cy`);
    expect(welsh.statusCode).toBe(200);
    expect(htmlLang(welsh)).toBe('cy');
    expect(welsh.headers['content-language']).toBe('cy');
    expect(navigation(welsh)).toEqual(['Cyfarfodydd', 'Pwyllgorau', 'Cynghorwyr', 'Penderfyniadau', 'Blaengynllun', 'Craffu', 'Gwella', 'Lwfansau', 'Chwilio']);
    const page = parse(welsh.body);
    expect(page.querySelector('h1')?.text).toBe('Cyfarfodydd, papurau a phenderfyniadau’r cyngor');
    expect(page.querySelector('title')?.text).toContain('Cyfarfodydd, papurau a phenderfyniadau’r cyngor');
    expect(page.querySelector('.govuk-skip-link')?.text.trim()).toBe('Neidio i’r prif gynnwys');
  });

  it('an unknown language is ignored: English, and no cookie', async () => {
    const response = await get(`${linkTo('home')}?lang=fr`);
    expect(htmlLang(response)).toBe('en');
    expect(cookieOf(response)).toBeUndefined();
  });

  it('links every page to itself in both languages: hreflang alternates and the language switch', async () => {
    const url = `${linkTo('meeting.list')}?year=2011&month=4&utm_source=mail`;
    const response = await get(`${url}&lang=cy`);
    const page = parse(response.body);
    const alternates = page.querySelectorAll('link[rel=alternate][hreflang]').map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]);
    // Absolute, from the configured public address, with only the parameters the page reads (no tracking tag).
    expect(alternates).toEqual([
      ['en', 'https://democracy.example.gov.uk/meetings?year=2011&month=4&lang=en'],
      ['cy', 'https://democracy.example.gov.uk/meetings?year=2011&month=4&lang=cy'],
    ]);
    const switcher = page.querySelector('nav.quorum-language-switch');
    expect(switcher?.getAttribute('aria-label')).toBe('Iaith');
    expect(switcher?.querySelector('[aria-current=true]')?.text).toBe('Cymraeg');
    const english = switcher?.querySelector('a[hreflang=en]');
    expect(english?.getAttribute('href')).toBe('/meetings?year=2011&month=4&lang=en');
    expect(english?.getAttribute('lang')).toBe('en');
    expect(english?.querySelector('.govuk-visually-hidden')?.text).toBe('Change the language to English');
  });

  it('remembers the choice in a cookie: later pages without ?lang are Welsh until English is chosen', async () => {
    const chosen = await get(`${linkTo('committee.list')}?lang=cy`);
    const cookie = cookieOf(chosen);
    expect(cookie).toMatch(/^quorum_lang=cy; Path=\/; Max-Age=\d+; SameSite=Lax$/);
    // The answer that sets the cookie is the visitor's own: not kept for others.
    expect(chosen.headers['cache-control']).toBe('private, no-store');

    const later = await get(linkTo('person.list'), { cookie: 'quorum_lang=cy' });
    expect(htmlLang(later)).toBe('cy');
    expect(parse(later.body).querySelector('h1')?.text).toBe('Cynghorwyr');
    expect(cookieOf(later)).toBeUndefined();

    const back = await get(`${linkTo('person.list')}?lang=en`, { cookie: 'quorum_lang=cy' });
    expect(htmlLang(back)).toBe('en');
    expect(cookieOf(back)).toMatch(/^quorum_lang=en;/);
  });

  it('shows dates and counts in Welsh, and the records in their own words', async () => {
    const response = await get(`${linkTo('meeting.list')}?year=2011&lang=cy`, { cookie: 'quorum_lang=cy' });
    expect(response.statusCode).toBe(200);
    const text = parse(response.body).text;
    expect(text).toContain('Dydd Mercher 6 Ebrill 2011');
    expect(text).not.toContain('Wednesday 6 April 2011');
    expect(text).toMatch(/\d+ (cyfarfod|gyfarfod|chyfarfod)\b/);
    // The body's name is a record: it stays as written.
    expect(text).toContain(seed.body.name as string);
  });

  it('keeps the cached pages of each language apart', async () => {
    for (const [first, second] of [
      [{}, { cookie: 'quorum_lang=cy' }],
      [{ cookie: 'quorum_lang=cy' }, {}],
    ] as const) {
      // A fresh page each round (the calendar of another year), so the first request of each pair renders it.
      const url = `${linkTo('meeting.list')}?year=${first.cookie ? 2012 : 2013}`;
      const a = await get(url, first);
      expect(a.headers['x-quorum-cache']).toBe('miss');
      const again = await get(url, first);
      expect(again.headers['x-quorum-cache']).toBe('hit');
      const b = await get(url, second);
      expect(b.headers['x-quorum-cache']).toBe('miss');
      expect(htmlLang(b)).toBe(second.cookie ? 'cy' : 'en');
      expect(b.headers.etag).not.toBe(a.headers.etag);
      // Revalidating with the other language's ETag gets this language's page, never a 304.
      const revalidated = await get(url, { ...second, 'if-none-match': String(a.headers.etag) });
      expect(revalidated.statusCode).toBe(200);
      expect(htmlLang(revalidated)).toBe(second.cookie ? 'cy' : 'en');
    }
    // ?lang=cy with the cookie already Welsh is the same cached page as the cookie alone.
    const viaQuery = await get(`${linkTo('meeting.list')}?year=2012&lang=cy`, { cookie: 'quorum_lang=cy' });
    expect(viaQuery.headers['x-quorum-cache']).toBe('hit');
    expect(htmlLang(viaQuery)).toBe('cy');
  });

  it('error pages are Welsh too', async () => {
    const response = await get('/no-such-page?lang=cy', { accept: 'text/html' });
    expect(response.statusCode).toBe(404);
    expect(htmlLang(response)).toBe('cy');
    expect(parse(response.body).querySelector('h1')?.text).toBe('Heb ddod o hyd i’r dudalen');
  });
});
