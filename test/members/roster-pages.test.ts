/** The roster upload in the back office over HTTP: the page, a preview, problems by line, confirm, and the downloads. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertBody } from '../support/factories.ts';
import { Client, makeAccount, makeApp } from '../admin/support.ts';

const HEADER = 'family_name,given_name,honorific,group,ward,committees';

describe.skipIf(databaseUnavailable)('members roster pages', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    const authority = await database.db
      .insertInto('authority')
      .values({ id: 'authority-kent', name: 'Kent County Council' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertBody(database.db, authority.id, { name: 'Planning Committee', slug: 'planning-committee', kind: 'committee' });
    app = await makeApp(database);
    const account = await makeAccount(database, 'democratic-services');
    officer = new Client(app);
    await officer.signIn(account.email);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('is for democratic services only', async () => {
    const councillor = await makeAccount(database, 'councillor');
    const client = new Client(app);
    await client.signIn(councillor.email);
    expect((await client.get('/admin/members')).statusCode).toBe(403);
    expect((await new Client(app).get('/admin/members.csv')).statusCode).toBe(303);
  });

  it('shows the upload form and the downloads', async () => {
    const page = await officer.get('/admin/members');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Members, groups and committees</h1>');
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain('href="/admin/members.xlsx"');
  });

  it('lists every problem with its line and column, escaped, and saves nothing', async () => {
    const csv = `${HEADER}\nWhittle,Jenny,Mrs,Labour,Canterbury North,Planning Committee (chair)\n<b>Smith</b>,Ann,Ms,,,Planning Committee (boss)\n`;
    const page = await officer.postMultipart(
      '/admin/members/upload',
      { from: '2024-05-01' },
      { rosterFile: { filename: 'members.csv', content: csv, type: 'text/csv' } },
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<title>Error: Members, groups and committees');
    expect(page.body).toContain('govuk-error-summary');
    expect(page.body).toContain('href="#rosterFile">Line 3, committees: &quot;boss&quot; is not a role: use chair, vice-chair, member or substitute</a>');
    expect(page.body).toMatch(/<td class="govuk-table__cell">3<\/td><td class="govuk-table__cell">committees<\/td>/);
    expect(page.body).not.toContain('<b>Smith</b>');
    expect(await database.db.selectFrom('person').select('id').execute()).toEqual([]);
  });

  it('refuses a missing file and an impossible date on their fields', async () => {
    const page = await officer.postMultipart('/admin/members/upload', { from: '2024-02-31' }, {});
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('href="#from">Enter the day the roster takes effect as a real date</a>');
    expect(page.body).toContain('href="#rosterFile">Choose a CSV or Excel (.xlsx) file</a>');
  });

  it('previews the changes, then saves them all on confirmation', async () => {
    const csv = `${HEADER}\nWhittle,Jenny,Mrs,Labour,Canterbury North,Planning Committee (chair)\n`;
    const preview = await officer.postMultipart(
      '/admin/members/upload',
      { from: '2024-05-01' },
      { rosterFile: { filename: 'members.csv', content: csv, type: 'text/csv' } },
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<h1 class="govuk-heading-l">Check the changes before saving</h1>');
    expect(preview.body).toContain('<li>Planning Committee: chair from 1 May 2024</li>');
    expect(preview.body).toContain('Nothing has been saved yet.');
    expect(await database.db.selectFrom('person').select('id').execute()).toEqual([]);
    const lines = /name="lines" value="([^"]*)"/.exec(preview.body)![1]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&#39;', "'");
    const saved = await officer.post('/admin/members/confirm', { from: '2024-05-01', lines });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('1 of 1 members changed, from Wednesday, 1 May 2024');
    const person = await database.db.selectFrom('person').select(['family_name', 'kind']).executeTakeFirstOrThrow();
    expect(person).toEqual({ family_name: 'Whittle', kind: 'member' });
  });

  it('refuses a damaged confirmation', async () => {
    const page = await officer.post('/admin/members/confirm', { from: '2024-05-01', lines: '{not json' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('The confirmation is damaged: upload the file again');
  });

  it("sets a committee's terms of reference and clerk on its back-office page, shown on its public page", async () => {
    const body = await database.db.selectFrom('body').select('id').where('slug', '=', 'planning-committee').executeTakeFirstOrThrow();
    const form = await officer.get(`/admin/bodies/${body.id}`);
    expect(form.body).toContain('<label class="govuk-label" for="termsOfReference">');
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const bad = await officer.post(`/admin/bodies/${body.id}`, {
      name: 'Planning Committee',
      kind: 'committee',
      termsOfReference: 'x',
      clerkEmail: 'not an email',
      version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#clerkEmail">Enter an email address like democratic.services@council.gov.uk</a>');
    const saved = await officer.post(`/admin/bodies/${body.id}`, {
      name: 'Planning Committee',
      kind: 'committee',
      termsOfReference: 'To determine planning applications.',
      clerkName: 'Anna Taylor',
      clerkEmail: 'anna.taylor@kent.example',
      clerkPhone: '03000 416478',
      version,
    });
    expect(saved.statusCode).toBe(303);
    const page = await officer.get('/committees/planning-committee');
    expect(page.body).toContain('<p class="govuk-body">To determine planning applications.</p>');
    expect(page.body).toContain('Anna Taylor, clerk to the committee');
    expect(page.body).toContain('<li>Telephone: 03000 416478</li>');
  });

  it('downloads the roster as CSV and XLSX', async () => {
    const csv = await officer.get('/admin/members.csv?on=2024-06-01');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="members-2024-06-01.csv"');
    expect(csv.body).toMatch(/Mrs,Jenny,Whittle,Labour,Canterbury North,,,,,Planning Committee \(chair\)/);
    const xlsx = await officer.get('/admin/members.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
