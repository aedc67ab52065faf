/**
 * People's names as councils print them: "Mr K A Ferrin, MBE", "Mr PM Hill OBE", "Mrs Jenny Whittle", "Jenny Whittle",
 * "Mrs Whittle". Pure functions: parsing only; deciding which person a name means is person-resolver.ts's job.
 */

/** A person's name as printed, split into parts. Resolution to a person record happens later. */
export interface PrintedName {
  /** Exactly as printed, trimmed, e.g. "Mr K A Ferrin, MBE". */
  printed: string;
  honorific?: string; // Mr, Mrs, Miss, Ms, Dr, Cllr, Sir, ...
  givenName?: string; // "Jenny"
  initials: string[]; // ["J"]; for "Jenny Whittle", ["J"] (derived from the given name)
  familyName: string;
  postNominals: string[]; // ["MBE"], ["TD"], ["OBE"]
}

export const HONORIFICS = [
  'Mr',
  'Mrs',
  'Miss',
  'Ms',
  'Mx',
  'Dr',
  'Cllr',
  'Councillor',
  'Sir',
  'Dame',
  'Lord',
  'Lady',
  'Rev',
  'Revd',
  'Prof',
  'Professor',
] as const;

export const POST_NOMINALS = new Set([
  'MBE',
  'OBE',
  'CBE',
  'KBE',
  'DBE',
  'BEM',
  'TD',
  'VRD',
  'MP',
  'MEP',
  'JP',
  'DL',
  'QC',
  'KC',
  'CB',
  'MC',
  'FRICS',
  'FCA',
  'PhD',
  'RN',
]);

const PARTICLES = new Set(['de', 'van', 'von', 'le', 'la', 'du', 'di', 'da', 'der', 'den', 'st', "d'", 'mac']);

const honorificPattern = new RegExp(`^(${HONORIFICS.join('|')})\\.?$`, 'i');

function canonicalHonorific(token: string): string | undefined {
  const match = honorificPattern.exec(token);
  if (!match) return undefined;
  const found = HONORIFICS.find((h) => h.toLowerCase() === match[1]!.toLowerCase());
  return found;
}

export function isHonorific(token: string): boolean {
  return canonicalHonorific(token) !== undefined;
}

function isPostNominal(token: string): boolean {
  return POST_NOMINALS.has(token.replace(/[.,]/g, ''));
}

/** "W", "W.", or run-together capitals "PM" (as in "Mr PM Hill"): a block of initials. */
function initialsOf(token: string): string[] | undefined {
  const bare = token.replace(/\./g, '');
  if (/^[A-Z]$/.test(bare)) return [bare];
  if (/^[A-Z]{2,3}$/.test(bare) && !POST_NOMINALS.has(bare)) return bare.split('');
  return undefined;
}

/**
 * Parses one printed name. Returns undefined for text that is not a name (no family name).
 * Never guesses a given name from initials, nor initials beyond the given name's first letter.
 */
export function parsePrintedName(text: string): PrintedName | undefined {
  const printed = text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;*]+|[\s,;*.]+$/g, '')
    .trim();
  if (!printed) return undefined;
  // "The Right Honourable George Grubb" (a Lord Provost's or Lord Mayor's style): the style is the honorific.
  const style = /^(?:The\s+)?(?:Right\s+Honourable|Rt\.?\s+Hon\.?)\s+(?=\S)/i.exec(printed);
  let tokens = printed
    .slice(style ? style[0].length : 0)
    .split(/[\s,]+/)
    .filter(Boolean);

  let honorific: string | undefined = style ? 'Rt Hon' : undefined;
  const first = !style && tokens[0] && canonicalHonorific(tokens[0]);
  if (first) {
    honorific = first;
    tokens = tokens.slice(1);
  }
  const postNominals: string[] = [];
  while (tokens.length > 1 && isPostNominal(tokens[tokens.length - 1]!)) {
    postNominals.unshift(tokens.pop()!.replace(/[.,]/g, ''));
  }
  if (tokens.length === 0) return undefined;

  const initials: string[] = [];
  let givenName: string | undefined;
  let index = 0;
  // Leading initials ("W A", "PM") only count as initials when more follows them.
  while (index < tokens.length - 1) {
    const block = initialsOf(tokens[index]!);
    if (!block) break;
    initials.push(...block);
    index++;
  }
  if (initials.length === 0 && index < tokens.length - 1 && /^[A-Z][a-z'’-]+$/.test(tokens[index]!) && !PARTICLES.has(tokens[index]!.toLowerCase())) {
    givenName = tokens[index]!;
    initials.push(givenName[0]!);
    index++;
  }
  const familyTokens = tokens.slice(index);
  const familyName = familyTokens.join(' ');
  if (!familyName || (!/^[A-Z'’]/.test(familyTokens[familyTokens.length - 1] ?? '') && !/^[A-Z]/i.test(familyName))) {
    return undefined;
  }
  if (!/[A-Za-z]/.test(familyName)) return undefined;

  return {
    printed,
    ...(honorific ? { honorific } : {}),
    ...(givenName ? { givenName } : {}),
    initials,
    familyName,
    postNominals,
  };
}

export interface NameWithRole {
  name: PrintedName;
  /** Text printed in brackets after the name: "(Chairman)", "(Head of Democratic Services)". */
  role?: string;
}

/**
 * Splits a printed list of names: "Mr W A Hayton (Chairman), Mrs P A V Stockell (Vice-Chairman), Mr K A Ferrin, MBE,
 * Mr M A Wickham Mr A T Willicombe and Miss S J Carey". Copes with post-nominals set off by commas, a missing comma
 * between two names (a new honorific starts a new name), "and" before the last name, and roles in brackets.
 */
export function splitNameList(text: string): NameWithRole[] {
  const result: NameWithRole[] = [];
  // Pull bracketed roles out first, leaving a marker, so commas inside brackets do not split names.
  const roles: string[] = [];
  const marked = text.replace(/\(([^()]*)\)/g, (_m, inner: string) => {
    roles.push(inner.trim());
    return ` §${roles.length - 1}§ `;
  });
  const pieces = marked
    .split(/,|;|\band\b|\n/)
    .map((piece) => piece.trim())
    .filter(Boolean);

  type Draft = { tokens: string[]; role?: string };
  const drafts: Draft[] = [];
  for (const piece of pieces) {
    const tokens = piece.split(/\s+/).filter(Boolean);
    // A piece of post-nominals only ("MBE") belongs to the name before it.
    if (tokens.every((token) => isPostNominal(token) || /^§\d+§$/.test(token)) && drafts.length > 0) {
      const previous = drafts[drafts.length - 1]!;
      for (const token of tokens) {
        const roleMatch = /^§(\d+)§$/.exec(token);
        if (roleMatch) previous.role = roles[Number(roleMatch[1])];
        else previous.tokens.push(token);
      }
      continue;
    }
    let current: Draft | undefined;
    for (const token of tokens) {
      const roleMatch = /^§(\d+)§$/.exec(token);
      if (roleMatch) {
        if (current) current.role = roles[Number(roleMatch[1])];
        continue;
      }
      // A missing comma: an honorific after a complete name starts the next name.
      if (!current || (isHonorific(token) && current.tokens.length >= 2 && !current.role)) {
        current = { tokens: [] };
        drafts.push(current);
      } else if (isHonorific(token) && current.role) {
        current = { tokens: [] };
        drafts.push(current);
      }
      current.tokens.push(token);
    }
  }
  for (const draft of drafts) {
    const name = parsePrintedName(draft.tokens.join(' '));
    if (name) result.push(draft.role ? { name, role: draft.role } : { name });
  }
  return result;
}

/** "Mr K A Ferrin MBE": the canonical printed form of a parsed name. */
export function formatName(name: Pick<PrintedName, 'honorific' | 'givenName' | 'initials' | 'familyName' | 'postNominals'>): string {
  const parts = [name.honorific, name.givenName ?? (name.initials.length ? name.initials.join(' ') : undefined), name.familyName, ...name.postNominals];
  return parts.filter(Boolean).join(' ');
}
