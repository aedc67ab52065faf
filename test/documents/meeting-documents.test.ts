/**
 * The generated agenda pack of the 12 May 2011 Council meeting and the minutes of 6 April 2011, made from the imported
 * seed papers and read back: PDF text page by page (order of items, page numbers in the agenda and in the footers,
 * exempt text absent), DOCX text, the first page rendered to PNG, and the download routes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../src/config.ts';
import { paperImporter } from '../../src/services/paper-importer.ts';
import { agendaPackDocument, minutesDocument, type GeneratedDocument } from '../../src/services/documents/meeting-documents.ts';
import type { AgendaPackItem } from '../../src/services/documents/agenda-pack-content.ts';
import { createApp } from '../../src/server/app.ts';
import { linkTo } from '../../src/http/routes.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { inCi } from '../support/engine.ts';
import { goldFacts, seedsDir } from '../support/seeds.ts';
import { convertWithLibreOffice, docxText, libreoffice, pdfPages, pdftoppm, renderPage } from './read-back.ts';

const outputDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-output');

if (!pdftoppm && inCi) throw new Error('pdftoppm is required in CI: apt-get install -y poppler-utils');
if (!pdftoppm) console.warn('SKIPPING the PNG rendering of the agenda pack: apt-get install -y poppler-utils');
if (!libreoffice)
  console.warn('SKIPPING the LibreOffice check that the DOCX files open: LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui)');

const config: Config = {
  dataDir: '/nonexistent',
  papersDir: '/nonexistent',
  port: 0,
  host: '127.0.0.1',
  logLevel: 'silent',
  authorityName: 'Kent County Council',
  holidays: 'england-and-wales',
};

/** Every index of each needle in order, failing if one is missing or out of order. */
function expectInOrder(text: string, needles: string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.skipIf(databaseUnavailable)('generated agenda pack and minutes from the seed papers', () => {
  let database: TestDatabase;
  let councilMeetingId: string;
  let aprilMeetingId: string;
  let pack: GeneratedDocument & { items: AgendaPackItem[] };
  let pages: string[];
  const gold = goldFacts()['001_078369eba01f855e.txt'];

  const meetingOn = async (body: string, date: string) => {
    const row = await database.db
      .selectFrom('meeting')
      .innerJoin('body', 'body.id', 'meeting.body_id')
      .select('meeting.id')
      .where('body.name', '=', body)
      .where('meeting.date', '=', date)
      .executeTakeFirstOrThrow();
    return row.id;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'test' });
    expect(summary.failed).toBe(0);
    councilMeetingId = await meetingOn('Kent County Council', '2011-05-12');
    aprilMeetingId = await meetingOn('Kent County Council', '2011-04-06');
    pack = (await agendaPackDocument(database.db, { meetingId: councilMeetingId, format: 'pdf', audience: 'public' }))!;
    pages = await pdfPages(pack.bytes);
    fs.mkdirSync(outputDir, { recursive: true });
    fs.writeFileSync(path.join(outputDir, pack.fileName), pack.bytes);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('the front sheet is the summons: title, date, time, place, webcasting notice', () => {
    const front = flat(pages[0]!);
    const meeting = gold.meetings[0];
    expectInOrder(front, ['Summons to and', 'Agenda for the', 'Annual Meeting on', 'Thursday 12 May 2011', 'at 10.00 am']);
    expect(front).toContain(`in the ${meeting.location} on Thursday, 12 May 2011 at 10.00 am`);
    expect(front).toContain('The meeting is scheduled to end by 4.30 pm.');
    expect(front).toContain('Webcasting Notice');
    expect(pack.fileName).toBe('kent-county-council-2011-05-12-agenda-pack.pdf');
  });

  it('the agenda lists all 14 items in order, with the page ranges of this pack', () => {
    const meeting = gold.meetings[0];
    expect(pack.items).toHaveLength(meeting.agendaItemCount);
    const front = flat(pages.slice(0, 2).join('\n'));
    expectInOrder(
      front,
      pack.items.map((item) => `${item.number}. ${item.title}`),
    );
    for (const sample of meeting.agendaItemsSample) {
      const item = pack.items.find((candidate) => candidate.number === sample.number)!;
      expect(item.title).toBe(sample.title);
      // The printed range of the imported agenda is kept for comparison.
      expect(item.printedPages).toBe(sample.pages === null ? null : sample.pages.replace('-', ' - '));
    }
    // The oral report has no papers, so no pages; items with papers print their range from this pack.
    const oral = pack.items.find((item) => item.number === '8')!;
    expect(oral.partKey).toBeNull();
    expect(front).toMatch(/8\. Report by Leader of the Council \(Oral\) 9\./);
    for (const item of pack.items.filter((candidate) => candidate.partKey)) {
      const range = pack.pageRanges!.get(item.partKey!)!;
      const printed = range.from === range.to ? `${range.from}` : `${range.from} - ${range.to}`;
      expect(front).toContain(`${item.number}. ${item.title} (${printed})`);
    }
    // The comparison with the agenda as first printed (item 11 carried the 66-page improvement plan).
    expect(front).toContain('First printed');
    expect(front).toMatch(/11 Putting Children First[^)]*?\d+ - \d+ 21 - 86/);
  });

  it('papers follow in agenda order, each from a new page whose footer number matches the agenda', () => {
    const withPapers = pack.items.filter((item) => item.partKey);
    expect(withPapers.map((item) => item.number)).toEqual(['5', '7', '9', '10', '11', '12', '13', '14']);
    const frontSheetPages = pages.findIndex((page) => page.includes('Agenda Item '));
    expect(frontSheetPages).toBeGreaterThan(0);
    // Every numbered page carries its footer; the front sheet carries none.
    pages.forEach((page, index) => {
      if (index < frontSheetPages) expect(page).not.toMatch(/\bPage \d+ of \d+\s*$/);
      else expect(page.trim().endsWith(`Page ${index - frontSheetPages + 1} of ${pages.length - frontSheetPages}`)).toBe(true);
    });
    let previousEnd = 0;
    for (const item of withPapers) {
      const range = pack.pageRanges!.get(item.partKey!)!;
      expect(range.from).toBe(previousEnd + 1);
      expect(range.to).toBeGreaterThanOrEqual(range.from);
      const first = pages[frontSheetPages + range.from - 1]!;
      expect(first).toContain(`Agenda Item ${item.number}`);
      previousEnd = range.to;
    }
    expect(previousEnd).toBe(pages.length - frontSheetPages);
    // The real content: the minutes of 6 April under item 5, the reports by their subjects.
    const pageOf = (number: string) => flat(pages[frontSheetPages + pack.pageRanges!.get(`item-${number}`)!.from - 1]!);
    expect(pageOf('5')).toContain('MINUTES of a meeting of the Kent County Council held in the Council Chamber');
    expect(pageOf('9')).toContain('Subject: Removal of Senior Officer Medical Insurance');
    expect(pageOf('10')).toContain('Annual Report of the Independent Remuneration Panel');
    expect(pageOf('13')).toContain('Governance and Audit Committee');
    expect(pageOf('14')).toContain('Planning Applications Committee');
    expect(flat(pages.join('\n'))).toContain(`Question 1 by`);
  });

  it('the exempt minute of the Governance and Audit Committee shows only its title and paragraphs in the public pack', async () => {
    const text = flat(pages.join('\n'));
    expect(text).toContain('15. Internal Audit - Irregularities');
    expect(text).toContain('Exempt: Schedule 12A paragraphs 2 and 7');
    const exempt = await database.db.selectFrom('minute').select('text').where('title', '=', 'Internal Audit - Irregularities').executeTakeFirstOrThrow();
    const sentence = flat(exempt.text).slice(4, 70);
    expect(sentence.length).toBeGreaterThan(40);
    expect(text).not.toContain(sentence);
    const officers = await agendaPackDocument(database.db, { meetingId: councilMeetingId, format: 'pdf', audience: 'officers' });
    expect(flat((await pdfPages(officers!.bytes)).join('\n'))).toContain(sentence);
  });

  it('renders the first page to PNG for a person to look at', (context) => {
    if (!pdftoppm) {
      if (process.env.CI === 'true') throw new Error('pdftoppm is missing: .ci/run installs poppler-utils');
      return context.skip('apt-get install -y poppler-utils');
    }
    const png = renderPage(path.join(outputDir, pack.fileName), 1, path.join(outputDir, 'agenda-pack-page1'));
    const bytes = fs.readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('the DOCX pack holds the same agenda, with page references filled in, and the same papers', async () => {
    const docx = (await agendaPackDocument(database.db, { meetingId: councilMeetingId, format: 'docx', audience: 'public' }))!;
    expect(docx.fileName).toBe('kent-county-council-2011-05-12-agenda-pack.docx');
    fs.writeFileSync(path.join(outputDir, docx.fileName), docx.bytes);
    const text = flat(await docxText(docx.bytes));
    expectInOrder(text, ['Summons to and', 'Thursday 12 May 2011', 'A G E N D A', ...pack.items.map((item) => `${item.number}. ${item.title}`)]);
    expect(text).toMatch(/5\. Minutes of the meeting held on 6 April 2011, if in order, to be approved as a correct record \(1 - \d+\)/);
    expect(text).toMatch(/11\. Putting Children First: Kent Safeguarding and Looked After Children Improvement Plan \(\d+ - \d+\)/);
    expectInOrder(text, [
      'Agenda Item 5',
      'Agenda Item 7',
      'Agenda Item 9',
      'Agenda Item 10',
      'Agenda Item 11',
      'Agenda Item 12',
      'Agenda Item 13',
      'Agenda Item 14',
    ]);
    expect(text).toContain('15. Internal Audit - Irregularities');
  });

  it('the minutes of 6 April 2011: heading, attendance, apologies, numbered minutes, resolutions and the recorded vote', async () => {
    const fact = gold.meetings[1];
    const minutes = (await minutesDocument(database.db, { meetingId: aprilMeetingId, format: 'pdf', audience: 'public' }))!;
    expect(minutes.fileName).toBe('kent-county-council-2011-04-06-minutes.pdf');
    fs.writeFileSync(path.join(outputDir, minutes.fileName), minutes.bytes);
    const minutePages = await pdfPages(minutes.bytes);
    minutePages.forEach((page, index) => expect(page.trim().endsWith(`Page ${index + 1} of ${minutePages.length}`)).toBe(true));
    const text = flat(minutePages.join('\n'));
    expectInOrder(text, [
      'KENT COUNTY COUNCIL',
      `MINUTES of a meeting of the Kent County Council held in the ${fact.location} on Wednesday, 6 April 2011.`,
      'PRESENT:',
      `${fact.chairman} (Chairman)`,
      `${fact.viceChairman} (Vice-Chairman)`,
      'IN ATTENDANCE:',
    ]);
    for (const name of fact.inAttendance) expect(text).toContain(name);
    expect(text).toContain(`APOLOGIES: ${fact.apologies.join(', ')}`);
    expectInOrder(
      text,
      Array.from({ length: 15 }, (_, index) => `${9 + index}. `),
    );
    const vote = fact.voteEvents[0];
    expectInOrder(text, [
      `${vote.minuteNumber}. Motion for Time Limited Debate`,
      `For (${vote.for})`,
      `Abstain (${vote.abstain})`,
      `Against (${vote.against})`,
      vote.result,
    ]);
    expect(text).toContain('Resolved unanimously: that this Council desires to record the sense of loss');

    const docx = (await minutesDocument(database.db, { meetingId: aprilMeetingId, format: 'docx', audience: 'public' }))!;
    fs.writeFileSync(path.join(outputDir, docx.fileName), docx.bytes);
    const docxPlain = flat(await docxText(docx.bytes));
    expectInOrder(docxPlain, [
      'KENT COUNTY COUNCIL',
      'PRESENT:',
      `${fact.chairman} (Chairman)`,
      '9. Introduction/Webcasting',
      '22. Motion for Time Limited Debate',
      `For (${vote.for})`,
      '23. Minutes for Information',
    ]);
  });

  it('the DOCX files open in LibreOffice', async (context) => {
    if (!libreoffice) {
      if (process.env.CI === 'true') throw new Error('LibreOffice is missing: .ci/run installs libreoffice-writer-nogui');
      return context.skip('LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui)');
    }
    const converted = convertWithLibreOffice(path.join(outputDir, 'kent-county-council-2011-05-12-agenda-pack.docx'), path.join(outputDir, 'libreoffice'));
    const convertedPages = await pdfPages(fs.readFileSync(converted));
    expect(convertedPages.length).toBeGreaterThan(10);
    expect(flat(convertedPages.join('\n'))).toContain('Agenda Item 14');
  });

  describe('download routes', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await createApp({ config, database, logger: false });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('serves the public pack as PDF and DOCX with a readable file name and cache headers, and a 304 when unchanged', async () => {
      const url = linkTo('meeting.agendaPack.pdf', { id: councilMeetingId });
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe('attachment; filename="kent-county-council-2011-05-12-agenda-pack.pdf"');
      expect(response.headers['cache-control']).toBe('public, no-cache');
      expect(flat((await pdfPages(response.rawPayload))[0]!)).toContain('Annual Meeting on');
      const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': String(response.headers.etag) } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');

      const docx = await app.inject({ method: 'GET', url: linkTo('meeting.minutes.docx', { id: aprilMeetingId }) });
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(docx.headers['content-disposition']).toBe('attachment; filename="kent-county-council-2011-04-06-minutes.docx"');
      expect(flat(await docxText(docx.rawPayload))).toContain('MINUTES of a meeting of the Kent County Council');
    });

    it('answers 404 for an unknown meeting or a meeting without minutes, and sends the public to sign in for the officers\u2019 pack', async () => {
      expect((await app.inject({ method: 'GET', url: linkTo('meeting.agendaPack.pdf', { id: 'meeting-0000000000000000' }) })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/meetings/..%2f..%2fetc/agenda-pack.pdf' })).statusCode).toBe(404);
      const noMinutes = await app.inject({
        method: 'GET',
        url: linkTo('meeting.minutes.pdf', { id: councilMeetingId }),
        headers: { accept: 'application/json' },
      });
      expect(noMinutes.statusCode).toBe(404);
      expect(noMinutes.json()).toEqual({ error: { id: 'not_found', status: 404, message: 'There are no minutes of this meeting yet' } });
      const officers = await app.inject({ method: 'GET', url: linkTo('admin.meeting.agendaPack.pdf', { id: councilMeetingId }) });
      expect(officers.statusCode).toBe(303);
      expect(officers.headers.location).toMatch(/^\/sign-in\?next=/);
    });

    it('an exempt report leaves the public pack (listed with its paragraphs) and a changed record is in the next download', async () => {
      const url = linkTo('meeting.agendaPack.pdf', { id: councilMeetingId });
      const before = await app.inject({ method: 'GET', url });
      const item = await database.db
        .selectFrom('agenda_item')
        .select(['id', 'report_id'])
        .where('meeting_id', '=', councilMeetingId)
        .where('number', '=', '9')
        .executeTakeFirstOrThrow();
      await database.db.updateTable('report').set({ exempt: true, classification: 'Exempt' }).where('id', '=', item.report_id!).execute();
      await database.db
        .updateTable('agenda_item')
        .set({ exempt: true, exempt_paragraphs: [3] })
        .where('id', '=', item.id)
        .execute();

      const after = await app.inject({ method: 'GET', url, headers: { 'if-none-match': String(before.headers.etag) } });
      expect(after.statusCode).toBe(200);
      const text = flat((await pdfPages(after.rawPayload)).join('\n'));
      expect(text).toContain('EXEMPT ITEMS');
      expect(text).toMatch(/9\. Removal of Senior Officer Medical Insurance Exempt: Schedule 12A paragraph 3/);
      expect(text).not.toContain('Agenda Item 9');
      expect(text).not.toContain('KR13-15');
      const officers = (await agendaPackDocument(database.db, { meetingId: councilMeetingId, format: 'pdf', audience: 'officers' }))!;
      const officersText = flat((await pdfPages(officers.bytes)).join('\n'));
      expect(officersText).toContain('KR13-15');
      expect(officersText).toContain('NOT FOR PUBLICATION');
    });
  });
});
