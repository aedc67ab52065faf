import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_BREAK, readDocument, ReadError } from './index.ts';

/** Each page: lines drawn top to bottom; a line given as an array is a table row, one cell per column. */
const PAGES: Array<Array<string | string[]>> = [
  [
    'KENT COUNTY COUNCIL',
    'Minutes of a meeting of the Cabinet held on 9 January 2012.',
    ['Item', 'Date of meeting', 'Status'],
    ['Gulley Emptying', '10/12/08', 'PENDING'],
  ],
  ['PRESENT: Mr P B Carter (Chairman), Mr A J King, MBE', '19. Apologies for absence (Item 3)'],
];

async function makePdf(pages: typeof PAGES, options: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    let y = 780;
    for (const line of lines) {
      const cells = typeof line === 'string' ? [line] : line;
      cells.forEach((cell, column) => page.drawText(cell, { x: 50 + column * 160, y, size: 11, font }));
      y -= 14;
    }
  }
  return doc.save(options);
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

describe('reading PDFs', () => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await makePdf(PAGES);
  });

  it('rebuilds the lines of each page, with TABs between table columns', async () => {
    const result = await readDocument({ name: 'cabinet.pdf', bytes: pdf });
    expect(result.format).toBe('pdf');
    expect(result.lines).toEqual([
      'KENT COUNTY COUNCIL',
      'Minutes of a meeting of the Cabinet held on 9 January 2012.',
      'Item\tDate of meeting\tStatus',
      'Gulley Emptying\t10/12/08\tPENDING',
      PAGE_BREAK,
      'PRESENT: Mr P B Carter (Chairman), Mr A J King, MBE',
      '19. Apologies for absence (Item 3)',
    ]);
    expect(result.pageCount).toBe(2);
    expect(result.pageOfLine).toEqual([1, 1, 1, 1, 2, 2, 2]);
    expect(result.warnings).toEqual([]);
  });

  it("accepts a Buffer and does not detach or alter the caller's bytes", async () => {
    for (const copy of [pdf.slice(), Buffer.from(pdf)]) {
      const result = await readDocument({ name: 'cabinet.pdf', bytes: copy });
      expect(result.lines[0]).toBe('KENT COUNTY COUNCIL');
      expect(copy.byteLength).toBe(pdf.byteLength);
      expect(Buffer.from(copy).equals(Buffer.from(pdf))).toBe(true);
    }
  });

  it('is recognised by its content whatever its name', async () => {
    const result = await readDocument({ name: 'download', bytes: pdf });
    expect(result.format).toBe('pdf');
    expect(result.lines[0]).toBe('KENT COUNTY COUNCIL');
  });

  it('refuses a truncated PDF', async () => {
    const truncated = pdf.slice(0, Math.floor(pdf.byteLength * 0.6));
    const error = await readError(readDocument({ name: 'cut.pdf', bytes: truncated }));
    expect(error.file).toBe('cut.pdf');
    expect(error.reason).toMatch(/^PDF is damaged or truncated: /);
  });

  it('refuses a truncated PDF that pdf.js could partly recover', async () => {
    // Without object streams every object stands alone, so a cut-off file still parses in part.
    const plain = await makePdf(PAGES, { useObjectStreams: false });
    const truncated = plain.slice(0, Math.floor(plain.byteLength * 0.6));
    const error = await readError(readDocument({ name: 'cut.pdf', bytes: truncated }));
    expect(error.reason).toBe('PDF is damaged or truncated: no %%EOF marker at the end of the file');
  });

  it('refuses a corrupt PDF', async () => {
    const bytes = Buffer.from('%PDF-1.7\nthis is not really a PDF\n%%EOF\n');
    const error = await readError(readDocument({ name: 'bad.pdf', bytes }));
    expect(error.message).toMatch(/^bad\.pdf: PDF is damaged or truncated: /);
  });

  it('refuses a PDF with no text layer', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 2; i++) {
      const page = doc.addPage([595, 842]);
      page.drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.2, 0.2, 0.2) });
    }
    const error = await readError(readDocument({ name: 'scan.pdf', bytes: await doc.save() }));
    expect(error.message).toBe('scan.pdf: PDF has no text layer (scanned image?); run OCR first');
  });

  it('warns about pages without text when others have some', async () => {
    const bytes = await makePdf([['Page one'], [], ['Page three']]);
    const result = await readDocument({ name: 'mixed.pdf', bytes });
    expect(result.lines).toEqual(['Page one', PAGE_BREAK, PAGE_BREAK, 'Page three']);
    expect(result.pageOfLine).toEqual([1, 2, 3, 3]);
    expect(result.warnings).toEqual(['no text on page 2 (scanned or blank?)']);
  });

  it('puts a blank line where the text leaves a gap', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    page.drawText('Summary', { x: 50, y: 780, size: 11, font });
    page.drawText('First paragraph line one', { x: 50, y: 750, size: 11, font });
    page.drawText('line two', { x: 50, y: 736, size: 11, font });
    const result = await readDocument({ name: 'gap.pdf', bytes: await doc.save() });
    expect(result.lines).toEqual(['Summary', '', 'First paragraph line one', 'line two']);
  });
});
