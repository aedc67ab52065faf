/**
 * Names on the attendance grid: in full, with every initial, so namesakes differ ("Mr Kenneth A Smith" and
 * "Mr Kenneth J Smith", not "Mr King" twice); where even that is the same, the ward tells them apart.
 */
export interface NamedPerson {
  id: string;
  honorific: string | null;
  given_name: string | null;
  initials: readonly string[];
  family_name: string;
  ward_name?: string | null;
}

/** "Mrs Jenny A Whittle": the given name, then the initials after the first one; without a given name, every initial. */
export function fullNameWithInitials(person: NamedPerson): string {
  const given = person.given_name ? [person.given_name, ...person.initials.slice(1)] : [...person.initials];
  return [person.honorific, ...given, person.family_name].filter(Boolean).join(' ');
}

/** Each person's grid label: the full name; where two read the same, the ward; where that is the same too, the id. */
export function distinctLabels(people: readonly NamedPerson[]): Map<string, string> {
  const byName = new Map<string, NamedPerson[]>();
  for (const person of people) {
    const name = fullNameWithInitials(person);
    byName.set(name, [...(byName.get(name) ?? []), person]);
  }
  const labels = new Map<string, string>();
  for (const [name, namesakes] of byName) {
    for (const person of namesakes) {
      if (namesakes.length === 1) labels.set(person.id, name);
      else {
        const wardIsEnough = person.ward_name && namesakes.filter((other) => other.ward_name === person.ward_name).length === 1;
        labels.set(person.id, `${name} (${wardIsEnough ? person.ward_name : [person.ward_name, person.id].filter(Boolean).join(', ')})`);
      }
    }
  }
  return labels;
}
