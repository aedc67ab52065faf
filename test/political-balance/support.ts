/**
 * A small council for the balance tests (names invented): 16 members: Blue 9 (a majority), Amber 4, Red 2 and one
 * member in no group; Planning 7 seats, Regulation 5 and Governance 3 under the rules, and a Member Panel of 4 outside.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { insertAuthority, insertBody, insertPerson } from '../support/factories.ts';

export async function seedBalanceCouncil(db: Kysely<Database>) {
  const authority = await insertAuthority(db, { name: 'Shire County Council' });
  const council = await insertBody(db, authority.id, { name: 'County Council', slug: 'county-council', kind: 'council' });
  const bodies = {
    planning: await insertBody(db, authority.id, { name: 'Planning Committee', slug: 'planning-committee', kind: 'committee' }),
    regulation: await insertBody(db, authority.id, { name: 'Regulation Committee', slug: 'regulation-committee', kind: 'committee' }),
    governance: await insertBody(db, authority.id, { name: 'Governance Committee', slug: 'governance-committee', kind: 'committee' }),
    panel: await insertBody(db, authority.id, { name: 'Member Panel', slug: 'member-panel', kind: 'panel' }),
  };
  await db
    .insertInto('balance_body')
    .values([
      { id: bodies.planning.id, seats: 7, rules_apply: true },
      { id: bodies.regulation.id, seats: 5, rules_apply: true },
      { id: bodies.governance.id, seats: 3, rules_apply: true },
      { id: bodies.panel.id, seats: 4, rules_apply: false },
    ])
    .execute();
  const groups = { blue: 'group-blue', amber: 'group-amber', red: 'group-red' };
  await db
    .insertInto('political_group')
    .values([
      { id: groups.blue, authority_id: authority.id, name: 'Blue Group', abbreviation: 'Blue' },
      { id: groups.amber, authority_id: authority.id, name: 'Amber Group', abbreviation: 'Amber' },
      { id: groups.red, authority_id: authority.id, name: 'Red Group', abbreviation: 'Red' },
    ])
    .execute();
  const people = { blue: [] as string[], amber: [] as string[], red: [] as string[], none: [] as string[] };
  const sizes = { blue: 9, amber: 4, red: 2, none: 1 };
  let n = 0;
  for (const [party, size] of Object.entries(sizes)) {
    for (let i = 0; i < size; i++) {
      const person = await insertPerson(db, authority.id, {
        honorific: 'Cllr',
        given_name: `${party[0]!.toUpperCase()}${party.slice(1)}${i + 1}`,
        family_name: `Member${String(++n).padStart(2, '0')}`,
      });
      people[party as keyof typeof people].push(person.id as string);
      await db
        .insertInto('membership')
        .values({
          id: `membership-${person.id}`,
          person_id: person.id as string,
          body_id: council.id,
          role: 'member',
          start_date: '2009-06-04',
          end_date: null,
        })
        .execute();
      if (party !== 'none') {
        await db
          .insertInto('group_membership')
          .values({
            id: `group-membership-${person.id}`,
            person_id: person.id as string,
            group_id: groups[party as keyof typeof groups],
            role: null,
            start_date: '2009-06-04',
            end_date: null,
          })
          .execute();
      }
    }
  }
  return { authority, council, bodies, groups, people };
}
