/**
 * Everything an import does to a file before it needs the database: read it, hash it, turn it into lines and extract
 * its records. Pure of the database and its result is plain data, so it can run in a worker thread (prepare-worker.ts)
 * while the importer writes the file before it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { extractPaper } from './extract-paper.ts';
import { extractCapabilityRecords, type CapabilityRecords } from './capabilities.ts';
import { readDocument, ReadError, tooLargeReason } from './read/index.ts';
import type { ReadResult } from './read/index.ts';
import type { PaperExtract } from './types.ts';

export type PreparedFile =
  | { kind: 'paper'; contentHash: string; bytes: number; document: ReadResult; extract: PaperExtract; capabilities: CapabilityRecords }
  | { kind: 'json'; contentHash: string; bytes: number; document: ReadResult }
  /** The file cannot be imported: a read error (reason) or an extractor's failure (message, maybe a line). */
  | { kind: 'refused'; reason: string; line?: number; readError: boolean; contentHash?: string };

export async function prepareFile(file: string, maxBytes: number): Promise<PreparedFile> {
  let contentHash: string | undefined;
  try {
    const size = fs.statSync(file).size;
    // Refuse before reading a byte: a 2 GB file must not take the importer's memory.
    if (size > maxBytes) throw new ReadError(file, tooLargeReason(size, maxBytes));
    const bytes = new Uint8Array(fs.readFileSync(file));
    contentHash = createHash('sha256').update(bytes).digest('hex');
    const document = await readDocument({ name: file, bytes }, { maxBytes });
    if (document.format === 'json') return { kind: 'json', contentHash, bytes: bytes.byteLength, document };
    const extract = extractPaper(document);
    // The segments extractPaper found, with their lines again: segmenting a document twice cost as much as reading it.
    const segments = extract.segments.map((segment) => ({ ...segment, lines: document.lines.slice(segment.lineFrom - 1, segment.lineTo) }));
    return { kind: 'paper', contentHash, bytes: bytes.byteLength, document, extract, capabilities: extractCapabilityRecords(document, segments) };
  } catch (error) {
    if (error instanceof ReadError) return { kind: 'refused', reason: error.reason, readError: true, ...(contentHash ? { contentHash } : {}) };
    const located = error as Error & { line?: number };
    return {
      kind: 'refused',
      reason: located.message,
      readError: false,
      ...(located.line ? { line: located.line } : {}),
      ...(contentHash ? { contentHash } : {}),
    };
  }
}
