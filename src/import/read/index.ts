import type { TextDocument } from '../types.ts';
import { htmlToLines } from './html.ts';
import { readIsolated, type IsolationLimits } from './isolated.ts';
import { ReadError } from './read-error.ts';
import { decodeText, splitLines } from './text.ts';

export { ReadError } from './read-error.ts';
export { htmlFragmentToText, htmlToLines } from './html.ts';
export { PAGE_BREAK } from './pdf.ts';

/** What the reader returns: a TextDocument, plus page information for PDFs. */
export interface ReadResult extends TextDocument {
  /** PDFs only: the number of pages. */
  pageCount?: number;
  /**
   * PDFs only: pageOfLine[i] is the 1-based page that lines[i] (document line i + 1) is on. The
   * PAGE_BREAK line between two pages counts as the first line of the later page.
   */
  pageOfLine?: number[];
}

export interface ReadOptions {
  /** Larger files are refused before any of their content is looked at. Default 50 MiB. */
  maxBytes?: number;
  /** The memory and time a PDF or DOCX may take to read (isolated.ts); the defaults suit real papers. */
  isolation?: IsolationLimits;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const SUPPORTED = '.txt, .md, .html, .pdf, .docx, .json';

type Kind = 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'json';

const KIND_BY_EXTENSION: Record<string, Kind> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
  json: 'json',
};

/**
 * Bytes of an uploaded or imported paper -> its text, one entry per line. The content decides the
 * format where it can (a PDF saved as ".txt" is still read as a PDF); the extension decides the rest.
 * Anything that cannot be read throws a ReadError saying why, in words meant for the person importing.
 */
export async function readDocument(input: { name: string; bytes: Uint8Array }, options: ReadOptions = {}): Promise<ReadResult> {
  const { name, bytes } = input;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new ReadError(name, tooLargeReason(bytes.byteLength, maxBytes));
  }
  if (bytes.byteLength === 0) throw new ReadError(name, 'file is empty');

  const extension = extensionOf(name);
  const kind = sniff(bytes) ?? kindFromExtension(name, extension, bytes);

  switch (kind) {
    case 'pdf': {
      const pdf = await readIsolated('pdf', name, bytes, options.isolation);
      return { name, format: 'pdf', lines: pdf.lines, warnings: pdf.warnings, pageCount: pdf.pageCount, pageOfLine: pdf.pageOfLine };
    }
    case 'docx': {
      if (!isZip(bytes)) {
        throw new ReadError(name, 'DOCX is damaged or not a Word document: it is not a ZIP package (an old .doc renamed?)');
      }
      if (!containsAscii(bytes, 'word/document.xml')) {
        throw new ReadError(name, 'DOCX is damaged or not a Word document: it has no word/document.xml');
      }
      const docx = await readIsolated('docx', name, bytes, options.isolation);
      if (docx.lines.length === 0) docx.warnings.push('the document has no text');
      return { name, format: 'docx', lines: docx.lines, warnings: docx.warnings };
    }
    case 'html': {
      const { text, warnings } = decodeText(bytes, name);
      if (text === '') throw new ReadError(name, 'file is empty');
      return { name, format: 'html', lines: htmlToLines(text), warnings };
    }
    case 'text':
    case 'markdown':
    case 'json': {
      const { text, warnings } = decodeText(bytes, name);
      if (text === '') throw new ReadError(name, 'file is empty');
      return { name, format: kind, lines: splitLines(text), warnings };
    }
  }
}

/** Formats that announce themselves in their first bytes. */
function sniff(bytes: Uint8Array): Kind | undefined {
  // Only at the very start: text that merely mentions the header must stay text. A .pdf whose
  // header follows some junk still reaches the PDF reader by its extension, and pdf.js copes.
  if (startsWithAscii(bytes, '%PDF-')) return 'pdf';
  // Any Office file is a ZIP; only a Word document has this part. Its name is stored uncompressed in the ZIP headers.
  if (isZip(bytes) && containsAscii(bytes, 'word/document.xml')) return 'docx';
  if (looksLikeHtmlDocument(bytes)) return 'html';
  return undefined;
}

function kindFromExtension(name: string, extension: string, bytes: Uint8Array): Kind {
  // Files without an extension (e.g. fetched from a URL) get the text reader, which refuses binary junk.
  if (extension === '') return isZip(bytes) ? unsupported(name, 'a ZIP archive') : 'text';
  const kind = KIND_BY_EXTENSION[extension];
  if (!kind) return unsupported(name, `.${extension}`);
  return kind;
}

function unsupported(name: string, what: string): never {
  throw new ReadError(name, `unsupported file type ${what}; supported: ${SUPPORTED}`);
}

function extensionOf(name: string): string {
  return /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, 'latin1');
}

/** A whole HTML document, not text that merely contains some tags (the seeds do). */
function looksLikeHtmlDocument(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  let start: string;
  if (head[0] === 0xff && head[1] === 0xfe) start = new TextDecoder('utf-16le').decode(head.subarray(2));
  else if (head[0] === 0xfe && head[1] === 0xff) start = new TextDecoder('utf-16be').decode(head.subarray(2));
  else start = new TextDecoder('utf-8').decode(head); // strips a UTF-8 BOM; partial characters at the cut do not matter here
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i.test(start);
}

/**
 * Sizes in binary megabytes, labelled "MB" as most people's file managers do. The file's size is
 * rounded up and the limit down, so a file just over the limit never reads as equal to it.
 */
/** The reason given for a file over the size limit; also used before reading a file from disk at all. */
export function tooLargeReason(size: number, maxBytes: number): string {
  return `file is ${formatSize(size, 'up')}, over the ${formatSize(maxBytes, 'down')} limit`;
}

function formatSize(bytes: number, round: 'up' | 'down'): string {
  const units: Array<[string, number]> = [
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024],
  ];
  for (const [unit, size] of units) {
    if (bytes >= size) {
      const scaled = (round === 'up' ? Math.ceil : Math.floor)((bytes / size) * 10) / 10;
      return `${Number.isInteger(scaled) ? scaled.toFixed(0) : scaled.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}
