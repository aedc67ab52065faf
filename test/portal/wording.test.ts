/**
 * Wording across the public portal (issue 19 item 5): every public page reached by following links from the home
 * page, on the seed papers, reads dates in GOV.UK style ("1 April 2026", never "2026-04-01"), money in pounds, and
 * repeats no label. Attributes (links, `datetime`, form values) may hold ISO dates; the text people read may not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedsDir } from '../support/seeds.ts';
import { portalConfig } from './config.ts';

/** Pages not meant for reading as prose: machine formats and the API's own documentation. */
const SKIP = /^\/(api|oparl|open-data|feeds|static|assets|uploads|admin|sign-in|sign-out)(\/|$)|\.(ics|csv|json|xml|rss|atom|pdf|docx|xlsx|zip)(\?|$)/;
const MAX_PAGES = 400;

describe.skipIf(databaseUnavailable)('portal wording on the seed papers', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const pages = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'test' });
    expect(summary.failed).toBe(0);
    app = await createApp({ config: portalConfig, database, logger: false });
    // Breadth first from the home page, following every internal link once (query strings kept: filters are pages too,
    // but only the first of each path is followed, so a filter form's many combinations do not swamp the crawl).
    const queue = ['/', '/allowances', '/political-balance', '/plans'];
    const seenPaths = new Set<string>();
    // Pages of one template differ only in their records: a few of each shape (first segment and depth) suffice.
    const perShape = new Map<string, number>();
    const shapeOf = (path: string) => {
      const parts = path.split('/');
      return `${parts[1]}#${parts.length}`;
    };
    while (queue.length > 0 && pages.size < MAX_PAGES) {
      const url = queue.shift()!;
      const path = url.split('?')[0]!;
      if (seenPaths.has(path) || (perShape.get(shapeOf(path)) ?? 0) >= 4) continue;
      seenPaths.add(path);
      perShape.set(shapeOf(path), (perShape.get(shapeOf(path)) ?? 0) + 1);
      const response = await app.inject({ method: 'GET', url });
      if (response.statusCode !== 200 || !String(response.headers['content-type']).startsWith('text/html')) continue;
      const root = parse(response.body);
      root.querySelectorAll('script, style, input, textarea, select').forEach((node) => node.remove());
      pages.set(url, (root.querySelector('main') ?? root).text.replace(/\s+/g, ' '));
      for (const a of root.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!.split('#')[0]!;
        if (href.startsWith('/') && !href.startsWith('//') && !SKIP.test(href)) queue.push(href);
      }
    }
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('crawls the public portal, allowances, political balance and plans', () => {
    const paths = [...pages.keys()];
    expect(paths.length).toBeGreaterThan(25);
    for (const prefix of ['/allowances', '/political-balance', '/plans', '/meetings/', '/people/']) {
      expect(
        paths.some((p) => p.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  it('no page shows a date as yyyy-mm-dd', () => {
    const offenders = [...pages].flatMap(([url, text]) =>
      [...text.matchAll(/\b(19|20)\d\d-\d\d-\d\d\b/g)].map((m) => `${url}: ${text.slice(Math.max(0, m.index - 60), m.index + 30)}`),
    );
    expect(offenders).toEqual([]);
  });

  // The interface's own rates (a scheme's mileage bands, the carers' cap); a paper's text quoted on a page stays as written.
  it('money the interface writes is in pounds, or pence written out', () => {
    const offenders = [...pages].flatMap(([url, text]) =>
      [...text.matchAll(/\b\d+(?:\.\d+)?p (?=a mile up to|a mile after that|an hour for each)/g)].map(
        (m) => `${url}: ${text.slice(Math.max(0, m.index - 60), m.index + 30)}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('no label is repeated, such as "(proposed) (proposed)"', () => {
    const offenders = [...pages].flatMap(([url, text]) => (text.match(/(\([a-z ]+\))\s*\1/gi) ?? []).map((m) => `${url}: ${m}`));
    expect(offenders).toEqual([]);
  });
});
