/**
 * Reading generated documents back as a reader would: the text of each PDF page (pdfjs-dist, legacy build for Node),
 * the text of a DOCX (mammoth), a PDF page rendered to PNG (pdftoppm from poppler-utils) and a DOCX converted to PDF
 * by LibreOffice, each of the last two skipped with a message where the tool is missing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

/** The text of each page, lines joined with "\n" and runs within a line with nothing (pdfkit writes words whole). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: VerbosityLevel.ERRORS });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent();
      let text = '';
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== 'string') continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text.replace(/[ \t]+\n/g, '\n'));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

export async function docxText(bytes: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}

function which(command: string): string | undefined {
  try {
    return execFileSync('which', [command], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const pdftoppm = which('pdftoppm');
export const libreoffice = which('libreoffice') ?? which('soffice');

/** Renders one page of a PDF to PNG at `outFile` (without its .png), returning the PNG's path. */
export function renderPage(pdfFile: string, page: number, outFile: string): string {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  execFileSync(pdftoppm!, ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdfFile, outFile]);
  return `${outFile}.png`;
}

/** Converts a DOCX to PDF with LibreOffice in `outDir`, returning the PDF's path. */
export function convertWithLibreOffice(docxFile: string, outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(libreoffice!, ['--headless', '--convert-to', 'pdf', '--outdir', outDir, docxFile], { timeout: 120_000 });
  return path.join(outDir, `${path.basename(docxFile, '.docx')}.pdf`);
}
