import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctLabels, fullNameWithInitials, type NamedPerson } from './attendance-names.ts';

describe('attendance grid names', () => {
  it('writes names in full with the further initials', () => {
    expect(fullNameWithInitials({ id: 'a', honorific: 'Mr', given_name: 'Kenneth', initials: ['K', 'A'], family_name: 'Smith' })).toBe('Mr Kenneth A Smith');
    expect(fullNameWithInitials({ id: 'b', honorific: 'Mr', given_name: null, initials: ['C', 'P'], family_name: 'Smith' })).toBe('Mr C P Smith');
  });

  it('gives every person a label no one else has', () => {
    const person = fc.record({
      honorific: fc.constantFrom('Mr', 'Mrs', null),
      given_name: fc.constantFrom('Kenneth', 'Ann', null),
      initials: fc.array(fc.constantFrom('K', 'A', 'J'), { maxLength: 2 }),
      family_name: fc.constantFrom('Smith', 'King'),
      ward_name: fc.constantFrom('Dover', 'Deal', null),
    });
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 999_999 }), { maxLength: 12 }), fc.array(person, { minLength: 12, maxLength: 12 }), (ids, specs) => {
        const people: NamedPerson[] = ids.map((id, index) => ({ id: `person-${id}`, ...specs[index]! }));
        const labels = distinctLabels(people);
        expect(labels.size).toBe(people.length);
        expect(new Set(labels.values()).size).toBe(people.length);
        for (const one of people) expect(labels.get(one.id)!.startsWith(fullNameWithInitials(one))).toBe(true);
      }),
    );
  });
});
