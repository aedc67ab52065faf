/**
 * Which meeting's minutes an agenda item carries, read from its wording: "Minutes of the meeting held on 6 April 2011"
 * (the same body), or a description naming the body and date ("Governance and Audit Committee – 16 March 2011").
 * Anything less definite is no reference: the pack then prints no papers for the item rather than guess.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATE = /(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})/i;

function isoDate(match: RegExpExecArray): string {
  const month = MONTHS.indexOf(match[2]!.toLowerCase()) + 1;
  return `${match[3]}-${String(month).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

export interface MinutesReference {
  /** The body's name as printed, or null for the body whose agenda this is. */
  bodyName: string | null;
  date: string;
}

export function minutesReferenceOf(item: { title: string; description: string | null }): MinutesReference | undefined {
  if (!/\bminutes\b/i.test(item.title)) return undefined;
  const own = /meeting held on\s+(.+)$/i.exec(item.title);
  if (own) {
    const date = DATE.exec(own[1]!);
    return date ? { bodyName: null, date: isoDate(date) } : undefined;
  }
  const description = item.description?.trim();
  if (!description) return undefined;
  // "Minutes of the Governance and Audit Committee – 16 March 2011" or "Planning Applications Committee – 12 April 2011".
  const named = /^(?:minutes of (?:the |a meeting of the )?)?(.+?)\s*[–—-]\s*(.+)$/i.exec(description);
  if (!named) return undefined;
  const date = DATE.exec(named[2]!);
  return date ? { bodyName: named[1]!.trim(), date: isoDate(date) } : undefined;
}
