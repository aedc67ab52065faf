/**
 * The one CSV writer: every CSV that Quorum serves or writes (the tracking sheet, the open data, allowances, political
 * balance) comes from csvText, so every one is encoded the same way:
 *
 * - UTF-8 with a byte order mark, so a spreadsheet opened by double-click reads "Mrs Åsa O'Brien" rightly;
 * - CRLF line ends (RFC 4180);
 * - a header row even when there are no rows, so an empty table still says what it would hold;
 * - no cell a spreadsheet would run as a formula. A text cell beginning with =, +, -, @, a tab or a carriage return
 *   is prefixed with an apostrophe (OWASP, "CSV Injection"), so a name or a paper's text in a download can never
 *   run as code on a reader's machine. A cell that is exactly a decimal number ("-12.50") is a number to every
 *   spreadsheet, never a formula, and is written as it is so figures stay figures.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | bigint | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** One cell as text a spreadsheet will show and never evaluate. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  return FORMULA_START.test(text) && !PLAIN_DECIMAL.test(text) ? `'${text}` : text;
}

/** The whole file: a header row of `columns`, then one line per row (cells in the order of the columns). */
export function csvText(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return stringify([columns.map(csvCell), ...rows.map((row) => row.map(csvCell))], { bom: true, record_delimiter: 'windows' });
}
