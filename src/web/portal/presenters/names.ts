import { formatName } from '../../../domain/person-name.ts';

export interface NameColumns {
  honorific: string | null;
  given_name: string | null;
  initials: string[] | null;
  family_name: string | null;
  post_nominals: string[] | null;
}

/** A person's name as the portal prints it ("Mr W A Hayton"), or undefined when the row has no person. */
export function displayName(row: NameColumns): string | undefined {
  if (!row.family_name) return undefined;
  return formatName({
    ...(row.honorific ? { honorific: row.honorific } : {}),
    ...(row.given_name ? { givenName: row.given_name } : {}),
    initials: row.initials ?? [],
    familyName: row.family_name,
    postNominals: row.post_nominals ?? [],
  });
}
