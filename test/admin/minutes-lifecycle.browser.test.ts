/**
 * The minutes lifecycle and meeting changes in Chromium, as a democratic services officer: approve draft minutes
 * through the confirmation page naming both meetings, undo the approval with a reason, delete a meeting created in
 * error through its confirmation page, and withdraw a published meeting, whose public page then shows the notice.
 * Every new page is checked with axe-core against WCAG 2.2 AA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bodyCreator } from '../../src/services/committee/bodies.ts';
import { agendaItemAdder, agendaPublisher, meetingScheduler } from '../../src/services/committee/meetings.ts';
import { minuteWriter } from '../../src/services/committee/proceedings.ts';
import { minutesPublisher } from '../../src/services/committee/minutes-workflow.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { makeAccount, makeApp } from './support.ts';

if (chromiumMissing) console.warn(`SKIPPING the minutes lifecycle browser test: ${chromiumMissing}`);

const AUTHORITY = 'Kent County Council';

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('an officer approves, undoes, deletes and withdraws in the browser', () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;
  let officerEmail: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    officerEmail = (await makeAccount(database, 'democratic-services', 'officer@kent.example')).email;
    const bodyId = (await bodyCreator({ database, actor: 'cli', authorityName: AUTHORITY, name: 'Planning Applications Committee', kind: 'committee' })).id;
    ids.first = (await meetingScheduler({ database, actor: 'cli', bodyId, date: '2011-07-12', startTime: '10:00', kind: 'ordinary' })).id;
    ids.next = (await meetingScheduler({ database, actor: 'cli', bodyId, date: '2011-09-13', startTime: '10:00', kind: 'ordinary' })).id;
    await minuteWriter({
      database,
      actor: 'cli',
      meetingId: ids.first,
      title: 'Application SE/11/123',
      text: 'The Committee considered the application.',
      resolutions: ['RESOLVED that permission be granted.'],
      exempt: false,
    });
    await minutesPublisher({ database, actor: 'cli', meetingId: ids.first });
    ids.mistake = (await meetingScheduler({ database, actor: 'cli', bodyId, date: '2011-10-11', kind: 'ordinary' })).id;
    ids.published = (await meetingScheduler({ database, actor: 'cli', bodyId, date: '2011-11-08', kind: 'ordinary' })).id;
    await agendaItemAdder({
      database,
      actor: 'cli',
      authorityName: AUTHORITY,
      meetingId: ids.published,
      title: 'Site visit arrangements',
      exempt: false,
      exemptParagraphs: [],
    });
    await agendaPublisher({ database, actor: 'cli', meetingId: ids.published, today: '2011-10-01', jurisdiction: 'england-and-wales' });
    portal = await servePortal(await makeApp(database));
    origin = portal.origin;
  });

  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  async function submit(page: Page, button: string): Promise<void> {
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: button }).click()]);
  }

  it('approves with a confirmation, undoes with a reason, deletes and withdraws', async () => {
    const page = await portal.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await portal.signIn(page, officerEmail);

    // The public page labels the draft minutes.
    await page.goto(`${origin}/meetings/2011-07-12-planning-applications-committee`);
    await expect(page.locator('#minutes-heading').innerText()).resolves.toMatch(/Minutes\s+Draft/);
    expect(await axeViolations(page)).toEqual([]);

    // Approve: the confirmation page names both meetings.
    await page.goto(`${origin}/admin/meetings/${ids.first}`);
    await page.getByLabel('Approved at the meeting of').selectOption({ label: 'Tuesday, 13 September 2011' });
    await submit(page, 'Approve the minutes');
    await expect(page.getByRole('heading', { name: 'Approve these minutes as a correct record?' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.govuk-summary-list').innerText()).resolves.toMatch(
      /Minutes of the meeting of\s+Tuesday, 12 July 2011\s+Approved at the meeting of\s+Tuesday, 13 September 2011/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await submit(page, 'Approve the minutes of Tuesday, 12 July 2011');
    await expect(page.getByText(/Approved as a correct record at the meeting of Tuesday, 13 September 2011/).isVisible()).resolves.toBe(true);

    // Undo it, with a reason.
    await page.getByText('Undo a mistaken approval').click();
    await page.getByLabel('Why the approval is undone').fill('Approved before the meeting had considered them');
    expect(await axeViolations(page)).toEqual([]);
    await submit(page, 'Undo the approval');
    await expect(page.getByText('An earlier approval was undone: Approved before the meeting had considered them').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Approve the minutes' }).isVisible()).resolves.toBe(true);

    // Delete the meeting created in error, through its confirmation page.
    await page.goto(`${origin}/admin/meetings/${ids.mistake}`);
    await page.getByRole('link', { name: /Delete this meeting/ }).click();
    await page.waitForLoadState('load');
    await expect(page.getByRole('heading', { name: 'Delete the meeting of Tuesday, 11 October 2011?' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await submit(page, 'Delete the meeting');
    expect(new URL(page.url()).pathname).toBe('/admin');
    await expect(page.getByText('Planning Applications Committee, Tuesday, 11 October 2011').count()).resolves.toBe(0);

    // Withdraw the published one; its public page shows why.
    await page.goto(`${origin}/admin/meetings/${ids.published}`);
    await page.getByText('Withdraw the meeting (created in error)').click();
    await page.getByLabel('Why it is withdrawn').fill('Arranged in error: the committee meets on 15 November instead.');
    await submit(page, 'Withdraw the meeting');
    await expect(page.getByText('This meeting was withdrawn: Arranged in error').isVisible()).resolves.toBe(true);
    await page.goto(`${origin}/meetings/2011-11-08-planning-applications-committee`);
    await expect(page.getByText('This meeting has been withdrawn.').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Arranged in error: the committee meets on 15 November instead.').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Site visit arrangements').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    expect(problems).toEqual([]);
    await page.context().close();
  }, 240_000);
});
