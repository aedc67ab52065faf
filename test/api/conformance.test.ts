/**
 * The conformance suite on a generated authority (the seed papers have their own: oparl-crawler.test.ts and
 * api-v1.test.ts): a crawling client validates every OParl object against the official OParl 1.1 schemas and
 * follows every link, every list is walked page by page and filtered by change time, every response of every
 * documented /api/v1 route, every page and every record, is validated against the OpenAPI document, and every vote
 * event against the Popolo schemas.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { generateAuthorities } from '../../src/services/generate/generator.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { apiTestConfig, localPath } from './support/app.ts';
import { crawl, type Crawl } from './support/oparl-crawl.ts';
import { OParlSchemas } from './support/oparl-schemas.ts';
import { PopoloSchemas } from './support/popolo-schemas.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface Operation {
  operationId: string;
  parameters?: Array<{ name: string; in: string }>;
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

/** Records of each list page also fetched by id and validated as the detail route's answer. */
const DETAILS_PER_PAGE = 10;

const BODY_LISTS = ['organization', 'person', 'meeting', 'paper', 'agendaItem', 'consultation', 'file', 'locationList', 'legislativeTermList', 'membership'];

describe.skipIf(databaseUnavailable)('conformance on a generated authority', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let schemas: OParlSchemas;
  let result: Crawl;
  const get = (url: string) => app.inject({ method: 'GET', url });

  beforeAll(async () => {
    database = await createTestDatabase();
    await generateAuthorities(database.db, { authorities: 1, years: 1, seed: 5, meetingsPerYear: 12, agendaItemsPerMeeting: 3, councillors: 40 });
    app = await createApp({ config: apiTestConfig, database, logger: false });
    schemas = new OParlSchemas();
    result = await crawl(app, schemas);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('OParl: every object validates against the official schemas and every link resolves', () => {
    expect(result.problems).toEqual([]);
    const types = new Set([...result.objects.values()].map((object) => String(object.type).split('/').at(-1)));
    expect([...types].sort()).toEqual([
      'AgendaItem',
      'Body',
      'Consultation',
      'File',
      'LegislativeTerm',
      'Location',
      'Meeting',
      'Membership',
      'Organization',
      'Paper',
      'Person',
      'System',
    ]);
  });

  it('OParl: every list pages through exactly its totalElements objects, and the change filters hold', async () => {
    const body = [...result.objects.values()].find((object) => String(object.type).endsWith('/Body'))!;
    for (const list of BODY_LISTS) {
      const first = (await get(`${localPath(body[list] as string)}?limit=7`)).json();
      const ids: string[] = [];
      for (let page = first; ; ) {
        ids.push(...page.data.map((object: { id: string }) => object.id));
        expect(page.pagination.elementsPerPage, list).toBe(7);
        if (!page.links.next) break;
        page = (await get(localPath(page.links.next)!)).json();
      }
      expect(new Set(ids).size, list).toBe(ids.length);
      expect(ids.length, list).toBe(first.pagination.totalElements);
      expect(first.pagination.totalPages, list).toBe(Math.max(1, Math.ceil(ids.length / 7)));
      // Every object was created and modified in the past and none in the future: the filters split them so.
      const url = localPath(body[list] as string)!;
      const count = async (query: string) => (await get(`${url}?${query}`)).json().pagination.totalElements as number;
      expect(await count('modified_since=2999-01-01T00:00:00Z'), list).toBe(0);
      expect(await count('created_since=2999-01-01T00:00:00Z'), list).toBe(0);
      expect(await count('modified_until=2999-01-01T00:00:00Z'), list).toBe(ids.length);
      expect(await count('created_until=1990-01-01T00:00:00Z'), list).toBe(0);
      expect(await count('modified_since=1990-01-01T00:00:00%2B01:00&modified_until=2999-01-01T00:00:00Z'), list).toBe(ids.length);
    }
  }, 120_000);

  it('/api/v1: every page and every record of every documented route matches the OpenAPI document', async () => {
    const document = (await get('/api/openapi.json')).json() as OpenApiDocument;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validators = new Map<string, ValidateFunction>();
    const check = async (template: string, operation: Operation, url: string): Promise<Record<string, unknown> | undefined> => {
      const response = await get(url);
      const status = String(response.statusCode);
      const content = operation.responses[status]?.content;
      expect(content, `${url}: status ${status} is not documented for ${template}`).toBeDefined();
      const mediaType = String(response.headers['content-type']).split(';')[0]!.trim();
      expect(Object.keys(content!), url).toContain(mediaType);
      if (mediaType !== 'application/json') return undefined;
      const key = `${template} ${status}`;
      if (!validators.has(key)) validators.set(key, ajv.compile(content![mediaType]!.schema));
      const validate = validators.get(key)!;
      const body = response.json();
      expect(validate(body), `${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      return response.statusCode === 200 ? body : undefined;
    };
    let records = 0;
    for (const [template, methods] of Object.entries(document.paths)) {
      const operation = methods.get!;
      if (template.includes('{')) continue;
      // A list: walk every page, then fetch each record by id where the document has a route for it.
      const byId = Object.entries(document.paths).find(([candidate]) => candidate === `${template}/{id}`);
      for (let url: string | undefined = template; url; ) {
        const page = await check(template, operation, url);
        const data = (page?.data ?? []) as Array<{ id?: string }>;
        // Every record is validated in its list page; by id, the first of each page and a few more (time: npm test).
        for (const record of byId ? data.slice(0, DETAILS_PER_PAGE) : []) {
          await check(byId![0], byId![1].get!, `${template}/${encodeURIComponent(String(record.id))}`);
          records += 1;
        }
        const next = (page?.links as { next?: string | null } | undefined)?.next;
        url = next ? localPath(next) : undefined;
      }
    }
    expect(records).toBeGreaterThan(30);
    // And the documented errors: an id that names nothing, and a parameter that is not valid.
    for (const [template, methods] of Object.entries(document.paths)) {
      const operation = methods.get!;
      if (template.endsWith('/{id}')) await check(template, operation, template.replace('{id}', 'nothing-0000000000000000'));
      if (operation.parameters?.some((parameter) => parameter.name === 'limit')) await check(template, operation, `${template}?limit=0`);
    }
  }, 120_000);

  it('Popolo: every vote event matches the Popolo schemas, and the schemas reject what Popolo forbids', async () => {
    const popolo = new PopoloSchemas();
    const problems: string[] = [];
    let events = 0;
    for (let url: string | undefined = '/api/v1/vote-events?limit=100'; url; ) {
      const page = (await get(url)).json() as { data: Array<Record<string, unknown>>; links: { next: string | null } };
      for (const event of page.data) {
        problems.push(...popolo.validateVoteEvent(event, String(event.id)));
        events += 1;
      }
      url = page.links.next ? localPath(page.links.next) : undefined;
    }
    expect(problems).toEqual([]);
    expect(events).toBeGreaterThan(0);
    const sample = (await get('/api/v1/vote-events?limit=1')).json().data[0] as Record<string, unknown> & { group_results: Array<Record<string, unknown>> };
    expect(popolo.validateVoteEvent({ ...sample, counts: [{ option: 'for', value: 3 }] }).join()).toContain('/counts/0/option');
    expect(popolo.validateVoteEvent({ ...sample, group_results: [{ counts: [] }] }).join()).toContain('/group_results/0');
    expect(popolo.validateVoteEvent({ ...sample, motion: { ...(sample.motion as object), date: '2011-04-06' } }).join()).toContain('/motion/date');
  });
});
