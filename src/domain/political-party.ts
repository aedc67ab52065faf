/**
 * Political groups as printed beside members' names in attendance lists and votes: "Mr A Smith (Labour)",
 * "Cllr B Jones (Con)", "C Brown (Lib Dem)". Only names and abbreviations councils commonly print are recognised,
 * so a role in brackets ("(Chair)", "(Vice-Chairman)") or a ward is never taken for a group. Pure.
 */

export interface PartyName {
  /** The group's name as the council's papers usually write it in full. */
  name: string;
  abbreviation?: string;
}

const PARTIES: Array<{ pattern: RegExp; party: PartyName }> = [
  {
    pattern: /^(?:Labour(?:\s+(?:Group|Party|and\s+Co-?operative|&\s+Co-?op))?|Lab(?:\s*(?:&|and)\s*Co-?op)?)$/i,
    party: { name: 'Labour', abbreviation: 'Lab' },
  },
  { pattern: /^(?:Conservatives?(?:\s+(?:Group|Party))?|Con|Cons)$/i, party: { name: 'Conservative', abbreviation: 'Con' } },
  { pattern: /^(?:Liberal\s+Democrats?(?:\s+Group)?|Lib\s*Dems?|LD|LDem)$/i, party: { name: 'Liberal Democrat', abbreviation: 'LD' } },
  { pattern: /^(?:Green(?:\s+(?:Party|Group))?|Greens|Grn)$/i, party: { name: 'Green', abbreviation: 'Grn' } },
  { pattern: /^(?:Independents?(?:\s+Group)?|Ind)$/i, party: { name: 'Independent', abbreviation: 'Ind' } },
  { pattern: /^(?:Plaid\s+Cymru|PC)$/i, party: { name: 'Plaid Cymru', abbreviation: 'PC' } },
  { pattern: /^(?:Scottish\s+National\s+Party|SNP)$/i, party: { name: 'Scottish National Party', abbreviation: 'SNP' } },
  { pattern: /^(?:Reform(?:\s+UK)?)$/i, party: { name: 'Reform UK', abbreviation: 'Reform' } },
  { pattern: /^(?:UK\s+Independence\s+Party|UKIP)$/i, party: { name: 'UK Independence Party', abbreviation: 'UKIP' } },
  { pattern: /^(?:Sinn\s+F[ée]in|SF)$/i, party: { name: 'Sinn Féin', abbreviation: 'SF' } },
  { pattern: /^(?:Fianna\s+F[áa]il|FF)$/i, party: { name: 'Fianna Fáil', abbreviation: 'FF' } },
  { pattern: /^(?:Fine\s+Gael|FG)$/i, party: { name: 'Fine Gael', abbreviation: 'FG' } },
  { pattern: /^(?:Democratic\s+Unionist\s+Party|DUP)$/i, party: { name: 'Democratic Unionist Party', abbreviation: 'DUP' } },
  { pattern: /^(?:Ulster\s+Unionist\s+Party|UUP)$/i, party: { name: 'Ulster Unionist Party', abbreviation: 'UUP' } },
  { pattern: /^(?:Alliance(?:\s+Party)?)$/i, party: { name: 'Alliance', abbreviation: 'APNI' } },
  { pattern: /^(?:SDLP|Social\s+Democratic\s+and\s+Labour\s+Party)$/i, party: { name: 'SDLP', abbreviation: 'SDLP' } },
];

/** The political group a bracketed word names, or undefined when it names none (a role, a ward). */
export function partyOf(printed: string): PartyName | undefined {
  const text = printed.trim().replace(/\.$/, '');
  return PARTIES.find((entry) => entry.pattern.test(text))?.party;
}

/**
 * A bracket may hold a role and a group together: "Chairman, Conservative", "Labour - Vice-Chair". Returns the group
 * and what is left as the role.
 */
export function splitRoleAndParty(role: string): { party?: PartyName; role?: string } {
  const whole = partyOf(role);
  if (whole) return { party: whole };
  const parts = role.split(/\s*(?:,|;|\s[-–]\s)\s*/);
  const index = parts.findIndex((part) => partyOf(part) !== undefined);
  if (index === -1) return { role };
  const rest = parts
    .filter((_, position) => position !== index)
    .join(', ')
    .trim();
  return { party: partyOf(parts[index]!)!, ...(rest ? { role: rest } : {}) };
}
