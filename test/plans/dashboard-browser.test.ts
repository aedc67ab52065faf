/**
 * The members' dashboard in a real browser: six indicators with the seed figures and targets, no WCAG 2.2 AA
 * violations, following an indicator to the requirement and actions behind it, and downloading the progress report
 * (read back from the DOCX).
 */
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.ts';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { goldFacts } from '../support/seeds.ts';
import { seedPlanPapers } from './seed-plans.ts';

if (chromiumMissing) console.warn(`SKIPPING the dashboard browser test: ${chromiumMissing}`);

const config: Config = {
  dataDir: '/nonexistent',
  papersDir: '/nonexistent',
  port: 0,
  host: '127.0.0.1',
  logLevel: 'silent',
  authorityName: 'Kent County Council',
  holidays: 'england-and-wales',
};

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))("the members' dashboard in a browser", () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedPlanPapers(database.db);
    portal = await servePortal(await createApp({ config, database, logger: false }));
    origin = portal.origin;
  });
  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  it('shows the six indicators, follows one to its requirement and actions, and downloads the progress report', async () => {
    const context = await portal.browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });

    // The dashboard as it stood on 21 June 2011, the day seed 002 went to committee.
    await page.goto(`${origin}${linkTo('dashboard')}`);
    await page.getByLabel('Show as at').fill('2011-06-21');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/asAt=2011-06-21/);
    const headings = await page.locator('h2 a').allTextContents();
    expect(headings).toEqual(goldFacts()['001_078369eba01f855e.txt'].indicators.names);
    const unallocated = page.locator('section', { has: page.getByRole('heading', { name: 'Number of Cases Unallocated for over 28 days' }) });
    await expect(unallocated.locator('.govuk-summary-list').innerText()).resolves.toMatch(
      /338 in May 2011[\s\S]*At most 200 by August 2011 \(IN 3\)[\s\S]*Amber/,
    );
    await expect(unallocated.getByRole('table').innerText()).resolves.toMatch(/February 2011\s+2,269[\s\S]*April 2011\s+973[\s\S]*May 2011\s+338/);
    await expect(page.locator('svg[role="img"]').count()).resolves.toBe(6);
    expect(await axeViolations(page)).toEqual([]);

    // From the indicator to the requirement that sets its target and the actions behind it.
    await page.getByRole('link', { name: 'Initial Assessments in progress out of timescale' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Initial Assessments in progress out of timescale');
    await expect(page.getByRole('heading', { name: 'IN 3' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Action 2.1.3' }).click();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Action 2.1.3');
    await expect(page.getByText('No more than 200 unallocated cases over 28 days').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // The progress report for a committee and date, downloaded and read back.
    await page.getByRole('link', { name: 'Putting Children First', exact: false }).first().click();
    await page.getByRole('link', { name: 'Progress report for a committee' }).click();
    await page.getByLabel('Committee the report goes to').selectOption({ label: "Kent Children's Trust Board" });
    await page.getByLabel('Date of the meeting').fill('2011-06-21');
    await page.getByRole('button', { name: 'Make the report' }).click();
    await expect(page.getByRole('heading', { name: '2. Progress to date' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download the report/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^progress-report-.*-2011-06-21\.docx$/);
    const text = (await mammoth.extractRawText({ path: await download.path() })).value;
    expect(text).toContain("Kent Children's Trust Board – 21 June 2011");
    expect(text).toContain('Impact on Performance');
    expect(text).toContain('Reduced number of Cases Unallocated for over 28 days from 2,269 (February 2011) to 338 (May 2011)');
    expect(text).toContain('Recommendations');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the plan, priority and coverage pages have no WCAG 2.2 AA violations', async () => {
    const plan = (await database.db.selectFrom('plan').select('slug').executeTakeFirstOrThrow()).slug;
    const page = await portal.newPage({ viewport: { width: 1100, height: 900 } });
    for (const path of [
      linkTo('plans.index'),
      linkTo('plan.show', { plan }),
      linkTo('plan.priority', { plan, number: 2 }),
      linkTo('plan.coverage', { plan }),
    ]) {
      const response = await page.goto(`${origin}${path}?asAt=2011-06-21`);
      expect(response?.status(), path).toBe(200);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.close();
  });

  it('reads the same without JavaScript: the as-at form and the data tables work', async () => {
    const context = await portal.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}${linkTo('dashboard')}?asAt=2011-05-12`);
    await expect(page.locator('table caption').allTextContents()).resolves.toHaveLength(6);
    await expect(page.getByText('973 in April 2011').isVisible()).resolves.toBe(true);
    await context.close();
  });
});
