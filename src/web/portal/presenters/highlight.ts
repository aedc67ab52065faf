/**
 * ts_headline returns the record's own text with our markers around each hit; the text is whatever the papers said,
 * so it is escaped first and only our markers become <mark>. Markers are balanced here whatever arrives, so a
 * stray marker can never leave a tag open.
 */
import { HIT_END, HIT_START } from '../../../db/queries/portal/search.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** Safe HTML of a headline: escaped text, hits in <mark>, whitespace collapsed. */
export function highlightHeadline(headline: string): string {
  let html = '';
  let open = false;
  for (const part of headline.split(new RegExp(`([${HIT_START}${HIT_END}])`))) {
    if (part === HIT_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === HIT_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(part.replace(/\s+/g, ' '));
    }
  }
  if (open) html += '</mark>';
  return html.trim();
}

/** The headline as plain text, for places that cannot hold markup (feeds, titles). */
export function plainHeadline(headline: string): string {
  return headline
    .replace(new RegExp(`[${HIT_START}${HIT_END}]`, 'g'), '')
    .replace(/\s+/g, ' ')
    .trim();
}
