/**
 * Members' questions to Cabinet Members with the written answers, as printed for a Council meeting:
 * "COUNTY COUNCIL MEETING / Thursday 12 May 2011 / Question by Martin Vye to / Mike Hill, Cabinet Member for ... /
 * <question> / Answer / <answer>". PDF conversion sometimes runs the heading lines together with "**" between them.
 */
import type { PrintedName, QuestionRecord, Segment } from '../types.ts';
import { cleanLine } from '../segment.ts';
import { parsePrintedName, POST_NOMINALS } from '../../domain/person-name.ts';
import { findLongDate, parseLongDate } from './dates.ts';

interface Logical {
  text: string;
  line: number;
}

/** Splits run-together headings at "**" and drops the remaining emphasis markers. */
function logicalLines(segment: Segment): Logical[] {
  const result: Logical[] = [];
  segment.lines.forEach((raw, offset) => {
    const line = segment.lineFrom + offset;
    const clean = cleanLine(raw);
    const pieces = /\*\*/.test(clean) && /Question\s+(?:by|from)|MEETING/i.test(clean) ? clean.split(/\*\*+/) : [clean];
    const texts = pieces.map((piece) =>
      piece
        .replace(/\*+/g, '')
        .replace(/^\s*#+\s+/, '')
        .trim(),
    );
    if (texts.every((text) => text === '')) result.push({ text: '', line });
    else for (const text of texts) if (text !== '') result.push({ text, line });
  });
  return result;
}

const QUESTION_HEADER = /^Questions?\s+(?:No\.?\s*\d+\s+)?(?:by|from)\s+(.+?)(?:\s+to(?:\s+(.*))?)?$/i;
const ANSWER_HEADER = /^(?:Answer|Reply|Response)(?:\s+(?:by|from)\s+.+)?\s*:?$/i;

function titleCase(text: string): string {
  if (/[a-z]/.test(text)) return text;
  return text
    .toLowerCase()
    .replace(/\b([a-z])/g, (letter) => letter.toUpperCase())
    .replace(/\b(And|Of|The|For)\b/g, (word) => word.toLowerCase());
}

/** "Sarah Hohler, Cabinet Member for Education, Learning & Skills" -> name and role (post-nominals stay with the name). */
function splitNameAndRole(text: string): { name: string; role?: string } {
  const parts = text.split(/,\s*/);
  let nameParts = 1;
  while (nameParts < parts.length && POST_NOMINALS.has(parts[nameParts]!.trim())) nameParts++;
  const name = parts.slice(0, nameParts).join(', ').trim();
  const role = parts.slice(nameParts).join(', ').trim();
  // "Mike Hill – Cabinet Member for ..." uses a dash instead of a comma.
  if (!role) {
    const dashed = /^(.+?)\s+[–—-]\s+(.+)$/.exec(text);
    if (dashed) return { name: dashed[1]!.trim(), role: dashed[2]!.trim() };
  }
  return role ? { name, role } : { name };
}

function isMeetingHeading(text: string): boolean {
  return /\bMEETING\b/.test(text) && !/[a-z]{3}/.test(text.replace(/\bMEETING\b/, ''));
}

function isDateHeading(text: string): boolean {
  return parseLongDate(text) !== undefined;
}

function paragraphs(lines: Logical[]): string {
  const out: string[] = [];
  for (const line of lines) {
    if (line.text === '') {
      if (out.length && out[out.length - 1] !== '') out.push('');
    } else {
      out.push(line.text);
    }
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

export interface QuestionsExtract {
  /** The meeting the questions were put to, as printed ("COUNTY COUNCIL MEETING" -> "County Council"). */
  bodyName?: string;
  date?: string;
  questions: QuestionRecord[];
}

export function extractQuestions(segment: Segment): QuestionsExtract {
  const lines = logicalLines(segment);
  let bodyName: string | undefined;
  let date: string | undefined;

  // Where each question's block starts: its heading lines (meeting, date) or the "Question by" line itself.
  interface Block {
    start: number;
    header: number;
  }
  const blocks: Block[] = [];
  lines.forEach((line, index) => {
    if (!QUESTION_HEADER.test(line.text)) return;
    let start = index;
    for (let back = index - 1; back >= 0 && back >= index - 6; back--) {
      const text = lines[back]!.text;
      if (text === '') continue;
      if (isMeetingHeading(text) || isDateHeading(text)) start = back;
      else break;
    }
    blocks.push({ start, header: index });
  });
  if (blocks.length === 0) throw new Error(`Questions at line ${segment.lineFrom}: no "Question by ... to ..." line`);

  const questions: QuestionRecord[] = [];
  blocks.forEach((block, number) => {
    const end = (blocks[number + 1]?.start ?? lines.length) - 1;
    for (const heading of lines.slice(block.start, block.header)) {
      if (isMeetingHeading(heading.text)) bodyName ??= titleCase(heading.text.replace(/\s*\bMEETING\b\s*/, ' ').trim());
      else if (isDateHeading(heading.text)) date ??= parseLongDate(heading.text);
    }
    const header = QUESTION_HEADER.exec(lines[block.header]!.text)!;
    let cursor = block.header + 1;
    let toText = header[2]?.trim();
    // "Question by X to" with the person asked on the next line.
    if (!toText) {
      while (cursor <= end && lines[cursor]!.text === '') cursor++;
      toText = lines[cursor]?.text ?? '';
      cursor++;
    }
    const { name: toName, role } = splitNameAndRole(toText);
    const askedBy = parsePrintedName(header[1]!.trim());
    const askedTo = parsePrintedName(toName);
    if (!askedBy || !askedTo) {
      throw new Error(`Question at line ${lines[block.header]!.line}: could not read the names in "${lines[block.header]!.text} ${toText}"`);
    }
    const answerAt = lines.findIndex((line, index) => index >= cursor && index <= end && ANSWER_HEADER.test(line.text));
    const questionLines = lines.slice(cursor, answerAt === -1 ? end + 1 : answerAt);
    const answerLines = answerAt === -1 ? [] : lines.slice(answerAt + 1, end + 1);
    const answer = paragraphs(answerLines);
    const lastLine = [...lines.slice(block.start, end + 1)].reverse().find((line) => line.text !== '');
    questions.push({
      askedBy: askedBy as PrintedName,
      askedTo: askedTo as PrintedName,
      ...(role ? { toRole: role } : {}),
      question: paragraphs(questionLines),
      ...(answer ? { answer } : {}),
      lineFrom: lines[block.start]!.line,
      lineTo: lastLine?.line ?? lines[block.header]!.line,
    });
  });

  // A paper of questions that prints no meeting heading may still date itself in its first lines.
  date ??= lines
    .slice(0, 5)
    .map((line) => findLongDate(line.text))
    .find(Boolean);
  return { ...(bodyName ? { bodyName } : {}), ...(date ? { date } : {}), questions };
}
