/**
 * A councillor's photo in a real browser, 320 px wide (issue 19 items 1 and 6): democratic services upload it with
 * its alt text in the back office; a resident goes from the home page to the councillor and sees the photo (loaded,
 * with its alt text and reserved size) beside their ward, committees and attendance. axe-core on every page, and no
 * page scrolls sideways.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SessionUser } from '../../src/domain/roles.ts';
import { readRosterFile } from '../../src/services/members/roster-file.ts';
import { membersImporter } from '../../src/services/members/roster-importer.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { insertBody, insertMeeting } from '../support/factories.ts';
import { jpegWithGps } from '../support/photos.ts';
import { makeAccount, makeApp } from '../admin/support.ts';

if (chromiumMissing) console.warn(`SKIPPING the councillor photo browser test: ${chromiumMissing}`);

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))("a councillor's photo, from the back office to the portal, at 320 px", () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;
  let officerEmail: string;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-photo-'));

  beforeAll(async () => {
    database = await createTestDatabase();
    const account = await makeAccount(database, 'democratic-services', 'officer@kent.example');
    officerEmail = account.email;
    const actor: SessionUser = { id: account.id, email: account.email, name: 'Officer', roles: ['democratic-services'], personId: null };
    const authority = await database.db
      .insertInto('authority')
      .values({ id: 'authority-kent', name: 'Kent County Council' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const body = await insertBody(database.db, authority.id, { name: 'Planning Committee', slug: 'planning-committee', kind: 'committee' });
    const roster = await readRosterFile(
      'members.csv',
      Buffer.from('family_name,given_name,honorific,ward,committees\nWhittle,Jenny,Mrs,Canterbury North,Planning Committee (chair)\n'),
    );
    if ('problems' in roster) throw new Error(JSON.stringify(roster.problems));
    const saved = await membersImporter({ database, actor, authorityName: 'Kent County Council', lines: roster.lines, from: '2024-05-01', commit: true });
    expect(saved.committed).toBe(true);
    const person = await database.db.selectFrom('person').select('id').where('family_name', '=', 'Whittle').executeTakeFirstOrThrow();
    const meeting = await insertMeeting(database.db, body.id, { date: '2024-06-10', status: 'held' });
    await database.db
      .insertInto('attendance')
      .values({
        id: 'attendance-photo1',
        meeting_id: meeting.id as string,
        person_id: person.id,
        status: 'present',
        role: null,
        printed_name: 'Mrs J Whittle',
        substitute_for_person_id: null,
        source_document_id: null,
        source_line_from: null,
        source_line_to: null,
      })
      .execute();
    fs.writeFileSync(path.join(folder, 'whittle.jpg'), await jpegWithGps());
    portal = await servePortal(await makeApp(database));
    origin = portal.origin;
  });
  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  async function check(page: Page, what: string): Promise<void> {
    const overflow = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
    expect(overflow, `${what} scrolls sideways at 320 px`).toBeLessThanOrEqual(320);
    expect(await axeViolations(page), `axe on ${what}`).toEqual([]);
  }

  const follow = (page: Page, name: string | RegExp) =>
    Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('link', { name }).first().click()]);

  it('uploaded with its alt text, then found from the home page with ward, committees and attendance', async () => {
    const officer = await portal.newPage({ viewport: { width: 320, height: 800 } });
    const errors: string[] = [];
    officer.on('pageerror', (error) => errors.push(error.message));
    await portal.signIn(officer, officerEmail, { from: '/admin/members' });
    await officer.goto(`${origin}/admin/members`);
    await follow(officer, /Mrs Jenny Whittle/);
    await check(officer, 'the photo form');
    await expect(officer.getByLabel('Alt text').inputValue()).resolves.toBe('Photo of Mrs Jenny Whittle');
    await officer.getByLabel('Photo').setInputFiles(path.join(folder, 'whittle.jpg'));
    await Promise.all([officer.waitForNavigation(), officer.getByRole('button', { name: 'Save photo' }).click()]);
    await expect(officer.getByText('Photo saved').isVisible()).resolves.toBe(true);
    await check(officer, 'the photo form with a photo');

    const resident = await portal.newPage({ viewport: { width: 320, height: 800 } });
    resident.on('pageerror', (error) => errors.push(error.message));
    await resident.goto(`${origin}/`);
    await check(resident, 'the home page');
    await follow(resident, 'Councillors');
    await check(resident, 'the councillors list');
    await expect(
      resident.getByRole('img', { name: 'Photo of Mrs Jenny Whittle' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
    ).resolves.toBe(true);
    await follow(resident, 'Mrs Jenny Whittle');
    const photo = resident.getByRole('img', { name: 'Photo of Mrs Jenny Whittle' });
    const shown = await photo.evaluate((img: HTMLImageElement) => ({
      loaded: img.complete && img.naturalWidth > 0,
      width: img.getAttribute('width'),
      height: img.getAttribute('height'),
      ratio: img.naturalHeight / img.naturalWidth,
    }));
    expect(shown).toEqual({ loaded: true, width: '240', height: '320', ratio: 4 / 3 });
    await expect(resident.locator('#profile').innerText()).resolves.toMatch(/Ward\s+Canterbury North/);
    await expect(resident.locator('#roles ~ ul').first().innerText()).resolves.toContain('Planning Committee: Chair');
    await expect(resident.locator('#attendance ~ div table').innerText()).resolves.toMatch(/Planning Committee\s+1\s+1\s+0\s+0\s+100%/);
    await check(resident, 'the councillor page');
    expect(errors).toEqual([]);
  });
});
