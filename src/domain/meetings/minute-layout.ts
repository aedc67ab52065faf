/**
 * A minute as a page shows it: its paragraphs, with each resolution shown once, where the minute records it.
 *
 * An imported minute's text already holds its resolutions ("(3) RESOLVED that ..."), and the importer also keeps
 * each resolution's words as a record of its own. Showing both printed every resolution twice (issue 19). So each
 * resolution is looked for in the minute's text: from a paragraph saying "resolved", its words (letters and digits,
 * in order, punctuation and bullet dashes aside) must follow within a few words ("unanimously: that") and fill
 * the rest of that paragraph, and of any after it that it runs on to. Those paragraphs become the resolution, in the minute's own words and with
 * its parts as a list (`resolutionParts`). A resolution not found there (one entered in the back office beside a
 * minute's text, or worded differently) is shown after the paragraphs, as before. Nothing is dropped: every
 * paragraph appears once, either as itself or inside its resolution.
 */
import { paragraphs } from '../wording.ts';
import { type ResolutionLayout, resolutionParts } from './resolution-parts.ts';

export type MinuteBlock =
  | { kind: 'paragraph'; text: string }
  /** `resolution` is the index of the resolution record; `printed`: found in the minute's text, which says "Resolved". */
  | { kind: 'resolution'; resolution: number; printed: boolean; layout: ResolutionLayout };

/** How many words may stand between "resolved" and the resolution's first words ("unanimously: that"). */
const MAX_GAP = 4;

const BULLET = /^[-–•]\s+(?=\(?[A-Za-z0-9]{1,5}[).]\s)/;
/** A minute's own paragraph number before its resolution: "(3) RESOLVED". */
const NUMBER = /^(\(\d{1,2}\)|\d{1,2}\.)\s+(?=resolved\b)/i;

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function sameWords(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((word, index) => word === b[index]);
}

/** The paragraphs [start, end) that hold the resolution, searching from `from`; undefined when it is not there. */
function findResolution(paras: string[], from: number, resolution: string): [number, number] | undefined {
  const wanted = wordsOf(resolution);
  if (wanted.length === 0) return undefined;
  for (let start = from; start < paras.length; start += 1) {
    const keyword = /\bresolved\b/i.exec(paras[start]!);
    if (!keyword) continue;
    const following = wordsOf(paras[start]!.slice(keyword.index + keyword[0].length));
    for (let gap = 0; gap <= MAX_GAP; gap += 1) {
      let words = following.slice(gap);
      let end = start + 1;
      while (words.length < wanted.length && end < paras.length) words = words.concat(wordsOf(paras[end++]!));
      // The resolution must fill its paragraphs: a shorter one that merely begins the same way is another.
      if (sameWords(words, wanted)) return [start, end];
    }
  }
  return undefined;
}

function printedResolution(paras: string[]): ResolutionLayout {
  const [first, ...rest] = paras;
  const number = NUMBER.exec(first!);
  const layout = resolutionParts([number ? first!.slice(number[0].length) : first!, ...rest].join('\n'));
  return number ? { ...layout, lead: `${number[1]} ${layout.lead}` } : layout;
}

export function minuteLayout(text: string | null | undefined, resolutions: string[]): MinuteBlock[] {
  const paras = paragraphs(text).map((paragraph) => paragraph.replace(BULLET, ''));
  const spans = new Map<number, { end: number; resolution: number }>();
  const unplaced: number[] = [];
  let cursor = 0;
  resolutions.forEach((resolution, index) => {
    const span = findResolution(paras, cursor, resolution);
    if (!span) {
      unplaced.push(index);
      return;
    }
    spans.set(span[0], { end: span[1], resolution: index });
    cursor = span[1];
  });

  const blocks: MinuteBlock[] = [];
  for (let index = 0; index < paras.length; ) {
    const span = spans.get(index);
    if (span) {
      blocks.push({ kind: 'resolution', resolution: span.resolution, printed: true, layout: printedResolution(paras.slice(index, span.end)) });
      index = span.end;
    } else {
      blocks.push({ kind: 'paragraph', text: paras[index]! });
      index += 1;
    }
  }
  for (const index of unplaced) blocks.push({ kind: 'resolution', resolution: index, printed: false, layout: resolutionParts(resolutions[index]!) });
  return blocks;
}
