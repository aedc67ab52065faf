/**
 * The documents officers produce by hand, generated from the imported records and read back: the tracking sheet
 * (CSV, XLSX) as at 17 June 2011 reproduces seed 000's nine rows; the Cabinet report for 13 December 2011 (DOCX, PDF)
 * carries the call-in of seed 003 with each recommendation, its response and the date of response.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/import/read/index.ts';
import { cabinetReportData, trackingSheetData } from '../../src/services/scrutiny/documents/data.ts';
import JSZip from 'jszip';
import { cabinetReportDocx, cabinetReportPdf } from '../../src/services/scrutiny/documents/cabinet-report-files.ts';
import { trackingSheetCsv, trackingSheetXlsx } from '../../src/services/scrutiny/documents/tracking-sheet-files.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { goldFacts } from '../support/seeds.ts';
import { importAllScrutinySeeds } from './support.ts';

describe.skipIf(databaseUnavailable)('generated scrutiny documents', () => {
  let database: TestDatabase;
  const gold = goldFacts();
  const sheetFact = gold['000_76c64290092d1ac4.txt'].trackingSheet;

  beforeAll(async () => {
    database = await createTestDatabase();
    await importAllScrutinySeeds(database);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const sheet = () => trackingSheetData(database.db, { asAt: sheetFact.date });

  it('the tracking sheet as at 17 June 2011 has the nine rows of seed 000 with their statuses', async () => {
    const data = await sheet();
    expect(data.title).toBe('Follow-up items from Cabinet Scrutiny Committee – Tracking sheet');
    expect(data.dateLong).toBe('17 June 2011');
    expect(data.rows).toHaveLength(sheetFact.rows);
    const counts: Record<string, number> = {};
    for (const row of data.rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
    expect(counts).toEqual(sheetFact.statusCounts);
    expect(data.rows[0]).toMatchObject({
      item: sheetFact.rowSample.item,
      meetingDate: '10/12/08',
      recommendation: 1,
      status: 'PENDING',
      notes: sheetFact.rowSample.notes,
    });
  });

  it('reproduces the paper: row 4 keeps the title as printed ("2010-12"), though the record says 2010-11', async () => {
    const data = await sheet();
    const printed = data.rows.filter((row) => row.item.startsWith('Revenue & Capital Budget Monitoring Exception Report'));
    expect(printed.map((row) => [row.item, row.recommendation])).toContainEqual(['Revenue & Capital Budget Monitoring Exception Report 2010-12', 2]);
    expect(data.rows.some((row) => row.item === 'Revenue & Capital Budget Monitoring Exception Report 2010-11' && row.recommendation === 2)).toBe(false);
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load((await trackingSheetXlsx(data)) as never);
    const cells = xlsx.getWorksheet('Tracking sheet')!.getColumn(1).values;
    expect(cells).toContain('Revenue & Capital Budget Monitoring Exception Report 2010-12');
    expect(trackingSheetCsv(data)).toContain('Revenue & Capital Budget Monitoring Exception Report 2010-12');
  });

  it('CSV: the columns of seed 000, one line per row, quoted where needed', async () => {
    const text = trackingSheetCsv(await sheet());
    // The one CSV writer starts with a UTF-8 byte-order mark (so spreadsheets read it as UTF-8).
    expect(text.startsWith('\ufeff')).toBe(true);
    const records = parse(text, { bom: true }) as string[][];
    expect(records[0]).toEqual(['Item', 'Date of meeting', 'Recommendation', 'Status', 'Notes']);
    expect(records).toHaveLength(1 + sheetFact.rows);
    // Dates in ISO 8601, which no locale reads two ways (the sheet itself printed 10/12/08).
    expect(records[1]).toEqual([sheetFact.rowSample.item, '2008-12-10', '1', 'PENDING', sheetFact.rowSample.notes]);
    expect(records.filter((record) => record[3] === 'RESPONSE RECEIVED')).toHaveLength(3);
  });

  it('XLSX: read back with exceljs, title, date, header and rows with real dates', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await trackingSheetXlsx(await sheet())) as never);
    const worksheet = workbook.getWorksheet('Tracking sheet')!;
    expect(worksheet.getCell('A1').value).toBe('Follow-up items from Cabinet Scrutiny Committee – Tracking sheet');
    expect(worksheet.getCell('A2').value).toBe('17 June 2011');
    expect(worksheet.getRow(4).values).toEqual([undefined, 'Item', 'Date of meeting', 'Recommendation', 'Status', 'Notes']);
    const first = worksheet.getRow(5);
    expect(first.getCell(1).value).toBe(sheetFact.rowSample.item);
    expect((first.getCell(2).value as Date).toISOString().slice(0, 10)).toBe('2008-12-10');
    expect(first.getCell(3).value).toBe(1);
    expect(first.getCell(4).value).toBe('PENDING');
    expect(worksheet.rowCount).toBe(4 + sheetFact.rows);
    // Print-ready: landscape A4, one page wide, the header row repeated, long text wrapped.
    expect(worksheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:4',
    });
    expect(first.alignment).toMatchObject({ wrapText: true });
  });

  const report = async () => {
    const meeting = await database.db
      .selectFrom('meeting')
      .innerJoin('body', 'body.id', 'meeting.body_id')
      .select('meeting.id')
      .where('body.name', '=', 'Cabinet Scrutiny Committee')
      .where('meeting.date', '=', '2011-12-13')
      .executeTakeFirstOrThrow();
    return (await cabinetReportData(database.db, { meetingId: meeting.id, cabinetDate: '2012-01-09', by: ['Alex King – Deputy Leader'] }))!;
  };

  it('DOCX: read back with mammoth, the cover report then the item, each recommendation, response and date', async () => {
    const data = await report();
    expect(data.subject).toBe(gold['003_6351ff344f2add5f.txt'].report.subject);
    const doc = await readDocument({ name: 'report.docx', bytes: new Uint8Array(await cabinetReportDocx(data)) });
    const text = doc.lines.join('\n');
    expect(text).toContain('To: Cabinet – 9 January 2012');
    expect(text).toContain(`Subject: ${data.subject}`);
    expect(text).toContain("Kent's Multi-Agency Looked After Children Strategy (13 December 2011)");
    expect(text).toContain('Cabinet portfolio: Mrs J Whittle');
    expect(text).toContain('Synopsis: The report presented the draft Looked After Children Strategy.');
    expect(text).toMatch(/\(e\) How the £19\.8million/);
    const nine = text.indexOf('9. Clarification should be sought');
    expect(nine).toBeGreaterThan(0);
    expect(text.indexOf('Paul Brightwell to discuss with Tony Doran', nine)).toBeGreaterThan(nine);
    expect(text.match(/Date of response: 18 December 2011/g)).toHaveLength(13);
    expect(text).toContain("Cabinet Member's Response:");
  });

  it('DOCX: in the house style of the agenda pack, Arial headings and a page-numbered footer', async () => {
    const zip = await JSZip.loadAsync(await cabinetReportDocx(await report()));
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:ascii="Arial"/);
    expect(styles).not.toMatch(/w:ascii="Calibri/);
    const footers = Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers.length).toBeGreaterThan(0);
    expect(await zip.file(footers[0]!)!.async('string')).toMatch(/PAGE/);
  });

  it('PDF: read back with pdfjs, the same content', async () => {
    const doc = await readDocument({ name: 'report.pdf', bytes: new Uint8Array(await cabinetReportPdf(await report())) });
    const text = doc.lines.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Recommendations from Cabinet Scrutiny Committee – 13 December 2011');
    expect(text).toContain('12. Write to London Boroughs');
    expect(text).toContain('Cabinet Member to action');
    expect(text).toContain('Date of response: 18 December 2011');
  });
});
