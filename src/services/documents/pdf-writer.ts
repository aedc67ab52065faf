/**
 * Writes a DocumentModel as PDF with pdfkit. The parts are laid out twice: once to learn which pages each part
 * takes, then for real after the front sheet, so the page ranges the agenda prints are the "Page N of M" footers of
 * the very document they are printed in. A part's uploaded originals are counted as blank pages left at its end,
 * which the pack assembler replaces with the original pages (./pack-assembler.ts).
 *
 * The PDF is tagged (PDF 1.7, a structure tree in reading order: H1-H3 headings, paragraphs, lists, tables with
 * header cells; page numbers are artifacts), names its language and shows its title, so screen readers read it as
 * the council wrote it; its text is in an embedded Unicode font (./pdf-fonts.ts), so every name keeps its letters.
 */
import PDFDocument from 'pdfkit';
import { formatRange, type Block, type DocumentModel, type PageRanges, type Part, type Run } from './model.ts';
import { FONT, faceOf, useDocumentFonts } from './pdf-fonts.ts';

type Pdf = PDFKit.PDFDocument;

const MARGIN = { top: 60, bottom: 72, left: 64, right: 64 };
const BODY_SIZE = 11;

/** Structure elements under construction: blocks add theirs to the open section (tagged PDF, PDF/UA reading order). */
type Struct = PDFKit.PDFStructureElement;

/** Marks what a block writes as one structure element of the given role, added to the section. */
function tag(pdf: Pdf, section: Struct | undefined, role: string, write: () => void): void {
  if (section) section.add(pdf.struct(role as never, {}, write));
  else write();
}

function runs(pdf: Pdf, parts: Run[], options: PDFKit.Mixins.TextOptions = {}): void {
  parts.forEach((run, index) => {
    pdf.font(faceOf(run)).text(run.text, { ...options, continued: index < parts.length - 1 });
  });
}

function contentWidth(pdf: Pdf): number {
  return pdf.page.width - MARGIN.left - MARGIN.right;
}

function block(pdf: Pdf, item: Block, ranges: PageRanges, section?: Struct): void {
  const left = MARGIN.left;
  switch (item.kind) {
    case 'title':
      pdf.moveDown(2);
      tag(pdf, section, 'H1', () => {
        for (const line of item.lines) pdf.font(FONT.bold).fontSize(22).text(line, left, undefined, { align: 'left' });
      });
      pdf.fontSize(BODY_SIZE).moveDown(1.5);
      return;
    case 'heading':
      pdf.moveDown(0.6);
      tag(pdf, section, 'H2', () =>
        pdf
          .font(FONT.bold)
          .fontSize(13)
          .text(item.text, left, undefined, { width: contentWidth(pdf) }),
      );
      pdf.fontSize(BODY_SIZE).moveDown(0.4);
      return;
    case 'subheading':
      pdf.moveDown(0.4);
      tag(pdf, section, 'H3', () =>
        pdf
          .font(FONT.bold)
          .fontSize(BODY_SIZE)
          .text(item.text, left, undefined, { width: contentWidth(pdf) }),
      );
      pdf.moveDown(0.3);
      return;
    case 'notice':
      pdf.moveDown(0.3);
      tag(pdf, section, 'P', () =>
        pdf
          .font(FONT.bold)
          .fontSize(BODY_SIZE)
          .text(item.text, left, undefined, { width: contentWidth(pdf) }),
      );
      pdf.moveDown(0.5);
      return;
    case 'paragraph':
      pdf.fontSize(item.small ? 9 : BODY_SIZE);
      pdf.x = left;
      tag(pdf, section, 'P', () => runs(pdf, item.runs, { width: contentWidth(pdf), align: item.align ?? 'left' }));
      pdf.fontSize(BODY_SIZE).moveDown(0.5);
      return;
    case 'bullet': {
      const y = pdf.y;
      const write = () => {
        pdf
          .font(FONT.regular)
          .fontSize(BODY_SIZE)
          .text('•', left + 6, y, { lineBreak: false });
        pdf.text(item.text, left + 20, y, { width: contentWidth(pdf) - 20 });
      };
      if (section) section.add(pdf.struct('L', {}, [pdf.struct('LI', {}, [pdf.struct('LBody', {}, write)])]));
      else write();
      pdf.x = left;
      pdf.moveDown(0.3);
      return;
    }
    case 'agenda-entry': {
      const y = pdf.y;
      const range = item.pages ? formatRange(ranges.get(item.pages.partKey)) : '';
      tag(pdf, section, 'P', () => {
        pdf.font(FONT.bold).fontSize(BODY_SIZE).text(`${item.number}.`, left, y, { width: 28, lineBreak: false });
        pdf.font(FONT.regular).text(`${item.title}${range ? ` (${range})` : ''}`, left + 30, y, { width: contentWidth(pdf) - 30 });
        if (item.description) pdf.font(FONT.italic).text(item.description, left + 30, undefined, { width: contentWidth(pdf) - 30 });
        if (item.exemptLabel) pdf.font(FONT.bold).text(item.exemptLabel, left + 30, undefined, { width: contentWidth(pdf) - 30 });
      });
      pdf.x = left;
      pdf.moveDown(0.4);
      return;
    }
    case 'page-comparison': {
      // The heading stays with the table: start a new page unless it, the intro and a few rows fit here.
      if (pdf.y + 120 > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
      block(pdf, { kind: 'subheading', text: item.heading }, ranges, section);
      block(pdf, { kind: 'paragraph', small: true, runs: [{ text: item.intro }] }, ranges, section);
      pdf.fontSize(9);
      const columns = [left, left + 30, left + contentWidth(pdf) - 150, left + contentWidth(pdf) - 70];
      const widths = [28, columns[2]! - columns[1]! - 8, 72, 70];
      const table = section ? pdf.struct('Table') : undefined;
      if (table) section!.add(table);
      const row = (cells: string[], header: boolean) => {
        const face = header ? FONT.bold : FONT.regular;
        pdf.font(face);
        const height = Math.max(...cells.map((cell, index) => pdf.heightOfString(cell, { width: widths[index]! })));
        // Cells are written side by side at one y, so the whole row must fit before the first is written.
        if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
        const y = pdf.y;
        let bottom = y;
        const tr = table ? pdf.struct('TR') : undefined;
        if (tr) table!.add(tr);
        cells.forEach((cell, index) => {
          const write = () => pdf.font(face).text(cell, columns[index]!, y, { width: widths[index]! });
          if (tr) tr.add(pdf.struct(header ? 'TH' : 'TD', {}, write));
          else write();
          bottom = Math.max(bottom, pdf.y);
        });
        tr?.end();
        pdf.x = left;
        pdf.y = bottom + 2;
      };
      row(['Item', 'Title', 'This pack', 'First printed'], true);
      for (const entry of item.rows)
        row([entry.number, entry.title, entry.pages ? formatRange(ranges.get(entry.pages.partKey)) || '-' : '-', entry.printed], false);
      table?.end();
      pdf.fontSize(BODY_SIZE).moveDown(0.5);
      return;
    }
  }
}

function newDocument(model: DocumentModel): Pdf {
  const date = new Date(`${model.date}T00:00:00Z`);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: model.title, Subject: model.subject, Creator: 'Quorum', Producer: 'Quorum (pdfkit)', CreationDate: date, ModDate: date },
  });
  return useDocumentFonts(pdf);
}

/** What laying the parts out took: the buffered page indexes of each part, and the blank pages left for originals. */
interface Laid {
  taken: Map<string, { first: number; last: number }>;
  /** By part key, the buffered page indexes left blank for its uploaded originals. */
  blanks: Map<string, number[]>;
}

function lastPageIndex(pdf: Pdf): number {
  return pdf.bufferedPageRange().start + pdf.bufferedPageRange().count - 1;
}

/** Lays the parts out from a fresh page each, each part a section, then the blank pages its originals will fill. */
function layParts(pdf: Pdf, parts: Part[], ranges: PageRanges): Laid {
  const taken = new Map<string, { first: number; last: number }>();
  const blanks = new Map<string, number[]>();
  for (const part of parts) {
    pdf.addPage();
    const first = lastPageIndex(pdf);
    const section = pdf.struct('Sect');
    pdf.addStructure(section);
    for (const item of part.blocks) block(pdf, item, ranges, section);
    section.end();
    const left: number[] = [];
    for (let page = 0; page < (part.insertedPages ?? 0); page++) {
      pdf.addPage();
      left.push(lastPageIndex(pdf));
    }
    if (left.length > 0) blanks.set(part.key, left);
    taken.set(part.key, { first, last: lastPageIndex(pdf) });
  }
  return { taken, blanks };
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
  /** By part key, the (0-based) page indexes left blank for the part's uploaded originals, without footers. */
  blanks: Map<string, number[]>;
  /** The number of numbered pages: M in "Page N of M". */
  numberedPages: number;
}

export async function writePdf(model: DocumentModel): Promise<PdfResult> {
  // First pass: the parts alone, numbered from 1, to learn their page ranges.
  const scratch = newDocument(model);
  const scratchDone = collect(scratch);
  const measured = layParts(scratch, model.parts, new Map()).taken;
  scratch.end();
  await scratchDone;
  const ranges: PageRanges = new Map([...measured].map(([key, pages]) => [key, { from: pages.first + 1, to: pages.last + 1 }]));

  const pdf = newDocument(model);
  const done = collect(pdf);
  let frontSheetPages = 0;
  if (model.frontSheet.length > 0) {
    pdf.addPage();
    const section = pdf.struct('Sect');
    pdf.addStructure(section);
    for (const item of model.frontSheet) block(pdf, item, ranges, section);
    section.end();
    frontSheetPages = pdf.bufferedPageRange().count;
  }
  const { taken: laid, blanks } = layParts(pdf, model.parts, ranges);
  for (const [key, pages] of laid) {
    const expected = ranges.get(key)!;
    // The two passes lay out the same blocks on the same pages; a difference would print a wrong agenda.
    if (pages.first - frontSheetPages + 1 !== expected.from || pages.last - frontSheetPages + 1 !== expected.to) {
      throw new Error(`Page layout of ${key} changed between passes`);
    }
  }
  const { count } = pdf.bufferedPageRange();
  const numberedPages = count - frontSheetPages;
  const blank = new Set([...blanks.values()].flat());
  for (let index = frontSheetPages; index < count; index++) {
    // The assembler stamps the original pages that replace the blanks.
    if (blank.has(index)) continue;
    pdf.switchToPage(index);
    // Writing below the bottom margin would otherwise start a new page.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    // Page numbers are pagination artifacts, outside the structure a screen reader reads.
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf
      .font(FONT.regular)
      .fontSize(10)
      .text(`Page ${index - frontSheetPages + 1} of ${numberedPages}`, 0, pdf.page.height - 44, { width: pdf.page.width, align: 'center', lineBreak: false });
    pdf.endMarkedContent();
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return { bytes: await done, ranges, frontSheetPages, blanks, numberedPages };
}
