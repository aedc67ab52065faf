/**
 * In Chromium, a democratic services officer reviews an imported seed paper (issue 17 item 4): opens it from the
 * list of imported papers, corrects who a printed name is and a recorded vote's counts (a bad count first, which is
 * refused with an error summary), imports the paper again and finds both corrections still there. axe-core finds no
 * WCAG 2.2 AA problem on any page visited, the error page included.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTo } from '../../src/http/routes.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { makeAccount, makeApp } from '../admin/support.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedFile } from '../support/seeds.ts';

if (chromiumMissing) console.warn(`SKIPPING the import review browser test: ${chromiumMissing}`);

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('the import review in a browser', { timeout: 300_000 }, () => {
  let database: TestDatabase;
  let portal: Portal;

  async function accessible(page: Page): Promise<void> {
    const violations = await axeViolations(page);
    expect(violations, `${page.url()}: ${JSON.stringify(violations.map((v) => [v.id, v.nodes.map((n) => n.target)]))}`).toEqual([]);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedFile('001')], actor: 'test' });
    expect(summary.imported).toBe(1);
    await makeAccount(database, 'democratic-services', 'ds@kent.example');
    portal = await servePortal(await makeApp(database));
  }, 300_000);
  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  it('corrects a name link and a vote count, imports the paper again, and the corrections remain', async () => {
    const angell = (await database.db.selectFrom('attendance').select('person_id').where('printed_name', '=', 'Mr M J Angell').executeTakeFirstOrThrow())
      .person_id;
    const page = await portal.newPage();
    page.setDefaultTimeout(30_000);
    await portal.signIn(page, 'ds@kent.example');

    await page.getByRole('link', { name: /Imported papers/ }).click();
    await expect(page.locator('main').innerText()).resolves.toMatch(/001_078369eba01f855e\.txt/);
    await accessible(page);
    await page.getByRole('link', { name: '001_078369eba01f855e.txt' }).click();
    await expect(page.locator('h1').innerText()).resolves.toContain('Review 001_078369eba01f855e.txt');
    await expect(page.locator('#L1385').innerText()).resolves.toMatch(/^MINUTES of a meeting of the Governance and Audit Committee/);
    await accessible(page);

    // Who "Mr A R Chell" is. (CSS locators: role queries over the paper's two thousand lines are slow.)
    await page.locator('a[href*="kind=person-link"][href*="body=Governance"][href*="key=mr+a+r+chell"]').click();
    await accessible(page);
    await page.getByLabel('Person').selectOption(angell);
    await page.getByRole('button', { name: 'Save correction' }).click();
    await page.waitForURL((url) => url.pathname === linkTo('admin.paper', { id: sourceIdOf(url) }));
    await expect(chellAtAudit(page).innerText()).resolves.toContain('Mr M J Angell');

    // The counts of the Council's recorded vote: a negative count is refused, then corrected.
    await page.locator('a[href*="kind=vote-count"]').first().click();
    await page.getByLabel('For', { exact: true }).fill('-1');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Cannot be negative');
    await accessible(page);
    await page.getByLabel('For', { exact: true }).fill('50');
    await page.getByLabel('Against', { exact: true }).fill('12');
    await page.getByLabel('Abstaining', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('Minute 22: 50 for, 12 against, 3 abstaining');

    // Import the paper again: both corrections are applied again.
    await page.locator('button', { hasText: 'Import again' }).click();
    await page.waitForLoadState();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Minute 22: 50 for, 12 against, 3 abstaining');
    await expect(chellAtAudit(page).innerText()).resolves.toContain('Mr M J Angell');
    await page.locator('button', { hasText: 'Mark as checked' }).click();
    await expect(page.locator('main').innerText()).resolves.toMatch(/Checked\s+Yes, on/);
    await accessible(page);
    const votes = await database.db.selectFrom('vote_event').select(['for_count', 'against_count', 'abstain_count']).execute();
    expect(votes).toContainEqual({ for_count: 50, against_count: 12, abstain_count: 3 });
  });
});

/** The attendance entry of "Mr A R Chell" at the Governance and Audit Committee (he is at the Council's meeting too). */
function chellAtAudit(page: Page) {
  return page
    .locator('section', { has: page.locator('h3', { hasText: 'Governance and Audit Committee' }) })
    .locator('li', { hasText: '“Mr A R Chell”, present' });
}

function sourceIdOf(url: URL): string {
  return decodeURIComponent(url.pathname.split('/')[3] ?? '');
}
