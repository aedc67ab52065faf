/**
 * How the council's words are put together on pages and in documents: lists, the exempt-information ground
 * (Local Government Act 1972, Schedule 12A), and paragraphs rejoined from hard-wrapped paper text.
 */

/** [2, 7] -> "2 and 7"; [1, 2, 3] -> "1, 2 and 3". */
export function joinList(items: Array<string | number>): string {
  const texts = items.map(String);
  if (texts.length <= 1) return texts.join('');
  return `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]}`;
}

/**
 * The paragraphs of Schedule 12A an exempt item relies on, once each and in order: the ground's parameters, which a
 * page words in its reader's language (src/web/i18n/wording.ts). The numbers are kept as the council cited them
 * (Part 1, paragraphs 1 to 7, in England; Part 4, paragraphs 12 to 18, in Wales as inserted by SI 2007/1051 (W.108)).
 */
export function exemptParagraphs(paragraphs: number[]): number[] {
  return [...new Set(paragraphs)].sort((a, b) => a - b);
}

/** "Schedule 12A paragraphs 2 and 7": the legal ground for excluding the public, never the withheld content. */
export function exemptGround(paragraphs: number[]): string {
  const sorted = exemptParagraphs(paragraphs);
  if (sorted.length === 0) return 'Schedule 12A';
  return `Schedule 12A ${sorted.length === 1 ? 'paragraph' : 'paragraphs'} ${joinList(sorted)}`;
}

/**
 * Minute text arrives as extracted from papers: hard-wrapped lines with blank lines between paragraphs.
 * Rejoins wrapped lines but keeps list items ("(a)", "1.", "•") on their own, so the page reads as the paper did.
 */
export function paragraphs(text: string | null | undefined): string[] {
  if (!text) return [];
  const result: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    let current = '';
    for (const raw of block.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      if (current && /^(\([a-z0-9ivx]+\)|\d+[.)]|[•\-–])\s/i.test(line)) {
        result.push(current);
        current = line;
      } else {
        current = current ? `${current} ${line}` : line;
      }
    }
    if (current) result.push(current);
  }
  return result;
}
