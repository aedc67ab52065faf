/**
 * A democratic services officer runs a meeting in a real browser: sign in, schedule a meeting, build its agenda with
 * one exempt item, publish it, record attendance and a recorded vote, publish the draft minutes, approve them at the
 * next meeting, and find that an edit afterwards is refused with a clear message and their text kept.
 * The back-office pages are checked with axe-core against WCAG 2.2 AA on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Page } from 'playwright-core';
import { bodyCreator } from '../../src/services/committee/bodies.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { insertPerson } from '../support/factories.ts';
import { makeAccount, makeApp, PASSWORD } from './support.ts';

if (chromiumMissing) console.warn(`SKIPPING the officer journey browser test: ${chromiumMissing}`);

const SCREENSHOT = '/tmp/quorum-admin-meeting.png';

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('an officer runs a meeting in the back office', () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;
  let officerEmail: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    officerEmail = (await makeAccount(database, 'democratic-services', 'officer@kent.example')).email;
    await bodyCreator({ database, actor: 'cli', authorityName: 'Kent County Council', name: 'Governance and Audit Committee', kind: 'committee' });
    const authority = await database.db.selectFrom('authority').select('id').executeTakeFirstOrThrow();
    for (const [given_name, family_name] of [
      ['Alan', 'Hayton'],
      ['Beth', 'Carter'],
      ['Colin', 'Gibbens'],
    ] as const) {
      await insertPerson(database.db, authority.id, { honorific: given_name === 'Beth' ? 'Mrs' : 'Mr', given_name, family_name });
    }
    portal = await servePortal(await makeApp(database));
    origin = portal.origin;
  });

  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  /** Presses a form's button and waits for the page the server answers with (after its redirect). */
  async function submit(page: Page, button: string): Promise<void> {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: button }).click()]);
  }

  async function schedule(page: Page, date: string): Promise<string> {
    await page.goto(`${origin}/admin/meetings/new`);
    await page.getByLabel('Body').selectOption({ label: 'Governance and Audit Committee' });
    await page.getByLabel('Date').fill(date);
    await page.getByLabel('Start time (optional)').fill('10:00');
    await page.getByLabel('Place (optional)').fill('Darent Room, Sessions House');
    await submit(page, 'Schedule meeting');
    expect(page.url()).toMatch(/\/admin\/meetings\/meeting-/);
    return new URL(page.url()).pathname;
  }

  it('from sign-in to approved minutes that can no longer be edited', async () => {
    const context = await portal.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // The refused edit at the end answers 409 on purpose; the browser logs every 4xx document.
      if (message.type() === 'error' && !message.text().includes('status of 409')) problems.push(`console: ${message.text()}`);
    });

    // Sign in.
    await page.goto(`${origin}/admin`);
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Email address').fill(officerEmail);
    await page.getByLabel('Password').fill(PASSWORD);
    await submit(page, 'Sign in');
    expect(page.url()).toBe(`${origin}/admin`);
    await expect(page.getByText('Signed in as Test democratic-services').isVisible()).resolves.toBe(true);

    // Schedule the meeting, and the next one, at which the minutes will be approved.
    const meetingDate = daysFromNow(30);
    const nextPath = await schedule(page, daysFromNow(60));
    const meetingPath = await schedule(page, meetingDate);

    // Build the agenda: one public item and one exempt item with its report.
    await page.locator('#agenda-title').fill('Apologies and substitutes');
    await submit(page, 'Add agenda item');
    expect(new URL(page.url()).pathname).toBe(meetingPath);
    await page.getByText('Add an agenda item').click();
    await page.locator('#agenda-title').fill('Waste contract award');
    await page.locator('#agenda-reportText').fill('The tenders received and their evaluation.');
    await page.locator('#agenda-exempt').check();
    await page.getByLabel('3: financial or business affairs').check();
    await submit(page, 'Add agenda item');
    expect(new URL(page.url()).pathname).toBe(meetingPath);
    const agenda = await page.locator('table').first().innerText();
    expect(agenda).toMatch(/1\s+Apologies and substitutes\s+Public/);
    expect(agenda).toMatch(/2\s+Waste contract award\s+Exempt Schedule 12A paragraph 3/);

    // Publish it: a month ahead is full notice, so no warning.
    await submit(page, 'Publish the agenda');
    expect(new URL(page.url()).pathname).toBe(meetingPath);
    await expect(page.getByText(/Published \d/).isVisible()).resolves.toBe(true);

    // Attendance: two present, one apologies.
    for (const [name, status] of [
      ['Mr Alan Hayton', 'Present'],
      ['Mr Colin Gibbens', 'Present'],
      ['Mrs Beth Carter', 'Apologies'],
    ] as const) {
      await page.locator('#attendance-personId').selectOption({ label: name });
      await page.getByRole('radio', { name: status, exact: true }).check();
      await submit(page, 'Record attendance');
      expect(new URL(page.url()).pathname).toBe(meetingPath);
    }
    await expect(page.getByText('Mrs Beth Carter: Apologies').isVisible()).resolves.toBe(true);

    // The minute of the exempt item, with its resolution.
    await page.getByText('Write a minute').click();
    await page.locator('#minute-title').fill('Waste contract award');
    await page.locator('#minute-agendaItemNumber').fill('2');
    await page.locator('#minute-text').fill('The Committee considered the tenders.');
    await page.locator('#minute-resolutions').fill('RESOLVED that the contract be awarded to the preferred bidder.');
    await submit(page, 'Add minute');
    expect(new URL(page.url()).pathname).toBe(meetingPath);

    // A recorded vote on it, member by member.
    await page.getByRole('link', { name: '1. Waste contract award' }).click();
    await page.locator('#vote-motionText').fill('That the contract be awarded to the preferred bidder');
    await page.locator('#vote-moverId').selectOption({ label: 'Mr Alan Hayton' });
    await page.locator('#vote-seconderId').selectOption({ label: 'Mr Colin Gibbens' });
    await page.getByLabel('Mr Alan Hayton', { exact: true }).selectOption('for');
    await page.getByLabel('Mr Colin Gibbens', { exact: true }).selectOption('against');
    expect(await axeViolations(page)).toEqual([]);
    await submit(page, 'Record vote');
    await expect(page.getByText('1 for, 1 against, 0 abstaining, lost').isVisible()).resolves.toBe(true);
    const minutePath = new URL(page.url()).pathname;

    // Time passes: both meetings have now taken place (minutes are approved only at a meeting that has begun).
    await database.db
      .updateTable('meeting')
      .set({ date: daysFromNow(-60) })
      .where('id', '=', meetingPath.split('/').at(-1)!)
      .execute();
    await database.db
      .updateTable('meeting')
      .set({ date: daysFromNow(-30) })
      .where('id', '=', nextPath.split('/').at(-1)!)
      .execute();

    // Publish the draft minutes, then approve them at the next meeting, after a confirmation naming both.
    await page.goto(`${origin}${meetingPath}`);
    await submit(page, 'Publish the draft minutes');
    expect(new URL(page.url()).pathname).toBe(meetingPath);
    await expect(page.getByText(/Draft published \d/).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Approved at the meeting of').selectOption({ index: 1 });
    await submit(page, 'Approve the minutes');
    await expect(page.getByRole('heading', { name: 'Approve these minutes as a correct record?' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await submit(page, 'Approve the minutes of');
    expect(new URL(page.url()).pathname).toBe(meetingPath);
    await expect(page.getByText(/Approved as a correct record at the meeting of/).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // The next meeting's minutes record the approval.
    await page.goto(`${origin}${nextPath}`);
    await expect(page.getByText(/1\. Minutes of the meeting held on/).isVisible()).resolves.toBe(true);

    // An edit afterwards is refused, with a clear message and the officer's text kept on the form.
    await page.goto(`${origin}${minutePath}`);
    await page.locator('#text').fill('The Committee considered the tenders and a late bid.');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Save changes' }).click(),
    ]);
    expect(response.status()).toBe(409);
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toMatch(
      /approved as a correct record at the meeting of .*can no longer be changed/,
    );
    await expect(page.locator('#text').inputValue()).resolves.toBe('The Committee considered the tenders and a late bid.');
    const stored = await database.db.selectFrom('minute').select('text').where('title', '=', 'Waste contract award').executeTakeFirstOrThrow();
    expect(stored.text).toBe('The Committee considered the tenders.');

    expect(problems).toEqual([]);
    await context.close();
  }, 240_000); // a whole journey of page loads on a shared two-core machine
});
