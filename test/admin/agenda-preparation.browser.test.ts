/**
 * Preparing an agenda in Chromium, signed in as each role it needs (issue 18 items 7 and 9): democratic services add
 * a committee's standing items, schedule a meeting (its agenda starts with them), add an item and request its report
 * from an officer; the officer signs in, finds it under "My report requests" and submits it; democratic services
 * clear it, see another request on the overdue list, publish the agenda, and the public sees the cleared report.
 * Every new page is checked with axe-core against WCAG 2.2 AA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { todayInLondon } from '../../src/domain/dates.ts';
import { bodyCreator } from '../../src/services/committee/bodies.ts';
import { agendaItemAdder, meetingScheduler } from '../../src/services/committee/meetings.ts';
import { reportRequester } from '../../src/services/committee/report-requests.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { makeAccount, makeApp } from './support.ts';

if (chromiumMissing) console.warn(`SKIPPING the agenda preparation browser test: ${chromiumMissing}`);

const AUTHORITY = 'Kent County Council';
const REPORT = 'The review recommends keeping all branch libraries open and extending opening hours on Saturdays.';

function plusDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('standing items and report requests in the browser', () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;
  let clerkEmail: string;
  let authorEmail: string;
  let bodyId: string;
  const today = todayInLondon();
  const meetingDate = plusDays(today, 42);

  beforeAll(async () => {
    database = await createTestDatabase();
    clerkEmail = (await makeAccount(database, 'democratic-services', 'clerk@kent.example')).email;
    const author = await makeAccount(database, 'officer', 'pat.writer@kent.example');
    authorEmail = author.email;
    await database.db.updateTable('account').set({ name: 'Pat Writer' }).where('id', '=', author.id).execute();
    bodyId = (await bodyCreator({ database, actor: 'cli', authorityName: AUTHORITY, name: 'Scrutiny Committee', kind: 'committee' })).id;
    // Another committee's report, asked for ten days ago with a deadline three days ago, and not yet written.
    const other = await bodyCreator({ database, actor: 'cli', authorityName: AUTHORITY, name: 'Regulation Committee', kind: 'committee' });
    const otherMeeting = await meetingScheduler({ database, actor: 'cli', bodyId: other.id, date: plusDays(today, 20), kind: 'ordinary' });
    const otherItem = await agendaItemAdder({
      database,
      actor: 'cli',
      authorityName: AUTHORITY,
      meetingId: otherMeeting.id,
      title: 'Taxi licensing fees',
      exempt: false,
      exemptParagraphs: [],
    });
    await reportRequester({
      database,
      actor: 'cli',
      agendaItemId: otherItem.id,
      officerAccountId: author.id,
      deadline: plusDays(today, -3),
      today: plusDays(today, -10),
    });
    portal = await servePortal(await makeApp(database));
    origin = portal.origin;
  });

  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  async function submit(page: Page, button: string | RegExp): Promise<void> {
    const target = page.getByRole('button', { name: button });
    if ((await target.count()) !== 1)
      throw new Error(`${await target.count()} buttons named ${button} on ${page.url()}: ${(await page.locator('main').innerText()).slice(0, 2000)}`);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
  }

  async function follow(page: Page, link: string | RegExp): Promise<void> {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('link', { name: link }).first().click()]);
  }

  async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const page = await portal.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await portal.signIn(page, email);
    return { context: page.context(), page, problems };
  }

  const agendaTitles = (page: Page) => page.locator('table:has(caption:text("Agenda items")) tbody tr td:nth-child(2)').allInnerTexts();

  it('runs from standing items to a cleared, published report, and lists the overdue one', async () => {
    const clerk = await signedIn(clerkEmail);
    const page = clerk.page;

    // Standing items: the usual three, one more, moved up.
    await page.goto(`${origin}/admin/bodies/${bodyId}`);
    await follow(page, 'Standing items');
    await expect(page.getByRole('heading', { name: 'Standing items', exact: true }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await submit(page, 'Add the usual standing items');
    await page.getByLabel('Title').fill('Urgent business');
    await submit(page, 'Add standing item');
    await page.screenshot({ path: '/tmp/quorum-standing-items.png', fullPage: true });
    await submit(page, /^Move up\s*Urgent business$/);
    await expect(page.locator('table tbody tr td:nth-child(2)').allInnerTexts()).resolves.toEqual([
      'Apologies for absence',
      'Declarations of interest',
      'Urgent business',
      'Minutes of the previous meeting',
    ]);
    // A blank title is a field error, linked from the summary.
    await submit(page, 'Add standing item');
    await expect(page.locator('.govuk-error-summary a[href="#title"]').innerText()).resolves.toBe('Enter the standing item');
    expect(await axeViolations(page)).toEqual([]);

    // A new meeting's agenda starts with them.
    await page.goto(`${origin}/admin/meetings/new`);
    await page.getByLabel('Body').selectOption({ label: 'Scrutiny Committee' });
    await page.getByLabel('Date').fill(meetingDate);
    await submit(page, 'Schedule meeting');
    await expect(agendaTitles(page)).resolves.toEqual([
      'Apologies for absence',
      'Declarations of interest',
      'Urgent business',
      'Minutes of the previous meeting',
    ]);
    await page.getByText('Add an agenda item').click();
    await page.locator('#agenda-title').fill('Library services review');
    await submit(page, 'Add agenda item');
    const meetingUrl = page.url();

    // Request its report from Pat Writer; the deadline is suggested.
    await follow(page, 'Request a report for item 5');
    await expect(page.getByRole('heading', { name: 'Request a report for agenda item 5' }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Deadline').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await axeViolations(page)).toEqual([]);
    // A deadline after the meeting is refused on the field.
    await page.getByLabel('Officer', { exact: true }).selectOption({ label: 'Pat Writer (pat.writer@kent.example)' });
    await page.getByLabel('Deadline').fill(plusDays(meetingDate, 1));
    await submit(page, 'Request the report');
    await expect(page.locator('#deadline-error').innerText()).resolves.toMatch(/The deadline must be on or before the day of the meeting/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Deadline').fill(plusDays(today, 14));
    await submit(page, 'Request the report');
    await expect(page.locator('.govuk-summary-list').innerText()).resolves.toMatch(/State\s+Requested\s+Officer\s+Pat Writer/);
    const requestUrl = page.url();
    expect(await axeViolations(page)).toEqual([]);

    // The officer signs in, finds the request and submits the report.
    const author = await signedIn(authorEmail);
    await follow(author.page, 'My report requests');
    await expect(author.page.getByRole('link', { name: 'Item 5: Library services review' }).isVisible()).resolves.toBe(true);
    await expect(author.page.getByText('3 days overdue').isVisible()).resolves.toBe(true);
    expect(await axeViolations(author.page)).toEqual([]);
    await follow(author.page, 'Item 5: Library services review');
    expect(await axeViolations(author.page)).toEqual([]);
    await author.page.getByLabel('Or write the report here').fill(REPORT);
    await submit(author.page, 'Submit the report');
    await expect(author.page.locator('.govuk-summary-list').innerText()).resolves.toMatch(/State\s+Submitted, awaiting clearance/);
    expect(author.problems).toEqual([]);
    await author.context.close();

    // Democratic services clear it; the other request is on the overdue list and the dashboard.
    await page.goto(requestUrl);
    await expect(page.getByText(REPORT).isVisible()).resolves.toBe(true);
    await submit(page, 'Clear the report for publication');
    await expect(page.locator('.govuk-summary-list').innerText()).resolves.toMatch(/State\s+Cleared for publication/);
    await page.goto(`${origin}/admin/report-requests`);
    const overdue = page.locator('table:has(caption:text("Past their deadline"))');
    await expect(overdue.innerText()).resolves.toMatch(/Item 1: Taxi licensing fees\s+Regulation Committee, .+\s+Pat Writer\s+.+\s+3 days overdue\s+Requested/);
    await expect(overdue.getByText('Library services review').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${origin}/admin`);
    await expect(page.getByRole('heading', { name: 'Overdue reports' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Not public before the agenda is; with it once published.
    const publicPage = await portal.browser.newPage();
    await publicPage.goto(`${origin}/search?q=branch+libraries`);
    await expect(publicPage.getByText('Library services review').count()).resolves.toBe(0);
    await page.goto(meetingUrl);
    await submit(page, 'Publish the agenda');
    await publicPage.goto(`${origin}/search?q=branch+libraries`);
    await expect(publicPage.getByText('Library services review').count()).resolves.toBeGreaterThan(0);
    await publicPage.close();
    expect(clerk.problems).toEqual([]);
    await clerk.context.close();
  }, 300_000);
});
