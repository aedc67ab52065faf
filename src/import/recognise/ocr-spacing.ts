/**
 * Recogniser: OCR text whose words are broken by spaces ("Th e regular mee ting of th e Ci t y Co un c i l",
 * "M I N U T E S", "7:3 4 p.m."). Every later recogniser reads words, so the fragments are joined first. Without a
 * dictionary a join is taken only when the joined word is known: a word of council papers (below) or a word the
 * same document prints unbroken somewhere else ("Englewood" in a heading mends "Englew oo d" in the text). A run of
 * three or more single letters is one word. The line count never changes, so line numbers stay the file's.
 * Pure and linear: each line is read once, with at most MAX_PARTS fragments tried at each position.
 */

const MAX_PARTS = 6;
const MAX_LETTERS = 30;

/** Words of council papers, whatever the council: the ones OCR most often breaks. */
const PAPER_WORDS = `the was were and for that this with from have been which their there council councillor councillors
member members minutes meeting meetings regular special mayor chair chairman present absent apologies motion
carried seconded moved ayes nays abstain abstained none called order roll call invocation pledge allegiance quorum
approve approved agenda item items resolution ordinance public hearing city county town borough clerk attorney
manager director assistant acting department community development proclamation week year visitors scheduled
january february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday page report reports business professional women given led accept received
selection introduced congratulated representing chamber commerce`;

const BUILT_IN = new Set(PAPER_WORDS.split(/\s+/));

/** Short words that are words on their own: a line of them is not broken text. */
const SHORT_WORDS = new Set([
  'a',
  'i',
  'an',
  'as',
  'at',
  'be',
  'by',
  'do',
  'go',
  'he',
  'if',
  'in',
  'is',
  'it',
  'me',
  'my',
  'no',
  'of',
  'on',
  'or',
  'so',
  'to',
  'up',
  'us',
  'we',
  'mr',
  'ms',
  'dr',
  'am',
  'pm',
]);

const letters = (token: string) => token.toLowerCase().replace(/[^\p{L}]/gu, '');

/** Whether the text is broken by spaces: many fragments of one or two letters that are no words. */
export function isSpaceBroken(lines: string[]): boolean {
  const tokens = lines
    .join(' ')
    .split(/\s+/)
    .filter((token) => /\p{L}/u.test(token));
  if (tokens.length < 40) return false;
  const fragments = tokens.filter((token) => {
    const word = letters(token);
    return word.length > 0 && word.length <= 2 && !SHORT_WORDS.has(word);
  });
  return fragments.length / tokens.length > 0.12;
}

/** The document's own unbroken words of four letters or more, with the built-in ones. */
function vocabularyOf(lines: string[]): Set<string> {
  const words = new Set(BUILT_IN);
  for (const line of lines) for (const token of line.split(/\s+/)) if (/^\p{L}{4,}[,.;:]?$/u.test(token)) words.add(letters(token));
  return words;
}

/** Joins the fragments of each line where the joined word is known. */
export function joinBrokenWords(lines: string[]): string[] {
  const vocabulary = vocabularyOf(lines);
  return lines.map((line) => joinLine(line, vocabulary));
}

function joinLine(line: string, vocabulary: Set<string>): string {
  // "7:3 4" and "1 9 8 7": digits of one number.
  const text = line.replace(/\b(\d{1,2}):(\d) (\d)\b/g, '$1:$2$3');
  const tokens = text.split(' ');
  const out: string[] = [];
  for (let index = 0; index < tokens.length; ) {
    const joined = longestJoin(tokens, index, vocabulary);
    out.push(joined.text);
    index = joined.next;
  }
  return out.join(' ');
}

function longestJoin(tokens: string[], start: number, vocabulary: Set<string>): { text: string; next: number } {
  const first = tokens[start]!;
  // Inner fragments carry no punctuation: "Bilo," ends a word and "mee" "ting" may join.
  let end = start;
  while (end < tokens.length && end - start < MAX_PARTS && /^\p{L}+$/u.test(tokens[end]!)) end++;
  // The last fragment may end in punctuation ("ca r ried." -> "carried.").
  const last = end < tokens.length && end - start < MAX_PARTS && /^\p{L}+[,.;:!?]*$/u.test(tokens[end]!) ? end + 1 : end;
  // A run of three or more single letters is one word ("M I N U T E S").
  let singles = start;
  while (singles < tokens.length && singles - start < MAX_LETTERS && /^\p{L}$/u.test(tokens[singles]!)) singles++;
  if (singles - start >= 3) return { text: tokens.slice(start, singles).join(''), next: singles };
  for (let stop = last; stop >= start + 2; stop--) {
    const parts = tokens.slice(start, stop);
    const word = letters(parts.join(''));
    // Words side by side stay apart ("of the"); a fragment that is no word of papers joins ("mee ting", "Port well").
    const allWords = parts.every((part) => SHORT_WORDS.has(letters(part)) || BUILT_IN.has(letters(part)));
    if (word.length >= 3 && !allWords && vocabulary.has(word)) {
      return { text: parts.join(''), next: stop };
    }
  }
  return { text: first, next: start + 1 };
}
