/**
 * Issue 7's browser test, in Debian's Chromium: a member signs in and claims a journey that takes their business
 * miles past 10,000 in the tax year (so it is split between 40p and 25p); a democratic services officer signs in and
 * approves it; the public annual statement then shows the member's right total. Every allowances page on the way is
 * checked with axe-core against WCAG 2.2 AA, and screenshots are kept in test-output/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserContext, type Page } from 'playwright-core';
import { addDays, allowanceYearOf, taxYearOf } from '../../src/domain/allowances/dates.ts';
import type { SessionUser } from '../../src/domain/roles.ts';
import { claimDecider } from '../../src/services/allowances/claim-decider.ts';
import { claimSubmitter } from '../../src/services/allowances/claim-submitter.ts';
import { postHolderAppointer } from '../../src/services/allowances/entitlement-recorder.ts';
import { todayInLondon } from '../../src/domain/dates.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { insertPerson } from '../support/factories.ts';
import { makeApp } from '../admin/support.ts';
import { importSeedScheme, makeAccount } from './support.ts';

if (chromiumMissing) console.warn(`SKIPPING the allowances browser test: ${chromiumMissing}`);

const OUTPUT = path.resolve('test-output');

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('a mileage claim across the 10,000-mile threshold, in a browser', () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;
  const today = todayInLondon();
  // Both journeys on one recent day in the current tax year, inside the four-month limit.
  const duty = taxYearOf(addDays(today, -3)).start === taxYearOf(today).start ? addDays(today, -3) : today;

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    database = await createTestDatabase();
    const { scheme } = await importSeedScheme(database);
    const person = await insertPerson(database.db, scheme.scheme.authority_id, { honorific: 'Mrs', given_name: 'Jenny', family_name: 'Whittle' });
    await postHolderAppointer({
      db: database.db,
      actor: { job: 'test' },
      personId: person.id as string,
      schemeId: scheme.scheme.id,
      kind: 'basic',
      start: '2009-06-08',
    });
    const member = await makeAccount(database, { email: 'whittle@kent.example', name: 'Jenny Whittle', roles: ['councillor'], personId: person.id as string });
    const officer = await makeAccount(database, { email: 'ds@kent.example', name: 'Dee Services', roles: ['democratic-services'] });
    // 9,950 miles already claimed and approved this tax year: the next journey crosses 10,000.
    const memberUser: SessionUser = { id: member.id, email: member.email, name: 'Jenny Whittle', roles: ['councillor'], personId: person.id as string };
    const earlier = await claimSubmitter({
      db: database.db,
      actor: memberUser,
      personId: person.id as string,
      claim: { kind: 'travel', dutyDate: duty, purposeCode: 'a', miles: '9950' },
      claimedOn: today,
    });
    await claimDecider({
      db: database.db,
      actor: { id: officer.id, email: officer.email, name: 'Dee Services', roles: ['democratic-services'], personId: null },
      claimId: earlier.id,
      decision: 'approve',
      decidedOn: today,
    });
    portal = await servePortal(await makeApp(database));
    origin = portal.origin;
  });
  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  async function signedInContext(url: string, email: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await portal.browser.newContext({ viewport: { width: 1100, height: 900 } });
    // A step that cannot happen fails in seconds with the locator it waited for, not at the test's time limit.
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      // Chromium logs every error status; the responses themselves are checked below.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
    page.on('response', (response) => {
      // The deliberate 400 of the empty claim form is the only error status expected.
      if (response.status() >= 400 && response.status() !== 400) problems.push(`${response.status()} ${response.url()}`);
    });
    // Signed in on the way to the page, which then opens.
    await portal.signIn(page, email, { from: url });
    await page.waitForURL(`${origin}${url}`);
    return { context, page, problems };
  }

  it('the member claims, the officer approves, and the statement shows the total', async () => {
    const [day, month, year] = [String(Number(duty.slice(8))), String(Number(duty.slice(5, 7))), duty.slice(0, 4)];

    // The member: sign in on the way to their own page, then make the claim.
    const member = await signedInContext(linkTo('allowances.mine'), 'whittle@kent.example');
    let page = member.page;
    await expect(page.locator('h1').innerText()).resolves.toBe(`My allowances ${allowanceYearOf(today).label}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Make a claim' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Mileage (own vehicle)').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Mileage (own vehicle)');

    // Sent empty first: the GOV.UK error summary, linked to the fields, passes axe too.
    await page.getByRole('button', { name: 'Send the claim for approval' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toMatch(
      /Enter the date of the duty\s+Choose the purpose of the journey\s+Enter the miles/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, 'allowances-claim-errors.png'), fullPage: true });

    await page.getByLabel('Day').fill(day);
    await page.getByLabel('Month').fill(month);
    await page.getByLabel('Year').fill(year);
    await page.locator('input[name="purposeCode"][value="b"]').check();
    await page.getByLabel('Miles').fill('120');
    await page.getByLabel('Description (optional)').fill('Select Committee at County Hall');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send the claim for approval' }).click();
    // 50 miles at 40p (£20.00) take the year to 10,000; the other 70 are at 25p (£17.50).
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('£37.50 payable');
    await expect(page.locator('table', { hasText: 'Waiting for approval' }).innerText()).resolves.toMatch(/120 miles[\s\S]*£37\.50[\s\S]*Waiting for approval/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, 'allowances-my-allowances.png'), fullPage: true });
    await page.locator('tr', { hasText: '120 miles' }).getByRole('link').click();
    await expect(page.locator('table').innerText()).resolves.toMatch(/50\s+40 pence a mile\s+£20\.00[\s\S]*70\s+25 pence a mile\s+£17\.50/);
    expect(await axeViolations(page)).toEqual([]);
    expect(member.problems).toEqual([]);
    await member.context.close();

    // The officer: sign in on the way to the back office and approve it.
    const officer = await signedInContext(linkTo('allowances.admin'), 'ds@kent.example');
    page = officer.page;
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /Mrs Jenny Whittle/ }).click();
    await expect(page.locator('.govuk-summary-list').innerText()).resolves.toMatch(/Payable\s+£37\.50/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Approve').check();
    await page.getByRole('button', { name: 'Save the decision' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('was approved');
    await expect(page.getByText('No claims are waiting for a decision.').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, 'allowances-approved.png'), fullPage: true });
    for (const link of ['Who holds which allowance', 'Allowances forgone']) {
      await page.goto(`${origin}${linkTo('allowances.admin')}`);
      await page.getByRole('link', { name: link }).click();
      expect(await axeViolations(page)).toEqual([]);
    }
    expect(officer.problems).toEqual([]);
    await officer.context.close();

    // The public statement for the year: £13,000 basic + £3,980.00 + £37.50 travel.
    const context = await portal.browser.newContext({ viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
    await page.goto(`${origin}${linkTo('allowances.statement')}`);
    await expect(page.locator('h1').innerText()).resolves.toBe(`Members’ allowances and expenses ${allowanceYearOf(duty).label}`);
    const row = page.locator('#statement-accrued tr', { hasText: 'Mrs Jenny Whittle' });
    await expect(row.locator('td').allInnerTexts()).resolves.toEqual(['£13,000.00', '£0.00', '£0.00', '£4,017.50', '£0.00', '£0.00', '', '£17,017.50']);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, 'allowances-statement.png'), fullPage: true });
    await context.close();
  }, 240_000);

  it('the same journey claimed twice is confirmed before it is sent', async () => {
    const [day, month, year] = [String(Number(duty.slice(8))), String(Number(duty.slice(5, 7))), duty.slice(0, 4)];
    const member = await signedInContext(linkTo('allowances.mine'), 'whittle@kent.example');
    const page = member.page;
    await page.getByRole('button', { name: 'Make a claim' }).click();
    await page.getByLabel('Mileage (own vehicle)').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const fill = async () => {
      await page.getByLabel('Day').fill(day);
      await page.getByLabel('Month').fill(month);
      await page.getByLabel('Year').fill(year);
      await page.locator('input[name="purposeCode"][value="b"]').check();
      await page.getByLabel('Miles').fill('120');
    };
    await fill();
    await page.getByRole('button', { name: 'Send the claim for approval' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toMatch(/was already made on/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Yes, this is a separate claim').check();
    await page.getByRole('button', { name: 'Send the claim for approval' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('payable');
    expect(member.problems).toEqual([]);
    await member.context.close();
  }, 120_000);
});
