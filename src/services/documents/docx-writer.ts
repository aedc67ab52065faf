/**
 * Writes a DocumentModel as DOCX with docx. Word lays out its own pages, so the agenda's page ranges are PAGEREF
 * fields to bookmarks at the start and end of each part: Word and LibreOffice keep them true to the pages they lay out,
 * and docx's estimator (docx/layout) writes the numbers into the file so readers that do not lay out pages see them too.
 */
import {
  AlignmentType,
  Bookmark,
  Document,
  HeadingLevel,
  Packer,
  PageReference,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import type { Block, DocumentModel, PageRangeRef, Part } from './model.ts';
import { HOUSE_STYLES, numberedFooter } from './docx-house-style.ts';

/** Bookmark names: letters, digits and underscores, starting with a letter (Word's rule). */
function bookmark(partKey: string, end: 'start' | 'end'): string {
  return `p_${partKey.replace(/[^A-Za-z0-9]/g, '_')}_${end}`.slice(0, 40);
}

function rangeRuns(pages: PageRangeRef): ParagraphChild[] {
  return [new PageReference(bookmark(pages.partKey, 'start')), new TextRun(' - '), new PageReference(bookmark(pages.partKey, 'end'))];
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cell(children: ParagraphChild[], width: number): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children })] });
}

function blockParagraphs(item: Block): Array<Paragraph | Table> {
  switch (item.kind) {
    case 'title':
      return item.lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: true, size: 44 })] }));
    case 'heading':
      return [new Paragraph({ text: item.text, heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 } })];
    case 'subheading':
      return [new Paragraph({ text: item.text, heading: HeadingLevel.HEADING_3, spacing: { before: 160, after: 80 } })];
    case 'notice':
      return [new Paragraph({ children: [new TextRun({ text: item.text, bold: true })], spacing: { after: 160 } })];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGN[item.align ?? 'left'],
          spacing: { after: 120 },
          children: item.runs.map((run) => new TextRun({ text: run.text, bold: run.bold, italics: run.italic, size: item.small ? 18 : 22 })),
        }),
      ];
    case 'bullet':
      return [new Paragraph({ text: item.text, bullet: { level: 0 } })];
    case 'agenda-entry': {
      const entry: Array<Paragraph | Table> = [
        new Paragraph({
          spacing: { before: 80 },
          indent: { left: 567, hanging: 567 },
          children: [
            new TextRun({ text: `${item.number}.\t`, bold: true }),
            new TextRun(item.title),
            ...(item.pages ? [new TextRun(' ('), ...rangeRuns(item.pages), new TextRun(')')] : []),
          ],
        }),
      ];
      if (item.description) entry.push(new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: item.description, italics: true })] }));
      if (item.exemptLabel) entry.push(new Paragraph({ indent: { left: 567 }, children: [new TextRun({ text: item.exemptLabel, bold: true })] }));
      return entry;
    }
    case 'page-comparison':
      return [
        new Paragraph({ text: item.heading, heading: HeadingLevel.HEADING_3, keepNext: true, spacing: { before: 160, after: 80 } }),
        new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [new TextRun({ text: item.intro, size: 18 })] }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: [
                cell([new TextRun({ text: 'Item', bold: true })], 10),
                cell([new TextRun({ text: 'Title', bold: true })], 50),
                cell([new TextRun({ text: 'This pack', bold: true })], 20),
                cell([new TextRun({ text: 'First printed', bold: true })], 20),
              ],
            }),
            ...item.rows.map(
              (row) =>
                new TableRow({
                  children: [
                    cell([new TextRun(row.number)], 10),
                    cell([new TextRun(row.title)], 50),
                    cell(row.pages ? rangeRuns(row.pages) : [new TextRun('-')], 20),
                    cell([new TextRun(row.printed)], 20),
                  ],
                }),
            ),
          ],
        }),
      ];
  }
}

/** A part's paragraphs, opening on a new page and bookmarked at both ends for the agenda's page ranges. */
function partParagraphs(part: Part, first: boolean): Array<Paragraph | Table> {
  const body = part.blocks.flatMap(blockParagraphs);
  const opening = new Paragraph({
    pageBreakBefore: !first,
    children: [new Bookmark({ id: bookmark(part.key, 'start'), children: [new TextRun('')] })],
  });
  const closing = new Paragraph({ children: [new Bookmark({ id: bookmark(part.key, 'end'), children: [new TextRun('')] })] });
  return [opening, ...body, closing];
}

export async function writeDocx(model: DocumentModel): Promise<Buffer> {
  const sections = [];
  if (model.frontSheet.length > 0) sections.push({ children: model.frontSheet.flatMap(blockParagraphs) });
  sections.push({
    properties: { type: SectionType.NEXT_PAGE, page: { pageNumbers: { start: 1 } } },
    footers: { default: numberedFooter() },
    children: model.parts.flatMap((part, index) => partParagraphs(part, index === 0)),
  });
  const document = new Document({
    creator: 'Quorum',
    title: model.title,
    subject: model.subject,
    styles: HOUSE_STYLES,
    pageNumbers: estimatePageNumbers,
    sections,
  });
  return Packer.toBuffer(document);
}
