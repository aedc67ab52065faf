/** View models shared by the back-office pages: choices for select boxes, names, dates. */
import { formatName } from '../../domain/person-name.ts';

interface PersonLike {
  id: string;
  honorific: string | null;
  given_name: string | null;
  family_name: string;
}

export function personName(person: Omit<PersonLike, 'id'>): string {
  return formatName({ honorific: person.honorific ?? undefined, givenName: person.given_name ?? undefined, initials: [], familyName: person.family_name, postNominals: [] });
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
  return selectItems(people.map((person) => ({ value: person.id, text: personName(person) })), selected, blank);
}

const LONG = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export function longDate(date: string | null | undefined): string {
  return date ? LONG.format(new Date(`${date}T00:00:00Z`)) : '';
}

const STAMP = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });
export function stamp(at: Date | null | undefined): string {
  return at ? STAMP.format(at) : '';
}

export const BODY_KIND_ITEMS = ['council', 'cabinet', 'committee', 'sub-committee', 'panel', 'board', 'other'].map((kind) => ({ value: kind, text: kind[0]!.toUpperCase() + kind.slice(1).replace('-', ' ') }));
