/**
 * Recogniser: the opening of American (and Australian) minutes, which name the body, the presiding officer and the
 * time in one sentence rather than in a heading:
 *   "The regular meeting of the Harbor City Council was called to order by Mayor Ash at 7:02 p.m."
 *   "The meeting was called to order at 6:30 pm by Chair Birch."      "Mayor Ash called the meeting to order at 7 p.m."
 * The date is the last one printed before the sentence (the page heading), else the first after it.
 * Pure; each pattern is tried once over the text and bounded.
 */
import { parsePrintedName, type PrintedName } from '../../domain/person-name.ts';
import { findDates, parseTime, TIME_SOURCE } from '../extract/minutes-dates.ts';

export interface CallToOrder {
  bodyName?: string;
  /** "regular", "special", as printed. */
  kind?: string;
  chair?: PrintedName;
  /** "Mayor", "Chair", "President" as printed. */
  chairRole?: string;
  startTime?: string;
  date?: string;
  /** Where the sentence starts in the text. */
  index: number;
}

const ROLE =
  '(Mayor(?:\\s+Pro\\s+Tem)?|Deputy\\s+Mayor|Vice[- ]Chair(?:man|woman|person)?|Chair(?:man|woman|person)?|President|Presiding\\s+Officer|Shire\\s+President|Cathaoirleach)';
const NAME = "([A-Z][A-Za-z'’\\-]+(?:\\s+[A-Z][A-Za-z'’\\-]+){0,2})";
const PASSIVE =
  /\b(?:the\s+)?(?:(regular|special|adjourned|annual|ordinary|extraordinary)\s+)?meeting(?:\s+of\s+(?:the\s+)?([A-Z][A-Za-z'’&\- ]{2,80}?))?\s+was\s+called\s+to\s+order\b/i;
const BY = new RegExp(`^\\s*(?:at\\s+(${TIME_SOURCE})\\s*)?(?:by\\s+${ROLE}\\s+${NAME})?\\s*,?\\s*(?:at\\s+)?(${TIME_SOURCE})?`, 'i');
const ACTIVE = new RegExp(`\\b${ROLE}\\s+${NAME}\\s+called\\s+the\\s+(?:(regular|special)\\s+)?meeting\\s+to\\s+order\\b(?:\\s+at\\s+(${TIME_SOURCE}))?`, 'i');

/** Capitalised words up to the first that is not one ("Otis at" -> "Otis"). */
function nameOf(text: string | undefined): PrintedName | undefined {
  if (!text) return undefined;
  const words: string[] = [];
  for (const word of text.split(/\s+/)) {
    if (!/^[A-Z]/.test(word) || /^(?:At|And|The|By|On)$/i.test(word)) break;
    words.push(word);
  }
  return words.length > 0 ? parsePrintedName(words.join(' ')) : undefined;
}

function dateAround(text: string, index: number): string | undefined {
  const before = findDates(text.slice(Math.max(0, index - 400), index));
  if (before.length > 0) return before[before.length - 1]!.iso;
  return findDates(text.slice(index, index + 400))[0]?.iso;
}

export function callToOrder(text: string): CallToOrder | undefined {
  const passive = PASSIVE.exec(text);
  const active = ACTIVE.exec(text);
  if (passive && (!active || passive.index <= active.index)) {
    const after = BY.exec(text.slice(passive.index + passive[0].length, passive.index + passive[0].length + 200))!;
    const chair = nameOf(after[3]);
    const time = parseTime(after[1] ?? after[4] ?? '');
    const date = dateAround(text, passive.index);
    return {
      index: passive.index,
      ...(passive[2] ? { bodyName: passive[2].trim() } : {}),
      ...(passive[1] ? { kind: passive[1].toLowerCase() } : {}),
      ...(chair ? { chair, chairRole: after[2]!.replace(/\s+/g, ' ') } : {}),
      ...(time ? { startTime: time } : {}),
      ...(date ? { date } : {}),
    };
  }
  if (!active) return undefined;
  const chair = nameOf(active[2]);
  const time = parseTime(active[4] ?? '');
  const date = dateAround(text, active.index);
  return {
    index: active.index,
    ...(active[3] ? { kind: active[3].toLowerCase() } : {}),
    ...(chair ? { chair, chairRole: active[1]!.replace(/\s+/g, ' ') } : {}),
    ...(time ? { startTime: time } : {}),
    ...(date ? { date } : {}),
  };
}
