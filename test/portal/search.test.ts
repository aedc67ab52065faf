/**
 * Search on the real seed papers: the words residents would type find the right records first, with highlighted,
 * escaped snippets, filters, pagination, form errors, and an index kept current by triggers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { portalConfig } from './config.ts';
import { createApp } from '../../src/server/app.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { searcher } from '../../src/services/search/searcher.ts';
import { SearchQuerySchema } from '../../src/services/search/search-query.ts';
import { explainSearch } from '../../src/db/queries/portal/search.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedsDir } from '../support/seeds.ts';

describe.skipIf(databaseUnavailable)('search over the seed papers', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const search = (input: Record<string, unknown>) => searcher({ db: database.db, query: SearchQuerySchema.parse(input) });

  beforeAll(async () => {
    database = await createTestDatabase();
    const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'test' });
    expect(summary.failed).toBe(0);
    app = await createApp({ config: portalConfig, database, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('"peripatetic" finds the urgent decision on the peripatetic assessment service first', async () => {
    const outcome = await search({ q: 'peripatetic' });
    expect(outcome.total).toBeGreaterThanOrEqual(4);
    expect(outcome.hits[0]!.kind).toBe('decision');
    expect(outcome.hits[0]!.title).toMatch(/Peripatetic Children's Assessment/);
    expect(outcome.hits[0]!.date).toBe('2011-04-04');
    expect(outcome.hits.map((hit) => hit.kind)).toContain('report');
  });

  it('"Crossrail" finds the planning minute on application GR/10/1127 first', async () => {
    const outcome = await search({ q: 'Crossrail' });
    expect(outcome.hits[0]!.kind).toBe('minute');
    expect(outcome.hits[0]!.title).toContain('GR/10/1127');
    expect(outcome.hits[0]!.body_name).toBe('Planning Applications Committee');
    expect(outcome.hits[0]!.date).toBe('2011-04-12');
  });

  it('"foster carers" finds the declaration minute of the 6 April 2011 Council first', async () => {
    const outcome = await search({ q: 'foster carers' });
    expect(outcome.hits[0]!.kind).toBe('minute');
    expect(outcome.hits[0]!.title).toBe('Declarations of Interest');
    expect(outcome.hits[0]!.date).toBe('2011-04-06');
    expect(outcome.hits[0]!.snippet).toContain('\u0002foster\u0003 \u0002carers\u0003');
  });

  it('finds people by name and filters by kind, body and dates', async () => {
    const people = await search({ q: 'Hayton', kind: 'person' });
    expect(people.hits.length).toBeGreaterThanOrEqual(1);
    expect(people.hits.every((hit) => hit.kind === 'person')).toBe(true);
    expect(people.hits[0]!.title).toMatch(/Hayton/);

    const all = await search({ q: 'children' });
    const reports = await search({ q: 'children', kind: ['report'] });
    expect(reports.total).toBeGreaterThan(0);
    expect(reports.total).toBeLessThan(all.total);
    expect(reports.hits.every((hit) => hit.kind === 'report')).toBe(true);

    const planning = await search({ q: 'application', body: 'planning-applications-committee' });
    expect(planning.total).toBeGreaterThan(0);
    expect(planning.hits.every((hit) => hit.body_slug === 'planning-applications-committee')).toBe(true);

    const april = await search({ q: 'minutes', from: '2011-04-01', to: '2011-04-30' });
    expect(april.total).toBeGreaterThan(0);
    expect(april.hits.every((hit) => hit.date! >= '2011-04-01' && hit.date! <= '2011-04-30')).toBe(true);
    const none = await search({ q: 'Crossrail', to: '2011-03-31' });
    expect(none.total).toBe(0);
  });

  it('pages through results without repeats', async () => {
    const first = await search({ q: 'council' });
    expect(first.total).toBeGreaterThan(20);
    expect(first.hits).toHaveLength(20);
    const second = await search({ q: 'council', page: 2 });
    expect(second.page).toBe(2);
    const firstIds = new Set(first.hits.map((hit) => `${hit.kind}:${hit.record_id}`));
    expect(second.hits.some((hit) => firstIds.has(`${hit.kind}:${hit.record_id}`))).toBe(false);
    expect(second.total).toBe(first.total);
    // A page past the last still says how many there are.
    const beyond = await search({ q: 'council', page: 50 });
    expect(beyond.hits).toEqual([]);
    expect(beyond.total).toBe(first.total);
  });

  it('GET /search renders ranked hits with <mark> highlights, links to the record, and pagination', async () => {
    const response = await app.inject({ method: 'GET', url: '/search?q=Crossrail' });
    expect(response.statusCode).toBe(200);
    const page = parse(response.body);
    const first = page.querySelector('.quorum-result');
    expect(first?.querySelector('a')?.getAttribute('href')).toBe('/meetings/2011-04-12-planning-applications-committee#minute-31');
    expect(first?.innerHTML).toContain('<mark>Crossrail</mark>');
    expect(page.querySelector('[role=status]')?.text).toContain('1 result for “Crossrail”');

    const opened = await app.inject({ method: 'GET', url: '/meetings/2011-04-12-planning-applications-committee' });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('id="minute-31"');

    const paged = parse((await app.inject({ method: 'GET', url: '/search?q=council' })).body);
    expect(paged.querySelector('.govuk-pagination__next a')?.getAttribute('href')).toBe('/search?q=council&page=2');
  });

  it('bad filters get a GOV.UK error summary, status 400 and the values kept', async () => {
    const response = await app.inject({ method: 'GET', url: '/search?q=%3Cb%3Ecarers&from=2011-02-30&to=2011-01-01&kind=spreadsheet' });
    expect(response.statusCode).toBe(400);
    const page = parse(response.body);
    const summary = page.querySelector('.govuk-error-summary');
    expect(summary?.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(expect.arrayContaining(['#from', '#kind']));
    expect(page.querySelector('#from')?.getAttribute('value')).toBe('2011-02-30');
    expect(page.querySelector('#from')?.getAttribute('aria-describedby')).toContain('from-error');
    expect(page.querySelector('title')?.text).toMatch(/^Error: /);
    // What the user typed comes back escaped.
    expect(response.body).not.toContain('<b>carers');
    expect(page.querySelector('#q')?.getAttribute('value')).toBe('<b>carers');
  });

  it('the index follows writes: an edited minute is found by its new words at once, and no longer by the old', async () => {
    const minute = await database.db
      .selectFrom('minute')
      .select(['id', 'text'])
      .where('title', '=', 'Declarations of Interest')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('minute')
      .set({ text: 'Mr Cowan declared a personal interest as a zymurgy enthusiast.' })
      .where('id', '=', minute.id)
      .execute();
    expect((await search({ q: 'zymurgy' })).hits.map((hit) => hit.record_id)).toEqual([minute.id]);
    expect((await search({ q: 'foster carers', kind: 'minute' })).hits.map((hit) => hit.record_id)).not.toContain(minute.id);
    await database.db.updateTable('minute').set({ text: minute.text }).where('id', '=', minute.id).execute();
  });

  it('uses the GIN index on a realistic number of documents', async () => {
    // 60,000 extra documents of filler words, then statistics, as on a large authority's twenty years of records.
    await sql`insert into search_document (kind, record_id, title, body, date)
      select 'agenda-item', 'synthetic-' || n, 'Item ' || n || ' budget monitoring',
             'Report of the director on budget monitoring and capital programme, quarter ' || (n % 4) || ' year ' || (n % 20),
             date '2000-01-01' + (n % 7000)
        from generate_series(1, 60000) n`.execute(database.db);
    await sql`analyze search_document`.execute(database.db);
    const plan = await explainSearch(database.db, 'peripatetic');
    expect(plan).toContain('search_document_gin_idx');
    expect(plan).toMatch(/Bitmap Index Scan/);
    expect((await search({ q: 'peripatetic' })).hits[0]!.kind).toBe('decision');
    await sql`delete from search_document where record_id like 'synthetic-%'`.execute(database.db);
  });
});
