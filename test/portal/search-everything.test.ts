/**
 * Search that finds what people type (issue 19 item 4): names with honorifics, every kind of public record,
 * misspellings with "Did you mean", filters on the new kinds, one display name per person, and nothing unpublished
 * ever found or suggested. On the seed papers plus planted scrutiny, plan and indicator records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import type { FastifyInstance } from 'fastify';
import { portalConfig } from './config.ts';
import { createApp } from '../../src/server/app.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { searcher } from '../../src/services/search/searcher.ts';
import { SearchQuerySchema } from '../../src/services/search/search-query.ts';
import { countMatches, COUNT_CAP, searchDocuments } from '../../src/db/queries/portal/search.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { seedsDir } from '../support/seeds.ts';
import { plantAccountability } from '../api/support/plant-accountability.ts';

describe.skipIf(databaseUnavailable)('search finds what people type', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const search = (input: Record<string, unknown>) => searcher({ db: database.db, query: SearchQuerySchema.parse(input) });
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    return { status: response.statusCode, page: parse(response.body), body: response.body };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'test' });
    expect(summary.failed).toBe(0);
    const meeting = await database.db
      .selectFrom('meeting')
      .innerJoin('body', 'body.id', 'meeting.body_id')
      .select(['meeting.id', 'body.id as body_id', 'body.authority_id'])
      .orderBy('meeting.date')
      .executeTakeFirstOrThrow();
    await plantAccountability(database.db, { authorityId: meeting.authority_id, meetingId: meeting.id, bodyId: meeting.body_id });
    // A response to the unpublished recommendation: as private as the recommendation.
    await database.db
      .insertInto('scrutiny_response')
      .values({ id: 'response-planted2', recommendation_id: 'recommendation-planted2', text: 'Zeppelinquux answer still private', response_date: '2012-01-11' })
      .execute();
    app = await createApp({ config: portalConfig, database, logger: false });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it.each(['Councillor Vye', 'Cllr Vye', 'Mr Vye', 'cllr. vye', 'County Councillor Martin Vye', 'Mr M J Vye'])(
    '"%s" finds Martin Vye first, under one display name',
    async (q) => {
      const outcome = await search({ q });
      expect(outcome.total).toBeGreaterThan(0);
      const person = outcome.hits.find((hit) => hit.kind === 'person');
      expect(person?.title).toBe('Martin Vye');
      expect(outcome.hits[0]!.kind).toBe('person');
    },
  );

  it('"Councillor Carter" finds a person named Carter', async () => {
    const outcome = await search({ q: 'Councillor Carter', kind: 'person' });
    expect(outcome.hits.length).toBeGreaterThan(0);
    expect(outcome.hits.every((hit) => /Carter$/.test(hit.title))).toBe(true);
  });

  it('a person reads as one name, with no repeated words, on the page', async () => {
    const { page } = await get('/search?q=Cllr+Vye&kind=person');
    const first = page.querySelector('.quorum-result')!;
    expect(first.querySelector('h3')!.text.trim()).toBe('Martin Vye');
    const words = first.text.replace(/\s+/g, ' ').trim().split(' ');
    expect(words.filter((word) => word === 'Martin')).toHaveLength(1);
    expect(first.text).not.toContain('Mr M J Vye');
  });

  it.each([
    ['recommendation', 'quarterly treasury reports', 'Recommendation 1: Treasury management review', '/scrutiny/recommendations/recommendation-planted1'],
    [
      'response',
      'reports will come each quarter',
      'Response to recommendation 1: Treasury management review',
      '/scrutiny/recommendations/recommendation-planted1',
    ],
    ['plan-action', 'borrowing quarterly', 'Report borrowing quarterly', '/plans/treasury-improvement-plan/actions/1.1.1'],
    ['indicator', 'authorised limit', 'Borrowing as a share of the limit', '/dashboard/borrowing-share'],
    ['body', 'Planning Applications Committee', 'Planning Applications Committee', '/committees/planning-applications-committee'],
  ])('finds a %s, and its link opens it', async (kind, q, title, href) => {
    const outcome = await search({ q, kind });
    expect(outcome.hits.map((hit) => hit.title)).toContain(title);
    const { page } = await get(`/search?q=${encodeURIComponent(q)}&kind=${kind}`);
    const link = page.querySelectorAll('.quorum-result a').find((a) => a.text.replace(/\s+/g, ' ').trim() === title);
    expect(link?.getAttribute('href')).toBe(href);
    expect((await get(href)).status).toBe(200);
  });

  it('the kind filter offers every kind, and a search across all of them mixes kinds', async () => {
    const { page } = await get('/search');
    const kinds = page.querySelectorAll('input[name=kind]').map((input) => input.getAttribute('value'));
    expect(kinds).toEqual([
      'meeting',
      'agenda-item',
      'report',
      'minute',
      'decision',
      'person',
      'body',
      'recommendation',
      'response',
      'plan-action',
      'indicator',
    ]);
    const mixed = await search({ q: 'borrowing' });
    expect(new Set(mixed.hits.map((hit) => hit.kind))).toEqual(new Set(['plan-action', 'indicator']));
  });

  it('filters the new kinds by committee and date', async () => {
    const meeting = await database.db
      .selectFrom('meeting')
      .innerJoin('body', 'body.id', 'meeting.body_id')
      .select(['meeting.date', 'body.slug'])
      .orderBy('meeting.date')
      .executeTakeFirstOrThrow();
    expect((await search({ q: 'treasury', kind: 'recommendation', body: meeting.slug })).total).toBe(1);
    expect((await search({ q: 'treasury', kind: 'recommendation', body: 'planning-applications-committee' })).total).toBe(0);
    expect((await search({ q: 'treasury', kind: 'recommendation', from: meeting.date, to: meeting.date })).total).toBe(1);
    expect((await search({ q: 'treasury', kind: 'recommendation', to: '2000-01-01' })).total).toBe(0);
  });

  it('a misspelling finds the word meant, and says so with a link', async () => {
    const outcome = await search({ q: 'Crosrail' });
    expect(outcome.correctedTo).toBe('crossrail');
    expect(outcome.hits[0]!.title).toContain('GR/10/1127');
    const { page } = await get('/search?q=Crosrail&kind=minute');
    const didYouMean = page.querySelector('.quorum-did-you-mean');
    expect(didYouMean?.text).toContain('Did you mean crossrail?');
    expect(didYouMean?.querySelector('a')?.getAttribute('href')).toBe('/search?q=crossrail&kind=minute');
    expect(page.querySelector('[role=status]')?.text).toContain('for “crossrail”');
    // A word correctly spelt but matching nothing, near nothing, stays as typed.
    const none = await search({ q: 'xqzvwy' });
    expect(none.total).toBe(0);
    expect(none.correctedTo).toBeUndefined();
  });

  it('never finds or suggests an unpublished recommendation or its response', async () => {
    for (const q of ['CANARY-a81f', 'still in draft', 'Zeppelinquux']) {
      const outcome = await search({ q });
      expect(
        outcome.hits.map((hit) => hit.record_id),
        q,
      ).not.toContain('recommendation-planted2');
      expect(
        outcome.hits.map((hit) => hit.record_id),
        q,
      ).not.toContain('response-planted2');
      expect(JSON.stringify(outcome.hits), q).not.toMatch(/CANARY-a81f|Zeppelinquux/i);
    }
    const misspelt = await search({ q: 'Zeppelinqux' });
    expect(misspelt.total).toBe(0);
    expect(misspelt.correctedTo).toBeUndefined();
    // Publishing makes both findable at once (the triggers), withdrawing hides them again.
    await database.db.updateTable('scrutiny_recommendation').set({ published: true }).where('id', '=', 'recommendation-planted2').execute();
    expect((await search({ q: 'Zeppelinquux' })).hits.map((hit) => hit.record_id)).toEqual(['response-planted2']);
    await database.db.updateTable('scrutiny_recommendation').set({ published: false }).where('id', '=', 'recommendation-planted2').execute();
    expect((await search({ q: 'Zeppelinquux' })).total).toBe(0);
  });

  it('counts no further than the cap, and pages stop there', async () => {
    expect(await countMatches(database.db, { text: 'council' }, 5)).toBe(6);
    const broad = await searchDocuments(database.db, { text: 'council', limit: 20, offset: 0 });
    expect(broad.total).toBeLessThanOrEqual(COUNT_CAP);
    expect(broad.capped).toBe(broad.total === COUNT_CAP);
    expect(SearchQuerySchema.safeParse({ q: 'council', page: '51' }).success).toBe(false);
  });
});
