import { HTMLElement, parse, TextNode, type Node } from 'node-html-parser';

/**
 * HTML -> lines in the same shape as the plain-text papers the extractors are written against:
 * paragraphs and headings separated by blank lines, list items as "- " lines, and table rows as
 * tab-separated cells so a table reads like the TSV tables in the text exports.
 */

const PARSE_OPTIONS = {
  comment: false,
  // Unclosed tags are common in fragments (the seeds' `<ul style=...>` cells); dropping them would drop their text.
  parseNoneClosedTags: true,
  // Parsed as raw text so markup inside scripts cannot leak into the document; they are dropped anyway.
  blockTextElements: { script: true, style: true, noscript: true, textarea: true },
};

/** Elements whose content is not document text. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'audio',
  'video',
  'map',
  'select',
  'datalist',
]);

/** Blocks that stand apart from their neighbours with a blank line, as paragraphs do in the text papers. */
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figure', 'address', 'hr', 'details', 'fieldset']);

/** Blocks that only break the line. */
const BLOCKS = new Set([
  'html',
  'body',
  'div',
  'section',
  'article',
  'aside',
  'header',
  'footer',
  'main',
  'nav',
  'center',
  'dt',
  'dd',
  'figcaption',
  'form',
  'hgroup',
  'legend',
  'summary',
  'dialog',
  'caption',
  'option',
  'optgroup',
]);

const LISTS = new Set(['ul', 'ol', 'menu', 'dir', 'dl']);

/** Elements whose boundaries separate words even when flattened into a single line. */
const SEPARATING = new Set([...PARAGRAPHS, ...BLOCKS, ...LISTS, 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'pre', 'br']);

/** Upper bound on colspan/rowspan, so a typo like colspan="5000000" cannot blow up a row. */
const MAX_SPAN = 1000;

function tagOf(element: HTMLElement): string {
  return (element.tagName ?? '').toLowerCase();
}

class LineWriter {
  readonly lines: string[] = [];
  private buffer = '';
  private blankPending = false;
  private prefix = '';

  text(text: string): void {
    this.buffer += text;
  }

  /** Ends the current line, if it has any text. */
  breakLine(): void {
    const line = collapse(this.buffer);
    this.buffer = '';
    if (line !== '') this.emit(line);
  }

  /** Ends the current line and asks for a blank line before whatever comes next. */
  paragraph(): void {
    this.breakLine();
    this.blankPending = true;
  }

  /** The next line that has text starts with this (a list marker). */
  setPrefix(prefix: string): void {
    this.prefix = prefix;
  }

  /** A line that is already complete (a table row, a line of a <pre>). */
  emit(line: string): void {
    if (this.blankPending && this.lines.length > 0 && this.lines[this.lines.length - 1] !== '') this.lines.push('');
    this.blankPending = false;
    this.lines.push(this.prefix + line);
    this.prefix = '';
  }
}

/** Whitespace as a browser renders it: any run is one space. NBSP included, which the readers normalise to space anyway. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function walk(node: Node, writer: LineWriter, listDepth: number): void {
  if (node instanceof TextNode) {
    writer.text(node.text);
    return;
  }
  if (!(node instanceof HTMLElement)) return;
  const tag = tagOf(node);
  if (DROPPED.has(tag)) return;

  const children = (depth: number): void => {
    for (const child of node.childNodes) walk(child, writer, depth);
  };

  if (tag === 'br') {
    writer.breakLine();
  } else if (tag === 'table') {
    writer.paragraph();
    writeTable(node, writer);
    writer.paragraph();
  } else if (tag === 'pre') {
    writer.paragraph();
    for (const line of preText(node).replace(/\r\n?/g, '\n').split('\n')) {
      const trimmed = line.replace(/[\u00A0\u202F]/g, ' ').trimEnd();
      if (trimmed !== '') writer.emit(trimmed);
    }
    writer.paragraph();
  } else if (LISTS.has(tag)) {
    // Nested lists continue their parent item's list rather than starting a new paragraph.
    if (listDepth === 0) writer.paragraph();
    else writer.breakLine();
    children(listDepth + 1);
    if (listDepth === 0) writer.paragraph();
    else writer.breakLine();
  } else if (tag === 'li') {
    writer.breakLine();
    writer.setPrefix(`${'  '.repeat(Math.max(0, listDepth - 1))}- `);
    children(listDepth);
    writer.breakLine();
  } else if (PARAGRAPHS.has(tag)) {
    // A <p> inside a list item is just the item's text; blank lines there would split the list.
    if (listDepth > 0) writer.breakLine();
    else writer.paragraph();
    children(listDepth);
    if (listDepth > 0) writer.breakLine();
    else writer.paragraph();
  } else if (BLOCKS.has(tag)) {
    writer.breakLine();
    children(listDepth);
    writer.breakLine();
  } else {
    children(listDepth);
  }
}

function preText(node: Node): string {
  if (node instanceof TextNode) return node.text;
  if (!(node instanceof HTMLElement) || DROPPED.has(tagOf(node))) return '';
  if (tagOf(node) === 'br') return '\n';
  return node.childNodes.map(preText).join('');
}

/** The rows of this table, not of tables nested in its cells. */
function rowsOf(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  const visit = (element: HTMLElement): void => {
    for (const child of element.childNodes) {
      if (!(child instanceof HTMLElement)) continue;
      const tag = tagOf(child);
      if (tag === 'tr') rows.push(child);
      else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

function spanOf(cell: HTMLElement, attribute: string): number {
  const value = Number.parseInt(cell.getAttribute(attribute) ?? '', 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, MAX_SPAN) : 1;
}

/**
 * One line per row, cells joined by TAB. Spanned cells are padded with empty cells so that each
 * column keeps its position: the extractors read columns by index.
 */
function writeTable(table: HTMLElement, writer: LineWriter): void {
  for (const child of table.childNodes) {
    if (child instanceof HTMLElement && tagOf(child) === 'caption') {
      const caption = flattenToLine(child);
      if (caption !== '') writer.emit(caption);
    }
  }
  // rowsCovered[c]: how many more rows column c is taken by a rowspan from a row above.
  const rowsCovered: number[] = [];
  for (const row of rowsOf(table)) {
    const cells: string[] = [];
    const skipCovered = (): void => {
      while ((rowsCovered[cells.length] ?? 0) > 0) {
        rowsCovered[cells.length]!--;
        cells.push('');
      }
    };
    for (const cell of row.childNodes) {
      if (!(cell instanceof HTMLElement)) continue;
      const tag = tagOf(cell);
      if (tag !== 'td' && tag !== 'th') continue;
      skipCovered();
      const colspan = spanOf(cell, 'colspan');
      const rowspan = spanOf(cell, 'rowspan');
      for (let i = 0; i < colspan; i++) {
        if (rowspan > 1) rowsCovered[cells.length] = rowspan - 1;
        cells.push(i === 0 ? flattenToLine(cell) : '');
      }
    }
    // Columns covered from above after this row's last cell.
    let lastCovered = -1;
    for (let c = cells.length; c < rowsCovered.length; c++) if ((rowsCovered[c] ?? 0) > 0) lastCovered = c;
    while (cells.length <= lastCovered) {
      if ((rowsCovered[cells.length] ?? 0) > 0) rowsCovered[cells.length]!--;
      cells.push('');
    }
    if (cells.some((cell) => cell !== '')) writer.emit(cells.join('\t'));
  }
}

function flattenParts(node: Node, parts: string[]): void {
  if (node instanceof TextNode) {
    parts.push(node.text);
    return;
  }
  if (!(node instanceof HTMLElement)) return;
  const tag = tagOf(node);
  if (DROPPED.has(tag)) return;
  const separating = SEPARATING.has(tag);
  if (separating) parts.push(' ');
  for (const child of node.childNodes) flattenParts(child, parts);
  if (separating) parts.push(' ');
}

/** All the text of an element on one line: what a table cell becomes. */
function flattenToLine(element: HTMLElement): string {
  const parts: string[] = [];
  for (const child of element.childNodes) flattenParts(child, parts);
  return collapse(parts.join(''));
}

/** A whole HTML document (or a fragment of one) -> lines. */
export function htmlToLines(html: string): string[] {
  // The parser keeps these as text; they are not content.
  const root = parse(html.replace(/<!doctype[^>]*>|<\?xml[^>]*\?>/gi, ''), PARSE_OPTIONS);
  const writer = new LineWriter();
  walk(root, writer, 0);
  writer.breakLine();
  return writer.lines;
}

const HTML_TAG_NAMES = [
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'big',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'font',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hr',
  'html',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'main',
  'mark',
  'nav',
  'noscript',
  'o:p',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'script',
  'section',
  'small',
  'span',
  'strike',
  'strong',
  'style',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'tt',
  'u',
  'ul',
  'var',
  'wbr',
];
// `o:p` is Word's empty-paragraph tag, frequent in HTML pasted from Word.
const NOT_A_TAG = new RegExp(`<(?!/?(?:${HTML_TAG_NAMES.join('|')})(?=[\\s/>]|$)|!--)`, 'gi');

/**
 * Plain text with HTML mixed in (the seeds' table cells: `<p>1.5.6 ...</p>\t<p>1 May 2011</p>\t...`)
 * -> plain text. Tags go, entities are decoded, and block boundaries become single spaces, but TABs
 * and newlines in the text are kept: the result has the same lines and the same cells as the input,
 * so line numbers and column positions still hold.
 *
 * A `<` that does not open a known HTML tag is kept as text, so plain-text papers that contain
 * `<http://...>` links or "x < y" lose nothing.
 */
export function htmlFragmentToText(fragment: string): string {
  const escaped = fragment.replace(NOT_A_TAG, '&lt;');
  const root = parse(escaped, PARSE_OPTIONS);
  const parts: string[] = [];
  for (const child of root.childNodes) flattenParts(child, parts);
  return parts
    .join('')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\t\n]+/g, ' ')
    .replace(/ *([\t\n]) */g, '$1')
    .replace(/^ +| +$/g, '');
}
