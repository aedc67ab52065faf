/**
 * A members' allowances scheme as other councils print it (the Local Authorities (Members' Allowances) (England)
 * Regulations 2003, regs 4-5: a basic allowance for every member, special responsibility allowances for posts):
 *   "A basic allowance of £9,300 per annum will be paid to each Member"   or a row "Basic Allowance 1 £5,820.00"
 *   then rows of posts and amounts, the columns often run together: "Deputy Leader13,750",
 *   "Development Committee Chairman 0.75 £4,365.00" (a multiplier of the basic allowance before the amount),
 *   a label wrapped onto the next line with its figures: "Committee Vice-Chairman (all other" / "0.1 £582.00".
 * Read when the scheme is not in the layout `scheme.ts` knows. Pure; linear in the lines.
 */
import type { Segment } from '../../types.ts';
import { parsePounds } from '../../../domain/allowances/money.ts';
import { findDates } from '../minutes-dates.ts';
import { plainText } from '../../segment.ts';
import type { AllowanceSchemeRecord, SraPostRecord } from './types.ts';

/** An amount: thousands separated by commas, or pounds and pence; "£" optional. */
const AMOUNT = '£?\\s?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d{2})?|\\d+\\.\\d{2})';
const ROW = new RegExp(`^(.*?[\\p{L})])\\s*(?:(\\d+(?:\\.\\d+)?|n\\/a)\\s+)?${AMOUNT}$`, 'u');
const FIGURES_ONLY = new RegExp(`^(?:(\\d+(?:\\.\\d+)?|n\\/a)\\s+)?${AMOUNT}$`);
const BASIC_PROSE = new RegExp(`\\bbasic allowance\\b[^£\\d]{0,40}${AMOUNT}`, 'i');

export function isTableScheme(lines: string[]): boolean {
  const text = lines.join('\n');
  return /\bbasic allowance\b/i.test(text) && /\bspecial responsibility allowances?\b/i.test(text);
}

export function extractTableScheme(segment: Segment): AllowanceSchemeRecord | undefined {
  const lines = segment.lines.map((raw, index) => ({ text: plainText(raw), line: segment.lineFrom + index })).filter((entry) => entry.text !== '');
  let basic: bigint | undefined;
  const posts: SraPostRecord[] = [];
  let pendingLabel: { text: string; line: number } | undefined;
  for (const entry of lines) {
    const prose = basic === undefined ? BASIC_PROSE.exec(entry.text) : null;
    if (prose) {
      basic = parsePounds(prose[1]!);
      continue;
    }
    const figures = pendingLabel ? FIGURES_ONLY.exec(entry.text) : null;
    const row = figures ? null : ROW.exec(entry.text);
    const label = figures ? pendingLabel!.text : row?.[1]?.trim();
    const multiplier = figures ? figures[1] : row?.[2];
    const amount = figures ? figures[2] : row?.[3];
    if (!label || !amount || label.length > 150) {
      // A short line without figures may be a label whose figures follow on the next line.
      pendingLabel = entry.text.length <= 80 && !/[.:;]$/.test(entry.text) && /^[A-Z]/.test(entry.text) ? { text: entry.text, line: entry.line } : undefined;
      continue;
    }
    const from = figures ? pendingLabel!.line : entry.line;
    pendingLabel = undefined;
    if (/^basic allowance\b/i.test(label)) {
      basic ??= parsePounds(amount);
      continue;
    }
    posts.push({
      group: '',
      name: label.replace(/\s*\([^)]*$/, '').trim() || label,
      printed: label,
      percentOfLeader: null,
      amountPence: parsePounds(amount),
      maxHolders: null,
      qualifier: multiplier && multiplier !== 'n/a' ? `${multiplier} × basic allowance` : null,
      appliesTo: [],
      lineFrom: from,
      lineTo: entry.line,
    });
  }
  if (basic === undefined && posts.length === 0) return undefined;
  // The period: the first dates printed ("1 April 2023 to 31 March 2024"); else the date the scheme was agreed.
  const head = lines
    .slice(0, 12)
    .map((entry) => entry.text)
    .join('\n');
  const dates = findDates(head);
  const effectiveFrom = dates[0]?.iso;
  if (!effectiveFrom) return undefined;
  const periodLine = lines
    .slice(0, 12)
    .find((entry) => /\d{4}\s+to\s+\d{1,2}/.test(entry.text) || (/\bto\b.*\d{4}/.test(entry.text) && findDates(entry.text).length >= 2));
  const effectiveTo = periodLine ? (findDates(periodLine.text)[1]?.iso ?? null) : null;
  const agreed = /\bagreed\b|\badopted\b/i.test(head) && !periodLine;
  return {
    title: lines[0]?.text ?? "Members' Allowances Scheme",
    periodText: periodLine?.text ?? (agreed ? `as agreed on ${dates[0]!.iso}` : dates[0]!.iso),
    effectiveFrom,
    effectiveTo,
    effectiveToText: null,
    adoptedBy: null,
    adoptedOn: agreed ? effectiveFrom : null,
    amendedOn: [],
    basicAllowancePence: basic ?? 0n,
    basicAllowanceNote: basic === undefined ? 'not printed' : null,
    posts,
    rules: [],
    mileageBands: [],
    journeyPurposes: [],
    claimTimeLimitMonths: null,
    carersMaxPencePerHour: null,
    coOpteeRates: [],
    sections: [],
    lineFrom: segment.lineFrom,
    lineTo: segment.lineTo,
  };
}
