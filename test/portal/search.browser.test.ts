/**
 * The search page in a real browser at 320 px (WCAG 2.2 reflow, issue 19): no horizontal scrolling with the
 * filters open and results shown, the filters work without JavaScript, "Did you mean" is a link, and axe finds no
 * WCAG 2.2 AA violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { seedsDir } from '../support/seeds.ts';
import { portalConfig } from './config.ts';

if (chromiumMissing) console.warn(`SKIPPING the search browser test: ${chromiumMissing}`);

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('search at 320 px in a browser', () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'test' });
    expect(summary.failed).toBe(0);
    portal = await servePortal(await createApp({ config: portalConfig, database, logger: false }));
    origin = portal.origin;
  }, 300_000);
  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  it('searches by name with filters, without JavaScript, and never scrolls sideways', async () => {
    const context = await portal.browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

    await page.goto(`${origin}${linkTo('search')}`);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByLabel(/Search meetings/).fill('Cllr Vye');
    await page.getByRole('checkbox', { name: 'People' }).check();
    await page.locator('main form button').click();
    await page.waitForURL(/q=Cllr\+Vye&kind=person/);
    await expect(page.locator('.quorum-result h3').first().innerText()).resolves.toBe('Martin Vye');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await context.close();
  }, 300_000);

  it.each([
    ['results for a name', '?q=Cllr+Vye&kind=person'],
    ['did you mean, with a date range', '?q=Crosrail&from=2011-04-01&to=2011-04-30'],
    ['a form with errors', '?q=budget&from=2011-02-30'],
  ])(
    '%s: reflows at 320 px and axe finds no WCAG 2.2 AA violation',
    async (_name, query) => {
      // axe is injected as a script, so this context runs JavaScript.
      const context = await portal.browser.newContext({ viewport: { width: 320, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${origin}${linkTo('search')}${query}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      if (query.includes('Crosrail')) await expect(page.locator('.quorum-did-you-mean a').innerText()).resolves.toBe('crossrail');
      if (query.includes('2011-02-30')) await expect(page.locator('.govuk-error-summary').isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    },
    300_000,
  );
});
