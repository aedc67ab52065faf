/**
 * Every CSV is written by one writer (src/domain/csv.ts): no cell a spreadsheet would run as a formula, UTF-8 with a
 * byte order mark, CRLF line ends, and a header row even when there are no rows. Proved on the writer with generated
 * cells, on the tracking sheet and the open data with hostile names, and by a check that no other module writes CSV.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText } from '../../src/domain/csv.ts';
import { trackingSheetCsv } from '../../src/services/scrutiny/documents/tracking-sheet-files.ts';
import { buildOpenDataset } from '../../src/services/open-data/bulk-download.ts';
import { buildExport } from '../../src/services/exporter.ts';
import { csvTables } from '../../src/services/open-data/public-dataset.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertBody, insertMeeting, insertPerson, seedCouncilMeeting } from '../support/factories.ts';

const FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
const BOM = '\uFEFF';

/** Cells as a spreadsheet would see them: parsed with the BOM understood. */
function cellsOf(text: string): string[][] {
  return parse(text, { bom: true, relax_quotes: false }) as string[][];
}

/** What a spreadsheet would take for a formula: a cell starting with a formula character that is not just a number. */
function runsAsFormula(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(?:\.\d+)?$/.test(cell);
}

describe('the CSV writer', () => {
  it('never writes a cell a spreadsheet would run, and keeps every other cell as it was', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom(...FORMULAS),
      fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string()).map(([start, rest]) => `${start}${rest}`),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const text = csvText(['a', 'b'], rows);
        const parsed = cellsOf(text);
        expect(parsed[0]).toEqual(['a', 'b']);
        expect(parsed.slice(1)).toHaveLength(rows.length);
        for (const [r, row] of rows.entries()) {
          for (const [c, original] of row.entries()) {
            const written = parsed[r + 1]![c]!;
            expect(runsAsFormula(written)).toBe(false);
            expect(written === original || written === `'${original}`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes UTF-8 with a byte order mark, CRLF line ends, and a header row when there are no rows', () => {
    const empty = csvText(['Member', 'Total'], []);
    expect(empty).toBe(`${BOM}Member,Total\r\n`);
    const text = csvText(
      ['Member', 'Total'],
      [
        ["Mrs Åsa O'Brien", '-12.50'],
        ['Mr B', 3],
      ],
    );
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}Member,Total\r\nMrs Åsa O'Brien,-12.50\r\nMr B,3\r\n`);
  });

  it('is the only module that writes CSV', () => {
    const writers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.ts$/.test(entry.name) && /from 'csv-stringify/.test(fs.readFileSync(file, 'utf8'))) writers.push(path.relative('src', file));
      }
    };
    walk('src');
    expect(writers).toEqual([path.join('domain', 'csv.ts')]);
  });
});

describe('the tracking sheet CSV', () => {
  it('neutralises formulas in items and notes, and has its header with no rows', () => {
    const sheet = { title: 'Tracking sheet', committee: 'Cabinet Scrutiny Committee', date: '2011-06-17', dateLong: '17 June 2011' };
    const rows = FORMULAS.map((formula, index) => ({
      recommendationId: `r${index}`,
      item: formula,
      meetingDate: '01/06/11',
      meetingDateIso: '2011-06-01',
      recommendation: index + 1,
      status: 'PENDING' as const,
      notes: formula,
    }));
    const text = trackingSheetCsv({ ...sheet, rows });
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toContain('\r\n');
    const cells = cellsOf(text);
    expect(cells).toHaveLength(rows.length + 1);
    for (const row of cells) for (const cell of row) expect(runsAsFormula(cell)).toBe(false);
    expect(cells[1]![0]).toBe(`'${FORMULAS[0]}`);
    expect(cellsOf(trackingSheetCsv({ ...sheet, rows: [] }))).toEqual([['Item', 'Date of meeting', 'Recommendation', 'Status', 'Notes']]);
  });
});

describe.skipIf(databaseUnavailable)('the open data CSVs', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { authority } = await seedCouncilMeeting(database.db);
    const body = await insertBody(database.db, authority.id as string, { name: FORMULAS[0]!, slug: 'hostile' });
    for (const formula of FORMULAS) await insertPerson(database.db, authority.id as string, { honorific: 'Mr', family_name: formula });
    await insertMeeting(database.db, body.id as string, { date: '2011-04-06', location: FORMULAS[3]! });
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('write no cell that runs as a formula, each with a BOM and a header row, even the empty tables', async () => {
    const dataset = await buildOpenDataset(database.db);
    const csvFiles = dataset.files.filter((file) => file.name.endsWith('.csv'));
    expect(csvFiles.length).toBeGreaterThan(10);
    for (const file of csvFiles) {
      const text = file.body.toString('utf8');
      expect(text.startsWith(BOM), file.name).toBe(true);
      const cells = cellsOf(text);
      // A header naming the columns, whether or not there are records.
      expect(cells[0]!.length, file.name).toBeGreaterThan(2);
      expect(cells.length - 1, file.name).toBe(file.rows);
      for (const row of cells) for (const cell of row) expect(runsAsFormula(cell), `${file.name}: ${cell}`).toBe(false);
    }
    const people = cellsOf(csvFiles.find((file) => file.name === 'people.csv')!.body.toString('utf8'));
    const familyName = people[0]!.indexOf('familyName');
    expect(
      people
        .slice(1)
        .map((row) => row[familyName])
        .filter((name) => name!.startsWith("'"))
        .sort(),
    ).toEqual(FORMULAS.map((formula) => `'${formula}`).sort());
    // No plan was made: the table is its header alone.
    const priorities = cellsOf(csvFiles.find((file) => file.name === 'plan-priorities.csv')!.body.toString('utf8'));
    expect(priorities).toEqual([['id', 'planId', 'number', 'title', 'keyObjectives']]);
  });

  it('name in the header exactly the fields of every row of each table', async () => {
    const tables = csvTables(await buildExport(database.db, { includeExempt: true }));
    expect(tables.filter((table) => table.rows.length > 0).length).toBeGreaterThan(10);
    for (const table of tables) {
      for (const row of table.rows) expect(Object.keys(row).sort(), table.kind).toEqual([...table.columns].sort());
    }
  });
});
