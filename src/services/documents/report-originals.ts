/**
 * The uploaded original of a report, ready to be inserted into a pack as its own pages: a PDF as it is, a Word file
 * converted to PDF first. When it cannot be (LibreOffice missing, a damaged or encrypted PDF), the reason comes back
 * instead, and the pack prints the report's text with a notice rather than failing or silently leaving it out.
 */
import type { Kysely } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import type { Database } from '../../db/schema.ts';
import { readFile } from '../../db/repositories/stored-files.ts';
import { ConversionError, docxToPdf } from './docx-to-pdf.ts';
import { REPORT_MEDIA_TYPES } from '../committee/report-upload.ts';

export interface ReportOriginalRef {
  sha256: string;
  filename: string;
  mediaType: string;
}

export type LoadedOriginal = { pdf: PDFDocument; pageCount: number } | { problem: string };

async function pdfOf(bytes: Uint8Array, mediaType: string): Promise<Uint8Array> {
  if (mediaType === REPORT_MEDIA_TYPES.pdf) return bytes;
  if (mediaType === REPORT_MEDIA_TYPES.docx) return docxToPdf(bytes);
  throw new ConversionError(`a ${mediaType} file cannot be inserted into a PDF`);
}

export async function loadReportOriginal(db: Kysely<Database>, ref: ReportOriginalRef): Promise<LoadedOriginal> {
  const bytes = await readFile(db, ref.sha256);
  if (!bytes) return { problem: `the stored file of ${ref.filename} is missing` };
  try {
    const pdf = await PDFDocument.load(await pdfOf(bytes, ref.mediaType), { updateMetadata: false });
    const pageCount = pdf.getPageCount();
    if (pageCount === 0) return { problem: `${ref.filename} has no pages` };
    return { pdf, pageCount };
  } catch (error) {
    if (error instanceof ConversionError) return { problem: error.message };
    // pdf-lib refuses encrypted and badly damaged files; the upload was read for text, so the text can stand in.
    return { problem: `${ref.filename} could not be opened as a PDF (${error instanceof Error ? error.message : String(error)})` };
  }
}
