/**
 * Real-browser checks of the public pages: axe-core against WCAG 2.2 AA, no CSP violations (so the nonce admits
 * GOV.UK Frontend's scripts and nothing else is blocked), and a screenshot of a meeting page for a human to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import type { Config } from '../../src/config.ts';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { seedCouncilMeeting } from '../support/factories.ts';

if (chromiumMissing) console.warn(`SKIPPING browser accessibility tests: ${chromiumMissing}`);

const SCREENSHOT = '/tmp/quorum-meeting.png';

const config: Config = {
  dataDir: '/nonexistent',
  papersDir: '/nonexistent',
  port: 0,
  host: '127.0.0.1',
  logLevel: 'silent',
  authorityName: 'Kent County Council',
  holidays: 'england-and-wales',
};

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('accessibility in a real browser', () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;
  let meetingPath: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const seed = await seedCouncilMeeting(database.db);
    meetingPath = linkTo('meeting.show', { id: seed.meeting.id as string });
    portal = await servePortal(await createApp({ config, database, logger: false }));
    origin = portal.origin;
  });

  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await portal.newPage({ viewport: { width: 1024, height: 800 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    const response = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    return { page, problems };
  }

  it('the meetings list has no WCAG 2.2 AA violations and runs GOV.UK Frontend under the CSP', async () => {
    const { page, problems } = await open(linkTo('meeting.list'));
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.body.className)).toContain('govuk-frontend-supported');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a meeting page has no WCAG 2.2 AA violations, with the vote details open too', async () => {
    const { page, problems } = await open(meetingPath);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByText('How each member voted').click();
    for (const details of await page.locator('details').all()) await details.evaluate((el) => el.setAttribute('open', ''));
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a meeting page reads the same without JavaScript', async () => {
    const context = await portal.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}${meetingPath}`);
    await expect(page.locator('h2').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Details', 'Agenda', 'Attendance', 'Declarations of interest', 'Minutes', 'Recorded votes', 'Questions']),
    );
    // Native <details> opens without script, so named votes stay reachable.
    await page.getByText('How each member voted').click();
    await expect(page.getByText('Mr W A Hayton').last().isVisible()).resolves.toBe(true);
    await context.close();
  });
});
