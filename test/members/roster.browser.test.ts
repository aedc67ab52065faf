/**
 * Democratic services load the councillors in a real browser: upload a roster with a mistake, read the problem by
 * line, upload the corrected file, check the changes, save; record a meeting's attendance on the grid; then a resident
 * finds the councillor by ward, with their ward, group and attendance. axe-core (WCAG 2.2 AA) on every page, at 1280
 * and 320 px wide, and no page scrolls sideways at 320 px.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { insertBody, insertMeeting } from '../support/factories.ts';
import { makeAccount, makeApp } from '../admin/support.ts';

if (chromiumMissing) console.warn(`SKIPPING the members roster browser test: ${chromiumMissing}`);

const HEADER = 'family_name,given_name,honorific,group,ward,term_start,email,committees';

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('members roster, attendance grid and councillor pages in a browser', () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;
  let officerEmail: string;
  let meetingId: string;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-roster-'));

  beforeAll(async () => {
    database = await createTestDatabase();
    officerEmail = (await makeAccount(database, 'democratic-services', 'officer@kent.example')).email;
    const authority = await database.db
      .insertInto('authority')
      .values({ id: 'authority-kent', name: 'Kent County Council' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const body = await insertBody(database.db, authority.id, { name: 'Planning Committee', slug: 'planning-committee', kind: 'committee' });
    meetingId = (await insertMeeting(database.db, body.id, { date: '2024-06-10', status: 'held' })).id as string;
    portal = await servePortal(await makeApp(database));
    origin = portal.origin;
  });
  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function submit(page: Page, button: string): Promise<void> {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: button }).click()]);
  }

  async function checkPage(page: Page, what: string): Promise<void> {
    expect(await axeViolations(page), `axe on ${what}`).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${what} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
    expect(await axeViolations(page), `axe on ${what} at 320 px`).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  it('from a roster with a mistake to a councillor found by ward', async () => {
    const context = await portal.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await portal.signIn(page, officerEmail, { from: '/admin' });
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Members, groups and committees in bulk' }).click()]);
    await checkPage(page, 'the upload page');

    // A file with an impossible date: the problem is named by line and column, and nothing is saved.
    const bad = path.join(folder, 'members.csv');
    fs.writeFileSync(
      bad,
      `${HEADER}\nWhittle,Jenny,Mrs,Labour,Canterbury North,2021-02-30,jenny@kent.example,Planning Committee (chair)\nCarter,Paul,Mr,Conservative,Tonbridge,2021-05-06,,Planning Committee\n`,
    );
    await page.getByLabel('Roster file').setInputFiles(bad);
    await page.getByLabel('Groups and committee roles take effect from').fill('2024-05-01');
    await submit(page, 'Check the file');
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Line 2, term_start: The start of the term must be a real date written like 2026-05-07',
    );
    await checkPage(page, 'the upload page with problems');

    // The corrected file: the changes are shown, then saved.
    const good = path.join(folder, 'members-fixed.csv');
    fs.writeFileSync(
      good,
      `${HEADER}\nWhittle,Jenny,Mrs,Labour,Canterbury North,2021-05-06,jenny@kent.example,Planning Committee (chair)\nCarter,Paul,Mr,Conservative,Tonbridge,2021-05-06,,Planning Committee\n`,
    );
    await page.getByLabel('Roster file').setInputFiles(good);
    await page.getByLabel('Groups and committee roles take effect from').fill('2024-05-01');
    await submit(page, 'Check the file');
    await expect(page.getByRole('heading', { name: 'Check the changes before saving' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('table').innerText()).resolves.toContain('Planning Committee: chair from 1 May 2024');
    await checkPage(page, 'the preview');
    await submit(page, 'Save all changes');
    await expect(page.getByText('2 of 2 members changed').isVisible()).resolves.toBe(true);
    await checkPage(page, 'the saved page');

    // The attendance grid: Mrs Whittle sends apologies.
    await page.goto(`${origin}/admin/meetings/${meetingId}/attendance-grid`);
    await checkPage(page, 'the attendance grid');
    await page.getByRole('group', { name: 'Mrs Jenny Whittle, Chair' }).getByLabel('Apologies').check();
    await submit(page, 'Save attendance');
    expect(new URL(page.url()).pathname).toBe(`/admin/meetings/${meetingId}`);
    await expect(page.getByText('Mrs Jenny Whittle: Apologies').isVisible()).resolves.toBe(true);

    // A resident finds their councillor by ward.
    const resident = await portal.newPage({ viewport: { width: 1280, height: 800 } });
    await resident.goto(`${origin}/councillors`);
    await checkPage(resident, 'the councillors list');
    await resident.getByLabel('Ward').selectOption({ label: 'Canterbury North' });
    await Promise.all([resident.waitForNavigation(), resident.getByRole('button', { name: 'Show councillors' }).click()]);
    await expect(resident.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Councillors for Canterbury North');
    await Promise.all([resident.waitForNavigation(), resident.getByRole('link', { name: 'Mrs Jenny Whittle' }).click()]);
    await expect(resident.locator('#profile').innerText()).resolves.toMatch(/Political group\s+Labour[\s\S]*Ward\s+Canterbury North/);
    await expect(resident.locator('#attendance ~ div table').innerText()).resolves.toMatch(/Planning Committee\s+1\s+0\s+1\s+0\s+0%/);
    await checkPage(resident, 'the councillor page');
    await resident.goto(`${origin}/committees/planning-committee`);
    await checkPage(resident, 'the committee page');
    expect(errors).toEqual([]);
  });
});
