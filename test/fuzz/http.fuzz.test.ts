/**
 * Fuzzing the HTTP API (issue 9). Over a database holding the imported seed papers:
 *
 * 1. Every public GET route (each path in the OpenAPI document, every OParl route, the public pages and feeds) with
 *    fuzzed path parameters and query strings: wrong types, huge values, repeated keys, malformed percent-encoding,
 *    unicode edge cases. Never a 5xx; a 4xx carries a message (JSON `error.message` or an error page); nothing in
 *    the database changes.
 * 2. Every back-office form (POST routes, signed in as democratic services; field names read from the forms on
 *    the pages) with fuzzed bodies: wrong types, arrays for strings, 100 KB and 1 MB strings, unicode edge cases,
 *    JSON where a form is expected, malformed urlencoded and JSON, wrong content types. Never a 5xx; a rejected
 *    request (anything but a redirect after a successful save) changes no table's row count.
 *
 * Seeds are fixed; fast-check prints the seed and the counterexample on failure.
 */
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { ROUTES } from '../../src/http/routes.ts';
import { Client, makeAccount, makeApp } from '../admin/support.ts';
import { plantOpenDataRecords } from '../api/support/plant.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { fuzzRuns } from '../support/fuzz.ts';
import { seedsDir } from '../support/seeds.ts';

const NASTY = [
  '',
  ' ',
  '\u0000',
  '\u200F',
  '\u202E',
  '\u0301',
  'e\u0301\u0302\u0303',
  '\uD800',
  '\uDFFF',
  '\uD83D\uDE00',
  '\uFEFF',
  '\u2028',
  '\r\n',
  '\t',
  '../../etc/passwd',
  '%',
  '%00',
  '%E0%A4%A',
  '%FF',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '"; drop table meeting; --',
  '{{ 7*7 }}',
  '${7*7}',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '-0',
  '1e309',
  '99999999999999999999999',
  '1.5',
  '0x10',
  'true',
  '[]',
  '{}',
  '2011-02-30',
  '0000-00-00',
  '9999-12-31',
  '2011-13-01',
  '+275760-09-13',
  '2011-05-12T25:61:00Z',
  '12:99',
  'yes',
  'on',
  '__proto__',
  'constructor',
  'İı',
  '﷽',
];

const nasty = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString().slice(0, 10))) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((length) => 'x'.repeat(length)) },
);

/** A value for a query parameter or a form field as raw strings: one, several (repeated key), or none. */
function fieldValue(valid: fc.Arbitrary<string>): fc.Arbitrary<string | string[]> {
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 4, arbitrary: nasty },
    { weight: 1, arbitrary: fc.array(fc.oneof(valid, nasty), { minLength: 2, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constant('y'.repeat(100_000)) },
  );
}

/** Percent-encodes like a browser, but lone surrogates (which encodeURIComponent refuses) become raw %ED bytes. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80').replace(/[^%A-Za-z0-9]/g, (char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0').slice(-2)}`);
  }
}

function queryString(params: Record<string, string | string[]>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) for (const one of Array.isArray(value) ? value : [value]) parts.push(`${encode(key)}=${encode(one)}`);
  return parts.join('&');
}

/** A 4xx must say what was wrong: the API's error object, or a page with a message. */
function expectClearRejection(response: LightMyRequestResponse, what: string): void {
  expect(response.statusCode, `${what}: ${response.body.slice(0, 500)}`).toBeLessThan(500);
  if (response.statusCode < 400) return;
  const type = String(response.headers['content-type'] ?? '');
  if (type.includes('json')) {
    const body = response.json() as {
      error?: { message?: unknown; status?: unknown } | string;
      message?: unknown;
      statusCode?: unknown;
      type?: unknown;
      debug?: unknown;
    };
    if (body.type === 'https://schema.oparl.org/1.1/Error') {
      // OParl's own error object, with the HTTP status.
      expect(typeof body.message, `${what}: ${response.body.slice(0, 300)}`).toBe('string');
      expect((body.message as string).trim(), what).not.toBe('');
      expect(typeof body.debug, what).toBe('string');
    } else if (typeof body.error === 'object') {
      expect(typeof body.error.message, `${what}: ${response.body.slice(0, 300)}`).toBe('string');
      expect((body.error.message as string).trim(), what).not.toBe('');
      expect(body.error.status, what).toBe(response.statusCode);
    } else {
      // Fastify's own answer to a URL it cannot decode, before any route: { error, code, message, statusCode }.
      expect(typeof body.message, `${what}: ${response.body.slice(0, 300)}`).toBe('string');
      expect(body.statusCode, what).toBe(response.statusCode);
    }
  } else if (type.includes('html')) {
    // An error page (its heading and message) or the form again with a GOV.UK error summary.
    expect(response.body, what).toMatch(/govuk-error-summary|There is a problem|Page not found|You need to sign in|Sign in|not allowed|permission/i);
  } else {
    expect(response.body.trim(), `${what}: ${type}`).not.toBe('');
  }
  expect(response.body, what).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack traces
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; schema?: { type?: string; enum?: string[]; format?: string } }> }>>;
}

// Sized for CI (test/support/fuzz.ts); this ran 1,500 GETs and 700 POSTs before (QUORUM_FUZZ_SCALE=1.8).
const GET_RUNS = fuzzRuns(800);
const POST_RUNS = fuzzRuns(400);

describe.skipIf(databaseUnavailable)('the HTTP API under fuzzing', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let tables: string[];
  /** Real identifiers, so fuzzed requests reach deep into handlers as well as bouncing off the 404s. */
  const ids: Record<string, string[]> = {};

  async function rowCounts(): Promise<Record<string, number>> {
    const columns = tables.map((table) => sql<number>`(select count(*) from ${sql.table(table)})::int`.as(table));
    return (await database.db.selectNoFrom(columns).executeTakeFirstOrThrow()) as Record<string, number>;
  }

  async function idsOf(table: string, column = 'id'): Promise<string[]> {
    const result = await sql<{ value: string }>`select ${sql.ref(column)}::text as value from ${sql.table(table)} order by 1 limit 5`.execute(database.db);
    return result.rows.map((row) => row.value);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'fuzz' });
    expect(summary.failed).toBe(0);
    await plantOpenDataRecords(database.db);
    const result = await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
      database.db,
    );
    tables = result.rows.map((row) => row.table_name);
    const has = (table: string) => tables.includes(table);
    for (const table of [
      'body',
      'person',
      'meeting',
      'agenda_item',
      'minute',
      'report',
      'decision',
      'vote_event',
      'membership',
      'political_group',
      'group_membership',
      'scrutiny_recommendation',
      'plan',
      'plan_action',
      'indicator',
      'allowance_claim',
      'allowance_scheme',
      'source_document',
    ]) {
      ids[table] = has(table) ? await idsOf(table) : [];
    }
    ids.bodySlug =
      has('body') && (await sql`select 1 from information_schema.columns where table_name = 'body' and column_name = 'slug'`.execute(database.db)).rows.length
        ? await idsOf('body', 'slug')
        : [];
    ids.planAction =
      has('plan_action') &&
      (await sql`select 1 from information_schema.columns where table_name = 'plan_action' and column_name = 'ref'`.execute(database.db)).rows.length
        ? await idsOf('plan_action', 'ref')
        : [];
    await makeAccount(database, 'democratic-services', 'dso@kent.example');
    app = await makeApp(database);
    officer = new Client(app);
    const signIn = await officer.signIn('dso@kent.example');
    expect(signIn.statusCode).toBe(303);
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  /** Real values for a path parameter, by the route it belongs to. */
  function realValues(path: string, param: string): string[] {
    const pick = (...tables: string[]) => tables.flatMap((table) => ids[table] ?? []);
    if (param === 'slug') return [...(ids.bodySlug ?? []), ...pick('body')];
    if (param === 'plan') return pick('plan');
    if (param === 'ref') return ids.planAction ?? [];
    if (param === 'indicator') return pick('indicator');
    if (param === 'year') return ['2011-12', '2011', '2010-11'];
    if (param === 'file') return ['meetings.csv', 'meetings.json', 'people.csv', 'votes.json'];
    if (param === 'chart') return ['status', 'ages', 'outcomes'];
    if (param === 'table') return ['meeting', 'body', 'minute'];
    if (/meeting/.test(path)) return pick('meeting');
    if (/bod(y|ies)|organization|committee/.test(path)) return pick('body');
    if (/people|person/.test(path)) return pick('person');
    if (/agenda-item/.test(path)) return pick('agenda_item');
    if (/minute/.test(path)) return pick('minute');
    if (/report|paper|file/.test(path)) return pick('report', 'source_document');
    if (/decision/.test(path)) return pick('decision');
    if (/vote-event/.test(path)) return pick('vote_event');
    if (/group-membership/.test(path)) return pick('group_membership');
    if (/membership/.test(path)) return pick('membership');
    if (/political-group/.test(path)) return pick('political_group');
    if (/recommendation|my-actions/.test(path)) return pick('scrutiny_recommendation');
    if (/plan/.test(path)) return pick('plan');
    if (/indicator/.test(path)) return pick('indicator');
    if (/claim/.test(path)) return pick('allowance_claim');
    if (/scheme/.test(path)) return pick('allowance_scheme');
    return [];
  }

  function pathParamValue(path: string, param: string): fc.Arbitrary<string> {
    const real = realValues(path, param);
    const raw = fc.oneof(nasty.map(encode), fc.constantFrom('%', '%00', '%E0%A4%A', '..%2F..%2F', '%2e%2e', 'a%2Fb', '%ZZ'));
    return real.length ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...real).map(encode) }, { weight: 3, arbitrary: raw }) : raw;
  }

  function fillPath(path: string, values: Record<string, string>): string {
    return path.replace(/:([A-Za-z_]+)|\{([A-Za-z_]+)\}/g, (_match, colon: string | undefined, brace: string | undefined) => values[(colon ?? brace)!] ?? 'x');
  }

  it('public GET routes: fuzzed path parameters and query strings never give a 5xx, and change nothing', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
    interface Target {
      path: string;
      params: string[];
      query: Array<{ name: string; valid: fc.Arbitrary<string> }>;
    }
    const targets: Target[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      const get = operations.get;
      if (!get) continue;
      const parameters = get.parameters ?? [];
      targets.push({
        path: path.replace(/\{([A-Za-z_]+)\}/g, ':$1'),
        params: parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name),
        query: parameters
          .filter((parameter) => parameter.in === 'query')
          .map((parameter) => ({
            name: parameter.name,
            valid: parameter.schema?.enum?.length
              ? fc.constantFrom(...parameter.schema.enum)
              : parameter.schema?.type === 'integer' || parameter.schema?.type === 'number'
                ? fc.integer({ min: -5, max: 500 }).map(String)
                : parameter.schema?.format === 'date' || /from|to|date|since|until/.test(parameter.name)
                  ? fc.constantFrom('2011-04-01', '2011-12-31', '2010-01-01')
                  : fc.string({ maxLength: 20 }),
          })),
      });
    }
    expect(targets.length).toBeGreaterThanOrEqual(15);
    // OParl and the public pages and feeds: every GET route of the table that is not the back office or sign-in.
    const documented = new Set(targets.map((target) => target.path));
    const common = [
      'q',
      'page',
      'limit',
      'cursor',
      'from',
      'to',
      'body',
      'kind',
      'status',
      'year',
      'sort',
      'type',
      'modified_since',
      'created_since',
      'format',
      'plan',
      'date',
      'committee',
      'person',
      'month',
      'view',
    ];
    for (const path of Object.values(ROUTES)) {
      if (
        documented.has(path) ||
        path.startsWith('/admin') ||
        path.startsWith('/my-') ||
        path.startsWith('/sign') ||
        path.startsWith('/reset-password') ||
        path === '/forgot-password' ||
        path === '/api/docs'
      )
        continue;
      targets.push({
        path,
        params: [...path.matchAll(/:([A-Za-z_]+)/g)].map((match) => match[1]!),
        query: common.map((name) => ({ name, valid: fc.string({ maxLength: 12 }) })),
      });
    }

    const request = fc.nat({ max: targets.length - 1 }).chain((index) => {
      const target = targets[index]!;
      const params = fc.record(
        Object.fromEntries(target.params.map((param) => [param, pathParamValue(target.path, param)])) as Record<string, fc.Arbitrary<string>>,
      );
      const known = target.query.length
        ? fc.dictionary(fc.constantFrom(...target.query.map((query) => query.name)), fc.string(), { maxKeys: 4 })
        : fc.constant({} as Record<string, string>);
      const query = known.chain((chosen) =>
        fc.record(
          Object.fromEntries(Object.keys(chosen).map((name) => [name, fieldValue(target.query.find((query) => query.name === name)!.valid)])) as Record<
            string,
            fc.Arbitrary<string | string[]>
          >,
        ),
      );
      const extra = fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'limit[]', 'a[b]', ''), fc.string({ maxLength: 8 })), nasty, {
        maxKeys: 2,
      });
      const rawQuery = fc.oneof(
        { weight: 8, arbitrary: fc.tuple(query, extra).map(([a, b]) => queryString({ ...b, ...a })) },
        { weight: 1, arbitrary: fc.constantFrom('%', '&&&', '=', 'a=%ZZ', 'limit=%E0%A4%A', 'cursor=' + '%FF'.repeat(50), 'q=' + 'z'.repeat(200_000)) },
      );
      const accept = fc.constantFrom('application/json', 'text/html', '*/*', 'application/ld+json', 'text/csv', '', 'application/json;q=0.1, text/html');
      return fc.record({ target: fc.constant(target), params, rawQuery, accept });
    });

    const before = await rowCounts();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ target, params, rawQuery, accept }) => {
        const url = `${fillPath(target.path, params)}${rawQuery ? `?${rawQuery}` : ''}`;
        const response = await app.inject({ method: 'GET', url, headers: accept ? { accept } : {} });
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        expectClearRejection(response, `GET ${url.slice(0, 300)}`);
      }),
      { numRuns: GET_RUNS, seed: 9001 },
    );
    expect(await rowCounts()).toEqual(before);
    console.log(`GET fuzz over ${targets.length} routes: statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 600_000);

  it('back-office forms: fuzzed bodies never give a 5xx, and a rejected post changes nothing', async () => {
    interface Form {
      route: string;
      fields: Map<string, string[]>;
    }
    // The form fields each route takes, read from the forms on the back-office pages that hold them.
    const pages = new Set<string>();
    for (const path of Object.values(ROUTES)) {
      if (!path.startsWith('/admin') || /\.(pdf|docx|csv|xlsx)$/.test(path) || /history/.test(path)) continue;
      const names = [...path.matchAll(/:([A-Za-z_]+)/g)].map((match) => match[1]!);
      const values = Object.fromEntries(names.map((name) => [name, encode(realValues(path, name)[0] ?? 'x')]));
      pages.add(fillPath(path, values));
    }
    const formsByAction = new Map<string, Map<string, string[]>>();
    for (const page of pages) {
      const response = await officer.get(page);
      if (response.statusCode !== 200) continue;
      for (const match of response.body.matchAll(/<form\b[^>]*?action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)) {
        const action = match[1]!.replaceAll('&amp;', '&').split('?')[0]!;
        const fields = formsByAction.get(action) ?? new Map<string, string[]>();
        for (const input of match[2]!.matchAll(/<(?:input|select|textarea)\b[^>]*?name="([^"]+)"[^>]*>/g)) {
          const name = input[1]!;
          if (name === '_csrf') continue;
          const value = /value="([^"]*)"/.exec(input[0])?.[1];
          const list = fields.get(name) ?? [];
          if (value !== undefined) list.push(value.replaceAll('&amp;', '&').replaceAll('&#39;', "'").replaceAll('&quot;', '"'));
          fields.set(name, list);
        }
        for (const option of match[2]!.matchAll(/<option\b[^>]*value="([^"]+)"/g)) {
          // Option values belong to the select before them; good enough: offer them to every field as valid values.
          for (const list of fields.values()) if (list.length < 20) list.push(option[1]!);
        }
        formsByAction.set(action, fields);
      }
    }

    // Every state-changing route of the back office, with the fields its form has (or none found: random ones).
    const routes = (app as unknown as { stateChangingRoutes: Array<{ method: string; url: string }> }).stateChangingRoutes
      .filter((route) => route.method === 'POST' && (route.url.startsWith('/admin') || route.url.startsWith('/my-')))
      .map((route) => route.url);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const forms: Form[] = routes.map((route) => {
      const names = [...route.matchAll(/:([A-Za-z_]+)/g)].map((match) => match[1]!);
      const url = fillPath(route, Object.fromEntries(names.map((name) => [name, encode(realValues(route, name)[0] ?? 'x')])));
      return { route, fields: formsByAction.get(url) ?? new Map() };
    });
    const withFields = forms.filter((form) => form.fields.size > 0).length;
    expect(withFields, 'forms found on the back-office pages').toBeGreaterThanOrEqual(12);

    const csrf = await officer.csrfToken();
    type Body =
      | { kind: 'form'; fields: Record<string, string | string[] | undefined>; csrf: 'valid' | 'missing' | 'wrong' }
      | { kind: 'json'; value: unknown }
      | { kind: 'raw'; contentType: string; payload: string };
    const jsonValue = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue(), { maxKeys: 6 }),
      fc.constant({ __proto__: { admin: true }, constructor: { prototype: {} } }),
    );

    const request = fc.nat({ max: forms.length - 1 }).chain((index) => {
      const form = forms[index]!;
      const params = fc.record(
        Object.fromEntries(
          [...form.route.matchAll(/:([A-Za-z_]+)/g)].map((match) => match[1]!).map((param) => [param, pathParamValue(form.route, param)]),
        ) as Record<string, fc.Arbitrary<string>>,
      );
      const names = [...form.fields.keys()];
      const fieldNames = fc.oneof(
        names.length ? fc.constantFrom(...names) : fc.constant('title'),
        fc.constantFrom('__proto__', 'constructor', 'version', 'id', 'name[]', 'a[b]'),
        fc.string({ maxLength: 10 }),
      );
      const validFor = (name: string) => {
        const valid = form.fields.get(name) ?? [];
        return valid.length ? fc.constantFrom(...valid) : fc.string({ maxLength: 30 });
      };
      // Start from the form as the page fills it, then break some fields.
      const fields = fc.dictionary(fieldNames, fc.constant(null), { maxKeys: 6 }).chain((broken) => {
        const entries: Record<string, fc.Arbitrary<string | string[]>> = {};
        for (const name of names) entries[name] = validFor(name);
        for (const name of Object.keys(broken)) entries[name] = fieldValue(validFor(name));
        return fc.record(entries, { requiredKeys: [] });
      });
      const body: fc.Arbitrary<Body> = fc.oneof(
        {
          weight: 12,
          arbitrary: fc.record({
            kind: fc.constant('form' as const),
            fields,
            csrf: fc.constantFrom<'valid' | 'missing' | 'wrong'>('valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'missing', 'wrong'),
          }),
        },
        { weight: 2, arbitrary: jsonValue.map((value) => ({ kind: 'json' as const, value })) },
        {
          weight: 2,
          arbitrary: fc.record({
            kind: fc.constant('raw' as const),
            contentType: fc.constantFrom(
              'application/x-www-form-urlencoded',
              'application/json',
              'text/plain',
              'multipart/form-data; boundary=xyz',
              'multipart/form-data',
              'application/xml',
              'application/x-www-form-urlencoded; charset=utf-16',
            ),
            payload: fc.oneof(
              fc.constantFrom(
                '%',
                'a=%ZZ&b=%E0%A4%A',
                '{"title":',
                '[1,2',
                '=&=&',
                '--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n',
                '\u0000\u0001',
                'title=' + 'w'.repeat(1_100_000),
                '{"_csrf":null}',
              ),
              fc.string({ unit: 'binary', maxLength: 200 }),
            ),
          }),
        },
      );
      return fc.record({ form: fc.constant(form), params, body });
    });

    let baseline = await rowCounts();
    const statuses = new Map<number, number>();
    const cookie = () => [...officer.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    await fc.assert(
      fc.asyncProperty(request, async ({ form, params, body }) => {
        const url = fillPath(form.route, params);
        let response: LightMyRequestResponse;
        const headers: Record<string, string> = { cookie: cookie(), accept: 'text/html' };
        if (body.kind === 'form') {
          const payload = new URLSearchParams();
          for (const [name, value] of Object.entries(body.fields))
            if (value !== undefined) for (const one of Array.isArray(value) ? value : [value]) payload.append(name, one);
          if (body.csrf === 'valid') payload.set('_csrf', csrf);
          if (body.csrf === 'wrong') payload.set('_csrf', `${csrf.slice(0, -2)}xx`);
          response = await app.inject({
            method: 'POST',
            url,
            payload: payload.toString(),
            headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
          });
        } else if (body.kind === 'json') {
          const payload =
            JSON.stringify(body.value && typeof body.value === 'object' && !Array.isArray(body.value) ? { ...body.value, _csrf: csrf } : body.value) ?? 'null';
          response = await app.inject({ method: 'POST', url, payload, headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': csrf } });
        } else {
          response = await app.inject({
            method: 'POST',
            url,
            payload: body.payload,
            headers: { ...headers, 'content-type': body.contentType, 'x-csrf-token': csrf },
          });
        }
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        expectClearRejection(response, `POST ${url.slice(0, 200)} (${body.kind})`);
        const after = await rowCounts();
        if (response.statusCode >= 300 && response.statusCode < 400) {
          baseline = after; // saved: the next rejection is compared with this
          return;
        }
        expect(after, `POST ${url.slice(0, 200)} answered ${response.statusCode} but changed the database`).toEqual(baseline);
      }),
      { numRuns: POST_RUNS, seed: 7777 },
    );
    console.log(`POST fuzz over ${forms.length} routes (${withFields} with their form's fields): statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    // Most posts were refused on their merits, not by the CSRF check before the handler.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(POST_RUNS / 7);
  }, 600_000);
});
