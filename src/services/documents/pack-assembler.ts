/**
 * Puts the uploaded originals into a generated pack: each blank page the PDF writer left at the end of a part is
 * replaced by the next original page (pdf-lib copyPages, so text, tables and plans stay exactly as published, never
 * retyped), and the original pages get the pack's "Page N of M" footer.
 *
 * The generated pages keep their tagging (structure tree, language, title). The inserted pages do not bring their
 * own structure tree: their StructParents keys are removed so they cannot point into the pack's; their footer is
 * marked as a pagination artifact like the generated ones.
 */
import { beginMarkedContent, endMarkedContent, PDFArray, PDFDict, PDFDocument, PDFName, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { PdfResult } from './pdf-writer.ts';

const FOOTER_SIZE = 10;
/** The footer's baseline above the bottom edge; pdfkit's footers on generated pages sit at the same height. */
const FOOTER_BASELINE = 34;

function withoutStructure(page: PDFPage): void {
  page.node.delete(PDFName.of('StructParents'));
  const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annotations) return;
  for (let index = 0; index < annotations.size(); index++) {
    annotations.lookupMaybe(index, PDFDict)?.delete(PDFName.of('StructParent'));
  }
}

/** The pack's bytes with every blank filled by the originals of its part, in order. */
export async function assemblePack(generated: PdfResult, originals: Map<string, PDFDocument[]>): Promise<Uint8Array> {
  if (generated.blanks.size === 0) return generated.bytes;
  const pack = await PDFDocument.load(generated.bytes, { updateMetadata: false });
  const font = await pack.embedFont(StandardFonts.Helvetica);
  for (const [partKey, blanks] of generated.blanks) {
    const pages: PDFPage[] = [];
    for (const original of originals.get(partKey) ?? []) pages.push(...(await pack.copyPages(original, original.getPageIndices())));
    // The writer counted these very pages; a difference would print wrong page numbers in the contents.
    if (pages.length !== blanks.length) throw new Error(`${partKey}: ${blanks.length} pages were left for originals of ${pages.length} pages`);
    blanks.forEach((index, at) => {
      const page = pages[at]!;
      withoutStructure(page);
      pack.removePage(index);
      pack.insertPage(index, page);
      const text = `Page ${index - generated.frontSheetPages + 1} of ${generated.numberedPages}`;
      const { x, y, width } = page.getCropBox();
      page.pushOperators(beginMarkedContent('Artifact'));
      page.drawText(text, {
        x: x + (width - font.widthOfTextAtSize(text, FOOTER_SIZE)) / 2,
        y: y + FOOTER_BASELINE,
        size: FOOTER_SIZE,
        font,
        color: rgb(0, 0, 0),
      });
      page.pushOperators(endMarkedContent());
    });
  }
  return pack.save();
}
