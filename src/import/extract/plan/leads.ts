/**
 * Delivery leads as printed in a plan's "Delivery Leads" cell, often several run together without a separator
 * ("Alastair Pettigrew Heads of Service", "Michelle Woodward Rob Semens"). Known names (the plan's table of leads)
 * are found first; what is left is split on "/", "&", "and", "via" and read as a name when it looks like one, else
 * as a role ("Heads of Service" stays a role, never a person).
 */
import type { LeadRecord } from './types.ts';

const NAME = /^[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?$/;
/** Words that make a capitalised pair a role or an organisation, not a person. */
const ROLE_WORDS = /\b(?:Heads?|Service|Services|Board|Team|Trust|Chair|Director|Manager|Partners?|Health|Police|Council|Consultants?)\b/;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function parseLeads(cell: string, knownNames: readonly string[], knownRoles: readonly string[] = []): LeadRecord[] {
  let rest = ` ${cell.replace(/\s+/g, ' ').trim()} `;
  const found: Array<{ index: number; lead: LeadRecord }> = [];
  for (const name of [...knownNames].sort((a, b) => b.length - a.length)) {
    const pattern = new RegExp(`(?<![A-Za-z])${escape(name)}(?![A-Za-z])`, 'g');
    rest = rest.replace(pattern, (match, index: number) => {
      found.push({ index, lead: { kind: 'person', name } });
      return ' | '.padEnd(match.length, ' ');
    });
  }
  for (const role of knownRoles) {
    const pattern = new RegExp(`(?<![A-Za-z])${escape(role)}(?![A-Za-z])`, 'gi');
    rest = rest.replace(pattern, (match, index: number) => {
      found.push({ index, lead: { kind: 'role', role } });
      return ' | '.padEnd(match.length, ' ');
    });
  }
  let offset = 0;
  for (const piece of rest.split(/\s*(?:\||\/|&|,|;|\band\b|\bvia\b|\bin consultation with\b|[–—]|\(|\)|\s-)\s*/)) {
    const index = rest.indexOf(piece, offset);
    offset = index + piece.length;
    const text = piece.replace(/^-+|-+$/g, '').trim();
    if (!text || /^(?:supported with|with|the)$/i.test(text)) continue;
    if (NAME.test(text) && !ROLE_WORDS.test(text)) found.push({ index, lead: { kind: 'person', name: text } });
    else found.push({ index, lead: { kind: 'role', role: text.replace(/^supported with\s+/i, '') } });
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.index - b.index)
    .map((entry) => entry.lead)
    .filter((lead) => {
      const key = lead.kind === 'person' ? `p:${lead.name}` : `r:${lead.role.toLowerCase()}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
