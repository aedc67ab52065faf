import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { ReadError } from './read-error.ts';

export interface PdfText {
  lines: string[];
  warnings: string[];
  pageCount: number;
  /** pageOfLine[i] is the 1-based page of lines[i]. */
  pageOfLine: number[];
}

/**
 * The line put between pages. A form feed marks the page break for anyone who looks for it, and
 * `trim()` makes it an empty line for everyone else.
 */
export const PAGE_BREAK = '\f';

/** Where a piece of text sits, in page space with y growing downwards (so rotated pages read upright). */
interface Piece {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Gaps are measured in units of the font size, so the thresholds hold for any type size. */
const SPACE_GAP = 0.15;
const TAB_GAP = 1.5;
/** A baseline gap this many times the font size is more than line spacing: a paragraph or block break. */
const BLANK_LINE_GAP = 1.8;

/** pdf.js costs about 200 MB of memory once loaded: loaded on the first PDF read, not by every process that starts. */
let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;
const loadPdfjs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

export async function readPdf(bytes: Uint8Array, file: string): Promise<PdfText> {
  // A file cut off in transfer still parses in part (pdf.js rebuilds the cross-reference table), and
  // would silently lose its last pages; the end-of-file marker is the one reliable sign of a whole file.
  if (!endsWithEofMarker(bytes)) throw damaged(file, 'no %%EOF marker at the end of the file');

  const { getDocument, Util, VerbosityLevel } = await loadPdfjs();
  let pdf: PDFDocumentProxy;
  const task = getDocument({
    // A copy, always: pdf.js takes ownership of the buffer it is given (it is transferred and detached),
    // and refuses Buffers, whose slice() would be a view of the caller's memory rather than a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new ReadError(file, 'PDF is password-protected; save an unprotected copy first', { cause: error });
    }
    throw damaged(file, describe(error), error);
  }

  try {
    const lines: string[] = [];
    const pageOfLine: number[] = [];
    const warnings: string[] = [];
    const emptyPages: number[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      let pageLines: string[];
      try {
        pageLines = await readPage(pdf, pageNumber, Util);
      } catch (error) {
        throw damaged(file, `page ${pageNumber} could not be read (${describe(error)})`, error);
      }
      if (pageLines.length === 0) emptyPages.push(pageNumber);
      if (pageNumber > 1) {
        lines.push(PAGE_BREAK);
        pageOfLine.push(pageNumber);
      }
      for (const line of pageLines) {
        lines.push(line);
        pageOfLine.push(pageNumber);
      }
    }
    if (emptyPages.length === pdf.numPages) {
      throw new ReadError(file, 'PDF has no text layer (scanned image?); run OCR first');
    }
    if (emptyPages.length > 0) {
      warnings.push(`no text on ${emptyPages.length === 1 ? 'page' : 'pages'} ${emptyPages.join(', ')} (scanned or blank?)`);
    }
    return { lines, warnings, pageCount: pdf.numPages, pageOfLine };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function readPage(pdf: PDFDocumentProxy, pageNumber: number, Util: Awaited<ReturnType<typeof loadPdfjs>>['Util']): Promise<string[]> {
  const page = await pdf.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const pieces: Piece[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const text = item as TextItem;
      // pdf.js reports word gaps as items of spaces; the gaps are measured from positions instead.
      if (text.str.trim() === '') continue;
      const m = Util.transform(viewport.transform, text.transform) as number[];
      const size = Math.hypot(m[2]!, m[3]!) || text.height || 1;
      pieces.push({ str: text.str, x: m[4]!, y: m[5]!, width: text.width, size });
    }
    return piecesToLines(pieces);
  } finally {
    page.cleanup();
  }
}

/**
 * Text pieces -> lines: pieces sharing a baseline form a line, read left to right, with a space
 * for a word gap and a TAB for a column gap (so tables come out like the TSV in the text papers).
 */
function piecesToLines(pieces: Piece[]): string[] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Array<{ y: number; size: number; pieces: Piece[] }> = [];
  for (const piece of sorted) {
    const row = rows[rows.length - 1];
    // Within half a font size counts as the same baseline: that keeps super/subscripts and the
    // slightly different baselines of neighbouring table cells on one line.
    if (row && piece.y - row.y <= 0.5 * Math.min(row.size, piece.size)) {
      row.pieces.push(piece);
      row.size = Math.max(row.size, piece.size);
    } else {
      rows.push({ y: piece.y, size: piece.size, pieces: [piece] });
    }
  }

  const lines: string[] = [];
  let previous: { y: number; size: number } | undefined;
  for (const row of rows) {
    if (previous && row.y - previous.y > BLANK_LINE_GAP * Math.max(previous.size, row.size)) lines.push('');
    previous = row;
    lines.push(joinRow(row.pieces.sort((a, b) => a.x - b.x)));
  }
  return lines;
}

function joinRow(pieces: Piece[]): string {
  let line = '';
  let last: Piece | undefined;
  for (const piece of pieces) {
    if (last) {
      // Fake bold: the same text drawn twice, a fraction of a point apart.
      if (piece.str === last.str && Math.abs(piece.x - last.x) < 0.2 * piece.size) continue;
      const gap = piece.x - (last.x + last.width);
      const size = Math.max(last.size, piece.size);
      if (gap > TAB_GAP * size) line = `${line.trimEnd()}\t`;
      else if (gap > SPACE_GAP * size && !/\s$/.test(line) && !/^\s/.test(piece.str)) line += ' ';
    }
    line += line.endsWith('\t') ? piece.str.trimStart() : piece.str;
    last = piece;
  }
  return line.replace(/[\u00A0\u202F]/g, ' ').trimEnd();
}

function endsWithEofMarker(bytes: Uint8Array): boolean {
  // Writers may leave some padding after the marker; 1024 bytes is the slack readers conventionally allow.
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.byteLength - 1024));
  return tail.includes('%%EOF');
}

function damaged(file: string, detail: string, cause?: unknown): ReadError {
  return new ReadError(file, `PDF is damaged or truncated: ${detail}`, { cause });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
