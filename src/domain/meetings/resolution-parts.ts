/**
 * A resolution's lettered and numbered parts, as a list a page can mark up (issue 19).
 *
 * Minutes print a resolution as a lead ("RESOLVED that subject to the views of the Committee:-") followed by its
 * parts, "(a) ...; and (b) ...", "(i) ..." with "(a)", "(b)" under one of them, or "1. ...", each on its own line
 * and often behind a bullet dash ("- (b)") that the text layer of a PDF kept, or run together on one line by an
 * extraction ("...; and - (b) ..."). The rule:
 *
 * - A part starts at a marker, "(b)", "b)" or "2.", at the start of a line (after an optional bullet dash) or
 *   inside a line after a bullet dash (" - (b) ") or after "; and", "; or", ";", ":" or ", and". Inside a line only
 *   the marker that continues the list counts, or a first one ("(a)", "(i)", "1.") after a colon, so "subject to
 *   (2) above" stays text.
 * - A marker continues the innermost list whose next label it is, else an outer one; else, when it starts a
 *   sequence ("a", "i", "1"), it opens a list under the part before it. "(i)" after "(h)" is a letter; elsewhere a
 *   Roman one. A marker that fits nowhere is text of the part it sits in.
 * - Text before the first marker is the lead; a line without a marker continues the part before it.
 * - One part alone is no list: the text is all lead.
 *
 * Nothing is reworded: the words, the markers as printed and every punctuation mark survive; only the bullet dashes
 * in front of markers go (`resolutionWords` of the result equals that of the input without them, property-tested).
 */

/** The kinds of label of an HTML ordered list, as its `type` attribute names them. */
export type ListStyle = 'a' | 'A' | 'i' | 'I' | '1';

export interface ResolutionPart {
  /** The marker as printed: "(a)", "b)", "2.". */
  marker: string;
  /** The label's place in its sequence: (a) and (i) and 1 are 1. */
  value: number;
  text: string;
  parts?: ResolutionList;
}

export interface ResolutionList {
  style: ListStyle;
  /** The first part's value: a list may start at "(c)" when the paper does. */
  start: number;
  items: ResolutionPart[];
}

export interface ResolutionLayout {
  lead: string;
  list?: ResolutionList;
}

const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;

function romanValue(label: string): number | undefined {
  const lower = label.toLowerCase();
  if (!lower || !ROMAN.test(lower)) return undefined;
  const values: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let index = 0; index < lower.length; index += 1) {
    const value = values[lower[index]!]!;
    const next = values[lower[index + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

interface Reading {
  style: ListStyle;
  value: number;
}

/** Every way a label can be read: "c" is a letter, "ii" Roman, "i", "v" and "x" either. */
function readings(label: string): Reading[] {
  if (/^\d{1,2}$/.test(label)) return [{ style: '1', value: Number(label) }];
  const upper = label === label.toUpperCase();
  const found: Reading[] = [];
  if (label.length === 1) found.push({ style: upper ? 'A' : 'a', value: label.toLowerCase().charCodeAt(0) - 96 });
  const roman = romanValue(label);
  if (roman !== undefined && roman <= 30) found.push({ style: upper ? 'I' : 'i', value: roman });
  return found;
}

const MARKER = String.raw`(?:\(([A-Za-z]{1,5}|\d{1,2})\)|([A-Za-z]{1,5}|\d{1,2})\)|(\d{1,2})\.)`;
const LINE_START = new RegExp(`^\\s*(?:[-–•]\\s+)?(${MARKER})(?:\\s+|$)`);
/** Where a part may begin inside a line: after a bullet dash, or after the punctuation that ends a part. */
const INLINE = new RegExp(`(?:\\s[-–•]|:-|[;:]|;\\s+(?:and|or)|,\\s+and|\\band)\\s+(?=${MARKER}(?:\\s|$))`, 'g');

interface Segment {
  marker?: { printed: string; label: string };
  text: string;
  /** Found inside a line: a part only when it continues an open list. */
  inline: boolean;
}

function markerOf(text: string): { printed: string; label: string; rest: string } | undefined {
  const match = LINE_START.exec(text);
  if (!match) return undefined;
  const label = match[2] ?? match[3] ?? match[4]!;
  return { printed: match[1]!, label, rest: text.slice(match[0].length) };
}

function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = [];
  for (const line of text.split(/\r?\n/)) {
    const pieces: string[] = [];
    let from = 0;
    for (const match of line.matchAll(INLINE)) {
      // The punctuation ending a part stays with it ("; and"); a bullet dash goes.
      pieces.push(line.slice(from, match.index) + (/^\s[-–•]\s+$/.test(match[0]) ? '' : match[0].trimEnd()));
      from = match.index + match[0].length;
    }
    pieces.push(line.slice(from));
    pieces.forEach((piece, index) => {
      const marker = markerOf(piece);
      segments.push(
        marker ? { marker: { printed: marker.printed, label: marker.label }, text: marker.rest, inline: index > 0 } : { text: piece, inline: index > 0 },
      );
    });
  }
  return segments;
}

interface OpenList {
  list: ResolutionList;
  last: number;
}

/** Any bullet dash still in front of a marker once lines are joined ("-" alone on the line before a part). */
const STRAY_BULLET = new RegExp(`(^|\\s)[-–•]\\s+(?=${MARKER}(?:\\s|$))`, 'g');

function join(before: string, after: string): string {
  const tail = after.trim();
  if (!tail) return before;
  return before ? `${before.trimEnd()} ${tail}` : tail;
}

function tidy(text: string): string {
  // Repeated: removing one bullet can bring another in front of the same marker ("- – (a)").
  let result = text;
  for (let previous = ''; previous !== result; ) {
    previous = result;
    result = result.replace(STRAY_BULLET, '$1');
  }
  return result.replace(/\s+/g, ' ').trim();
}

function tidyList(list: ResolutionList): ResolutionList {
  return { ...list, items: list.items.map((item) => ({ ...item, text: tidy(item.text), ...(item.parts ? { parts: tidyList(item.parts) } : {}) })) };
}

/** The text a segment contributes when it is not a part: its marker (if any) and words, without a bullet dash. */
function asText(segment: Segment): string {
  return segment.marker ? `${segment.marker.printed} ${segment.text}` : segment.text;
}

export function resolutionParts(text: string): ResolutionLayout {
  const segments = segmentsOf(text);
  let lead = '';
  const stack: OpenList[] = [];
  let top: ResolutionList | undefined;
  let current: ResolutionPart | undefined;

  const appendText = (extra: string) => {
    if (current) current.text = join(current.text, extra);
    else lead = join(lead, extra);
  };

  for (const segment of segments) {
    const marker = segment.marker;
    if (!marker) {
      appendText(segment.text);
      continue;
    }
    const options = readings(marker.label);
    let placed = false;
    // Continue the innermost open list it follows, else an outer one (closing the inner ones).
    for (let depth = stack.length - 1; depth >= 0 && !placed; depth -= 1) {
      const open = stack[depth]!;
      const reading = options.find((option) => option.style === open.list.style && option.value === open.last + 1);
      if (!reading) continue;
      stack.length = depth + 1;
      current = { marker: marker.printed, value: reading.value, text: segment.text.trim() };
      open.list.items.push(current);
      open.last = reading.value;
      placed = true;
    }
    // Inside a line a list opens only after a colon ("to:- (a) note ..."), and at its first label.
    const afterColon = /:-?$/.test((current ? current.text : lead).trimEnd());
    if (!placed && (!segment.inline || afterColon)) {
      // Open a list: at the top when none is open (the paper may start at "(c)"), else under the part before.
      const first = options.find((option) => option.value === 1);
      const reading = first ?? (stack.length === 0 && !segment.inline ? options[0] : undefined);
      if (reading) {
        const list: ResolutionList = { style: reading.style, start: reading.value, items: [] };
        const parent = current;
        current = { marker: marker.printed, value: reading.value, text: segment.text.trim() };
        list.items.push(current);
        if (stack.length === 0) top = list;
        else parent!.parts = list;
        stack.push({ list, last: reading.value });
        placed = true;
      }
    }
    if (!placed) appendText(asText(segment));
  }

  if (!top || top.items.length < 2) return { lead: tidy(plainText(text)) };
  return { lead: tidy(lead), list: tidyList(top) };
}

/** The text with only its bullet dashes removed and lines joined, for a resolution that is no list. */
function plainText(text: string): string {
  return segmentsOf(text)
    .map((segment) => asText(segment).trim())
    .filter(Boolean)
    .join(' ');
}

/** A resolution's words in order, markers included, bullet dashes and spacing left out: what the layout must keep. */
export function resolutionWords(layout: ResolutionLayout): string[] {
  const words = (text: string) => text.split(/\s+/).filter((word) => word && !/^[-–•]$/.test(word));
  const ofList = (list: ResolutionList | undefined): string[] =>
    list ? list.items.flatMap((item) => [...words(item.marker), ...words(item.text), ...ofList(item.parts)]) : [];
  return [...words(layout.lead), ...ofList(layout.list)];
}
