/**
 * The Cabinet report "Recommendations from Cabinet Scrutiny Committee" as DOCX (docx) and PDF (pdfkit), laid out
 * like the report officers write today: the cover report, then per item the synopsis, the reason for call-in and
 * each recommendation followed by its response and the date of response.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { HOUSE_STYLES, numberedFooter } from '../../documents/docx-house-style.ts';
import { FONT, useDocumentFonts } from '../../documents/pdf-fonts.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import { type CabinetReport } from './data.ts';

interface Block {
  kind: 'title' | 'heading' | 'label' | 'text' | 'bullet' | 'recommendation';
  text: string;
  label?: string;
}

/** The report as a sequence of blocks, shared by both formats so they never drift apart. */
export function cabinetReportBlocks(report: CabinetReport): Block[] {
  const blocks: Block[] = [];
  if (report.by.length) blocks.push({ kind: 'label', label: 'By:', text: report.by.join('; ') });
  blocks.push({ kind: 'label', label: 'To:', text: report.cabinetDate ? `${report.to} – ${formatShortDate(report.cabinetDate)}` : report.to });
  blocks.push({ kind: 'label', label: 'Subject:', text: report.subject });
  blocks.push({ kind: 'label', label: 'Classification:', text: 'Unrestricted' });
  blocks.push({ kind: 'label', label: 'Summary:', text: report.summary });
  blocks.push({ kind: 'heading', text: report.committee });
  blocks.push({
    kind: 'text',
    text: `1. The schedule below sets out the decisions from the meeting of the ${report.committee} on ${formatShortDate(report.meetingDate)}, together with the response of the relevant Cabinet Member.`,
  });
  blocks.push({ kind: 'heading', text: 'Recommendation' });
  blocks.push({ kind: 'text', text: `2. That the Cabinet agree responses to these decisions, which will be reported back to the ${report.committee}.` });
  for (const item of report.items) {
    blocks.push({ kind: 'title', text: `${item.title} (${formatShortDate(item.meetingDate)})` });
    if (item.portfolio) blocks.push({ kind: 'label', label: 'Cabinet portfolio:', text: item.portfolio });
    if (item.synopsis) blocks.push({ kind: 'label', label: 'Synopsis:', text: item.synopsis });
    if (item.reason) blocks.push({ kind: 'label', label: 'Reason for call-in:', text: item.reason });
    for (const point of item.points) blocks.push({ kind: 'bullet', text: `(${point.letter}) ${point.text}` });
    blocks.push({ kind: 'heading', text: 'Recommendations and responses:' });
    let context: string | null = null;
    for (const recommendation of item.recommendations) {
      if (recommendation.context && recommendation.context !== context) blocks.push({ kind: 'text', text: `${recommendation.context}:` });
      context = recommendation.context;
      blocks.push({ kind: 'recommendation', text: `${recommendation.number}. ${recommendation.text}` });
      for (const response of recommendation.responses) {
        for (const paragraph of response.text.split(/\n{2,}/)) blocks.push({ kind: 'text', text: paragraph });
        if (response.date) blocks.push({ kind: 'label', label: 'Date of response:', text: formatShortDate(response.date) });
      }
    }
    if (item.executiveResponse) {
      blocks.push({ kind: 'heading', text: "Cabinet Member's Response:" });
      blocks.push({ kind: 'text', text: item.executiveResponse });
      if (item.executiveResponseDate) blocks.push({ kind: 'label', label: 'Date of Response:', text: formatShortDate(item.executiveResponseDate) });
    }
  }
  return blocks;
}

export async function cabinetReportDocx(report: CabinetReport): Promise<Buffer> {
  const children = cabinetReportBlocks(report).map((block) => {
    switch (block.kind) {
      case 'title':
        return new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_1 });
      case 'heading':
        return new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 });
      case 'label':
        return new Paragraph({ children: [new TextRun({ text: `${block.label} `, bold: true }), new TextRun(block.text)] });
      case 'bullet':
        return new Paragraph({ text: block.text, bullet: { level: 0 } });
      case 'recommendation':
        return new Paragraph({ children: [new TextRun({ text: block.text, bold: true })], spacing: { before: 200 } });
      default:
        return new Paragraph({ text: block.text });
    }
  });
  const document = new Document({
    creator: 'Quorum',
    title: report.subject,
    styles: HOUSE_STYLES,
    sections: [{ footers: { default: numberedFooter() }, children }],
  });
  return Packer.toBuffer(document);
}

export async function cabinetReportPdf(report: CabinetReport): Promise<Buffer> {
  // Tagged, in an embedded Unicode font, like every generated PDF (src/services/documents/pdf-writer.ts).
  const pdf = useDocumentFonts(
    new PDFDocument({
      size: 'A4',
      margin: 56,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'en-GB',
      displayTitle: true,
      info: { Title: report.subject, Creator: 'Quorum' },
    }),
  );
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const section = pdf.struct('Sect');
  pdf.addStructure(section);
  const tagged = (role: 'H1' | 'H2' | 'P' | 'LI', write: () => void) => section.add(pdf.struct(role, {}, write));
  for (const block of cabinetReportBlocks(report)) {
    switch (block.kind) {
      case 'title':
        pdf.moveDown();
        tagged('H1', () => pdf.font(FONT.bold).fontSize(14).text(block.text));
        pdf.moveDown(0.5);
        break;
      case 'heading':
        pdf.moveDown(0.5);
        tagged('H2', () => pdf.font(FONT.bold).fontSize(12).text(block.text));
        pdf.moveDown(0.3);
        break;
      case 'label':
        tagged('P', () => pdf.font(FONT.bold).fontSize(11).text(`${block.label} `, { continued: true }).font(FONT.regular).text(block.text));
        pdf.moveDown(0.3);
        break;
      case 'bullet':
        tagged('LI', () => pdf.font(FONT.regular).fontSize(11).text(block.text, { indent: 18 }));
        pdf.moveDown(0.2);
        break;
      case 'recommendation':
        pdf.moveDown(0.3);
        tagged('P', () => pdf.font(FONT.bold).fontSize(11).text(block.text));
        pdf.moveDown(0.3);
        break;
      default:
        tagged('P', () => pdf.font(FONT.regular).fontSize(11).text(block.text));
        pdf.moveDown(0.3);
    }
  }
  section.end();
  pdf.end();
  return done;
}
