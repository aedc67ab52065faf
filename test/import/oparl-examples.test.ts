/**
 * `quorum import --oparl` against the official OParl 1.1 example objects, served by a small local server: what the
 * examples hold is copied, references to objects the examples do not include are reported with the URL of the
 * object holding them, a bad object is reported and not written, and a 429 with Retry-After is waited out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oparlImporter, type OParlImportSummary } from '../../src/import/oparl/importer.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { PDF_BYTES, startExamplesServer, type ExamplesServer } from './support/oparl-examples-server.ts';

const FAST = { requestsPerSecond: 1000, backoffMs: 1 };
const BAD_PERSON = 'https://oparl.example.org/person/bad';

describe.skipIf(databaseUnavailable)('quorum import --oparl: the official OParl examples', () => {
  let server: ExamplesServer;
  let copy: TestDatabase;
  let summary: OParlImportSummary;
  const url = (path: string) => `${server.baseUrl}${path}`;

  beforeAll(async () => {
    server = await startExamplesServer({
      // A made-up bad object: a Person with neither familyName nor name.
      extra: { persons: [{ id: BAD_PERSON, type: 'https://schema.oparl.org/1.1/Person', givenName: 'Nameless' }] },
      throttleOnce: ['/body/0/meetings/'],
    });
    copy = await createTestDatabase();
  }, 60_000);

  afterAll(async () => {
    await copy?.destroy();
    await server?.close();
  });

  it('copies the Body, organisation, person, meeting with its agenda item, and paper with its file', async () => {
    summary = await oparlImporter({ database: copy, url: server.systemUrl, actor: 'test', client: FAST });
    expect(summary.completed).toBe(true);
    const db = copy.db;
    expect(await db.selectFrom('authority').select('name').execute()).toEqual([{ name: 'Stadt Köln, kreisfreie Stadt' }]);
    expect(await db.selectFrom('body').select(['name', 'kind']).execute()).toEqual([{ name: 'Ausschuss für Haushalt und Finanzen', kind: 'committee' }]);
    expect(await db.selectFrom('person').select(['family_name', 'given_name', 'honorific', 'post_nominals', 'kind']).execute()).toEqual([
      { family_name: 'Mustermann', given_name: 'Max', honorific: 'Ratsfrau', post_nominals: ['Prof.', 'Dr.'], kind: 'member' },
    ]);
    // 08:00 at +01:00 on 4 January is 07:00 in London (GMT).
    expect(await db.selectFrom('meeting').select(['date', 'start_time', 'end_time', 'location', 'status']).execute()).toEqual([
      {
        date: '2013-01-04',
        start_time: '07:00:00',
        end_time: '11:00:00',
        location: 'Rathaus der Beispielstadt, Ratshausplatz 1, 12345 Beispielstadt',
        status: 'held',
      },
    ]);
    expect(await db.selectFrom('agenda_item').select(['number', 'position', 'title', 'exempt']).execute()).toEqual([
      { number: '10.1', position: 1, title: 'Satzungsänderung für Ausschreibungen', exempt: false },
    ]);
    expect(await db.selectFrom('resolution').select('text').execute()).toEqual([{ text: 'Der Beschluss weicht wie folgt vom Antrag ab: ...' }]);
    const report = await db
      .selectFrom('report')
      .select(['subject', 'report_date', 'original_filename', 'original_media_type', 'original_file_sha256'])
      .executeTakeFirstOrThrow();
    expect(report).toMatchObject({
      subject: 'Antwort auf Anfrage 1200/2014',
      report_date: '2014-04-04',
      original_filename: 'anlage_1_zur_anfrage.pdf',
      original_media_type: 'application/pdf',
    });
    const stored = await db.selectFrom('stored_file').select('content').where('sha256', '=', report.original_file_sha256!).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.content).equals(PDF_BYTES)).toBe(true);
  });

  it('reports each object it could not copy with its URL and why', () => {
    expect(summary.problems).toEqual(
      expect.arrayContaining([
        { url: url('/memberships/385'), message: `organization: ${url('/organizations/5')} is not a copied body or political_group` },
        { url: url('/memberships/693'), message: `organization: ${url('/organizations/9')} is not a copied body or political_group` },
        { url: url('/paper/749'), message: `consultation.agendaItem: ${url('/agendaitem/15569')} is not a copied agenda item` },
        { url: BAD_PERSON, message: 'familyName: a person needs a familyName or a name' },
      ]),
    );
    expect(summary.problems).toHaveLength(4);
  });

  it('waits out a 429 and asks again', () => {
    expect(server.requests.filter((request) => request.startsWith('GET /body/0/meetings/'))).toHaveLength(2);
  });

  it('creates nothing when run again', async () => {
    const again = await oparlImporter({ database: copy, url: server.systemUrl, actor: 'test', client: FAST });
    expect(again.created).toEqual({});
    expect(again.updated).toEqual({});
  });

  it('copies one Body when given its URL instead of the System', async () => {
    const single = await createTestDatabase();
    const before = server.requests.length;
    try {
      const result = await oparlImporter({ database: single, url: url('/body/0'), actor: 'test', client: FAST });
      expect(result.created).toMatchObject({ authority: 1, body: 1, person: 1, meeting: 1, report: 1 });
      // Neither the System nor its body list was asked for.
      expect(server.requests.slice(before).filter((request) => request === 'GET /' || request.startsWith('GET /bodies'))).toEqual([]);
    } finally {
      await single.destroy();
    }
  });
});
