/**
 * Recogniser: a motion's mover and seconder as American and Australian minutes print them, names after a member
 * word rather than an honorific:
 *   "COUNCIL MEMBER ASH MOVED, COUNCIL MEMBER BIRCH SECONDED, TO APPROVE ..."
 *   "It was moved by Commissioner Ash and seconded by Commissioner Birch to ..."
 *   "Moved by Trustee Ash, seconded by Trustee Birch, that ..."    "Motion by Ash, second by Birch, to ..."
 * OCR noise in the member word and in "seconded" is tolerated ("COUNCIL HEHBER", "SECONOEO"): the name, in capitals
 * or Title Case, is what is kept. Pure; the patterns are bounded (a name is at most three words).
 */
import { parsePrintedName, type PrintedName } from '../../domain/person-name.ts';

export interface MovedSeconded {
  mover: PrintedName;
  seconder?: PrintedName;
  /** Where the clause starts and ends in the text. */
  index: number;
  end: number;
}

const MEMBER =
  '(?:(?:Council|Board|Committee)\\s*[A-Za-z]{4,7}|Councilmember|Councilor|Councillor|Cllr\\.?|Cr\\.?|Commissioner|Trustee|Alderman|Alderwoman|Supervisor|Director|Mayor(?:\\s+Pro\\s+Tem)?|Deputy\\s+Mayor|Member)';
const NAME = "([A-Z][A-Za-z'’\\-]+(?:\\s+[A-Z][A-Za-z'’\\-]+){0,2})";
const SECONDED = '(?:SECOND(?:ED)?|SECON\\w{1,4})';

/** "Member Ash moved, Member Birch seconded" (the seconder may be missing: "Member Ash moved to ..."). */
const MOVER_FIRST = new RegExp(`\\b${MEMBER}\\s+${NAME}\\s*,?\\s+MOVED\\b(?:\\s*,?\\s*(?:and\\s+)?${MEMBER}\\s+${NAME}\\s*,?\\s+${SECONDED}\\b)?`, 'i');
/** "moved by Member Ash (and) seconded by Member Birch", "Motion by Ash, second by Birch". */
const MOVED_BY = new RegExp(
  `\\b(?:moved|motion)\\s+by\\s+(?:${MEMBER}\\s+)?${NAME}\\s*,?\\s*(?:and\\s+)?(?:${SECONDED})\\s+by\\s+(?:${MEMBER}\\s+)?${NAME}`,
  'i',
);

const MOVER_FIRST_ALL = new RegExp(MOVER_FIRST.source, 'gi');
const MOVED_BY_ALL = new RegExp(MOVED_BY.source, 'gi');

/** Words a name pattern can take in that are not names. */
const NOT_NAME = /^(?:moved|seconded|second|and|to|that|the|by|for|of|approve|adopt)$/i;

/** The name is the capitalised words up to the first word that is not one ("Birch to approve" -> "Birch"). */
function nameOf(text: string | undefined): PrintedName | undefined {
  if (!text) return undefined;
  const words: string[] = [];
  for (const word of text.split(/\s+/)) {
    if (NOT_NAME.test(word) || !/^[A-Z]/.test(word)) break;
    words.push(word);
  }
  return words.length > 0 ? parsePrintedName(words.join(' ')) : undefined;
}

function clause(match: RegExpExecArray | RegExpMatchArray): MovedSeconded | undefined {
  const mover = nameOf(match[1]);
  if (!mover) return undefined;
  const seconder = nameOf(match[2]);
  const index = match.index ?? 0;
  return { mover, ...(seconder ? { seconder } : {}), index, end: index + match[0].length };
}

/** The first mover (and seconder) named in the text. */
export function movedSeconded(text: string): MovedSeconded | undefined {
  return movedSecondedAll(text)[0];
}

/** Every mover (and seconder) named in the text, in order: each pattern runs once over the text. */
export function movedSecondedAll(text: string): MovedSeconded[] {
  const found: MovedSeconded[] = [];
  for (const pattern of [MOVER_FIRST_ALL, MOVED_BY_ALL]) {
    for (const match of text.matchAll(pattern)) {
      const read = clause(match);
      if (read) found.push(read);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
