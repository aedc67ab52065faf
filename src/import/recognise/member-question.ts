/**
 * A member's question named in an agenda item or a minute, where no questions paper prints it in full:
 *
 *   Question by Councillor Ann Ash - Will the Board repair the slipway?        (an agenda item's title)
 *   Question from Cllr Ash to Cllr Birch                                     (to whom, when printed)
 *   Councillor Ash had given notice of the following question to Councillor Birch   (a minute's text)
 *
 * Only a member named with "Councillor"/"Cllr" is taken as the asker, so "Question by the public" stays an item.
 * Pure and linear: a few anchored patterns, each run once.
 */
import { parsePrintedName } from '../../domain/person-name.ts';
import type { PrintedName } from '../types.ts';

export interface PrintedQuestion {
  askedBy: PrintedName;
  askedTo?: PrintedName;
  /** The question's words when printed after the heading; otherwise the sentence that names it. */
  question: string;
}

// A member: the role word, then up to five words of a name (capitalised, or a lower-case particle).
const ROLE = String.raw`(?:County\s+|Borough\s+|District\s+|City\s+)?(?:Councillor|Cllr\.?)\s+`;
const WORD = String.raw`(?:[\p{Lu}][\p{L}'’-]*\.?|Mac|Mc|de|van|von|ab|ap)`;
const MEMBER = `${ROLE}[\\p{Lu}][\\p{L}'’-]*\\.?(?:\\s+${WORD}){0,4}?`;
const MEMBER_GREEDY = `${ROLE}[\\p{Lu}][\\p{L}'’-]*\\.?(?:\\s+${WORD}){0,4}`;
const TITLE = new RegExp(String.raw`^Questions?\s+(?:No\.?\s*\d+\s+)?(?:by|from)\s+(${MEMBER})(?:\s+to\s+(${MEMBER}))?\s*(?:[-–—:]\s*(.*))?$`, 'u');
const NOTICE = new RegExp(
  String.raw`^(${MEMBER})\s+(?:had|has)\s+(?:given|submitted)\s+notice\s+of\s+(?:the\s+following|a|one|two)\s+questions?(?:\s+to\s+(${MEMBER_GREEDY}))?(?:[\s,.:;]+(.*))?$`,
  'su',
);

/** The question an agenda item's title or a minute's text names, if it names one. */
export function printedQuestion(text: string): PrintedQuestion | undefined {
  const clean = text.replace(/\s+/g, ' ').trim();
  const match = TITLE.exec(clean) ?? NOTICE.exec(clean);
  if (!match) return undefined;
  const askedBy = parsePrintedName(match[1]!);
  if (!askedBy) return undefined;
  const askedTo = match[2] ? parsePrintedName(match[2]) : undefined;
  const words = match[3]?.trim();
  return { askedBy, ...(askedTo ? { askedTo } : {}), question: words || clean };
}
