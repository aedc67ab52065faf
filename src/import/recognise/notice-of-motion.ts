/**
 * Recogniser: notices of motion on an agenda. A council's procedure rules let a member give written notice of a
 * motion before a meeting; the summons prints it under an item of its own, with its mover and perhaps a seconder, and
 * no outcome (it has not been debated). Wordings vary:
 *   "Notices of Motion" / "(a) by Councillor Ash" / "“Council considers ...”"
 *   "Motion on notice: Councillor Ash to move:" / "This Council ..."
 *   "Notice of Motion – Climate" / "Proposer: Cllr Ash" / "Seconder: Cllr Birch" / "This Council resolves ..."
 *   "This Council ..." / "Proposed by Councillor Ash, seconded by Councillor Birch"      (the names after the text)
 * one motion or several, lettered, numbered or not.
 *
 * Also the kind of any agenda item from its title: a notice of motion, a member's question, a petition, or an item.
 *
 * Pure and linear: each line is read once, with patterns anchored at its start or at a fixed word, and names are
 * at most a few words.
 */
import type { AgendaItemKind } from '../../domain/agenda-item-kind.ts';
import { parsePrintedName, type PrintedName } from '../../domain/person-name.ts';

export interface NoticeOfMotion {
  mover?: PrintedName;
  seconder?: PrintedName;
  /** The motion's words, quotes taken off; paragraphs kept. */
  text?: string;
  /** The lines (0-based, of the lines given) where it starts and ends. */
  from: number;
  to: number;
}

/** "Notice(s) of Motion", "Motion(s) on notice", "Members' motions", "Motions" alone, "Motion submitted/by/from ...". */
const NOTICE_HEADING =
  /\bnotices?\s+of\s+motions?\b|\bmotions?\s+(?:on|with)\s+notice\b|\bmembers?['’]?\s+motions?\b|^\s*motions?\s*(?:$|[-–—:]|\((?:if\s+any|standing|procedure)|(?:submitted|received|from|by|under|pursuant|in\s+accordance)\b)/i;
/** A motion in a meeting's procedure, not a member's notice: "Motion to exclude the press and public". */
const PROCEDURAL = /\bexclu(?:de|sion)\b|\bpress\s+and\s+public\b|\bpublic\s+and\s+press\b/i;
const QUESTION_HEADING = /^\s*(?:(?:members?|councillors?|public)['’]?\s+)?questions?\b(?!\s+(?:time\s+)?for\s+the\s+leader)/i;
const PETITION_HEADING = /^\s*(?:(?:public|e-?)\s*)?petitions?\b/i;

export function isNoticeOfMotionHeading(title: string): boolean {
  return NOTICE_HEADING.test(title) && !PROCEDURAL.test(title);
}

/** The kind of an agenda item, from its title as printed. */
export function agendaItemKind(title: string): AgendaItemKind {
  if (isNoticeOfMotionHeading(title)) return 'notice_of_motion';
  if (QUESTION_HEADING.test(title)) return 'question';
  if (PETITION_HEADING.test(title)) return 'petition';
  return 'item';
}

/** A member word or honorific before a name: kept with the name, which the name parser reads as its honorific. */
const MEMBER = String.raw`(?:Councill?ors?|Cllrs?\.?|Cr\.?|Alderman|Alderwoman|Bailie|Provost|Mayor|Mr|Mrs|Ms|Miss|Mx|Dr)\s+`;
/** Where a line names its motion's mover: "by Councillor Ash", "Moved by ...", "Proposer: ...", "Councillor Ash to move". */
const MOVER_BY = new RegExp(
  String.raw`^(?:(?:notice\s+of\s+)?motion\s+|it\s+is\s+)?(?:submitted\s+|proposed\s+|moved\s+|given\s+|signed\s+)?by\s+(?=${MEMBER}|[A-Z])`,
  'i',
);
const MOVER_LABEL = /^(?:proposer|mover|proposed|moved|proposed\s+by|moved\s+by|submitted\s+by|signed)\s*[:\-–—]\s*/i;
const MOVER_FIRST = new RegExp(`^(?=${MEMBER})`, 'i');
/** What follows a member's name when the line starts with it: "Councillor Ash to move:", "... has given notice". */
const MOVES =
  /^\s*(?:\([^)]{0,60}\)\s*)?(?:to\s+move|will\s+move|moves|has\s+given\s+notice|gives\s+notice|has\s+submitted|has\s+tabled|to\s+propose|will\s+propose)\b[^:]{0,120}:?\s*/i;
const SECONDER = /\b(?:seconded\s+by|seconder\s*[:\-–—]|to\s+be\s+seconded\s+by|second(?:ed)?\s*[:\-–—])\s*/i;
/** A part's letter or number at the start of a line: "(a)", "b)", "2.", "9.1", "(iii)". */
const MARKER = /^\s*(?:\(\s*(?:[a-z]|[ivx]{1,4}|\d{1,2})\s*\)|(?:[a-z]|[ivx]{1,4})\)|\d{1,2}(?:\.\d{1,2})?[.)]|\d{1,2}\.\d{1,2})\s*/i;
/** An introduction before the motions: "The following notices of motion have been received under Standing Order 12:". */
const PREAMBLE =
  /\b(?:standing\s+orders?|procedure\s+rules?|rules?\s+of\s+procedure|notices?\s+of\s+motions?|following\s+motions?|(?:has|have)\s+been\s+received)\b/i;
const NONE = /^\s*(?:none|nil|no\s+(?:notices|motions)\b)/i;
/** Words that can start with a capital but end a name. */
const NOT_NAME = /^(?:to|and|will|has|have|moved|seconded|seconder|proposed|proposer|that|this|the|council|notes|on|of|for|in|at|motion|re|subject)$/i;
const QUOTES = /^[\s"“”'‘’]+|[\s"“”'‘’]+$/g;

const MEMBER_AT_START = new RegExp(`^${MEMBER}`, 'i');
/** A word of a name: capitalised (any case after), an initial, or a lower-case particle ("ab Iago", "van Dyke"). */
const NAME_WORD = /^(?:[A-Z][\p{L}'’\-]*\.?|(?:[A-Z]\.){1,3}|ab|ap|de|del|van|von|da|di|le|la)$/u;
const WORD = /\s*(\S+)/y;

/** The name at the start of `text`: the member word and up to four words of a name. Returns it and what follows. */
function leadingName(text: string): { name: PrintedName; rest: string } | undefined {
  const head = text.slice(0, 200);
  const member = MEMBER_AT_START.exec(head);
  let at = member ? member[0].length : 0;
  const words: string[] = [];
  while (words.length < 4) {
    WORD.lastIndex = at;
    const match = WORD.exec(head);
    if (!match) break;
    const raw = match[1]!;
    const word = raw.replace(/[,;:)]+$/, '');
    if (!NAME_WORD.test(word) || NOT_NAME.test(word) || (words.length === 0 && /^[a-z]/.test(word))) break;
    words.push(word);
    at = WORD.lastIndex;
    // "Ash," or "Ash:": the punctuation ends the name.
    if (word !== raw) break;
  }
  if (words.length === 0) return undefined;
  const name = parsePrintedName(`${member?.[0] ?? ''}${words.join(' ')}`);
  if (!name) return undefined;
  return { name, rest: text.slice(at).replace(/^[\s,;:\-–—.]+/, '') };
}

interface LineRead {
  mover?: PrintedName;
  seconder?: PrintedName;
  /** Words of the motion on the line besides any names. */
  text: string;
}

/** One line: a mover (and seconder) named at its start, a seconder named on it, and the words left. */
function readLine(line: string): LineRead {
  let text = line;
  let mover: PrintedName | undefined;
  const by = MOVER_BY.exec(text) ?? MOVER_LABEL.exec(text);
  const first = by ? undefined : MOVER_FIRST.exec(text);
  if (by || first) {
    const read = leadingName(text.slice(by ? by[0].length : 0));
    if (read) {
      const moves = MOVES.exec(read.rest);
      // A line starting with a member's name is a mover only when it says so ("to move") or is the name alone.
      if (by || moves || /^[\s(]*(?:\([^)]{0,60}\))?[\s.]*$/.test(read.rest)) {
        mover = read.name;
        text = moves ? read.rest.slice(moves[0].length) : read.rest;
      }
    }
  }
  let seconder: PrintedName | undefined;
  const second = SECONDER.exec(text);
  if (second) {
    const read = leadingName(text.slice(second.index + second[0].length));
    if (read) {
      seconder = read.name;
      text = `${text.slice(0, second.index)} ${read.rest}`.replace(/[\s,;]*(?:and)?\s*$/i, '');
    }
  }
  if (mover) text = text.replace(/^[\s,;]*(?:and\s+)?/i, '');
  return { ...(mover ? { mover } : {}), ...(seconder ? { seconder } : {}), text: text.trim() };
}

interface Part {
  mover?: PrintedName;
  seconder?: PrintedName;
  text: string[];
  from: number;
  to: number;
  /** Its first line was a letter or number with words: a heading ("1. Ferry timetable"), not words before a mover. */
  headed: boolean;
}

/** A marker's class: "(a)" and "(b)" are one series, "1." another, so a motion's own numbered paragraphs stay in it. */
function markerClass(marker: string): string {
  const trimmed = marker.trim();
  const shape = trimmed.replace(/[a-z]+/gi, 'a').replace(/\d+/g, '1');
  return shape.replace(/\s+/g, '');
}

/**
 * The notices of motion of one agenda item: `lines[0]` is its title, the rest the lines printed under it. The title
 * gives the first motion's mover when it names one ("Notice of Motion by Councillor Ash - Climate"). A letter or
 * number of the series that started the first motion starts a new one; so does a mover named when the motion being
 * read has one already, and, where the paper names its movers after the words, words after a motion's mover.
 */
export function noticesOfMotion(lines: readonly string[]): NoticeOfMotion[] {
  const parts: Part[] = [];
  let current: Part | undefined;
  /** Names after the words: decided by the first motion (its words came before its mover). */
  let namesAfter: boolean | undefined;
  let series: string | undefined;
  const start = (at: number): Part => {
    current = { text: [], from: at, to: at, headed: false };
    parts.push(current);
    return current;
  };
  const title = (lines[0] ?? '').replace(NOTICE_HEADING, '').replace(/^[\s\-–—:,.]+/, '');
  const fromTitle = readLine(title.slice(0, 300));
  if (fromTitle.mover) {
    const part = start(0);
    part.mover = fromTitle.mover;
    if (fromTitle.seconder) part.seconder = fromTitle.seconder;
  }
  for (let at = 1; at < lines.length; at++) {
    const raw = lines[at]!;
    const marker = MARKER.exec(raw);
    const line = (marker ? raw.slice(marker[0].length) : raw).trim();
    if (!line && !marker) continue;
    const read = readLine(line);
    const empty = !current || (!current.mover && current.text.length === 0);
    if (!read.mover && !read.seconder && empty && !marker && (PREAMBLE.test(line) || NONE.test(line))) continue;
    let part = current;
    if (marker && empty) series ??= markerClass(marker[0]);
    if (marker && !empty && markerClass(marker[0]) === series) part = start(at);
    else if (read.mover && current?.mover) part = start(at);
    else if (!read.mover && !read.seconder && read.text && namesAfter === true && current?.mover) part = start(at);
    part ??= start(at);
    if (read.mover) {
      namesAfter ??= part.text.length > (part.headed ? 1 : 0);
      part.mover = read.mover;
    }
    if (read.seconder) part.seconder = read.seconder;
    if (read.text) {
      if (marker && part.from === at && !read.mover) part.headed = true;
      part.text.push(marker && part.from !== at ? raw.trim() : read.text);
    }
    part.to = at;
  }
  return parts
    .filter((part) => part.mover || part.text.join(' ').replace(QUOTES, '').length >= 20)
    .map((part) => {
      const text = part.text.join('\n').replace(QUOTES, '').trim();
      return {
        ...(part.mover ? { mover: part.mover } : {}),
        ...(part.seconder ? { seconder: part.seconder } : {}),
        ...(text ? { text } : {}),
        from: part.from,
        to: part.to,
      };
    });
}
