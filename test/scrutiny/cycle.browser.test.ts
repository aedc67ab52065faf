/**
 * The scrutiny cycle in a real browser (Debian's Chromium through playwright-core): a scrutiny officer signs in and
 * records a published recommendation with an owner; the owner signs in and responds from "my actions"; the tracker
 * and the public pages show RESPONSE RECEIVED; the tracking sheet (XLSX) and the Cabinet report (DOCX) downloaded
 * from the public pages are read back to find the recommendation and its response. axe-core finds no WCAG 2.2 AA
 * violations on any page the cycle visits, error states included. Screenshots go to test-output/.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserContext, type Page } from 'playwright-core';
import { accountCreator } from '../../src/services/accounts/account-creator.ts';
import { linkTo } from '../../src/http/routes.ts';
import { makeAccount, makeApp, PASSWORD } from '../admin/support.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { seedScrutinyWorld } from './fixtures.ts';

if (chromiumMissing) console.warn(`SKIPPING the scrutiny cycle browser test: ${chromiumMissing}`);

const OUTPUT = path.resolve('test-output');
const ITEM = 'Winter Service Policy for Kent';
const RECOMMENDATION = 'Publish the priority gritting routes on the council website before November each year.';
const RESPONSE = 'Agreed. The routes will be published on the website by 31 October and reviewed each summer.';

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('the scrutiny cycle in a browser', () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;
  let world: Awaited<ReturnType<typeof seedScrutinyWorld>>;
  let scrutinyOfficerEmail: string;
  let officerContext: BrowserContext;
  let ownerContext: BrowserContext;
  let recommendationId: string;

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    database = await createTestDatabase();
    world = await seedScrutinyWorld(database.db);
    scrutinyOfficerEmail = (await makeAccount(database, 'scrutiny-officer')).email;
    await accountCreator({
      database,
      actor: { job: 'test' },
      email: 'paul.brightwell@kent.example',
      name: 'Paul Brightwell',
      roles: ['officer'],
      password: PASSWORD,
      personId: world.officerId,
    });
    portal = await servePortal(await makeApp(database));
    origin = portal.origin;
    officerContext = await portal.browser.newContext({ viewport: { width: 1024, height: 800 }, acceptDownloads: true });
    ownerContext = await portal.browser.newContext({ viewport: { width: 1024, height: 800 } });
  });

  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  async function accessible(page: Page, name: string): Promise<void> {
    expect(await axeViolations(page), name).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, `scrutiny-${name}.png`), fullPage: true });
  }

  async function signIn(context: BrowserContext, email: string, next: string): Promise<Page> {
    const page = await context.newPage();
    await portal.signIn(page, email, { from: `${linkTo('auth.signIn')}?next=${encodeURIComponent(next)}` });
    await page.waitForURL(`${origin}${next}`);
    return page;
  }

  it('a scrutiny officer records a published recommendation with an owner, after correcting a mistake', async () => {
    const page = await signIn(officerContext, scrutinyOfficerEmail, linkTo('scrutiny.admin.new'));
    await accessible(page, 'new-form');
    await page.getByLabel('Meeting that made the recommendation').selectOption(world.meetingId);
    await page.getByLabel('Item the committee considered').fill(ITEM);
    await page.getByLabel('Recommendation', { exact: true }).fill(RECOMMENDATION);
    await page.getByLabel('Addressed to (optional)').fill('Cabinet Member for Environment, Highways & Waste');
    await page.getByLabel('Owner', { exact: true }).selectOption(world.officerId);
    // A deadline before the meeting is refused with the GOV.UK error pattern, the values kept.
    const deadline = page.getByRole('group', { name: 'Response deadline (optional)' });
    await deadline.getByLabel('Day').fill('1');
    await deadline.getByLabel('Month').fill('11');
    await deadline.getByLabel('Year').fill('2011');
    await page.getByLabel('Publish it now on the public scrutiny pages').check();
    await page.getByRole('button', { name: 'Record the recommendation' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'The response deadline must be on or after the meeting on 13 December 2011',
    );
    await expect(page.getByLabel('Recommendation', { exact: true }).inputValue()).resolves.toBe(RECOMMENDATION);
    await accessible(page, 'new-form-error');
    // Leave the deadline to its default: two months after the meeting.
    for (const box of ['Day', 'Month', 'Year']) await deadline.getByLabel(box).fill('');
    await page.getByRole('button', { name: 'Record the recommendation' }).click();
    await page.waitForURL(/\/admin\/scrutiny\/recommendations\/[^/]+$/);
    recommendationId = page.url().split('/').pop()!;
    await expect(page.locator('h1').textContent()).resolves.toContain('Recommendation 1');
    await expect(page.locator('main').textContent()).resolves.toContain('Paul Brightwell to action');
    await expect(page.locator('main').textContent()).resolves.toContain('12 February 2012');
    await accessible(page, 'officer-recommendation');
    await page.close();
  });

  it('the owner signs in, finds it in my actions and responds', async () => {
    const page = await signIn(ownerContext, 'paul.brightwell@kent.example', linkTo('scrutiny.myActions'));
    await accessible(page, 'my-actions');
    await page.getByRole('link', { name: `${ITEM}, recommendation 1` }).click();
    await accessible(page, 'respond-form');
    await page.getByLabel('Your response').fill(RESPONSE);
    await page.getByLabel('Day').fill('20');
    await page.getByLabel('Month').fill('1');
    await page.getByLabel('Year').fill('2012');
    await page.getByRole('button', { name: 'Send the response' }).click();
    await page.waitForURL(/\/my-actions\?responded=/);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('has been recorded');
    await accessible(page, 'my-actions-after');
    await page.close();
  });

  it('the tracker and the public pages show RESPONSE RECEIVED with the response', async () => {
    const tracker = await officerContext.newPage();
    await tracker.goto(`${origin}${linkTo('scrutiny.admin.tracker')}`);
    const row = tracker.locator('tr', { has: tracker.getByRole('link', { name: `${ITEM}, recommendation 1` }) });
    await expect(row.textContent()).resolves.toContain('RESPONSE RECEIVED');
    await accessible(tracker, 'tracker');
    // The status form offers only what may follow RESPONSE RECEIVED.
    await tracker.goto(`${origin}${linkTo('scrutiny.admin.status', { id: recommendationId })}`);
    await expect(tracker.locator('input[name="to"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).resolves.toEqual([
      'ACCEPTED',
      'PARTIALLY ACCEPTED',
      'REJECTED',
      'PENDING',
      'CLOSED',
    ]);
    await accessible(tracker, 'status-form');
    await tracker.close();

    const visitor = await portal.browser.newContext({ viewport: { width: 1024, height: 800 }, acceptDownloads: true });
    const page = await visitor.newPage();
    await page.goto(`${origin}${linkTo('scrutiny.list')}`);
    await expect(page.locator('main').textContent()).resolves.toContain(ITEM);
    await expect(page.locator('main').textContent()).resolves.toContain('RESPONSE RECEIVED');
    await accessible(page, 'public-list');
    await page.getByRole('link', { name: `Recommendation 1 of ${ITEM}` }).click();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('RESPONSE RECEIVED');
    expect(main).toContain(RESPONSE);
    expect(main).toContain('Date of response: 20 January 2012');
    await accessible(page, 'public-recommendation');

    // The Cabinet report of the meeting, downloaded from the recommendation page and read back.
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Word (DOCX)' }).click()]);
    const docxPath = path.join(OUTPUT, 'scrutiny-cabinet-report.docx');
    await docx.saveAs(docxPath);
    const { value: reportText } = await mammoth.extractRawText({ path: docxPath });
    expect(reportText).toContain(ITEM);
    const at = reportText.indexOf(`1. ${RECOMMENDATION}`);
    expect(at).toBeGreaterThan(0);
    expect(reportText.indexOf(RESPONSE, at)).toBeGreaterThan(at);
    expect(reportText).toContain('Date of response: 20 January 2012');

    // The tracking sheet, downloaded as XLSX from its page and read back.
    await page.goto(`${origin}${linkTo('scrutiny.trackingSheet')}`);
    await accessible(page, 'public-tracking-sheet');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel (XLSX)' }).click()]);
    const xlsxPath = path.join(OUTPUT, 'scrutiny-tracking-sheet.xlsx');
    await xlsx.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.getWorksheet('Tracking sheet')!;
    const rows: unknown[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const ours = rows.find((cells) => cells[0] === ITEM);
    expect(ours).toBeDefined();
    expect(ours![2]).toBe(1);
    expect(ours![3]).toBe('RESPONSE RECEIVED');
    expect(ours![4]).toBe('Response received 20 January 2012');
    await visitor.close();
  });
});
