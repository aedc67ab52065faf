/**
 * Agenda packs as councils print them, from a meeting built in the back office: uploaded PDF and Word reports inserted
 * as their own pages (read back verbatim), "Page N of M" across the papers, the contents' page numbers pointing at
 * the right pages, exempt reports only in the restricted pack, a supplementary pack for an item added after the
 * agenda was published, each item's papers as a PDF, and the links on the public meeting page and the back office.
 */
import type { AddressInfo } from 'node:net';
import { Document, Packer, Paragraph } from 'docx';
import PDFKit from 'pdfkit';
import { PDFDocument } from 'pdf-lib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyCreator } from '../../src/services/committee/bodies.ts';
import { agendaItemAdder, agendaPublisher, meetingScheduler } from '../../src/services/committee/meetings.ts';
import { minuteWriter } from '../../src/services/committee/proceedings.ts';
import { minutesPublisher } from '../../src/services/committee/minutes-workflow.ts';
import { REPORT_MEDIA_TYPES, type ReportUpload } from '../../src/services/committee/report-upload.ts';
import { docxToPdf } from '../../src/services/documents/docx-to-pdf.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { axeViolations, chromiumMissing, launchChromium } from '../support/browser.ts';
import { Client, makeAccount, makeApp } from '../admin/support.ts';
import { docxText, libreoffice, pdfPages } from './read-back.ts';

const AUTHORITY = 'Kent County Council';
const SECRET = 'SECRETDOVERPRICE 1234567';

/** A PDF report of several pages, each saying which page of which report it is. */
function pdfReport(marker: string, pages: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const pdf = new PDFKit({ autoFirstPage: false });
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    for (let page = 1; page <= pages; page++) pdf.addPage().text(`${marker} page ${page} of the report as published`);
    pdf.end();
  });
}

async function docxReport(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph({ text: 'Report to the Committee' }), new Paragraph({ text })] }] }),
  );
  return new Uint8Array(buffer);
}

/** An upload as the form hands it on (read elsewhere: test/admin/report-upload.test.ts); its text stands in. */
function upload(filename: string, data: Uint8Array): ReportUpload {
  const mediaType = filename.endsWith('.pdf') ? REPORT_MEDIA_TYPES.pdf : REPORT_MEDIA_TYPES.docx;
  return { filename, mediaType, data, text: `The text read from ${filename}` };
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.skipIf(databaseUnavailable)('agenda packs with uploaded reports, exempt papers and supplements', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let meetingId: string;
  let councillor: Client;
  let scrutiny: Client;
  let officer: Client;
  let docxPages = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await makeApp(database);
    const bodyId = (await bodyCreator({ database, actor: 'cli', authorityName: AUTHORITY, name: 'Environment Committee', kind: 'committee' })).id;
    meetingId = (await meetingScheduler({ database, actor: 'cli', bodyId, date: '2011-11-08', startTime: '10:00', location: 'Darent Room', kind: 'ordinary' }))
      .id;
    const add = (title: string, extra: Partial<Parameters<typeof agendaItemAdder>[0]> = {}) =>
      agendaItemAdder({ database, actor: 'cli', authorityName: AUTHORITY, meetingId, title, exempt: false, exemptParagraphs: [], ...extra });
    await add('Apologies and substitutes');
    await add('Highway maintenance plan', { reportFile: upload('highways.pdf', await pdfReport('ORIGINALHIGHWAYS', 3)) });
    await add('Street lighting', { reportText: 'The street lighting contract ends in March.' });
    await add('Land disposal at Dover', { exempt: true, exemptParagraphs: [3], reportFile: upload('dover.pdf', await pdfReport(SECRET, 2)) });
    const docx = await docxReport('ORIGINALLIBRARY opening hours from April');
    await add('Library opening hours', { reportFile: upload('library.docx', docx) });
    if (libreoffice) docxPages = (await PDFDocument.load(await docxToPdf(docx))).getPageCount();
    await agendaPublisher({ database, actor: 'cli', meetingId, today: '2011-10-01', jurisdiction: 'england-and-wales' });
    // Added after publication: the supplementary pack 1.
    await add('Flood response', { reportFile: upload('flood.pdf', await pdfReport('ORIGINALFLOOD', 2)) });

    councillor = new Client(app);
    expect((await councillor.signIn((await makeAccount(database, 'councillor')).email)).statusCode).toBe(303);
    scrutiny = new Client(app);
    expect((await scrutiny.signIn((await makeAccount(database, 'scrutiny-officer')).email)).statusCode).toBe(303);
    officer = new Client(app);
    expect((await officer.signIn((await makeAccount(database, 'democratic-services')).email)).statusCode).toBe(303);
    // LibreOffice converts the Word report here, which takes minutes on a loaded machine.
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  async function pdfAt(client: Client, url: string): Promise<string[]> {
    const response = await client.get(url);
    expect(response.statusCode, url).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    return pdfPages(response.rawPayload);
  }

  it('inserts each uploaded report as its own pages, counted into the contents and the footers', async () => {
    const pages = await pdfAt(new Client(app), linkTo('meeting.agendaPack.pdf', { id: meetingId }));
    const front = pages.findIndex((page) => page.includes('Agenda Item '));
    expect(front).toBeGreaterThan(0);
    // Generated pages: the heading pages of items 2 and 5 and the written report of item 3; then the originals.
    const generated = 3;
    if (libreoffice) expect(pages.length).toBe(front + generated + 3 + docxPages);
    const numbered = pages.length - front;
    pages.slice(front).forEach((page, index) =>
      expect(
        flat(page)
          .trim()
          .endsWith(`Page ${index + 1} of ${numbered}`),
        `page ${front + index + 1}`,
      ).toBe(true),
    );

    // The PDF report's pages follow its heading page, verbatim and one to a page.
    const heading = pages.findIndex((page) => page.includes('Agenda Item 2'));
    expect(pages[heading]).toContain('The report follows as published: highways.pdf (3 pages).');
    for (let page = 1; page <= 3; page++) expect(flat(pages[heading + page]!)).toContain(`ORIGINALHIGHWAYS page ${page} of the report as published`);
    expect(pages.join('\n')).not.toContain('ORIGINALHIGHWAYS page 4');

    // The contents print the footer numbers of the pages the papers are on.
    const contents = flat(pages.slice(0, front).join('\n'));
    const first = heading - front + 1;
    expect(contents).toContain(`2. Highway maintenance plan (${first} - ${first + 3})`);
    const street = pages.findIndex((page) => page.includes('Agenda Item 3'));
    expect(contents).toContain(`3. Street lighting (${street - front + 1})`);
    expect(pages[street]).toContain('The street lighting contract ends in March.');
    if (libreoffice) {
      const library = pages.findIndex((page) => page.includes('Agenda Item 5'));
      expect(flat(pages[library + 1]!)).toContain('ORIGINALLIBRARY opening hours from April');
      expect(contents).toContain(`5. Library opening hours (${library - front + 1} - ${library - front + 1 + docxPages})`);
    }
  });

  it('lists the exempt item with its paragraph and nothing of its report in anything public', async () => {
    const anonymous = new Client(app);
    const text = flat((await pdfAt(anonymous, linkTo('meeting.agendaPack.pdf', { id: meetingId }))).join('\n'));
    expect(text).toContain('4. Land disposal at Dover');
    expect(text).toContain('Schedule 12A paragraph 3');
    expect(text).not.toContain('SECRETDOVER');
    expect(text).not.toContain('dover.pdf');
    const supplement = flat((await pdfAt(anonymous, linkTo('meeting.supplementaryPack.pdf', { id: meetingId, number: 1 }))).join('\n'));
    expect(supplement).not.toContain('SECRETDOVER');
    expect((await anonymous.get(linkTo('meeting.itemPapers.pdf', { id: meetingId, number: '4' }))).statusCode).toBe(404);
    const docx = await anonymous.get(linkTo('meeting.agendaPack.docx', { id: meetingId }));
    expect(docx.statusCode).toBe(200);
    const docxContent = await docxText(docx.rawPayload);
    expect(docxContent).toContain('Land disposal at Dover');
    expect(docxContent).not.toContain('dover.pdf');
  });

  it('serves the restricted pack, with the exempt report, only to members and officers', async () => {
    const url = linkTo('admin.meeting.agendaPack.pdf', { id: meetingId });
    expect((await new Client(app).get(url)).statusCode).not.toBe(200);
    expect((await scrutiny.get(url)).statusCode).toBe(403);
    const pages = await pdfAt(councillor, url);
    const text = flat(pages.join('\n'));
    expect(text).toContain('RESTRICTED PACK for members and officers');
    const dover = pages.findIndex((page) => page.includes('Agenda Item 4'));
    expect(pages[dover]).toContain('NOT FOR PUBLICATION');
    expect(flat(pages[dover + 1]!)).toContain(`${SECRET} page 1 of the report as published`);
    expect(flat(pages[dover + 2]!)).toContain(`${SECRET} page 2 of the report as published`);
    const item = await pdfAt(officer, linkTo('admin.meeting.itemPapers.pdf', { id: meetingId, number: '4' }));
    expect(item).toHaveLength(3);
    expect((await scrutiny.get(linkTo('admin.meeting.itemPapers.pdf', { id: meetingId, number: '4' }))).statusCode).toBe(403);
  });

  it('puts an item added after publication in a supplementary pack, not in the pack as published', async () => {
    const anonymous = new Client(app);
    const pack = flat((await pdfAt(anonymous, linkTo('meeting.agendaPack.pdf', { id: meetingId }))).join('\n'));
    expect(pack).not.toContain('Flood response');
    expect(pack).not.toContain('ORIGINALFLOOD');
    const pages = await pdfAt(anonymous, linkTo('meeting.supplementaryPack.pdf', { id: meetingId, number: 1 }));
    const front = pages.findIndex((page) => page.includes('Agenda Item 6'));
    expect(flat(pages.slice(0, front).join('\n'))).toContain('Supplementary agenda pack 1');
    expect(flat(pages.slice(0, front).join('\n'))).toContain('6. Flood response (1 - 3)');
    expect(pages).toHaveLength(front + 3);
    expect(flat(pages[front + 2]!)).toContain('ORIGINALFLOOD page 2 of the report as published');
    expect(
      flat(pages[front + 2]!)
        .trim()
        .endsWith('Page 3 of 3'),
    ).toBe(true);
    expect((await anonymous.get(linkTo('meeting.supplementaryPack.pdf', { id: meetingId, number: 2 }))).statusCode).toBe(404);
  });

  it("makes each item's papers a PDF of their own", async () => {
    const anonymous = new Client(app);
    const pages = await pdfAt(anonymous, linkTo('meeting.itemPapers.pdf', { id: meetingId, number: '2' }));
    expect(pages).toHaveLength(4);
    expect(pages[0]).toContain('Agenda Item 2');
    expect(flat(pages[3]!)).toContain('ORIGINALHIGHWAYS page 3 of the report as published');
    expect(flat(pages[3]!).trim().endsWith('Page 4 of 4')).toBe(true);
    // An item without papers has no document.
    expect((await anonymous.get(linkTo('meeting.itemPapers.pdf', { id: meetingId, number: '1' }))).statusCode).toBe(404);
  });

  it('links the documents from the public meeting page and the back office', async () => {
    await minuteWriter({
      database,
      actor: 'cli',
      meetingId,
      title: 'Highway maintenance plan',
      text: 'The Committee noted the plan.',
      resolutions: [],
      exempt: false,
    });
    await minutesPublisher({ database, actor: 'cli', meetingId });
    const page = (await new Client(app).get(linkTo('meeting.show', { id: meetingId }))).body;
    expect(page).toContain(`href="${linkTo('meeting.agendaPack.pdf', { id: meetingId })}"`);
    expect(page).toContain(`href="${linkTo('meeting.supplementaryPack.pdf', { id: meetingId, number: 1 })}"`);
    for (const number of ['2', '3', '5', '6']) expect(page).toContain(`href="${linkTo('meeting.itemPapers.pdf', { id: meetingId, number })}"`);
    expect(page).not.toContain(linkTo('meeting.itemPapers.pdf', { id: meetingId, number: '4' }));
    expect(page).not.toContain('/admin/');
    expect(page).toContain(`href="${linkTo('meeting.minutes.pdf', { id: meetingId })}"`);
    expect(page).toContain(`href="${linkTo('meeting.minutes.docx', { id: meetingId })}"`);
    expect(flat(page.replace(/<[^>]+>/g, ' '))).toMatch(/Minutes \(PDF\) Draft/);

    const admin = (await officer.get(linkTo('admin.meeting', { id: meetingId }))).body;
    expect(admin).toContain(`href="${linkTo('admin.meeting.agendaPack.pdf', { id: meetingId })}"`);
    expect(admin).toContain(`href="${linkTo('admin.meeting.itemPapers.pdf', { id: meetingId, number: '4' })}"`);
    expect(admin).toContain(`href="${linkTo('admin.meeting.supplementaryPack.pdf', { id: meetingId, number: 1 })}"`);
    expect(admin).toContain(`href="${linkTo('admin.meeting.minutes.pdf', { id: meetingId })}"`);
  });

  it.skipIf(Boolean(chromiumMissing))('the documents on the public meeting page pass axe', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}${linkTo('meeting.show', { id: meetingId })}`);
      await page.getByRole('heading', { name: 'Documents' }).waitFor();
      expect(await page.getByRole('link', { name: 'Supplementary pack 1' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
