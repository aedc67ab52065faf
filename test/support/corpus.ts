/**
 * The development corpus (../shared/corpus/, see its README): real papers of other councils with hand-checked facts.
 * This module reads the facts and decides, for each, whether what one imported file put in the database states it.
 * The papers are read where they live, never copied into the repository.
 *
 * A fact is found only when the stored record says the same thing: names compare without the role words
 * Councillor/Cllr and without case or punctuation; titles and places compare by their words; counts exactly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportDocument } from '../../src/services/export-schema.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');

export interface CorpusFact {
  kind: string;
  value: unknown;
  where?: string;
}

export interface CorpusFile {
  file: string;
  facts: CorpusFact[];
}

export function corpusFacts(): CorpusFile[] {
  return JSON.parse(fs.readFileSync(path.join(corpusDir, 'facts.json'), 'utf8')) as CorpusFile[];
}

/** What one file put in the database: its export, and the rows of capabilities the export does not hold. */
export interface FileView {
  doc: ExportDocument;
  allowances: Array<{ name: string; pence: number }>;
  actions: Array<{ ref: string; status: string; lead?: string | null }>;
}

type Meeting = ExportDocument['meetings'][number];

/** Lower case, accents kept, punctuation and role words dropped: "Cllr. O’ Sullivan" -> "o sullivan". */
export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\b(?:Councillors?|Cllrs?|Cr|Alderman|Alderwoman)\b\.?/gi, ' ')
    .toLowerCase()
    .replace(/[’'`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const HONORIFIC_WORDS = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'rev', 'revd', 'prof', 'mayor', 'provost', 'bailie']);

/**
 * A printed name states a fact's name when the words agree, or when the fact gives fewer words (a surname, "P Batty")
 * that end the printed name (honorifics aside), or the fact is "Surname, Forename" of a name printed the other way.
 */
export function sameName(printed: string, fact: string): boolean {
  const a = nameKey(printed);
  const b = nameKey(fact);
  if (!a || !b) return false;
  if (a === b) return true;
  const strip = (key: string) => key.split(' ').filter((word) => !HONORIFIC_WORDS.has(word));
  const wordsA = strip(a);
  const wordsB = strip(b);
  if (wordsA.join(' ') === wordsB.join(' ')) return true;
  if (wordsB.length > 0 && wordsB.length < wordsA.length && wordsA.slice(-wordsB.length).join(' ') === wordsB.join(' ')) return true;
  if (fact.includes(',')) {
    const [surname, given] = fact.split(',', 2).map((part) => nameKey(part));
    if (`${given} ${surname}` === wordsA.join(' ')) return true;
  }
  return false;
}

/** Words of a title or place, for comparing: case, punctuation and spacing ignored. */
export function textKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’'`´]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

function withoutArticle(text: string): string {
  return text.replace(/^\s*the\s+/i, '');
}

function sameText(a: string | null | undefined, b: string): boolean {
  return a != null && textKey(a) === textKey(b);
}

/** "Council", "The Council", "Full Council", "County Council": the authority's own council, under any name. */
function isGenericCouncil(name: string): boolean {
  return /^(?:the\s+)?(?:full\s+)?(?:(?:county|borough|district|city|parish)\s+)?council$/i.test(name.trim());
}

function optionWord(option: string): 'for' | 'against' | 'abstain' | 'absent' | 'not_voting' | undefined {
  const word = option.toLowerCase();
  if (/^(?:for|aye|ayes|yes|yea)$/.test(word)) return 'for';
  if (/^(?:against|no|noes|nay|nays)$/.test(word)) return 'against';
  if (/^abst/.test(word)) return 'abstain';
  if (/^(?:absent|excused)$/.test(word)) return 'absent';
  if (/^(?:not voting|recused)$/.test(word)) return 'not_voting';
  return undefined;
}

function personNames(doc: ExportDocument, id: string | null | undefined): string[] {
  const person = doc.people.find((candidate) => candidate.id === id);
  return person ? [person.displayName, ...person.aliases] : [];
}

function personIs(doc: ExportDocument, id: string | null | undefined, name: string): boolean {
  return personNames(doc, id).some((printed) => sameName(printed, name));
}

function resultMatches(stored: string | null | undefined, fact: string): boolean {
  if (!stored) return false;
  const a = stored.toLowerCase();
  const b = fact.toLowerCase();
  if (a === b) return true;
  const lost = /^(?:lost|rejected|defeated|fell|not carried)$/;
  const carried = /^(?:carried|agreed|resolved|approved)$/;
  return (lost.test(a) && lost.test(b)) || (carried.test(a) && carried.test(b));
}

function pagesMatch(item: { pageFrom: number | null; pageTo: number | null }, pages: string): boolean {
  const numbers = pages.match(/\d+/g)?.map(Number) ?? [];
  if (numbers.length === 0) return true;
  if (item.pageFrom !== numbers[0]) return false;
  return numbers.length < 2 || item.pageTo === numbers[1];
}

const meetingsOf = (view: FileView): Meeting[] => view.doc.meetings;

/** Whether the imported file states the fact. Unknown kinds count as not found (and are named by the caller). */
export function factFound(view: FileView, fact: CorpusFact): boolean {
  const { doc } = view;
  const meetings = meetingsOf(view);
  const value = fact.value as never;
  const attendance = meetings.flatMap((meeting) => meeting.attendance);
  const minutes = meetings.flatMap((meeting) => meeting.minutes);
  const items = meetings.flatMap((meeting) => meeting.agendaItems);
  const votes = meetings.flatMap((meeting) => meeting.voteEvents);
  switch (fact.kind) {
    case 'body_name': {
      const name = value as string;
      return meetings.some((meeting) => {
        const body = doc.bodies.find((candidate) => candidate.id === meeting.bodyId);
        if (!body) return false;
        if (sameText(body.name.replace(/^the\s+/i, ''), name.replace(/^the\s+/i, ''))) return true;
        return isGenericCouncil(name) && body.kind === 'council' && (isGenericCouncil(body.name) || body.name === doc.authority.name);
      });
    }
    case 'meeting_date':
      return meetings.some((meeting) => meeting.date === value) || doc.decisions.some((decision) => decision.decisionDate === value);
    case 'meeting_start':
      return meetings.some((meeting) => meeting.startTime?.slice(0, 5) === value);
    case 'location':
      // "held at the Lodge": the article is the sentence's, not the place's name (as for body names).
      return meetings.some((meeting) => meeting.location != null && sameText(withoutArticle(meeting.location), withoutArticle(value)));
    case 'present_count':
      return meetings.some((meeting) => meeting.attendance.filter((entry) => entry.status === 'present').length === value);
    case 'present_name':
      return attendance.some((entry) => entry.status === 'present' && sameName(entry.printedName, value));
    case 'apology_name':
      return attendance.some((entry) => entry.status === 'apologies' && sameName(entry.printedName, value));
    case 'chair_name':
      return attendance.some(
        (entry) =>
          entry.status === 'present' &&
          /chair|mayor|presid|cathaoirleach|provost/i.test(entry.role ?? '') &&
          !/vice|deputy/i.test(entry.role ?? '') &&
          sameName(entry.printedName, value),
      );
    case 'officer_name':
      return (
        doc.people.some((person) => person.kind === 'officer' && [person.displayName, ...person.aliases].some((printed) => sameName(printed, value))) ||
        doc.reports.some((report) => report.contact != null && textKey(report.contact).includes(nameKey(value)))
      );
    case 'agenda_item': {
      const { number, title, pages } = value as { number: string | null; title: string; pages?: string };
      return items.some(
        (item) => (number === null || item.number === number) && sameText(item.title, title) && (pages === undefined || pagesMatch(item, pages)),
      );
    }
    case 'agenda_item_count':
      return meetings.some((meeting) => meeting.agendaItems.length === value);
    case 'minute': {
      const { number, title } = value as { number: string; title: string };
      return minutes.some((minute) => minute.number === number && sameText(minute.title, title));
    }
    case 'minute_count':
      return meetings.some((meeting) => meeting.minutes.length === value);
    case 'exempt_item': {
      const { number, paragraphs } = value as { number: string; paragraphs: string[] };
      const wanted = paragraphs.map(Number).join(',');
      return [...minutes, ...items].some((entry) => entry.number === number && entry.exempt && entry.exemptParagraphs.join(',') === wanted);
    }
    case 'resolution_contains': {
      // A fact quoting the words that introduce the resolution ("RESOLVED to elect ...", "That ...") states what
      // follows them, as the importer stores it.
      const wanted = textKey(value)
        .replace(/^resolved\s+/, '')
        .replace(/^that\s+/, '');
      const texts = [
        ...minutes.flatMap((minute) => minute.resolutions.map((resolution) => resolution.text)),
        ...doc.decisions.map((decision) => decision.text),
      ];
      return texts.some((text) => textKey(text).includes(wanted));
    }
    case 'motion': {
      const { mover, seconder, result } = value as { mover: string | null; seconder: string | null; result: string | null };
      const people = (moverId: string | null, seconderId: string | null) =>
        (mover === null || personIs(doc, moverId, mover)) && (seconder === null || personIs(doc, seconderId, seconder));
      // A motion with no result yet: one recorded in a minute, or a notice of motion on an agenda (not yet debated).
      const motions = [...minutes.flatMap((minute) => minute.motions), ...items.flatMap((item) => item.motions ?? [])];
      if (result === null) return motions.some((motion) => people(motion.moverId, motion.seconderId));
      return votes.some((event) => resultMatches(event.result, result) && people(event.moverId, event.seconderId));
    }
    case 'vote_totals': {
      const totals = value as { for: number | null; against: number | null; abstain: number | null };
      return votes.some(
        (event) =>
          (totals.for === null || event.forCount === totals.for) &&
          (totals.against === null || event.againstCount === totals.against) &&
          (totals.abstain === null || event.abstainCount === totals.abstain),
      );
    }
    case 'vote_member': {
      const { name, option } = value as { name: string; option: string };
      // The chair's casting vote is the vote event's, beside the chair's ordinary vote.
      if (/^casting/i.test(option)) return votes.some((event) => event.castingVoterId != null && personIs(doc, event.castingVoterId, name));
      const wanted = optionWord(option);
      if (!wanted) return false;
      return votes.some((event) => event.votes.some((vote) => vote.option === wanted && sameName(vote.printedName, name)));
    }
    case 'named_vote_count':
      return votes.filter((event) => event.votes.length > 0).length === value;
    case 'declaration': {
      const { member, item, nature } = value as { member: string; item: string; nature: string };
      return meetings.some((meeting) =>
        meeting.declarations.some((declaration) => {
          if (!personIs(doc, declaration.personId, member)) return false;
          const minute = meeting.minutes.find((candidate) => candidate.id === declaration.minuteId);
          const itemOk =
            textKey(declaration.agendaItemNumber ?? '') === textKey(item) ||
            textKey(minute?.agendaItemNumber ?? '') === textKey(item) ||
            textKey(declaration.reason).includes(textKey(item));
          const natureOk = textKey(declaration.kind).includes(textKey(nature)) || textKey(declaration.reason).includes(textKey(nature));
          return itemOk && natureOk;
        }),
      );
    }
    case 'question': {
      const { asker, answerer } = value as { asker: string; answerer: string | null };
      return meetings.some((meeting) =>
        meeting.questions.some((question) => personIs(doc, question.askedById, asker) && (answerer === null || personIs(doc, question.askedToId, answerer))),
      );
    }
    case 'allowance_amount': {
      const { what, pounds } = value as { what: string; pounds: number };
      return view.allowances.some((row) => row.pence === Math.round(pounds * 100) && textKey(row.name).includes(textKey(what)));
    }
    case 'action': {
      const { ref, lead, status } = value as { ref: string; lead: string | null; status: string };
      return view.actions.some(
        (action) => action.ref === ref && textKey(action.status) === textKey(status) && (lead === null || sameName(action.lead ?? '', lead)),
      );
    }
    default:
      return false;
  }
}

export interface FileScore {
  file: string;
  found: number;
  total: number;
  missed: CorpusFact[];
}

export function scoreFile(view: FileView, entry: CorpusFile): FileScore {
  const missed = entry.facts.filter((fact) => !factFound(view, fact));
  return { file: entry.file, found: entry.facts.length - missed.length, total: entry.facts.length, missed };
}

/** One line per file and the overall score, as printed in CI output. */
export function formatScores(scores: FileScore[], verbose: boolean): string {
  const lines: string[] = [];
  for (const score of scores) {
    lines.push(`${String(score.found).padStart(3)}/${String(score.total).padEnd(3)} ${score.file}`);
    if (verbose) for (const fact of score.missed) lines.push(`          missed ${fact.kind} ${JSON.stringify(fact.value)}`);
  }
  const found = scores.reduce((sum, score) => sum + score.found, 0);
  const total = scores.reduce((sum, score) => sum + score.total, 0);
  lines.push(`corpus: ${found}/${total} facts found (${((100 * found) / Math.max(total, 1)).toFixed(1)}%)`);
  return lines.join('\n');
}
