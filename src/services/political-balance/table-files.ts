/**
 * The balance table as councils circulate it: CSV for a spreadsheet and DOCX for a report to Council, each with the
 * entitlement behind every figure and the notes on rules that could not be met.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { csvText } from '../../domain/csv.ts';
import type { BalanceTable } from './balance-table.ts';

export function balanceCsv(table: BalanceTable): string {
  const header = ['Body', 'Seats', ...table.parties.flatMap((party) => [`${party.name} seats`, `${party.name} entitlement`, `${party.name} rule`])];
  const rows = table.rows.map((row) => [
    row.body.name,
    String(row.body.seats),
    ...row.cells.flatMap((cell) => [String(cell.seats), cell.entitlement, cell.rule]),
  ]);
  const total = [
    'Ordinary committees',
    String(table.ordinarySeats),
    ...table.totals.flatMap((entry) => [String(entry.seats), entry.entitlement, entry.nearest ? 'c' : 'a/b']),
  ];
  const ties = table.ties.map((tie) => [`Tie: ${tie}`]);
  return csvText(header, [...rows, total, ...ties]);
}

export async function balanceDocx(table: BalanceTable, authorityName: string): Promise<Buffer> {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const header = new TableRow({
    tableHeader: true,
    children: [cell('Body', true), cell('Seats', true), ...table.parties.map((party) => cell(`${party.name} (${party.members})`, true))],
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        children: [cell(row.body.name), cell(String(row.body.seats)), ...row.cells.map((entry) => cell(`${entry.seats} (${entry.entitlement})`))],
      }),
  );
  const totals = new TableRow({
    children: [
      cell('Ordinary committees', true),
      cell(String(table.ordinarySeats), true),
      ...table.totals.map((entry) => cell(`${entry.seats} (${entry.entitlement})`, true)),
    ],
  });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: `${authorityName}: political balance on ${table.date}` }),
          new Paragraph({
            text: `${table.councilSize} members; ${table.totalSeats} seats on the bodies to which the rules of section 15 of the Local Government and Housing Act 1989 apply. Each cell gives the seats allocated and, in brackets, the exact entitlement.`,
          }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows, totals] }),
          ...table.ties.map((tie) => new Paragraph({ text: `For the council to decide: ${tie}`, bullet: { level: 0 } })),
          ...table.notes.map((note) => new Paragraph({ text: note, bullet: { level: 0 } })),
          ...table.rows.flatMap((row) =>
            row.cells.flatMap((entry) =>
              entry.givenUp.map(
                (agreement) =>
                  new Paragraph({
                    text: `${row.body.name}: ${table.parties.find((party) => party.id === entry.partyId)?.name} gives a seat to ${agreement.personName} (departure under section 17 agreed ${agreement.agreedOn}${agreement.vote ? `: ${agreement.vote}` : ''})`,
                    bullet: { level: 0 },
                  }),
              ),
            ),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
