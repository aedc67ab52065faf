/**
 * The public view of a member's register: what may leave the council. Sensitive interests (s.32) keep only their
 * category and the statutory wording; whether an interest is the member's own or their spouse's or partner's is never
 * said (the register records both without saying whose, as s.30(3) counts them alike).
 */
import { INTEREST_CATEGORIES, INTEREST_CATEGORY_LABELS, WITHHELD_WORDING, type InterestCategory } from './categories.ts';

export interface InterestEntryFacts {
  entryKey: string;
  category: InterestCategory;
  description: string;
  spousePartner: boolean;
  sensitive: boolean;
  registeredOn: string;
}

export interface PublicInterestEntry {
  entryKey: string;
  category: InterestCategory;
  categoryLabel: string;
  /** The entry's text, or the statutory wording when withheld. */
  description: string;
  withheld: boolean;
  registeredOn: string;
}

export function publicEntry(entry: InterestEntryFacts): PublicInterestEntry {
  return {
    entryKey: entry.entryKey,
    category: entry.category,
    categoryLabel: INTEREST_CATEGORY_LABELS[entry.category],
    description: entry.sensitive ? WITHHELD_WORDING : entry.description,
    withheld: entry.sensitive,
    registeredOn: entry.registeredOn,
  };
}

export interface CategorySection<T> {
  category: InterestCategory;
  label: string;
  entries: T[];
}

/** Entries by category in the order of the regulations' Schedule, every category present ("None" reads as a nil return). */
export function byCategory<T extends { category: InterestCategory }>(entries: readonly T[]): Array<CategorySection<T>> {
  return INTEREST_CATEGORIES.map((category) => ({
    category,
    label: INTEREST_CATEGORY_LABELS[category],
    entries: entries.filter((entry) => entry.category === category),
  }));
}
