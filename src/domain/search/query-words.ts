/**
 * What people type into search, made into what the index can find. People search for a person as they are
 * addressed ("Councillor Carter", "Cllr Vye", "Mr Vye", "Dr M J Vye"), but a search is an AND of its words, and a
 * record names a person in whatever form it was written: the honorific or role in front of a name must not be a
 * word the record has to contain. A person's index row still holds their own honorific, so a bare "Councillor"
 * or "Mr" (nothing after it) is searched as typed.
 */

/** Honorifics and the roles used as one before a name, lower case, without a full stop. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'sir',
  'dame',
  'lord',
  'lady',
  'prof',
  'professor',
  'rev',
  'revd',
  'reverend',
  'hon',
  'cllr',
  'councillor',
  'alderman',
  'cc',
]);

function isHonorific(token: string): boolean {
  return HONORIFICS.has(token.toLowerCase().replace(/\.$/, ''));
}

/**
 * The query with each honorific that stands before another word removed, outside quoted phrases (a phrase is
 * searched as written). "County Councillor Carter" loses "County" too. Whitespace is normalised to single spaces.
 */
export function withoutHonorifics(text: string): string {
  const parts = text.split('"');
  const cleaned = parts.map((part, index) => {
    if (index % 2 === 1) return part; // inside quotes
    const tokens = part.split(/\s+/).filter(Boolean);
    const kept: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const next = tokens[i + 1];
      const beforeName = next !== undefined && !isHonorific(next) && /^[\p{L}]/u.test(next);
      const countyCouncillor = token.toLowerCase() === 'county' && next !== undefined && /^(councillor|cllr)\.?$/i.test(next);
      if ((isHonorific(token) || countyCouncillor) && (beforeName || (next !== undefined && isHonorific(next)) || countyCouncillor)) {
        // Drop it only if a name follows somewhere after the run of honorifics.
        let j = i + 1;
        while (j < tokens.length && (isHonorific(tokens[j]!) || /^(councillor|cllr)\.?$/i.test(tokens[j]!))) j++;
        if (j < tokens.length && /^[\p{L}]/u.test(tokens[j]!)) continue;
      }
      kept.push(token);
    }
    // Spaces at a quote's side stay, so a phrase keeps its distance from the words around it.
    return `${/^\s/.test(part) ? ' ' : ''}${kept.join(' ')}${/\s$/.test(part) && kept.length ? ' ' : ''}`;
  });
  return cleaned.join('"').replace(/\s+/g, ' ').replace(/"\s*"/g, '""').trim();
}

/**
 * The words of a query that spelling could be wrong in: letters only, three or more, outside quotes and not
 * excluded with a minus, lower case, in order, each once.
 */
export function spellableWords(text: string): string[] {
  const words: string[] = [];
  text.split('"').forEach((part, index) => {
    if (index % 2 === 1) return;
    for (const token of part.split(/\s+/)) {
      if (!token || token.startsWith('-') || /^or$/i.test(token)) continue;
      for (const word of token.toLowerCase().split(/[^\p{L}]+/u)) if (word.length >= 3 && !words.includes(word)) words.push(word);
    }
  });
  return words;
}

/** The query with each word replaced as corrections says (whole words, any case), for "Did you mean". */
export function withCorrections(text: string, corrections: ReadonlyMap<string, string>): string {
  return text.replace(/[\p{L}]+/gu, (word) => corrections.get(word.toLowerCase()) ?? word);
}
