/**
 * In Chromium: a visitor opens the balance table, asks what changes if one member changes group, and sees the
 * table recalculated with the seats that move marked; axe-core finds no WCAG 2.2 AA problem on either page.
 */
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTo } from '../../src/http/routes.ts';
import { makeApp } from '../admin/support.ts';
import { axeViolations, chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedBalanceCouncil } from './support.ts';

if (chromiumMissing) console.warn(`SKIPPING the political balance browser test: ${chromiumMissing}`);
const OUTPUT = path.resolve('test-output');

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('what changes if a member changes group, in a browser', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedBalanceCouncil(database.db);
    portal = await servePortal(await makeApp(database));
    origin = portal.origin;
    fs.mkdirSync(OUTPUT, { recursive: true });
  });
  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  it('changes one member’s group and sees the table and the seats that move update', async () => {
    const page = await portal.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${origin}${linkTo('balance.table')}?date=2011-04-06`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Political balance on committees');
    const header = page.locator('#balance-table thead');
    await expect(header.innerText()).resolves.toContain('Blue Group (9)');
    await expect(header.innerText()).resolves.toContain('Amber Group (4)');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'What changes if a member changes group, or a seat changes hands' }).click();
    await page.getByLabel('Member').selectOption({ label: 'Cllr Amber1 Member10 (Amber Group)' });
    await page.getByLabel('Moves to').selectOption({ label: 'Blue Group' });
    await page.getByRole('button', { name: 'Show the seats that move' }).first().click();

    await expect(page.locator('#seats-that-move').innerText()).resolves.toBe('The seats that move if Cllr Amber1 Member10 moves to Blue Group');
    const moves = await page.locator('#moves li').allInnerTexts();
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.some((move) => /Amber Group loses 1/.test(move))).toBe(true);
    const after = page.locator('#balance-table thead');
    await expect(after.innerText()).resolves.toContain('Blue Group (10)');
    await expect(after.innerText()).resolves.toContain('Amber Group (3)');
    // Every seat that moved is marked in the table.
    expect(await page.locator('#balance-table td.quorum-moved').count()).toBe(moves.length);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, 'political-balance-what-if.png'), fullPage: true });
  });

  it('allocates seats in the calculator from typed figures, with no WCAG 2.2 AA problem, errors included', async () => {
    const page = await portal.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${origin}${linkTo('balance.calculator')}`);
    await page.getByLabel('Political groups').fill('Conservative, 23\nLabour');
    await page.getByLabel('Bodies').fill('Planning Committee, 7');
    await page.getByRole('button', { name: 'Allocate the seats' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Political groups, line 2');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Political groups').fill('Conservative, 23\nLabour, 10\nGreen, 4');
    await page.getByRole('button', { name: 'Allocate the seats' }).click();
    await expect(page.locator('#calculator-table').innerText()).resolves.toContain('Planning Committee');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, 'political-balance-calculator.png'), fullPage: true });
  });
});
