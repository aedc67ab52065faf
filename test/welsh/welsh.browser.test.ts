/**
 * The portal in Welsh in a real browser (Debian's Chromium through playwright-core): the language switch is chosen
 * once and remembered from page to page, and axe-core (WCAG 2.2 A/AA) finds nothing on any public page type in
 * Welsh (issue 19, item 9): the portal's own pages and the scrutiny, plans, registers, allowances and political
 * balance pages (test/welsh/public-pages.ts). Screenshots go to test-output/welsh/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal, type AxeViolation } from '../support/browser.ts';
import { publicPages, seedPublicPages, type PublicPage } from './public-pages.ts';
import { portalConfig } from '../portal/config.ts';

if (chromiumMissing) console.warn(`SKIPPING Welsh browser test: ${chromiumMissing}`);

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/welsh');

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('the portal in Welsh, in a real browser', { timeout: 300_000 }, () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;
  let pages: PublicPage[];

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    database = await createTestDatabase();
    await seedPublicPages(database);
    const app = await createApp({ config: portalConfig, database, logger: false });
    pages = await publicPages(app);
    portal = await servePortal(app);
    origin = portal.origin;
  }, 600_000);

  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  it('switches to Welsh once, keeps it on every page, and axe finds nothing on any page type', async () => {
    const context = await portal.browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

    await page.goto(`${origin}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: 'Newid yr iaith i’r Gymraeg' }).click();
    await page.waitForURL(/lang=cy/);
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    await page.getByRole('navigation', { name: 'Quorum' }).getByRole('link', { name: 'Cyfarfodydd' }).click();
    // No ?lang in this URL: the cookie remembered the choice.
    expect(page.url()).not.toContain('lang=');
    expect(await page.getAttribute('html', 'lang')).toBe('cy');

    const failures: Record<string, AxeViolation[]> = {};
    for (const { name, url, status } of pages) {
      const response = await page.goto(`${origin}${url}`, { waitUntil: 'load' });
      expect(response?.status(), `${name}: ${url}`).toBe(status);
      expect(await page.getAttribute('html', 'lang'), `${name}: ${url}`).toBe('cy');
      for (const details of await page.locator('details').all()) await details.evaluate((element) => element.setAttribute('open', ''));
      const found = await axeViolations(page);
      if (found.length) failures[`${name} ${url}`] = found;
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name.replaceAll(' ', '-')}.png`), fullPage: true });
    }
    expect(failures).toEqual({});

    // And back: the switch on a Welsh page leads to the same page in English.
    await page.goto(`${origin}${linkTo('committee.list')}`);
    await page.getByRole('link', { name: 'Change the language to English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Committees');
    expect(problems).toEqual([]);
    await context.close();
  });
});
