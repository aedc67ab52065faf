/**
 * The layout-neutral content of a generated document, shared by the PDF and DOCX writers so the two formats never
 * drift apart. A document is a front sheet (unnumbered, as in a printed summons) and parts; each part starts on a new
 * page, and numbered pages carry "Page N of M" footers counted from the first part.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** The printed page range of a part, filled in by the writer from the document it lays out. */
export interface PageRangeRef {
  partKey: string;
}

export type Block =
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; runs: Run[]; align?: 'left' | 'center' | 'right'; small?: boolean }
  | { kind: 'bullet'; text: string }
  | { kind: 'notice'; text: string }
  | {
      kind: 'agenda-entry';
      number: string;
      title: string;
      description: string | null;
      /** The part holding this item's papers, whose pages the entry prints; null for items without papers. */
      pages: PageRangeRef | null;
      /** "Exempt: Schedule 12A paragraph 3", when the public may be excluded for the item. */
      exemptLabel: string | null;
    }
  | {
      kind: 'page-comparison';
      heading: string;
      intro: string;
      rows: Array<{ number: string; title: string; pages: PageRangeRef | null; printed: string }>;
    };

export interface Part {
  /** Unique in the document; bookmarks and page ranges are keyed by it. */
  key: string;
  blocks: Block[];
  /**
   * Pages of uploaded originals (reports as the council published them) that follow the part's own pages. The PDF
   * writer leaves that many blank, numbered into the part's range, for the pack assembler to fill with the original
   * pages (./pack-assembler.ts); the DOCX writer has no pages to leave and ignores it.
   */
  insertedPages?: number;
}

export interface DocumentModel {
  title: string;
  /** The document's subject line in its properties. */
  subject: string;
  /** Written into the file's metadata, so the same records always make the same bytes (and the same ETag). */
  date: string;
  frontSheet: Block[];
  parts: Part[];
}

/** The page ranges of a laid-out document's parts, by key: page numbers as printed in the footers. */
export type PageRanges = Map<string, { from: number; to: number }>;

export function formatRange(range: { from: number; to: number } | undefined): string {
  if (!range) return '';
  return range.from === range.to ? String(range.from) : `${range.from} - ${range.to}`;
}
