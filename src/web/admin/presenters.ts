/** View models shared by the back-office pages: choices for select boxes, names, dates. */
import { formatFormalDate, formatStamp } from '../../domain/dates.ts';
import { formatName } from '../../domain/person-name.ts';

interface PersonLike {
  id: string;
  honorific: string | null;
  given_name: string | null;
  family_name: string;
}

export function personName(person: Omit<PersonLike, 'id'>): string {
  return formatName({
    honorific: person.honorific ?? undefined,
    givenName: person.given_name ?? undefined,
    initials: [],
    familyName: person.family_name,
    postNominals: [],
  });
}

export interface SelectItem {
  value: string;
  text: string;
  selected?: boolean;
}

/** A select's items with a blank first choice, the chosen one selected. */
export function selectItems(rows: Array<{ value: string; text: string }>, selected: unknown, blank = 'Choose'): SelectItem[] {
  return [{ value: '', text: blank }, ...rows.map((row) => ({ ...row, selected: row.value === selected }))];
}

export function personItems(people: PersonLike[], selected: unknown, blank = 'Choose a person'): SelectItem[] {
  return selectItems(
    people.map((person) => ({ value: person.id, text: personName(person) })),
    selected,
    blank,
  );
}

/** "Wednesday, 6 April 2011", or nothing for no date. */
export function longDate(date: string | null | undefined): string {
  return date ? formatFormalDate(date) : '';
}

/** "6 April 2011 at 10:05" (London), or nothing for no instant. */
export function stamp(at: Date | null | undefined): string {
  return at ? formatStamp(at) : '';
}

export const BODY_KIND_ITEMS = ['council', 'cabinet', 'committee', 'sub-committee', 'panel', 'board', 'other'].map((kind) => ({
  value: kind,
  text: kind[0]!.toUpperCase() + kind.slice(1).replace('-', ' '),
}));
