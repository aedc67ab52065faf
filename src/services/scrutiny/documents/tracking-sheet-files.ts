/** The tracking sheet as CSV (the one CSV writer) and XLSX (exceljs), with the columns of the sheets officers keep today. */
import { csvText } from '../../../domain/csv.ts';
import ExcelJS from 'exceljs';
import { TRACKING_COLUMNS, type TrackingSheet } from './data.ts';

// CSV is read by programs as much as by people: dates are ISO 8601 (2008-12-10), which no locale reads two ways.
const cells = (sheet: TrackingSheet) => sheet.rows.map((row) => [row.item, row.meetingDateIso, row.recommendation, row.status, row.notes]);

export function trackingSheetCsv(sheet: TrackingSheet): string {
  return csvText(TRACKING_COLUMNS, cells(sheet));
}

export async function trackingSheetXlsx(sheet: TrackingSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quorum';
  const worksheet = workbook.addWorksheet('Tracking sheet');
  worksheet.addRow([sheet.title]).font = { bold: true, size: 14 };
  worksheet.addRow([sheet.dateLong]);
  worksheet.addRow([]);
  const header = worksheet.addRow([...TRACKING_COLUMNS]);
  header.font = { bold: true };
  for (const row of sheet.rows) {
    // The meeting date as a real date, shown as the sheet prints it, so it sorts and filters in Excel.
    const added = worksheet.addRow([row.item, new Date(`${row.meetingDateIso}T00:00:00Z`), row.recommendation, row.status, row.notes]);
    added.getCell(2).numFmt = 'dd/mm/yy';
  }
  worksheet.columns = [{ width: 60 }, { width: 16 }, { width: 16 }, { width: 20 }, { width: 50 }];
  worksheet.views = [{ state: 'frozen', ySplit: 4 }];
  // Print-ready: long text wraps within its column, and the sheet prints landscape on A4, one page wide, with the
  // header row repeated on every page.
  for (let number = 5; number <= worksheet.rowCount; number++) worksheet.getRow(number).alignment = { wrapText: true, vertical: 'top' };
  worksheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
