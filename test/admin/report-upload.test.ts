/**
 * Reports uploaded as PDF or DOCX on the agenda item form: the text read into the report (search, pages, pack), the
 * original kept for the public to download, exempt originals never served, bad files refused with nothing stored.
 */
import { Document, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/domain/roles.ts';
import { bodyCreator } from '../../src/services/committee/bodies.ts';
import { agendaPublisher, meetingScheduler } from '../../src/services/committee/meetings.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { Client, csrfFrom, makeAccount, makeApp } from './support.ts';

const AUTHORITY = 'Kent County Council';

async function docxWith(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph({ text: 'Report to the Committee' }), new Paragraph({ text })] }] }),
  );
  return new Uint8Array(buffer);
}

function pdfWith(text: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const pdf = new PDFDocument();
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.text(text);
    pdf.end();
  });
}

describe.skipIf(databaseUnavailable)('reports uploaded as PDF or DOCX', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let officer: Client;
  let meetingId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await makeApp(database);
    const account = await makeAccount(database, 'democratic-services');
    officer = new Client(app);
    expect((await officer.signIn(account.email)).statusCode).toBe(303);
    const actor: SessionUser = { id: account.id, email: account.email, name: 'Officer', roles: ['democratic-services'], personId: null };
    const body = await bodyCreator({ database, actor, authorityName: AUTHORITY, name: 'Education Committee', kind: 'committee' });
    meetingId = (
      await meetingScheduler({ database, actor, bodyId: body.id, date: '2011-09-14', startTime: '10:00', location: 'Darent Room', kind: 'ordinary' })
    ).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  async function upload(fields: Record<string, string>, file: { filename: string; content: Uint8Array<ArrayBuffer>; type?: string }) {
    const page = await officer.get(linkTo('admin.meeting', { id: meetingId }));
    expect(page.body).toContain('enctype="multipart/form-data"');
    return officer.postMultipart(linkTo('admin.meeting.agendaItems', { id: meetingId }), fields, { reportFile: file }, { csrf: csrfFrom(page.body) });
  }

  it('reads a DOCX report into the record and lets the public download the original', async () => {
    const bytes = await docxWith('The review of the zither tuition service found rising demand in every district.');
    const response = await upload({ title: 'Zither tuition review' }, { filename: 'zither review.docx', content: bytes });
    expect(response.statusCode).toBe(303);
    const report = await database.db.selectFrom('report').selectAll().where('subject', '=', 'Zither tuition review').executeTakeFirstOrThrow();
    expect(report.full_text).toContain('rising demand in every district');
    expect(report).toMatchObject({
      original_filename: 'zither review.docx',
      original_media_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    // The report is public once the agenda is published (issue 15).
    await agendaPublisher({ database, actor: 'cli', meetingId, today: '2011-09-01', jurisdiction: 'england-and-wales', confirmLate: true });
    const page = await new Client(app).get(linkTo('report.show', { id: report.id }));
    expect(page.body).toContain('Download the report as published (Word document): zither review.docx');
    const original = await new Client(app).get(linkTo('report.original', { id: report.id }));
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-disposition']).toContain("filename*=UTF-8''zither%20review.docx");
    expect(new Uint8Array(original.rawPayload)).toEqual(bytes);
    const search = await new Client(app).get(`${linkTo('search')}?q=zither`);
    expect(search.body.replace(/<[^>]+>/g, '')).toContain('Zither tuition review');
  });

  it('reads a PDF report', async () => {
    const response = await upload(
      { title: 'Quarterly performance' },
      {
        filename: 'performance.pdf',
        content: await pdfWith('Performance improved in the quarter against every xylophone indicator.'),
        type: 'application/pdf',
      },
    );
    expect(response.statusCode).toBe(303);
    const report = await database.db
      .selectFrom('report')
      .select(['full_text', 'original_media_type'])
      .where('subject', '=', 'Quarterly performance')
      .executeTakeFirstOrThrow();
    expect(report.full_text).toContain('xylophone indicator');
    expect(report.original_media_type).toBe('application/pdf');
  });

  it('refuses a file that is not a PDF or DOCX, and one with both a file and written text, storing nothing', async () => {
    const before = (await database.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).execute()).length;
    const text = await upload(
      { title: 'Not a report' },
      { filename: 'notes.txt', content: new Uint8Array(Buffer.from('just some notes')), type: 'text/plain' },
    );
    expect(text.statusCode).toBe(400);
    expect(text.body).toContain('Upload the report as a PDF or Word (DOCX) file: notes.txt is not one');
    expect(text.body).toContain('href="#agenda-reportFile"');
    expect(text.body).toContain('value="Not a report"');
    const fake = await upload({ title: 'Broken' }, { filename: 'broken.docx', content: new Uint8Array(Buffer.from('PK\u0003\u0004 not really a zip')) });
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('broken.docx could not be read');
    const both = await upload({ title: 'Both', reportText: 'Written too.' }, { filename: 'both.docx', content: await docxWith('Uploaded.') });
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('Upload the report or write it here, not both');
    expect((await database.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).execute()).length).toBe(before);
  });

  it('never serves the original of an exempt report to the public', async () => {
    const canary = 'CANARY-UPLOADED-EXEMPT-7731';
    const response = await upload(
      { title: 'Land disposal', exempt: 'yes', exemptParagraphs: '3' },
      { filename: 'land.docx', content: await docxWith(`Bids received: ${canary}`) },
    );
    expect(response.statusCode).toBe(303);
    const report = await database.db.selectFrom('report').select(['id', 'full_text']).where('subject', '=', 'Land disposal').executeTakeFirstOrThrow();
    expect(report.full_text).toContain(canary);
    expect((await new Client(app).get(linkTo('report.original', { id: report.id }))).statusCode).toBe(404);
    expect((await new Client(app).get(linkTo('report.show', { id: report.id }))).statusCode).toBe(404);
    // The search page repeats the query, so search for the words around the canary instead.
    const search = await new Client(app).get(`${linkTo('search')}?q=${encodeURIComponent('Bids received')}`);
    expect(search.statusCode).toBe(200);
    expect(search.body).not.toContain(canary);
    expect(search.body).not.toContain(linkTo('report.show', { id: report.id }));
  });
});
