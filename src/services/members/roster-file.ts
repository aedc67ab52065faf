/**
 * Reading and writing the members' roster as CSV or XLSX (columns in domain/members/roster.ts). Reading keeps each
 * line's number as a spreadsheet shows it, so a problem says where to look; writing goes through the one CSV writer
 * (domain/csv.ts) or exceljs, with the same columns, so an export can be edited and uploaded again.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { csvText } from '../../domain/csv.ts';
import { ROSTER_COLUMNS, REQUIRED_COLUMNS, type RosterColumn } from '../../domain/members/roster.ts';
import { checkZipLimits } from '../../import/read/zip-limits.ts';

export const MAX_ROSTER_BYTES = 5 * 1024 * 1024;
/** A council has tens of members, a few hundred at most; more lines mean the wrong file. */
export const MAX_ROSTER_LINES = 2_000;

export interface RosterFileLine {
  line: number;
  cells: Partial<Record<RosterColumn, string>>;
}
export interface LineProblem {
  line: number;
  field: string;
  message: string;
}
export type RosterFile = { lines: RosterFileLine[] } | { problems: LineProblem[] };

const fileProblem = (message: string, line = 1, field = 'file'): RosterFile => ({ problems: [{ line, field, message }] });

/** The writer guards cells against formulas with a leading apostrophe ("'+44 1234"); reading takes it off again. */
function cellText(text: string): string {
  const trimmed = text.trim();
  return /^'[=+\-@]/.test(trimmed) ? trimmed.slice(1) : trimmed;
}

function fromRecords(records: Array<{ line: number; cells: string[] }>): RosterFile {
  if (records.length === 0) return fileProblem('The file is empty: it needs a header line naming the columns, then one line per member');
  const header = records[0]!.cells.map((cell) => cell.trim().toLowerCase().replace(/\s+/g, '_'));
  const unknown = header.filter((name) => name && !(ROSTER_COLUMNS as readonly string[]).includes(name));
  if (unknown.length)
    return fileProblem(
      `The header names columns Quorum does not know (${unknown.join(', ')}); the columns are ${ROSTER_COLUMNS.join(', ')}`,
      records[0]!.line,
      'header',
    );
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length) return fileProblem(`The header must name the column ${missing.join(', ')}`, records[0]!.line, 'header');
  const body = records.slice(1).filter((record) => record.cells.some((cell) => cell.trim() !== ''));
  if (body.length === 0) return fileProblem('The file has a header but no members');
  if (body.length > MAX_ROSTER_LINES) return fileProblem(`The file has ${body.length} lines; at most ${MAX_ROSTER_LINES} can be loaded at once`);
  return {
    lines: body.map((record) => {
      const cells: Partial<Record<RosterColumn, string>> = {};
      header.forEach((name, index) => {
        if (name) cells[name as RosterColumn] = cellText(record.cells[index] ?? '');
      });
      return { line: record.line, cells };
    }),
  };
}

export function readRosterCsv(text: string): RosterFile {
  try {
    const parsed = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    return fromRecords(parsed.map((entry) => ({ line: entry.info.lines, cells: entry.record })));
  } catch (error) {
    const located = error as Error & { lines?: number };
    return fileProblem(`The file is not readable as CSV: ${located.message}`, located.lines ?? 1);
  }
}

function excelText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return excelText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

export async function readRosterXlsx(bytes: Buffer): Promise<RosterFile> {
  try {
    await checkZipLimits(bytes, 'roster.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return fileProblem('The workbook has no sheets');
    const records: Array<{ line: number; cells: string[] }> = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column += 1) cells.push(excelText(row.getCell(column).value));
      records.push({ line, cells });
    });
    return fromRecords(records);
  } catch (error) {
    return fileProblem(`The file is not readable as an Excel workbook (.xlsx): ${(error as Error).message.replace(/^.*DOCX refused: /, '')}`);
  }
}

/** By the file's name: .xlsx is a workbook, anything else is read as CSV text. */
export async function readRosterFile(filename: string, data: Buffer): Promise<RosterFile> {
  if (data.length > MAX_ROSTER_BYTES) return fileProblem(`The file is over ${MAX_ROSTER_BYTES / (1024 * 1024)} MB; a roster is far smaller`);
  if (/\.xlsx$/i.test(filename)) return readRosterXlsx(data);
  if (/\.(xls|ods|numbers)$/i.test(filename)) return fileProblem('Save the spreadsheet as .xlsx or .csv first');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data);
  if (text.includes('\u0000')) return fileProblem('The file is not text: upload a .csv or .xlsx file');
  return readRosterCsv(text);
}

export type RosterRecord = Record<RosterColumn, string>;

export function writeRosterCsv(records: readonly RosterRecord[]): string {
  return csvText(
    ROSTER_COLUMNS,
    records.map((record) => ROSTER_COLUMNS.map((column) => record[column])),
  );
}

export async function writeRosterXlsx(records: readonly RosterRecord[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quorum';
  const sheet = workbook.addWorksheet('Members', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_COLUMNS.map((column) => ({ header: column, key: column, width: column === 'committees' ? 70 : column === 'id' ? 26 : 18 }));
  sheet.getRow(1).font = { bold: true };
  // Every cell as text: a phone number stays "01234 567890" and a date stays "2026-05-07", never a number or a formula.
  for (const record of records) sheet.addRow(ROSTER_COLUMNS.map((column) => record[column])).eachCell((cell) => (cell.numFmt = '@'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
