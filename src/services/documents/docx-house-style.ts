/**
 * The house style every generated DOCX shares with the agenda pack: Arial 11 pt, black bold headings (Word's own
 * Heading 1-3 styles, so the navigation pane and screen readers see the outline), and a centred "Page N" footer.
 */
import { AlignmentType, Footer, type IStylesOptions, PageNumber, Paragraph, TextRun } from 'docx';

export const HOUSE_FONT = 'Arial';

const heading = (size: number) => ({ run: { font: HOUSE_FONT, size, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } });

export const HOUSE_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: HOUSE_FONT, size: 22 } },
    title: { run: { font: HOUSE_FONT, size: 36, bold: true, color: '000000' } },
    heading1: heading(32),
    heading2: heading(26),
    heading3: heading(22),
  },
};

/** A footer numbering each page, centred. A new object each time: a Footer belongs to one document. */
export function numberedFooter(): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT] })] })] });
}
