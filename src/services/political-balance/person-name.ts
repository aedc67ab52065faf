import { formatName } from '../../domain/person-name.ts';

/** A person row's name as printed ("Mrs Jenny Whittle"). */
export function personName(person: { honorific: string | null; given_name: string | null; initials: string[]; family_name: string }): string {
  return formatName({
    ...(person.honorific ? { honorific: person.honorific } : {}),
    ...(person.given_name ? { givenName: person.given_name } : {}),
    initials: person.initials,
    familyName: person.family_name,
    postNominals: [],
  });
}
