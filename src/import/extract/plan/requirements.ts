/**
 * The requirement sets a plan answers to, as printed in it: the Core Tasks of its core strategy, the Ofsted
 * recommendations appendix (grouped by area and by when they are due) and the Improvement Notice targets appendix.
 * Numbered items; "- " bullets under an item belong to it.
 */
import { plainText } from '../../segment.ts';
import type { LeadTitleRecord, RequirementRecord, RequirementSetRecord } from './types.ts';

interface Section {
  start: RegExp;
  end: RegExp;
}

function numberedItems(lines: string[], lineFrom: number, section: Section, prefix: string): RequirementRecord[] {
  const items: RequirementRecord[] = [];
  let inside = false;
  for (let index = 0; index < lines.length; index++) {
    const text = plainText(lines[index]!);
    if (!inside) {
      if (section.start.test(text)) inside = true;
      continue;
    }
    if (section.end.test(text)) break;
    if (text === '') continue;
    const numbered = /^(\d{1,2})\.\s+(.+)$/.exec(text);
    const last = items[items.length - 1];
    if (numbered) {
      const number = Number(numbered[1]);
      items.push({ code: `${prefix} ${number}`, number, text: numbered[2]!.trim(), lineFrom: lineFrom + index, lineTo: lineFrom + index });
    } else if (/^-\s+/.test(text) && last) {
      last.text = `${last.text}\n- ${text.replace(/^-\s+/, '')}`;
      last.lineTo = lineFrom + index;
    }
  }
  return items;
}

const OFSTED_TIMING = /(Immediately|Within three months|Within six months):?$/i;

export function extractRequirementSets(lines: string[], lineFrom: number): RequirementSetRecord[] {
  const sets: RequirementSetRecord[] = [];
  const span = (items: RequirementRecord[]) => ({ lineFrom: items[0]?.lineFrom ?? lineFrom, lineTo: items[items.length - 1]?.lineTo ?? lineFrom });

  const coreTasks = numberedItems(lines, lineFrom, { start: /^OUR CORE STRATEGY\b/i, end: /^The detailed Improvement Plan\b/i }, 'CT');
  if (coreTasks.length)
    sets.push({ prefix: 'CT', name: 'Core Tasks', source: 'Core strategy of the improvement plan', requirements: coreTasks, ...span(coreTasks) });

  const ofsted = numberedItems(lines, lineFrom, { start: /^Ofsted Recommendations/i, end: /^Improvement Notice Targets\b/i }, 'O');
  assignOfstedHeadings(lines, lineFrom, ofsted);
  if (ofsted.length)
    sets.push({
      prefix: 'O',
      name: 'Ofsted recommendations',
      source: 'Ofsted inspection of safeguarding and looked after children services',
      requirements: ofsted,
      ...span(ofsted),
    });

  const notice = numberedItems(lines, lineFrom, { start: /^Improvement Notice Targets\b/i, end: /^Leads and job titles\b/i }, 'IN');
  if (notice.length)
    sets.push({
      prefix: 'IN',
      name: 'Improvement Notice targets',
      source: 'Improvement Notice from the Secretary of State',
      requirements: notice,
      ...span(notice),
    });
  return sets;
}

/** Each recommendation takes the area ("SAFEGUARDING") and timing ("Immediately:") printed above it. */
function assignOfstedHeadings(lines: string[], lineFrom: number, items: RequirementRecord[]): void {
  let area: string | undefined;
  let due: string | undefined;
  const byLine = new Map(items.map((item) => [item.lineFrom, item]));
  for (let index = 0; index < lines.length; index++) {
    const item = byLine.get(lineFrom + index);
    if (item) {
      if (area) item.area = area;
      if (due) item.dueCategory = due;
      continue;
    }
    const text = plainText(lines[index]!);
    const areaMatch = /Areas for improvement for ([A-Z][A-Z ]+?)(?=\s+(?:Immediately|Within)\b|:|$)/i.exec(text);
    if (areaMatch) area = areaMatch[1]!.charAt(0) + areaMatch[1]!.slice(1).toLowerCase();
    const timing = OFSTED_TIMING.exec(text);
    if (timing) due = timing[1]!.charAt(0).toUpperCase() + timing[1]!.slice(1).toLowerCase();
  }
}

/** "Leads and job titles": one "Name<TAB>Job title" line each; then "The Heads of Service ... are A – East Kent; ...". */
export function extractLeadTitles(
  lines: string[],
  lineFrom: number,
): { leads: LeadTitleRecord[]; roleHolders: Array<{ role: string; name: string; area?: string }> } {
  const leads: LeadTitleRecord[] = [];
  const roleHolders: Array<{ role: string; name: string; area?: string }> = [];
  const start = lines.findIndex((line) => /^Leads and job titles$/i.test(plainText(line)));
  if (start < 0) return { leads, roleHolders };
  for (let index = start + 1; index < lines.length; index++) {
    const text = plainText(lines[index]!);
    if (text === '') continue;
    const cells = text.split('\t').map((cell) => cell.trim());
    if (cells.length === 2 && cells[0] && cells[1]) {
      leads.push({ name: cells[0], jobTitle: cells[1], lineFrom: lineFrom + index, lineTo: lineFrom + index });
      continue;
    }
    const holders = /^The (.+?) for .+? are (.+)$/.exec(text);
    if (holders) {
      for (const part of holders[2]!.replace(/\.$/, '').split(/;\s*/)) {
        const [name, area] = part.split(/\s+[–-]\s+/);
        if (name) roleHolders.push({ role: holders[1]!, name: name.trim(), ...(area ? { area: area.trim() } : {}) });
      }
    }
    break;
  }
  return { leads, roleHolders };
}
