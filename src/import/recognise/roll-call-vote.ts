/**
 * Recogniser: roll-call votes as American (and some Australian and Irish) minutes print them, a label per option
 * followed by the names, run on in one paragraph:
 *   "Ayes: Council Members Ash, Birch, Cedar. Nays: Dunn. Abstain: None. Absent: Council Member Elm. Motion carried."
 * Also "Yeas"/"Noes"/"Not voting"/"Recused"/"Excused", counts printed with the label ("Ayes (3): ..." or "Ayes: 3"),
 * and the tally in prose ("approved on a 5-2 vote"). A printed count that disagrees with the names is reported.
 * OCR can print a column out of order ("Abstain: None Council Members D, E Absent:"): names left after "None" belong
 * to the next label when that label has none of its own.
 * Pure and linear: one global pattern for the labels, the text between them sliced, never searched back.
 */
import { parsePrintedName, type PrintedName } from '../../domain/person-name.ts';
import { sentenceStart } from './flattened-text.ts';

export type RollCallOption = 'for' | 'against' | 'abstain' | 'absent' | 'not-voting';

export interface RollCallVote {
  /** Character offsets in the text: where the first label starts and where the last list (or the result) ends. */
  start: number;
  end: number;
  names: Record<RollCallOption, PrintedName[]>;
  /** The counts: printed with the label, else the number of names. */
  counts: Record<RollCallOption, number>;
  /** "carried", "failed", as printed after the lists, when printed. */
  result?: string;
  /** Disagreements between printed counts and names, and names that could not be placed. */
  warnings: string[];
}

const LABEL =
  /(?:^|[\s.;,])(Ayes|Aye|Yeas|Yea|Nays|Nay|Noes|Abstain(?:ed|ing)?|Abstentions?|Absent|Excused|Not\s+voting|Recused)\s*(?:\(\s*(\d{1,3})\s*\)\s*)?:/gi;
/** Labels further apart than this are not one roll call. */
const MAX_GAP = 400;
const RESULT = /^[\s.;,]*(?:the\s+)?motion\s+(?:was\s+|is\s+)?(?:declared\s+)?(carried|passed|failed|defeated|lost|approved|adopted)\b[\s.]*/i;
const NOBODY = /^[\s.;,]*(?:none|nil|no\s*one|nobody|0)\b[\s.;,]*/i;
const PRINTED_COUNT = /^\s*(\d{1,3})\b\s*[-–—:,]?\s*/;
/** The words before a list of members: "Council Members", "Councilmember", "Commissioners", "Trustees". */
const MEMBER_WORDS =
  /^\s*(?:(?:Council|Board|Committee)\s*(?:Members?|Persons?|[A-Za-z]{4,7})|Councilmembers?|Councilors?|Councillors?|Cllrs?\.?|Commissioners?|Trustees?|Aldermen|Alderman|Alderwomen|Alderwoman|Directors?|Supervisors?|Members?|Crs?\.?)\s+/i;

function optionOf(label: string): RollCallOption {
  const word = label.toLowerCase().replace(/\s+/g, ' ');
  if (/^(?:ayes?|yeas?)$/.test(word)) return 'for';
  if (/^(?:nays?|noes)$/.test(word)) return 'against';
  if (word === 'absent' || word === 'excused') return 'absent';
  if (word === 'not voting' || word === 'recused') return 'not-voting';
  return 'abstain';
}

function empty<T>(make: () => T): Record<RollCallOption, T> {
  return { for: make(), against: make(), abstain: make(), absent: make(), 'not-voting': make() };
}

interface Label {
  option: RollCallOption;
  printed?: number;
  /** Where the label starts and where its list starts. */
  at: number;
  after: number;
}

/** A name OCR broke with spaces ("Ol i s"): a capitalised word and one- or two-letter lower-case fragments. */
function joinFragments(piece: string): string {
  return /^[A-Z][a-z]*(?:\s[a-z]{1,2})+$/.test(piece) ? piece.replace(/\s/g, '') : piece;
}

/**
 * Names in a roll-call list: "Council Members Van Dyke, Kozacek and Bilo" -> three names. A member word may repeat
 * before each group ("Council Members A, B Council Members C"): every group is read.
 */
export function rollCallNames(text: string): PrintedName[] {
  const names: PrintedName[] = [];
  const pieces = text
    .replace(/\s+/g, ' ')
    .split(/\s*(?:,|;|\band\b|&|\s\.\s)\s*|\s+(?=(?:Council|Board)\s*[A-Za-z]{4,7}\s)/)
    .map((piece) => joinFragments(piece.replace(MEMBER_WORDS, '').replace(MEMBER_WORDS, '').trim()))
    .filter(Boolean);
  for (const piece of pieces) {
    const words = piece.replace(/[.]+$/, '').split(' ');
    // A name is one to four capitalised words ("Van Dyke", "Mayor Pro Tem Ash" keeps its last word as the name).
    if (words.length > 4 || !words.every((word) => /^[A-Z][\p{L}'’\-]*\.?$/u.test(word))) continue;
    const name = parsePrintedName(piece.replace(/^Mayor\s+(?:Pro\s+Tem\s+)?/i, ''));
    if (name) names.push(name);
  }
  return names;
}

/** Text after the last label: up to the result, or to where a sentence starts after the names. */
function lastListEnd(text: string, from: number): { end: number; result?: string; resultEnd?: number } {
  const window = text.slice(from, from + MAX_GAP);
  const result = /(?:^|[\s.;,])(?:the\s+)?motion\s+(?:was\s+|is\s+)?(?:declared\s+)?(?:carried|passed|failed|defeated|lost|approved|adopted)\b/i.exec(window);
  if (result) {
    const word = RESULT.exec(window.slice(result.index))!;
    return { end: from + result.index, result: word[1]!.toLowerCase(), resultEnd: from + result.index + word[0].length };
  }
  const stop = /\.\s+(?=[A-Z])/.exec(window);
  if (stop) return { end: from + stop.index };
  const words = window.split(' ');
  const sentence = sentenceStart(words);
  return { end: sentence > 0 ? from + words.slice(0, sentence).join(' ').length : from + window.length };
}

/** Every roll-call vote printed in the text, in order. A run of labels without an Ayes/Yeas label is not one. */
export function rollCallVotes(text: string): RollCallVote[] {
  const labels: Label[] = [];
  for (const match of text.matchAll(LABEL)) {
    const at = match.index + (match[0].length - match[0].trimStart().length) + (/^[.;,]/.test(match[0]) ? 1 : 0);
    labels.push({ option: optionOf(match[1]!), at, after: match.index + match[0].length, ...(match[2] ? { printed: Number(match[2]) } : {}) });
  }
  const votes: RollCallVote[] = [];
  let index = 0;
  while (index < labels.length) {
    // A run: labels each close to the one before, starting with the Ayes.
    if (labels[index]!.option !== 'for') {
      index++;
      continue;
    }
    let last = index;
    while (last + 1 < labels.length && labels[last + 1]!.at - labels[last]!.after <= MAX_GAP && labels[last + 1]!.option !== 'for') last++;
    if (last === index) {
      index++;
      continue;
    }
    votes.push(readRun(text, labels.slice(index, last + 1)));
    index = last + 1;
  }
  return votes;
}

function readRun(text: string, run: Label[]): RollCallVote {
  const tail = lastListEnd(text, run[run.length - 1]!.after);
  const vote: RollCallVote = {
    start: run[0]!.at,
    end: tail.resultEnd ?? tail.end,
    names: empty(() => []),
    counts: empty(() => 0),
    warnings: [],
    ...(tail.result ? { result: tail.result } : {}),
  };
  const printed: Partial<Record<RollCallOption, number>> = {};
  let orphans: PrintedName[] = [];
  run.forEach((label, at) => {
    let list = text.slice(label.after, at + 1 < run.length ? run[at + 1]!.at : tail.end);
    if (label.printed !== undefined) printed[label.option] = label.printed;
    const count = PRINTED_COUNT.exec(list);
    if (count && label.printed === undefined) {
      printed[label.option] = Number(count[1]);
      list = list.slice(count[0].length);
    }
    const nobody = NOBODY.exec(list);
    const names = rollCallNames(nobody ? list.slice(nobody[0].length) : list);
    if (nobody) {
      // "None" then names: a column printed out of order; the names wait for a label with none of its own.
      orphans = names;
      return;
    }
    if (names.length === 0 && orphans.length > 0) {
      vote.names[label.option].push(...orphans);
      orphans = [];
      return;
    }
    vote.names[label.option].push(...names);
  });
  if (orphans.length > 0)
    vote.warnings.push(`names after "None" in a roll call not placed under any option: ${orphans.map((name) => name.printed).join(', ')}`);
  for (const option of Object.keys(vote.counts) as RollCallOption[]) {
    const named = vote.names[option].length;
    const count = printed[option];
    vote.counts[option] = count ?? named;
    if (count !== undefined && named > 0 && count !== named) {
      vote.warnings.push(`the roll call prints ${count} ${option === 'for' ? 'ayes' : option} but names ${named}`);
    }
  }
  return vote;
}

/** "by a 5-2 vote", "on a 4–3–1 vote": for, against and (perhaps) abstaining. */
const TALLY = /\b(\d{1,2})\s*[-–]\s*(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s+(?:roll[- ]call\s+)?vote\b/i;

export function voteTally(text: string): { for: number; against: number; abstain: number; index: number } | undefined {
  const match = TALLY.exec(text);
  if (!match) return undefined;
  return { for: Number(match[1]), against: Number(match[2]), abstain: match[3] ? Number(match[3]) : 0, index: match.index };
}
