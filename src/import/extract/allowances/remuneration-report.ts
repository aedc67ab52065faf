/**
 * Reads an Independent Remuneration Panel's report for the proposals it puts to the Council: percentage reductions
 * of the basic allowance and of the SRAs, a post's new maximum, a new mileage rate, the forgoing provision and
 * the claim time limit. Each proposal keeps the line it was read from.
 */
import type { Segment } from '../../types.ts';
import { plainText } from '../../segment.ts';
import { findLongDate, parseLongDate } from '../dates.ts';
import { wordNumber } from './scheme.ts';
import type { ProposalRecord, RemunerationReportRecord } from './types.ts';

export function isRemunerationReport(segment: Segment): boolean {
  return segment.kind === 'report' && segment.lines.slice(0, 12).some((line) => /^Subject:.*Remuneration Panel/i.test(plainText(line)));
}

export function extractRemunerationReport(segment: Segment): RemunerationReportRecord {
  const lines = segment.lines.map((raw, index) => ({ text: plainText(raw), line: segment.lineFrom + index })).filter((entry) => entry.text !== '');
  const subject = lines.find((entry) => /^Subject:/i.test(entry.text))?.text.replace(/^Subject:\s*/i, '') ?? '';
  const to = lines.find((entry) => /^To:/i.test(entry.text))?.text.replace(/^To:\s*/i, '') ?? '';
  const toDate = findLongDate(to) ?? null;
  const toBodyName = to.replace(/\s*[–-]\s*.*$/, '').trim() || null;
  const year = lines.map((entry) => /\b(\d{4}\/\d{2})\b/.exec(entry.text)?.[1]).find(Boolean) ?? null;
  const reportDate =
    [...lines]
      .reverse()
      .map((entry) => (entry.text.length <= 20 ? parseLongDate(entry.text) : undefined))
      .find(Boolean) ?? null;

  const membersAt = lines.findIndex((entry) => /Panel members are:$/i.test(entry.text));
  const panelMembers: string[] = [];
  if (membersAt >= 0) {
    for (const entry of lines.slice(membersAt + 1)) {
      if (!/^(?:Mr|Mrs|Miss|Ms|Dr)\s/.test(entry.text)) break;
      panelMembers.push(entry.text);
    }
  }

  const proposals: ProposalRecord[] = [];
  const at = (line: number) => ({ lineFrom: line, lineTo: line });
  for (const { text, line } of lines) {
    const basic = /reduction in the basic allowance by (\d+(?:\.\d+)?)%/i.exec(text);
    if (basic) proposals.push({ kind: 'basic-allowance-reduction', summary: `Basic allowance reduced by ${basic[1]}%`, percent: basic[1]!, ...at(line) });
    const sras = /reduction in the remaining SRAs by (\d+(?:\.\d+)?)%/i.exec(text);
    if (sras)
      proposals.push({ kind: 'sra-reduction', summary: `Remaining Special Responsibility Allowances reduced by ${sras[1]}%`, percent: sras[1]!, ...at(line) });
    const posts = /number of (.+?) positions from (\d+) to (\d+)/i.exec(text);
    if (posts) {
      const postName = posts[1]!.replace(/\bMember\b/, 'Members');
      proposals.push({
        kind: 'post-maximum',
        summary: `${postName}: at most ${posts[3]} (from ${posts[2]})`,
        postName,
        maxHolders: Number(posts[3]),
        ...at(line),
      });
    }
    const mileage = /^-?\s*(?:[a-z]\.\s*)?To agree to apply the increase .*? from (\d+)p to (\d+)p per mile for the first ([\d,]+) miles/i.exec(text);
    if (mileage)
      proposals.push({
        kind: 'mileage-rate',
        summary: `Mileage ${mileage[2]} pence a mile for the first ${mileage[3]} miles (from ${mileage[1]} pence)`,
        pencePerMile: mileage[2]!,
        ...at(line),
      });
    if (/^-?\s*(?:[a-z]\.\s*)?To amend the .*Scheme to include .*forgo/i.test(text)) {
      proposals.push({ kind: 'forgo-provision', summary: 'A member may elect to forgo all or part of an entitlement (Regulation 13)', ...at(line) });
      const limit = /time limit .*? should be (\w+) months/i.exec(text);
      const months = limit ? wordNumber(limit[1]!) : undefined;
      if (months)
        proposals.push({ kind: 'claim-time-limit', summary: `Claims to be made within ${months} months of the duty (Regulation 14)`, months, ...at(line) });
    }
  }

  return { subject, year, toBodyName, toDate, reportDate, panelMembers, proposals, lineFrom: segment.lineFrom, lineTo: segment.lineTo };
}
