/**
 * Writes a DocumentModel as PDF with pdfkit. The parts are laid out twice: once to learn which pages each part
 * takes, then for real after the front sheet, so the page ranges the agenda prints are the "Page N" footers of the
 * very document they are printed in.
 */
import PDFDocument from 'pdfkit';
import { formatRange, type Block, type DocumentModel, type PageRanges, type Part, type Run } from './model.ts';

type Pdf = PDFKit.PDFDocument;

const MARGIN = { top: 60, bottom: 72, left: 64, right: 64 };
const BODY_SIZE = 11;

// The standard PDF fonts speak Windows-1252; anything else is written as its nearest plain form rather than garbled.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = { '≥': '>=', '≤': '<=', '→': '->', '←': '<-', '−': '-', '‐': '-', '‑': '-', '\u00a0': ' ', '\u200b': '' };

export function winAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char) || char === '\n') out += char;
    else if (char in REPLACEMENTS) out += REPLACEMENTS[char];
    else if (char === '\t') out += '   ';
    else {
      const plain = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...plain].every((c) => c.codePointAt(0)! < 0x7f) ? plain : '?';
    }
  }
  return out;
}

function font(pdf: Pdf, run: { bold?: boolean; italic?: boolean }): Pdf {
  if (run.bold && run.italic) return pdf.font('Helvetica-BoldOblique');
  if (run.bold) return pdf.font('Helvetica-Bold');
  if (run.italic) return pdf.font('Helvetica-Oblique');
  return pdf.font('Helvetica');
}

function runs(pdf: Pdf, parts: Run[], options: PDFKit.Mixins.TextOptions = {}): void {
  parts.forEach((run, index) => {
    font(pdf, run).text(winAnsi(run.text), { ...options, continued: index < parts.length - 1 });
  });
}

function contentWidth(pdf: Pdf): number {
  return pdf.page.width - MARGIN.left - MARGIN.right;
}

function block(pdf: Pdf, item: Block, ranges: PageRanges): void {
  const left = MARGIN.left;
  switch (item.kind) {
    case 'title':
      pdf.moveDown(2);
      for (const line of item.lines) pdf.font('Helvetica-Bold').fontSize(22).text(winAnsi(line), left, undefined, { align: 'left' });
      pdf.fontSize(BODY_SIZE).moveDown(1.5);
      return;
    case 'heading':
      pdf.moveDown(0.6).font('Helvetica-Bold').fontSize(13).text(winAnsi(item.text), left, undefined, { width: contentWidth(pdf) });
      pdf.fontSize(BODY_SIZE).moveDown(0.4);
      return;
    case 'subheading':
      pdf.moveDown(0.4).font('Helvetica-Bold').fontSize(BODY_SIZE).text(winAnsi(item.text), left, undefined, { width: contentWidth(pdf) });
      pdf.moveDown(0.3);
      return;
    case 'notice':
      pdf.moveDown(0.3).font('Helvetica-Bold').fontSize(BODY_SIZE).text(winAnsi(item.text), left, undefined, { width: contentWidth(pdf) });
      pdf.moveDown(0.5);
      return;
    case 'paragraph':
      pdf.fontSize(item.small ? 9 : BODY_SIZE);
      pdf.x = left;
      runs(pdf, item.runs, { width: contentWidth(pdf), align: item.align ?? 'left' });
      pdf.fontSize(BODY_SIZE).moveDown(0.5);
      return;
    case 'bullet': {
      const y = pdf.y;
      pdf.font('Helvetica').fontSize(BODY_SIZE).text('•', left + 6, y, { lineBreak: false });
      pdf.text(winAnsi(item.text), left + 20, y, { width: contentWidth(pdf) - 20 });
      pdf.x = left;
      pdf.moveDown(0.3);
      return;
    }
    case 'agenda-entry': {
      const y = pdf.y;
      const range = item.pages ? formatRange(ranges.get(item.pages.partKey)) : '';
      pdf.font('Helvetica-Bold').fontSize(BODY_SIZE).text(`${item.number}.`, left, y, { width: 28, lineBreak: false });
      pdf.font('Helvetica').text(`${winAnsi(item.title)}${range ? ` (${range})` : ''}`, left + 30, y, { width: contentWidth(pdf) - 30 });
      if (item.description) pdf.font('Helvetica-Oblique').text(winAnsi(item.description), left + 30, undefined, { width: contentWidth(pdf) - 30 });
      if (item.exemptLabel) pdf.font('Helvetica-Bold').text(winAnsi(item.exemptLabel), left + 30, undefined, { width: contentWidth(pdf) - 30 });
      pdf.x = left;
      pdf.moveDown(0.4);
      return;
    }
    case 'page-comparison': {
      // The heading stays with the table: start a new page unless it, the intro and a few rows fit here.
      if (pdf.y + 120 > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
      block(pdf, { kind: 'subheading', text: item.heading }, ranges);
      block(pdf, { kind: 'paragraph', small: true, runs: [{ text: item.intro }] }, ranges);
      pdf.fontSize(9);
      const columns = [left, left + 30, left + contentWidth(pdf) - 150, left + contentWidth(pdf) - 70];
      const widths = [28, columns[2]! - columns[1]! - 8, 72, 70];
      const row = (cells: string[], bold: boolean) => {
        pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica');
        const height = Math.max(...cells.map((cell, index) => pdf.heightOfString(winAnsi(cell), { width: widths[index]! })));
        // Cells are written side by side at one y, so the whole row must fit before the first is written.
        if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
        const y = pdf.y;
        let bottom = y;
        cells.forEach((cell, index) => {
          pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(winAnsi(cell), columns[index]!, y, { width: widths[index]! });
          bottom = Math.max(bottom, pdf.y);
        });
        pdf.x = left;
        pdf.y = bottom + 2;
      };
      row(['Item', 'Title', 'This pack', 'First printed'], true);
      for (const entry of item.rows) row([entry.number, entry.title, entry.pages ? formatRange(ranges.get(entry.pages.partKey)) || '-' : '-', entry.printed], false);
      pdf.fontSize(BODY_SIZE).moveDown(0.5);
      return;
    }
  }
}

function newDocument(model: DocumentModel): Pdf {
  const date = new Date(`${model.date}T00:00:00Z`);
  return new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: model.title, Subject: model.subject, Creator: 'Quorum', Producer: 'Quorum (pdfkit)', CreationDate: date, ModDate: date },
  });
}

/** Lays the parts out from a fresh page each; returns the range of buffered page indexes each part took. */
function layParts(pdf: Pdf, parts: Part[], ranges: PageRanges): Map<string, { first: number; last: number }> {
  const taken = new Map<string, { first: number; last: number }>();
  for (const part of parts) {
    pdf.addPage();
    const first = pdf.bufferedPageRange().start + pdf.bufferedPageRange().count - 1;
    for (const item of part.blocks) block(pdf, item, ranges);
    const last = pdf.bufferedPageRange().start + pdf.bufferedPageRange().count - 1;
    taken.set(part.key, { first, last });
  }
  return taken;
}

function collect(pdf: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

export interface PdfResult {
  bytes: Buffer;
  /** Page numbers as printed in the footers, by part key. */
  ranges: PageRanges;
  /** How many unnumbered front-sheet pages come before page 1. */
  frontSheetPages: number;
}

export async function writePdf(model: DocumentModel): Promise<PdfResult> {
  // First pass: the parts alone, numbered from 1, to learn their page ranges.
  const scratch = newDocument(model);
  const scratchDone = collect(scratch);
  const measured = layParts(scratch, model.parts, new Map());
  scratch.end();
  await scratchDone;
  const ranges: PageRanges = new Map([...measured].map(([key, pages]) => [key, { from: pages.first + 1, to: pages.last + 1 }]));

  const pdf = newDocument(model);
  const done = collect(pdf);
  let frontSheetPages = 0;
  if (model.frontSheet.length > 0) {
    pdf.addPage();
    for (const item of model.frontSheet) block(pdf, item, ranges);
    frontSheetPages = pdf.bufferedPageRange().count;
  }
  const laid = layParts(pdf, model.parts, ranges);
  for (const [key, pages] of laid) {
    const expected = ranges.get(key)!;
    // The two passes lay out the same blocks on the same pages; a difference would print a wrong agenda.
    if (pages.first - frontSheetPages + 1 !== expected.from || pages.last - frontSheetPages + 1 !== expected.to) {
      throw new Error(`Page layout of ${key} changed between passes`);
    }
  }
  const { count } = pdf.bufferedPageRange();
  for (let index = frontSheetPages; index < count; index++) {
    pdf.switchToPage(index);
    // Writing below the bottom margin would otherwise start a new page.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('Helvetica').fontSize(10).text(`Page ${index - frontSheetPages + 1}`, 0, pdf.page.height - 44, { width: pdf.page.width, align: 'center', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return { bytes: await done, ranges, frontSheetPages };
}
