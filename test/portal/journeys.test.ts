/**
 * A new visitor's journeys in a real browser (Debian's Chromium through playwright-core) on the imported seed papers:
 * find the Council meeting of 6 April 2011 from the calendar and see who voted against; search "peripatetic" and
 * open the result; subscribe to a committee's iCalendar feed. axe-core checks every page type against WCAG 2.2 AA,
 * and the main journey is walked with the keyboard alone. Screenshots go to test-output/portal/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { createApp } from '../../src/server/app.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal, type AxeViolation } from '../support/browser.ts';
import { seedsDir } from '../support/seeds.ts';
import { portalConfig } from './config.ts';

if (chromiumMissing) console.warn(`SKIPPING portal browser journeys: ${chromiumMissing}`);

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/portal');

// A shared two-core machine runs a browser, a server and axe here: generous limits, so slowness is not failure.
describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('a visitor in a real browser', { timeout: 300_000 }, () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    database = await createTestDatabase();
    const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'test' });
    expect(summary.failed).toBe(0);
    portal = await servePortal(await createApp({ config: portalConfig, database, logger: false }));
    origin = portal.origin;
  }, 180_000);

  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  async function newPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await portal.newPage({ viewport: { width: 1024, height: 800 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    return { page, problems };
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('finds the Council meeting of 6 April 2011 from the calendar, and sees who voted against', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${origin}/`);
    await page.getByRole('navigation', { name: 'Quorum' }).getByRole('link', { name: 'Meetings' }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Meetings/);
    await shot(page, '1-calendar');
    // Go to April 2011 with the calendar's own form.
    await page.getByLabel('Committee').selectOption({ label: 'Kent County Council' });
    await page.getByLabel('Month').selectOption({ label: 'April' });
    await page.getByLabel('Year').fill('2011');
    await page.getByRole('button', { name: 'Show meetings' }).click();
    expect(await page.locator('h2').first().textContent()).toBe('April 2011');
    await shot(page, '2-calendar-april-2011');
    const calendar = page.locator('table.quorum-calendar');
    // Screen readers hear the day with the committee, though the grid shows only the committee.
    await calendar.getByRole('link', { name: 'Kent County Council on Wednesday 6 April 2011', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/meetings/2011-04-06-kent-county-council');
    const votes = page.locator('#votes');
    await expect(votes.locator('table').first().innerText()).resolves.toMatch(/For\s+55\s+Against\s+11\s+Abstain\s+2/);
    await votes.getByText('How each member voted').first().click();
    const against = votes.locator('h4', { hasText: /^Against/ }).first();
    expect(await against.textContent()).toBe('Against (11)');
    const names = await against.locator('xpath=following-sibling::ul[1]/li').allInnerTexts();
    expect(names).toHaveLength(11);
    const recorded = await database.db
      .selectFrom('vote')
      .innerJoin('vote_event', 'vote_event.id', 'vote.vote_event_id')
      .innerJoin('meeting', 'meeting.id', 'vote_event.meeting_id')
      .select('vote.printed_name')
      .where('meeting.date', '=', '2011-04-06')
      .where('vote.option', '=', 'against')
      .execute();
    expect(recorded).toHaveLength(11);
    for (const row of recorded)
      expect(
        names.some((name) =>
          name.includes(
            row.printed_name
              .replace(/^(Mr|Mrs|Miss|Ms|Dr)\s+/, '')
              .split(' ')
              .at(-1)!,
          ),
        ),
      ).toBe(true);
    await against.scrollIntoViewIfNeeded();
    await shot(page, '3-meeting-votes-against');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('searches "peripatetic" and opens the first result', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${origin}/`);
    await page.getByLabel('Search meetings, papers, decisions and people').fill('peripatetic');
    await page.getByRole('button', { name: 'Search' }).click();
    await shot(page, '4-search-peripatetic');
    const first = page.locator('.quorum-result a').first();
    expect(await first.innerText()).toMatch(/Peripatetic Children's Assessment/i);
    await first.click();
    expect(await page.locator('h1').innerText()).toMatch(/Peripatetic/i);
    await shot(page, '5-search-result');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("subscribes to a committee's iCalendar feed", async () => {
    const { page } = await newPage();
    await page.goto(`${origin}/committees/planning-applications-committee`);
    const link = page.getByRole('link', { name: "Subscribe to this committee's meetings (iCalendar)" });
    const href = await link.getAttribute('href');
    expect(href).toBe('/committees/planning-applications-committee/meetings.ics');
    const response = await page.request.get(new URL(href!, origin).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(text.replace(/\r\n /g, '')).toContain('/meetings/2011-04-12-planning-applications-committee');
    await shot(page, '6-committee-subscribe');
    await page.close();
  });

  it('every page type has no WCAG 2.2 AA violations', async () => {
    const { page, problems } = await newPage();
    const hrefFrom = async (url: string, selector: string) => {
      await page.goto(`${origin}${url}`);
      const href = await page.locator(selector).first().getAttribute('href');
      expect(href, `${selector} on ${url}`).toBeTruthy();
      return href!;
    };
    let decisionPath: string;
    const decision = await database.db.selectFrom('decision').select('id').executeTakeFirst();
    decisionPath = decision ? `/decisions/${decision.id}` : '';
    if (!decisionPath) decisionPath = await hrefFrom('/decisions', 'a[href^="/decisions/"]');
    const pages: Array<[string, string, number]> = [
      ['home', '/', 200],
      ['meetings list', '/meetings?year=2011', 200],
      ['calendar', '/meetings?year=2011&month=4', 200],
      ['meeting', '/meetings/2011-04-06-kent-county-council', 200],
      ['committees', '/committees', 200],
      ['committee', '/committees/kent-county-council', 200],
      ['councillors', '/councillors', 200],
      ['person', await hrefFrom('/councillors', 'main a[href^="/people/"]'), 200],
      ['decisions', '/decisions', 200],
      ['decision', decisionPath, 200],
      ['report', await hrefFrom('/search?q=peripatetic&kind=report', '.quorum-result a[href^="/reports/"]'), 200],
      ['search with results', '/search?q=Crossrail', 200],
      ['search with an error', '/search?q=Crossrail&from=31-31-2011', 400],
      ['calendar with an error', '/meetings?year=20x1', 400],
      ['not found', '/meetings/no-such-meeting', 404],
    ];
    const failures: Record<string, AxeViolation[]> = {};
    for (const [name, url, status] of pages) {
      const response = await page.goto(`${origin}${url}`, { waitUntil: 'load' });
      expect(response?.status(), `${name}: ${url}`).toBe(status);
      for (const details of await page.locator('details').all()) await details.evaluate((element) => element.setAttribute('open', ''));
      const found = await axeViolations(page);
      if (found.length) failures[`${name} ${url}`] = found;
      await shot(page, `axe-${name.replaceAll(' ', '-')}`);
    }
    expect(failures).toEqual({});
    expect(problems.filter((problem) => !/status of 40[04]/.test(problem))).toEqual([]);
    await page.close();
  });

  it('the search journey works with the keyboard alone, with focus always visible', async () => {
    const { page } = await newPage();
    await page.goto(`${origin}/`);
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const visible =
          (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)';
        return {
          tag: element.tagName,
          id: element.id,
          text: (element.textContent ?? '').trim().replace(/\s+/g, ' '),
          href: element.getAttribute('href'),
          visible,
        };
      });
    const reached: Array<NonNullable<Awaited<ReturnType<typeof focused>>>> = [];
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      expect(now, `focus after ${step + 1} tabs`).not.toBeNull();
      expect(now!.visible, `focus is visible on ${now!.tag} ${now!.text || now!.id}`).toBe(true);
      reached.push(now!);
      if (now!.id === 'home-search') break;
    }
    expect(reached[0]!.text).toBe('Skip to main content');
    expect(reached.map((element) => element.text)).toEqual(expect.arrayContaining(['Meetings', 'Committees', 'Search']));
    expect(reached.at(-1)!.id).toBe('home-search');
    await page.keyboard.type('peripatetic');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=peripatetic/);
    await shot(page, '7-keyboard-search');
    for (let step = 0; step < 80; step++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      expect(now!.visible, `focus is visible on ${now!.tag} ${now!.text || now!.id}`).toBe(true);
      const inResult = await page.evaluate(() => Boolean(document.activeElement?.closest('.quorum-result')));
      if (inResult) break;
    }
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.quorum-result')))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForLoadState('load');
    expect(await page.locator('h1').innerText()).toMatch(/Peripatetic/i);
    await page.close();
  });
});
