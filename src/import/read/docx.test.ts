import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument, ReadError } from './index.ts';

function cell(...paragraphs: string[]): TableCell {
  return new TableCell({ children: paragraphs.map((text) => new Paragraph(text)) });
}

async function makeDocx(): Promise<Uint8Array> {
  const doc = new Document({
    styles: { paragraphStyles: [{ id: 'CouncilNote', name: 'Council Note', run: { italics: true } }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Cabinet Scrutiny Committee – Tracking sheet', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('Follow-up items from '), new TextRun({ text: '17 June 2011', bold: true })] }),
          new Paragraph('Officers are pursuing a response.'),
          new Table({
            rows: [
              new TableRow({ children: [cell('Item'), cell('Date of meeting'), cell('Status')] }),
              new TableRow({ children: [cell('Highways Business Plan', 'Gulley Emptying'), cell('10/12/08'), cell('PENDING')] }),
            ],
          }),
          new Paragraph({ text: 'End of sheet', style: 'CouncilNote' }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function readError(promise: Promise<unknown>): Promise<ReadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error;
  }
  throw new Error('expected a ReadError');
}

describe('reading DOCX', () => {
  let docx: Uint8Array;
  beforeAll(async () => {
    docx = await makeDocx();
  });

  it('gives headings and paragraphs as lines and tables as tab-separated rows', async () => {
    const result = await readDocument({ name: 'sheet.docx', bytes: docx });
    expect(result.format).toBe('docx');
    expect(result.lines).toEqual([
      'Cabinet Scrutiny Committee – Tracking sheet',
      '',
      'Follow-up items from 17 June 2011',
      '',
      'Officers are pursuing a response.',
      '',
      'Item\tDate of meeting\tStatus',
      'Highways Business Plan Gulley Emptying\t10/12/08\tPENDING',
      '',
      'End of sheet',
    ]);
    expect(result.warnings).toEqual(["DOCX: Unrecognised paragraph style: 'Council Note' (Style ID: CouncilNote)"]);
  });

  it('is recognised by its content whatever its name', async () => {
    const result = await readDocument({ name: 'attachment.bin', bytes: docx });
    expect(result.format).toBe('docx');
  });

  it('refuses a truncated DOCX', async () => {
    const truncated = docx.slice(0, Math.floor(docx.byteLength * 0.6));
    const error = await readError(readDocument({ name: 'cut.docx', bytes: truncated }));
    expect(error.file).toBe('cut.docx');
    expect(error.reason).toMatch(/^DOCX is damaged or not a Word document: /);
  });

  it('refuses a .docx that is not a ZIP package', async () => {
    const error = await readError(readDocument({ name: 'old.docx', bytes: Buffer.from('\xD0\xCF\x11\xE0 old Word', 'latin1') }));
    expect(error.reason).toBe('DOCX is damaged or not a Word document: it is not a ZIP package (an old .doc renamed?)');
  });
});
