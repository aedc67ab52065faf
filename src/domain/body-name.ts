/**
 * Canonical names of council bodies. Papers name one body several ways ("County Council", "the County Council",
 * "KENT COUNTY COUNCIL"; "Specialist Children's Services POSC" and "... Policy Overview & Scrutiny Committee"), and
 * headings often carry the meeting date ("Cabinet Scrutiny Committee – 19 January 2011"). Meetings from different
 * papers are merged by body name, so every form must reduce to one string. Pure functions, no I/O.
 */

export type BodyKind = 'council' | 'cabinet' | 'committee' | 'sub-committee' | 'panel' | 'board' | 'other';

export interface CanonicalBody {
  name: string;
  kind: BodyKind;
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAYS = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const DATE = `(?:(?:${WEEKDAYS}),?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\.?,?\\s+\\d{4}|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})`;
/** A date at the end, introduced by a dash, comma, "on", "held on", "meeting of" or in brackets. */
const TRAILING_DATE = new RegExp(`(?:\\s*[-–—,:]\\s*|\\s+)(?:(?:meeting\\s+)?(?:held\\s+)?on\\s+|of\\s+)?\\(?${DATE}\\)?\\s*$`, 'i');
const TRAILING_PUNCTUATION = /[\s\-–—,.:;]+$/;

/** Words kept lower case when an all-capitals heading is recased. */
const SMALL_WORDS = new Set(['and', 'of', 'for', 'the', 'on', 'in', 'to', 'with', 'a', 'an', 'at', 'by']);

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bPOSC\b/g, 'Policy Overview and Scrutiny Committee'],
  [/\bP\s*O\s*&\s*S\s*C\b/g, 'Policy Overview and Scrutiny Committee'],
  [/\bO\s*&\s*S\s+Committee\b/gi, 'Overview and Scrutiny Committee'],
  [/\bCttee\b\.?/gi, 'Committee'],
  [/\bSub[-\s]?Committee\b/gi, 'Sub-Committee'],
];

function recase(text: string): string {
  return text
    .toLowerCase()
    .split(' ')
    .map((word, index) =>
      index > 0 && SMALL_WORDS.has(word) ? word : word.replace(/(^|[-(])([a-z])/g, (_m, before: string, letter: string) => before + letter.toUpperCase()),
    )
    .join(' ');
}

function tidy(printed: string): string {
  let text = printed
    .normalize('NFC')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .trim();
  // Headings are often set in capitals; recase before expanding abbreviations so "POSC" is still recognised after.
  if (!/[a-z]/.test(text) && /[A-Z]{2}/.test(text)) {
    text = recase(text).replace(/\bPosc\b/g, 'POSC');
  }
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(TRAILING_DATE, '').replace(TRAILING_PUNCTUATION, '').trim();
  }
  text = text.replace(/^the\s+/i, '');
  for (const [pattern, replacement] of ABBREVIATIONS) text = text.replace(pattern, replacement);
  return text
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim();
}

function sameText(a: string, b: string): boolean {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;
}

function isOwnCouncil(name: string, authorityName: string): boolean {
  const authority = tidy(authorityName);
  if (sameText(name, authority)) return true;
  // "County Council", "Council", "Full Council" for Kent County Council; "Borough Council" for X Borough Council.
  const generic = /^(?:full\s+)?(?:(?:county|borough|district|city|town|parish|metropolitan borough|london borough)\s+)?council$/i;
  if (!generic.test(name)) return false;
  const bare = name.replace(/^full\s+/i, '');
  return sameText(bare, 'Council') || authority.toLowerCase().endsWith(` ${bare.toLowerCase()}`);
}

function kindOf(name: string): BodyKind {
  if (/^cabinet$/i.test(name)) return 'cabinet';
  if (/\bsub-committee$/i.test(name)) return 'sub-committee';
  if (/\bcommittee$/i.test(name)) return 'committee';
  if (/\bpanel$/i.test(name)) return 'panel';
  if (/\bboard$/i.test(name)) return 'board';
  return 'other';
}

/**
 * The canonical name and kind of a body as printed. The authority's own council, however printed, becomes
 * `authorityName` itself (kind 'council'); other councils are 'other'. Expands "POSC" and "&", normalises quotes,
 * strips a leading "the" and a trailing date or dash. Capitalisation is kept as printed unless it is all capitals.
 */
export function canonicalBodyName(printed: string, authorityName: string): CanonicalBody {
  const name = tidy(printed);
  if (isOwnCouncil(name, authorityName)) return { name: tidy(authorityName), kind: 'council' };
  return { name, kind: kindOf(name) };
}

/** A comparison key for canonical names: two printings of one body give the same key. */
export function bodyKey(printed: string, authorityName: string): string {
  return canonicalBodyName(printed, authorityName)
    .name.normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
