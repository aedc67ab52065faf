/**
 * In Chromium, signed in as each role: a councillor updates their register of interests; democratic services publish
 * a forward plan entry and record its decision, publish the councillor's register and appoint to an outside body;
 * the monitoring officer reviews flags; the public reads every register. axe-core finds no WCAG 2.2 AA problem on
 * any page the journeys visit, forms with errors included.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountCreator } from '../../src/services/accounts/account-creator.ts';
import { linkTo } from '../../src/http/routes.ts';
import { makeAccount, makeApp, PASSWORD } from '../admin/support.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedRegistersCouncil } from './support.ts';

if (chromiumMissing) console.warn(`SKIPPING the registers browser test: ${chromiumMissing}`);

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('the registers in a browser', { timeout: 300_000 }, () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;
  let council: Awaited<ReturnType<typeof seedRegistersCouncil>>;
  const checked: string[] = [];

  /** Every page a journey lands on is checked with axe. */
  async function accessible(page: Page): Promise<void> {
    const violations = await axeViolations(page);
    expect(violations, `${page.url()}: ${JSON.stringify(violations.map((v) => [v.id, v.nodes.map((n) => n.target)]))}`).toEqual([]);
    checked.push(new URL(page.url()).pathname);
  }

  async function signedIn(email: string): Promise<Page> {
    const page = await portal.newPage();
    page.setDefaultTimeout(20_000);
    await portal.signIn(page, email);
    return page;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    council = await seedRegistersCouncil(database.db);
    await accountCreator({
      database,
      actor: { job: 'test' },
      email: 'carys@shire.example',
      name: 'Carys Register',
      roles: ['councillor'],
      password: PASSWORD,
      personId: council.councillor.id as string,
    });
    await makeAccount(database, 'democratic-services', 'ds@shire.example');
    await makeAccount(database, 'monitoring-officer', 'mo@shire.example');
    await database.db
      .insertInto('declaration')
      .values({
        id: 'declaration-browser',
        meeting_id: council.cabinetMeeting.id as string,
        person_id: council.councillor.id as string,
        agenda_item_id: null,
        minute_id: null,
        agenda_item_number: '3',
        kind: 'other',
        reason: 'Trustee of the Shire Trust',
        source_document_id: null,
        source_line_from: null,
        source_line_to: null,
      })
      .execute();
    portal = await servePortal(await makeApp(database));
    origin = portal.origin;
  });
  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  it('a councillor updates their register and registers hospitality', async () => {
    const page = await signedIn('carys@shire.example');
    await page.goto(`${origin}${linkTo('interests.mine')}`);
    await accessible(page);
    await page.getByRole('link', { name: 'Add an interest' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Choose the kind of interest');
    await accessible(page);
    await page.getByLabel('Employment, office, trade, profession or vocation').check();
    await page.getByLabel('Describe the interest').fill('Solicitor, Register & Co');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Add an interest' }).click();
    await page.getByLabel('Securities').check();
    await page.getByLabel('Describe the interest').fill('Shares in Hidden Refuge Holdings Ltd');
    await page.getByLabel('Yes, withhold the details').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('(sensitive: withheld from the public register)');
    await page.getByRole('link', { name: 'Register a gift or hospitality' }).click();
    await accessible(page);
    await page.getByLabel('Hospitality').check();
    await page.getByLabel('What was it?').fill('Dinner at the county show');
    await page.getByLabel('Who gave or offered it?').fill('Shire Agricultural Society');
    await page.getByLabel('Its value, or your best estimate').fill('85');
    await page.getByLabel('Date received').fill('2026-11-01');
    await page.getByRole('button', { name: 'Register it' }).click();
    await page.getByRole('button', { name: 'Send my register for publication' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('Sent to democratic services for publication');
    await accessible(page);
  });

  it('democratic services publish a forward plan entry, record its decision, and publish the register', async () => {
    const page = await signedIn('ds@shire.example');
    await page.goto(`${origin}${linkTo('forwardPlan.admin')}`);
    await accessible(page);
    await page.getByRole('link', { name: 'New entry' }).click();
    await page.getByLabel('Matter to be decided').fill('Highways maintenance contract');
    await page.getByLabel('Decision-making body').selectOption({ label: 'Cabinet' });
    await page.getByLabel('Date of decision').fill('2027-01-13');
    await page.getByLabel('Wards affected (optional)').fill('Northgate');
    await page.getByLabel('Note for officers (never published)').fill('Preferred bidder: Acme');
    await accessible(page);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Highways maintenance contract');
    await page.getByLabel('Publish on').fill('2026-12-20');
    await page.getByRole('button', { name: 'Publish the notice' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Only 23 clear days');
    await accessible(page);
    await page.getByLabel('Publish on').fill('2026-12-01');
    await page.getByRole('button', { name: 'Publish the notice' }).click();
    await expect(page.locator('.govuk-caption-l').innerText()).resolves.toContain('Published');
    await accessible(page);
    await page.getByLabel('Decision', { exact: true }).fill('To award the contract.');
    await page.getByLabel('Reasons for the decision').fill('Best value.');
    await page.getByLabel('Meeting at which it was taken').selectOption({ label: 'Cabinet, Wednesday 13 January 2027' });
    await page.getByLabel('Record published on').fill('2027-01-14');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('May be called in until the end of Thursday 21 January 2027');
    await accessible(page);

    await page.goto(`${origin}${linkTo('interests.admin')}`);
    await accessible(page);
    await page.getByRole('link', { name: 'Ms Carys Register' }).first().click();
    await expect(page.locator('main').innerText()).resolves.not.toContain('Hidden Refuge');
    await accessible(page);
    await page.getByRole('button', { name: 'Publish this register' }).click();
    await page.getByRole('link', { name: /Cabinet, Wednesday 13 January 2027/ }).click();
    await accessible(page);
    await page.getByLabel('Interest in the register').selectOption({ label: 'Not in the register: flag to the monitoring officer' });
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('Flagged');

    await page.goto(`${origin}${linkTo('outsideBodies.admin')}`);
    await accessible(page);
    await page.getByRole('link', { name: 'New outside body' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await accessible(page);
    await page.getByLabel('Name').fill('Shire Fire and Rescue Authority');
    await page.getByLabel('Places the council appoints to').fill('2');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByLabel('Who is appointed').selectOption({ label: 'Mrs Alice Chairwood' });
    await page.getByLabel('Term starts').fill('2026-05-21');
    await page.getByRole('button', { name: 'Appoint' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('Mrs Alice Chairwood');
    await accessible(page);
    await page.goto(`${origin}${linkTo('admin.account.new')}`);
    await page.getByLabel('Find the member or officer this account belongs to').fill('Portfolio');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.getByLabel('Mr Bernard Portfolio (member)').count()).resolves.toBe(1);
    await accessible(page);
  });

  it('the monitoring officer sees the flag and resolves it', async () => {
    const page = await signedIn('mo@shire.example');
    await page.goto(`${origin}${linkTo('interests.admin.flags')}`);
    await expect(page.locator('main').innerText()).resolves.toContain('Trustee of the Shire Trust');
    await accessible(page);
    await page.getByLabel('How was it resolved?').fill('The member has registered the trusteeship.');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('Resolved');
  });

  it('the public reads the forward plan, the registers and the outside bodies', async () => {
    const page = await portal.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${origin}${linkTo('forwardPlan.list')}`);
    await accessible(page);
    await page.getByRole('link', { name: 'Highways maintenance contract' }).click();
    const entry = await page.locator('main').innerText();
    expect(entry).toContain('To award the contract.');
    expect(entry).not.toContain('Acme');
    await accessible(page);
    await page.goto(`${origin}${linkTo('forwardPlan.urgencyReport')}?quarter=2027-Q1`);
    await accessible(page);
    await page.goto(`${origin}${linkTo('interests.register')}`);
    await accessible(page);
    await page.getByRole('link', { name: 'Ms Carys Register' }).click();
    const register = await page.locator('main').innerText();
    expect(register).toContain('Solicitor, Register & Co');
    expect(register).not.toContain('Hidden Refuge');
    expect(register).toContain('withheld under section 32(2) of the Localism Act 2011');
    expect(register).toContain('Dinner at the county show');
    await accessible(page);
    await page.goto(`${origin}${linkTo('outsideBodies.list')}`);
    await accessible(page);
    await page.getByRole('link', { name: 'Shire Fire and Rescue Authority' }).click();
    await expect(page.locator('main').innerText()).resolves.toContain('Mrs Alice Chairwood');
    await accessible(page);
    expect(checked.length).toBeGreaterThanOrEqual(24);
  });
});
