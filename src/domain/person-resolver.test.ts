import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrintedName } from './person-name.ts';
import { parsePrintedName, splitNameList } from './person-name.ts';
import {
  familyKey,
  givenNamesCompatible,
  honorificsCompatible,
  initialsGrade,
  PersonRegistry,
  sameJobTitle,
  type Person,
  type Resolution,
} from './person-resolver.ts';

const seedsDir = process.env.QUORUM_PAPERS ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds');

function name(text: string): PrintedName {
  const parsed = parsePrintedName(text);
  if (!parsed) throw new Error(`not a name: ${text}`);
  return parsed;
}

/** The PRESENT block of the County Council minutes of 6 April 2011, split into its chairmen lines and the main list. */
function presentBlock(): { chairLines: string[]; list: string } {
  for (const file of readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const lines = readFileSync(path.join(seedsDir, file), 'utf8').split(/\r?\n/);
    const heading = lines.findIndex((line) => /^MINUTES of a meeting of the Kent County Council\b.*6 April 2011/.test(line));
    if (heading < 0) continue;
    const present = lines.findIndex((line, index) => index > heading && /^PRESENT:/.test(line));
    const end = lines.findIndex((line, index) => index > present && /^IN ATTENDANCE/.test(line));
    const body = lines
      .slice(present, end)
      .map((line) => line.replace(/^PRESENT:/, '').trim())
      .filter(Boolean);
    return {
      chairLines: body.filter((line) => /\((Vice-)?Chairman\)$/.test(line)),
      list: body.filter((line) => !/\((Vice-)?Chairman\)$/.test(line)).join('\n'),
    };
  }
  throw new Error(`6 April 2011 County Council minutes not found in ${seedsDir}`);
}

function matched(resolution: Resolution): Person {
  if (resolution.status !== 'matched') throw new Error(`expected a match, got ${JSON.stringify(resolution)}`);
  return resolution.person;
}

describe('6 April 2011 County Council attendance', () => {
  const block = presentBlock();
  const registry = new PersonRegistry();
  const byPrinted = new Map<string, Person>();

  beforeAll(() => {
    for (const entry of splitNameList([...block.chairLines, block.list].join('\n'))) {
      const result = registry.resolveOrAdd(entry.name, { kind: 'member', ...(entry.role ? { role: entry.role } : {}) });
      expect(result.status).toBe('created');
      if (result.status === 'created') byPrinted.set(entry.name.printed, result.person);
    }
  });
  const person = (printed: string) => {
    const found = byPrinted.get(printed);
    if (!found) throw new Error(`${printed} not in the list`);
    return found;
  };

  it('splits the list into 76 members plus the chairman and vice-chairman lines', () => {
    expect(splitNameList(block.list)).toHaveLength(76);
    const chairs = splitNameList(block.chairLines.join('\n'));
    expect(chairs.map((entry) => [entry.name.printed, entry.role])).toEqual([
      ['Mr W A Hayton', 'Chairman'],
      ['Mrs P A V Stockell', 'Vice-Chairman'],
    ]);
    expect(registry.size).toBe(78);
  });

  it('does not record meeting roles as job titles', () => {
    expect(person('Mr W A Hayton').jobTitle).toBeUndefined();
  });

  it('links every printed form of Jenny Whittle to one person', () => {
    const whittle = person('Mrs J Whittle');
    for (const printed of ['Mrs Whittle', 'Mrs J Whittle', 'Jenny Whittle', 'Mrs Jenny Whittle']) {
      expect(matched(registry.resolve(name(printed), { kind: 'member' })).id, printed).toBe(whittle.id);
    }
  });

  it('matches a given name against a later initial', () => {
    const hill = person('Mr P M Hill OBE');
    expect(matched(registry.resolve(name('Mike Hill'))).id).toBe(hill.id);
    expect(matched(registry.resolve(name('Mr PM Hill OBE'))).id).toBe(hill.id);
    expect(matched(registry.resolve(name('Mr M Hill'))).id).toBe(hill.id);
  });

  it('tells the two Hohlers apart by initials and honorific', () => {
    const sarah = person('Mrs S V Hohler');
    const ann = person('Ms A Hohler');
    expect(matched(registry.resolve(name('Sarah Hohler'))).id).toBe(sarah.id);
    expect(matched(registry.resolve(name('Mrs Hohler'))).id).toBe(sarah.id);
    expect(matched(registry.resolve(name('Mrs S Hohler'))).id).toBe(sarah.id);
    expect(matched(registry.resolve(name('Ms A Hohler'))).id).toBe(ann.id);
    expect(matched(registry.resolve(name('Ms Hohler'))).id).toBe(ann.id);
  });

  it('uses initials as a prefix and reports a bare name shared by two people as ambiguous', () => {
    expect(matched(registry.resolve(name('Mr A King'))).id).toBe(person('Mr A J King MBE').id);
    expect(matched(registry.resolve(name('Mr R King'))).id).toBe(person('Mr R E King').id);
    const king = registry.resolve(name('Mr King'));
    expect(king.status).toBe('ambiguous');
    if (king.status === 'ambiguous') {
      expect(king.candidates.map((candidate) => candidate.aliases[0]).sort()).toEqual(['Mr A J King MBE', 'Mr R E King']);
    }
  });

  it('narrows an ambiguous name by the people present or by job title, never by guessing', () => {
    const aj = person('Mr A J King MBE');
    expect(matched(registry.resolve(name('Mr King'), { preferIds: new Set([aj.id]) })).id).toBe(aj.id);
    // Both present: still ambiguous.
    const both = new Set([aj.id, person('Mr R E King').id]);
    expect(registry.resolve(name('Mr King'), { preferIds: both }).status).toBe('ambiguous');
    // A hint that fits nobody does not turn a match into "new".
    expect(matched(registry.resolve(name('Mrs Whittle'), { preferIds: new Set(['person-nobody']) })).id).toBe(person('Mrs J Whittle').id);

    const roles = new PersonRegistry();
    const a = roles.add(name('Mr A J King'), 'member', 'Cabinet Member for Specialist Children’s Services');
    roles.add(name('Mr R E King'), 'member');
    expect(matched(roles.resolve(name('Mr King'), { role: "Cabinet Member for Specialist Children's Services" })).id).toBe(a.id);
    expect(roles.resolve(name('Mr King'), { role: 'Cabinet Member for Finance' }).status).toBe('ambiguous');
  });

  it('treats incompatible initials as a new person', () => {
    expect(registry.resolve(name('Mr K Smith')).status).toBe('new');
    expect(registry.resolve(name('Mr K Smith'), { kind: 'member' }).status).toBe('new');
  });

  it('matches the short forms used in the minutes and question papers', () => {
    const cases: Array<[string, string]> = [
      ['Mr Cowan', 'Mr G Cowan'],
      ['Mike Harrison', 'Mr M J Harrison'],
      ['Martin Vye', 'Mr M J Vye'],
      ['Mr G Cooke', 'Mr G Cooke'],
      ['Mrs J Rook', 'Mrs J A Rook'],
      ['Mrs Rook', 'Mrs J A Rook'],
      ['Mr G Koowaree', 'Mr S J G Koowaree'],
      ['Mrs P Stockell', 'Mrs P A V Stockell'],
      ['Mr K Ferrin', 'Mr K A Ferrin MBE'],
    ];
    for (const [printed, expected] of cases) {
      expect(matched(registry.resolve(name(printed), { kind: 'member' })).id, printed).toBe(person(expected).id);
    }
  });

  it('does not match a member when an officer is asked for', () => {
    expect(registry.resolve(name('Mr G Cowan'), { kind: 'officer' }).status).toBe('new');
  });
});

describe('PersonRegistry.merge and resolveOrAdd', () => {
  it('enriches a record with fuller forms and keeps every printed form', () => {
    const registry = new PersonRegistry();
    const first = registry.resolveOrAdd(name('Mrs Whittle'), { kind: 'member' });
    expect(first.status).toBe('created');
    for (const printed of ['Mrs J Whittle', 'Jenny Whittle', 'Mrs Jenny Whittle', 'Mrs Whittle']) {
      const result = registry.resolveOrAdd(name(printed), { kind: 'member' });
      expect(result.status, printed).toBe('matched');
    }
    expect(registry.size).toBe(1);
    const [whittle] = registry.all();
    expect(whittle).toMatchObject({
      honorific: 'Mrs',
      givenName: 'Jenny',
      initials: ['J'],
      familyName: 'Whittle',
      aliases: ['Mrs Whittle', 'Mrs J Whittle', 'Jenny Whittle', 'Mrs Jenny Whittle'],
    });
  });

  it('is order independent for a given name that is not the first initial', () => {
    const registry = new PersonRegistry();
    const mike = registry.resolveOrAdd(name('Mike Hill'), { kind: 'member' });
    const full = registry.resolveOrAdd(name('Mr P M Hill OBE'), { kind: 'member' });
    expect(full.status).toBe('matched');
    expect(registry.size).toBe(1);
    expect(mike.status).toBe('created');
    if (mike.status !== 'ambiguous') {
      expect(mike.person).toMatchObject({ honorific: 'Mr', givenName: 'Mike', initials: ['P', 'M'], postNominals: ['OBE'] });
    }
    expect(registry.resolveOrAdd(name('Mr PM Hill'), { kind: 'member' }).status).toBe('matched');
  });

  it('never loses information when a shorter form arrives', () => {
    const registry = new PersonRegistry();
    const created = registry.add(name('Mr K A Ferrin, MBE'), 'member');
    registry.merge(created, name('Mr K Ferrin'));
    expect(created).toMatchObject({ initials: ['K', 'A'], postNominals: ['MBE'], aliases: ['Mr K A Ferrin, MBE', 'Mr K Ferrin'] });
  });

  it('links officers printed with and without honorific, given name and reordered title', () => {
    const registry = new PersonRegistry();
    const [wild, sass] = splitNameList(
      'Katherine Kerswell (Managing Director), Geoff Wild (Director of Governance and Law), Peter Sass (Head of Democratic Services and Local Leadership)',
    )
      .map((entry) => registry.resolveOrAdd(entry.name, { kind: 'officer', ...(entry.role ? { role: entry.role } : {}) }))
      .slice(1);
    const [again] = splitNameList('Mr G Wild (Director of Law and Governance)');
    const result = registry.resolveOrAdd(again!.name, { kind: 'officer', role: again!.role! });
    expect(result.status).toBe('matched');
    expect(wild?.status).toBe('created');
    expect(sass?.status).toBe('created');
    if (result.status === 'matched' && wild?.status === 'created') {
      expect(result.person.id).toBe(wild.person.id);
      expect(result.person).toMatchObject({ honorific: 'Mr', givenName: 'Geoff', jobTitle: 'Director of Governance and Law' });
      expect(result.person.jobTitles).toEqual(['Director of Governance and Law']);
    }
    const peter = registry.resolveOrAdd(name('Mr Peter Sass'), { kind: 'officer' });
    expect(peter.status).toBe('matched');
    if (peter.status === 'matched' && sass?.status === 'created') expect(peter.person.id).toBe(sass.person.id);
    expect(registry.size).toBe(3);
  });

  it('returns ambiguous names untouched for the caller to report', () => {
    const registry = new PersonRegistry();
    registry.add(name('Mr A J King'), 'member');
    registry.add(name('Mr R E King'), 'member');
    const result = registry.resolveOrAdd(name('Mr King'), { kind: 'member' });
    expect(result.status).toBe('ambiguous');
    expect(registry.size).toBe(2);
    expect(registry.all().every((person) => !person.aliases.includes('Mr King'))).toBe(true);
  });

  it('gives stable, unique ids', () => {
    const a = new PersonRegistry();
    const b = new PersonRegistry();
    const first = a.add(name('Mr G Cowan'), 'member');
    expect(first.id).toBe(b.add(name('Mr G Cowan'), 'member').id);
    expect(first.id).toMatch(/^person-[0-9a-f]{16}$/);
    // add() never looks for an existing person, so a deliberate second record gets its own id.
    expect(a.add(name('Mr G Cowan'), 'member').id).not.toBe(first.id);
  });

  it('loads existing records', () => {
    const registry = new PersonRegistry([
      {
        id: 'p1',
        kind: 'member',
        honorific: 'Mrs',
        initials: ['S', 'V'],
        familyName: 'Hohler',
        postNominals: [],
        jobTitle: 'Cabinet Member for Education, Learning & Skills',
        jobTitles: [],
        aliases: [],
      },
      { id: 'p2', kind: 'member', honorific: 'Ms', initials: ['A'], familyName: 'Hohler', postNominals: [], jobTitles: [], aliases: [] },
    ]);
    expect(matched(registry.resolve(name('Sarah Hohler'))).id).toBe('p1');
    expect(matched(registry.resolve({ ...name('Hohler'), initials: [] }, { role: 'Cabinet Member for Education, Learning and Skills' })).id).toBe('p1');
  });
});

describe('comparison rules', () => {
  it('folds family names', () => {
    expect(familyKey('Smith-Jones')).toBe(familyKey('smith jones'));
    expect(familyKey('Smith – Jones')).toBe(familyKey('SMITH-JONES'));
    expect(familyKey('Brontë')).toBe(familyKey('Bronte'));
    expect(familyKey('O’Brien')).toBe(familyKey("O'Brien"));
  });

  it('keeps men and women apart but lets Mrs, Ms and Miss meet', () => {
    expect(honorificsCompatible('Mr', 'Mrs')).toBe(false);
    expect(honorificsCompatible('Ms', 'Mrs')).toBe(true);
    expect(honorificsCompatible('Miss', 'Ms')).toBe(true);
    expect(honorificsCompatible('Dr', 'Mrs')).toBe(true);
    expect(honorificsCompatible(undefined, 'Mr')).toBe(true);
    expect(honorificsCompatible('Sir', 'Mr')).toBe(true);
  });

  it('grades initials', () => {
    expect(initialsGrade(['A'], ['A', 'J'])).toBe(3);
    expect(initialsGrade(['A', 'J'], ['A'])).toBe(3);
    expect(initialsGrade(['P', 'A'], ['P', 'W', 'A'])).toBe(2);
    expect(initialsGrade(['M'], ['P', 'M'])).toBe(1);
    expect(initialsGrade([], ['P', 'M'])).toBe(0);
    expect(initialsGrade(['K'], ['C', 'P'])).toBeUndefined();
    expect(initialsGrade(['A', 'B'], ['A', 'C'])).toBeUndefined();
  });

  it('compares given names and job titles', () => {
    expect(givenNamesCompatible('Mike', 'Michael')).toBe(true);
    expect(givenNamesCompatible('Jenny', 'Jennifer')).toBe(true);
    expect(givenNamesCompatible('Geoff', 'Geoffrey')).toBe(true);
    expect(givenNamesCompatible('Sarah', 'Susan')).toBe(false);
    expect(sameJobTitle('Director of Governance and Law', 'Director of Law & Governance')).toBe(true);
    expect(sameJobTitle('Cabinet Member for Finance', 'Cabinet Member for Education')).toBe(false);
  });

  it('rejects a conflicting given name with the same initial', () => {
    const registry = new PersonRegistry();
    registry.add(name('Mrs Jenny Whittle'), 'member');
    expect(registry.resolve(name('Mrs Jane Whittle')).status).toBe('new');
  });
});
