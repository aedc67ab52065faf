/**
 * Recogniser: the roll call of American minutes, attendance as labelled lists run on in a paragraph:
 *   "Roll Call. Present: Council Members Ash, Birch, Cedar. Absent: Council Member Dunn. Also present: City Manager
 *    Elm, City Attorney Fir, City Clerk Gorse."
 * Labels printed before their lists, as columns flattened by OCR ("Present: Absent: A quorum was present. Council
 * Members A, B, C Council Members D, E"), take the groups of names in order. "Also present" lists officers by job
 * title before each name. Pure and linear: one global pattern for the labels, the lists sliced between them.
 */
import type { PrintedName } from '../../domain/person-name.ts';
import { parsePrintedName } from '../../domain/person-name.ts';
import { rollCallNames } from './roll-call-vote.ts';

export interface RollCall {
  present: PrintedName[];
  absent: PrintedName[];
  officers: Array<{ name: PrintedName; jobTitle: string }>;
  /** Where the first label starts and the last list ends in the text. */
  start: number;
  end: number;
}

/** "Also present" may reach us broken by OCR spaces ("Al s o present"). */
const LABEL = /(?:^|[\s.;,])(Present|Absent|Excused|A\s?l\s?s\s?o\s+present|Staff\s+present)\s*:/gi;
const MAX_GAP = 500;
const QUORUM = /\bA\s+quorum\s+was\s+\w+\.?/gi;
/** Where a group of members starts: the member word printed again before each column. */
const GROUP = /(?:^|\s)(?=(?:Council|Board)\s*[A-Za-z]{4,7}\s|Councilmembers?\s|Commissioners\s|Trustees\s)/g;
const JOB_TITLE =
  /\b(?:(?:Acting|Assistant|Deputy|Interim)\s+)*(?:(?:City|Town|County|Village|Shire|Borough)\s+(?:Manager|Attorney|Clerk|Engineer|Treasurer|Administrator|Planner|Auditor|Solicitor)|General\s+Manager|Chief\s+Executive(?:\s+Officer)?|Police\s+Chief|Fire\s+Chief|Chief\s+of\s+Police|Finance\s+Director)\b/g;

/** "City Manager Ash, City Attorney Birch": each title and the capitalised words after it. */
export function officersByTitle(text: string): Array<{ name: PrintedName; jobTitle: string }> {
  const officers: Array<{ name: PrintedName; jobTitle: string }> = [];
  const titles = [...text.matchAll(JOB_TITLE)];
  titles.forEach((title, at) => {
    const to = at + 1 < titles.length ? titles[at + 1]!.index : title.index + title[0].length + 60;
    const words: string[] = [];
    for (const word of text
      .slice(title.index + title[0].length, to)
      .trim()
      .split(/\s+/)) {
      const bare = word.replace(/[,;.]+$/, '');
      if (!/^[A-Z][\p{L}'’\-]+$/u.test(bare) || words.length === 3) break;
      words.push(bare);
      if (bare !== word) break;
    }
    const name = words.length > 0 ? parsePrintedName(words.join(' ')) : undefined;
    if (name) officers.push({ name, jobTitle: title[0].replace(/\s+/g, ' ') });
  });
  return officers;
}

function groups(text: string): string[] {
  const starts = [...text.matchAll(GROUP)].map((match) => match.index + (match[0].length - match[0].trimStart().length));
  if (starts.length < 2) return [text];
  return starts.map((start, at) => text.slice(start, starts[at + 1] ?? text.length));
}

/** The first roll call in the text, or undefined when there is no Present label followed by names. */
export function rollCall(text: string): RollCall | undefined {
  const labels = [...text.matchAll(LABEL)].map((match) => ({
    kind: match[1]!
      .toLowerCase()
      .replace(/^a\s?l\s?s\s?o/, 'also')
      .replace(/\s+/g, ' '),
    at: match.index + (match[0].length - match[0].trimStart().length),
    after: match.index + match[0].length,
  }));
  const first = labels.findIndex((label) => label.kind === 'present');
  if (first < 0) return undefined;
  let last = first;
  // One roll call names each kind once: a later "Absent:" belongs to a vote's roll call.
  const seen = new Set([labels[first]!.kind]);
  while (last + 1 < labels.length && labels[last + 1]!.at - labels[last]!.after <= MAX_GAP && !seen.has(labels[last + 1]!.kind)) {
    last++;
    seen.add(labels[last]!.kind);
  }
  const run = labels.slice(first, last + 1);
  const result: RollCall = { present: [], absent: [], officers: [], start: run[0]!.at, end: run[run.length - 1]!.after };
  // The last list ends where an item number or a sentence starts; officers' lists are read by title anyway.
  // (An officers' list reads only title-and-name pairs, so it runs on over an item number OCR set among them.)
  const tailEnd = (from: number, officers = false) => {
    const window = text.slice(from, from + MAX_GAP);
    const stop = (officers ? /\s\([a-z]\)\s|\.\s+(?=[A-Z][a-z]+\s+[a-z])/ : /\s\d{1,2}\s?\.\s+[A-Z]|\.\s+(?=[A-Z][a-z]+\s+[a-z])/).exec(window);
    return from + (stop ? stop.index : window.length);
  };
  const officersLast = /present$/.test(run[run.length - 1]!.kind) && run.length > 1;
  const lists = run.map((label, at) =>
    text.slice(label.after, at + 1 < run.length ? run[at + 1]!.at : tailEnd(label.after, officersLast)).replace(QUORUM, ' '),
  );
  result.end = tailEnd(run[run.length - 1]!.after, officersLast);
  // Labels stacked above their columns: empty lists, then one list holding a group per label.
  const pending: number[] = [];
  run.forEach((label, at) => {
    const list = lists[at]!;
    if (label.kind === 'also present' || label.kind === 'staff present') {
      result.officers.push(...officersByTitle(list));
      return;
    }
    if (!/[A-Za-z]/.test(list)) {
      pending.push(at);
      return;
    }
    const parts = groups(list);
    const owners = [...pending, at];
    pending.length = 0;
    const assign = parts.length === owners.length ? parts : [list];
    assign.forEach((part, index) => {
      const owner = run[parts.length === owners.length ? owners[index]! : at]!;
      const names = rollCallNames(part);
      if (owner.kind === 'present') result.present.push(...names);
      else result.absent.push(...names);
    });
  });
  return result.present.length > 0 ? result : undefined;
}
