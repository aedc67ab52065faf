/**
 * The fonts every generated PDF embeds: DejaVu Sans (the `dejavu-fonts-ttf` package), whose glyphs cover Welsh (ŵ, ŷ),
 * Irish, Polish (ł, ś, ż), the other Latin, Greek and Cyrillic alphabets and the common symbols. The 14 standard PDF
 * fonts speak only Windows-1252, so a councillor called Siân Ŵyn or Michał Łukasz would otherwise be printed wrongly.
 * pdfkit embeds only the glyphs a document uses (a subset), so packs stay small.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export type FontFace = 'regular' | 'bold' | 'italic' | 'bold-italic';

const FILES: Record<FontFace, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  'bold-italic': 'DejaVuSans-BoldOblique.ttf',
};

const folder = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The name each face is registered under in a document. */
export const FONT: Record<FontFace, string> = { regular: 'Body', bold: 'Body-Bold', italic: 'Body-Italic', 'bold-italic': 'Body-BoldItalic' };

/** Registers the faces in a new document and makes the regular face current. */
export function useDocumentFonts(pdf: PDFKit.PDFDocument): PDFKit.PDFDocument {
  for (const face of Object.keys(FILES) as FontFace[]) pdf.registerFont(FONT[face], path.join(folder, FILES[face]));
  return pdf.font(FONT.regular);
}

export function faceOf(run: { bold?: boolean | undefined; italic?: boolean | undefined }): string {
  return run.bold && run.italic ? FONT['bold-italic'] : run.bold ? FONT.bold : run.italic ? FONT.italic : FONT.regular;
}
