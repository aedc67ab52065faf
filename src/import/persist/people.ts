/**
 * The people an import resolves names against: everyone the authority already knows, plus those this file adds.
 * Wraps the pure PersonRegistry with what persisting needs: which records are new or enriched, and their aliases.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NewRow, Row } from '../../db/types.ts';
import * as store from '../../db/repositories/paper-store.ts';
import { formatName } from '../../domain/person-name.ts';
import { honorificsCompatible, PersonRegistry, type Person, type PersonKind } from '../../domain/person-resolver.ts';
import type { PrintedName } from '../types.ts';

export interface PersonContext {
  kind: PersonKind;
  role?: string;
  jobTitle?: string;
  /** People present at the meeting the name is printed in. */
  preferIds?: ReadonlySet<string>;
  /**
   * The name must be someone present (a mover, a voter, a member declaring an interest): when exactly one person
   * present has that family name and a compatible honorific, it is them, even when the initials are printed
   * differently ("Mr A Wickham" in a vote list is "Mr M A Wickham" of the attendance list).
   */
  presentOnly?: boolean;
}

export type PersonOutcome = { status: 'matched'; personId: string } | { status: 'ambiguous'; candidates: string[] };

export class PeopleDirectory {
  private readonly registry: PersonRegistry;
  private readonly created = new Set<string>();
  private readonly touched = new Set<string>();
  /** People on record, or promised to be by stage(): a later match to them counts as linked. */
  private readonly written = new Set<string>();
  /** Staged but not yet in the database. */
  private readonly pending = new Set<string>();
  private readonly aliases = new Map<string, Set<string>>();
  /** "<person id>\n<printed>" for every alias on record: only new ones are written. */
  private readonly savedAliases = new Set<string>();
  private readonly saved = new Map<string, string>();
  private linked = 0;
  private createdTotal = 0;

  constructor(
    private readonly authorityId: string,
    rows: Array<Row<'person'> & { aliases: string[] }>,
  ) {
    const people: Person[] = rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      ...(row.honorific ? { honorific: row.honorific } : {}),
      ...(row.given_name ? { givenName: row.given_name } : {}),
      initials: [...row.initials],
      familyName: row.family_name,
      postNominals: [...row.post_nominals],
      ...(row.job_title ? { jobTitle: row.job_title } : {}),
      jobTitles: row.job_title ? [row.job_title] : [],
      aliases: [...row.aliases],
    }));
    this.registry = new PersonRegistry(people);
    for (const person of people) {
      this.written.add(person.id);
      this.saved.set(person.id, JSON.stringify(columns(person)));
      for (const printed of person.aliases) this.savedAliases.add(aliasKey(person.id, printed));
    }
  }

  resolve(name: PrintedName, context: PersonContext): PersonOutcome {
    if (context.presentOnly && context.preferIds && context.preferIds.size > 0) {
      const present = this.registry
        .withFamilyName(name.familyName)
        .filter((person) => context.preferIds!.has(person.id) && honorificsCompatible(person.honorific, name.honorific));
      if (present.length === 1) return this.matched(this.registry.merge(present[0]!, name), name);
    }
    const outcome = this.registry.resolveOrAdd(name, {
      kind: context.kind,
      ...(context.preferIds ? { preferIds: context.preferIds } : {}),
      ...(context.role ? { role: context.role } : {}),
    });
    if (outcome.status === 'ambiguous') {
      return { status: 'ambiguous', candidates: outcome.candidates.map((person) => displayName(person)) };
    }
    if (outcome.status === 'created') this.created.add(outcome.person.id);
    return this.matched(outcome.person, name);
  }

  private matched(person: Person, name: PrintedName): PersonOutcome {
    if (!this.created.has(person.id) || this.written.has(person.id)) this.linked++;
    if (this.written.has(person.id)) this.touched.add(person.id);
    const set = this.aliases.get(person.id) ?? new Set<string>();
    set.add(name.printed);
    this.aliases.set(person.id, set);
    return { status: 'matched', personId: person.id };
  }

  /**
   * Counts since the last call: names resolved to a person already on record, and people created. The directory
   * lives for a whole import run (reloading everyone for every file would make a large import quadratic).
   */
  takeCounts(): { linked: number; created: number } {
    const counts = { linked: this.linked, created: this.createdTotal };
    this.linked = 0;
    this.createdTotal = 0;
    return counts;
  }

  /**
   * Promises the people created so far to the database without writing them yet, so a file's rows can be written
   * in one go at its end: later names resolved to them count as linked, as if they had been written here.
   */
  stage(): void {
    for (const id of this.created) {
      if (this.written.has(id)) continue;
      this.written.add(id);
      this.pending.add(id);
    }
    this.created.clear();
  }

  /** Writes new people, what was learnt about known ones, and every printed form seen. */
  async flush(trx: Transaction<Database>): Promise<{ created: number }> {
    const writes = this.takeWrites();
    const [created] = await store.insertNewMany(trx, [
      { table: 'person', rows: writes.people },
      { table: 'person_alias', rows: writes.aliases },
    ]);
    this.countCreated(created!);
    await store.updatePeople(trx, writes.updates);
    return { created: created! };
  }

  /**
   * What flush() would write, for a caller writing it in its own statements: new people as they stand now (so
   * nothing learnt later in a file needs an update), what was learnt about people on record, and aliases not yet
   * on record. From here on they count as written; report how many people the insert created with countCreated().
   */
  takeWrites(): {
    people: Array<NewRow<'person'> & { id: string }>;
    updates: Array<{ id: string } & store.PersonColumns>;
    aliases: Array<NewRow<'person_alias'>>;
  } {
    this.stage();
    const people = [...this.pending].map((id) => {
      const person = this.registry.get(id)!;
      const row = columns(person);
      this.saved.set(id, JSON.stringify(row));
      return { id, authority_id: this.authorityId, ...row };
    });
    this.pending.clear();
    // Only what a paper taught us (a given name, more initials, post-nominals) is written back.
    const updates: Array<{ id: string } & store.PersonColumns> = [];
    for (const id of this.touched) {
      const now = columns(this.registry.get(id)!);
      const text = JSON.stringify(now);
      if (this.saved.get(id) === text) continue;
      updates.push({ id, ...now });
      this.saved.set(id, text);
    }
    this.touched.clear();
    const aliases: Array<NewRow<'person_alias'>> = [];
    for (const [personId, printed] of this.aliases) {
      for (const text of printed) {
        const key = aliasKey(personId, text);
        if (this.savedAliases.has(key)) continue;
        this.savedAliases.add(key);
        aliases.push({ person_id: personId, printed: text });
      }
    }
    this.aliases.clear();
    return { people, updates, aliases };
  }

  countCreated(created: number): void {
    this.createdTotal += created;
  }
}

function aliasKey(personId: string, printed: string): string {
  return `${personId}\n${printed}`;
}

function columns(person: Person): store.PersonColumns {
  return {
    kind: person.kind,
    honorific: person.honorific ?? null,
    given_name: person.givenName ?? null,
    initials: person.initials,
    family_name: person.familyName,
    post_nominals: person.postNominals,
    job_title: person.jobTitle ?? null,
  };
}

export function displayName(person: Pick<Person, 'honorific' | 'givenName' | 'initials' | 'familyName' | 'postNominals'>): string {
  return formatName(person);
}
