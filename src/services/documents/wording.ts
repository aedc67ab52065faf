/**
 * How council papers print dates, times and text that arrived from imported papers: "Thursday, 12 May 2011",
 * "10.00 am", paragraphs rejoined from hard-wrapped lines, markup from the source formats taken out.
 */
import { parse as parseHtml } from 'node-html-parser';
import { paragraphs } from '../../domain/wording.ts';

export { exemptGround } from '../../domain/wording.ts';

/** "10:00:00" -> "10.00 am", "16:30" -> "4.30 pm": the council's own style on summonses and minutes. */
export function councilTime(time: string): string {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) return time;
  const hours = Number(match[1]);
  const suffix = hours < 12 ? 'am' : 'pm';
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour12}.${match[2]} ${suffix}`;
}

const HTML_TAG = /<\/?[a-z][^>]*>/i;

export interface TextPiece {
  kind: 'paragraph' | 'bullet';
  text: string;
}

/**
 * Imported text as printable pieces: HTML fragments (tables from PDFs and Word) reduced to their text, Markdown
 * emphasis taken out, table cells kept apart, "- " list items as bullets.
 */
export function textPieces(text: string | null | undefined): TextPiece[] {
  if (!text) return [];
  const blocks = text.split(/\n\s*\n/).flatMap((block) => {
    if (HTML_TAG.test(block)) return parseHtml(block.replace(/<br\s*\/?>/gi, '\n')).structuredText.split('\n');
    // Rows of a table (tab-separated cells) stay one to a line instead of being rejoined into one paragraph.
    if (block.includes('\t')) return block.split('\n').map((line) => line.replace(/\t+/g, '   '));
    return paragraphs(block);
  });
  return blocks
    .map((piece) =>
      piece
        .replace(/\*\*([^*]+)\*\*/g, '$1')
        .replace(/(^|\s)\*([^*\s][^*]*)\*/g, '$1$2')
        .trim(),
    )
    .filter((piece) => piece.length > 0)
    .map((piece) => (/^[-•]\s+/.test(piece) ? { kind: 'bullet' as const, text: piece.replace(/^[-•]\s+/, '') } : { kind: 'paragraph' as const, text: piece }));
}

/** Whitespace and case folded, so a resolution can be found inside the narrative that already prints it. */
export function folded(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
