/**
 * The interactive API documentation at /api/docs, in a real browser: it loads the generated OpenAPI document and
 * renders every documented operation, under the page's Content Security Policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { chromiumMissing, servePortal, type Portal } from '../support/browser.ts';
import { apiTestConfig } from './support/app.ts';

if (chromiumMissing) console.warn(`SKIPPING the API documentation browser test: ${chromiumMissing}`);

describe.skipIf(Boolean(databaseUnavailable || chromiumMissing))('interactive API documentation in a real browser', () => {
  let database: TestDatabase;
  let portal: Portal;
  let origin: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    portal = await servePortal(await createApp({ config: apiTestConfig, database, logger: false }));
    origin = portal.origin;
  }, 60_000);

  afterAll(async () => {
    await portal?.close();
    await database?.destroy();
  });

  it('renders every documented operation without script errors', async () => {
    const document = (await portal.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { summary: string }>>;
    };
    const summaries = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((operation) => operation.summary));
    const page = await portal.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    const response = await page.goto(`${origin}/api/docs`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.waitForSelector('.opblock-summary', { timeout: 20_000 });
    const rendered = await page.$$eval('.opblock-summary-description', (nodes) => nodes.map((node) => node.textContent?.trim() ?? ''));
    expect(rendered.sort()).toEqual([...summaries].sort());
    expect(await page.textContent('.title')).toContain('Quorum open data API');
    expect(errors).toEqual([]);
  }, 60_000);
});
