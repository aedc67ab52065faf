/**
 * Deciding which person a printed name means. Council papers print one person many ways: "Mrs J Whittle" in an
 * attendance list, "Mrs Whittle" in the minutes' text, "Jenny Whittle" on a question paper, "Mrs Jenny Whittle" on a
 * decision record. The registry links these to one record and, when the paper does not say which of two people is
 * meant, reports the name as ambiguous rather than guessing. Pure: no I/O, the caller persists the records.
 *
 * A printed name is COMPATIBLE with a known person when all of these hold:
 *  1. Kind: when the context gives a kind (member / officer / external), only people of that kind are considered,
 *     so an auditor "Mr D Wells" never becomes councillor "Mr C T Wells" even with fewer initials printed.
 *  2. Family name: equal ignoring case, diacritics, apostrophe style, and hyphen vs space ("Smith-Jones" is
 *     "Smith Jones"), because typesetting varies more than spelling does.
 *  3. Honorific: male (Mr, Sir, Lord) and female (Mrs, Miss, Ms, Dame, Lady) exclude each other; Mrs, Miss and Ms
 *     are compatible with each other because one woman is printed both ways; neutral ones (Dr, Cllr, Prof, Rev, Mx)
 *     and a missing honorific are compatible with anything. Initials, not the Ms/Mrs difference, tell
 *     "Ms A Hohler" from "Mrs S V Hohler".
 *  4. Given name: when both sides have one, they must be the same name: equal, one a prefix of the other of at least
 *     three letters ("Geoff"/"Geoffrey"), or a known diminutive pair ("Mike"/"Michael", "Jenny"/"Jennifer").
 *  5. Initials (a given name counts as its first letter), graded because people are often printed by the name
 *     they use rather than their first name ("Mike Hill" is "Mr P M Hill", "Mr G Koowaree" is "Mr S J G Koowaree"):
 *       3  one sequence is a prefix of the other ("Mr A King" ~ "Mr A J King", "Mrs J Rook" ~ "Mrs J A Rook");
 *       2  the shorter is a subsequence of the longer and the first letters agree ("Mr P A Lake" ~ "Mr P W A Lake");
 *       1  the shorter is a subsequence starting at a later initial ("Mike Hill" ~ "Mr P M Hill");
 *       0  one side prints no initials ("Mrs Whittle"): compatible but no evidence;
 *       otherwise incompatible ("Mr K Smith" is not "Mr C P Smith"; "Sarah Hohler" is not "Ms A Hohler").
 *     The comparison is symmetric so the order in which forms arrive does not matter: a record created from
 *     "Mike Hill" still accepts "Mr P M Hill" later.
 *
 * Of the compatible people, one is MATCHED if it is the only one left after narrowing, in this order (each step only
 * applies when it keeps at least one candidate, so a hint never turns a match into "new"):
 *  a. preferIds: people known to be there (present at the meeting the name is printed in);
 *  b. role: people with a job title equal to the printed role, comparing words as a set after normalising
 *     "&"/"and" and quotes ("Director of Law and Governance" is "Director of Governance and Law");
 *  c. initials grade: the highest grade wins, so a first-initial match beats a later-initial one;
 *  d. honorific: an identical honorific beats a merely compatible one ("Mrs Hohler" is Mrs S V Hohler, not
 *     Ms A Hohler).
 * No compatible person: "new". Two or more left after narrowing: "ambiguous", with the candidates; never a guess.
 *
 * Order of import matters for bare names only: resolve "Mr King" after the attendance lists that give "Mr A J King"
 * and "Mr R E King" have been added, or it will be taken as the first King seen. resolveOrAdd() makes that the
 * natural way to use the registry: add full lists first, then resolve short forms.
 */
import type { PrintedName } from './person-name.ts';
import { stableId } from './stable-id.ts';
import { memoize } from './memo.ts';

export type PersonKind = 'member' | 'officer' | 'external';

export interface Person {
  id: string;
  kind: PersonKind;
  honorific?: string;
  /** The given name as printed; may be the name the person uses rather than their first ("Mike" for P M Hill). */
  givenName?: string;
  initials: string[];
  familyName: string;
  postNominals: string[];
  /** The first job title seen ("Director of Governance and Law", "Cabinet Member for Specialist Children's Services"). */
  jobTitle?: string;
  /** Every distinct job title seen, jobTitle first; portfolios change, and any of them may narrow a later role. */
  jobTitles: string[];
  /** Every distinct printed form seen, first one first. */
  aliases: string[];
}

export interface ResolveContext {
  kind?: PersonKind;
  /** People known to be there, e.g. the members present at the meeting whose minutes print the name. */
  preferIds?: ReadonlySet<string>;
  /** The role printed with the name: "Cabinet Member for Specialist Children's Services", "Managing Director". */
  role?: string;
}

export type Resolution = { status: 'matched'; person: Person } | { status: 'new' } | { status: 'ambiguous'; candidates: Person[] };

export type ResolveOrAddResult =
  | { status: 'matched'; person: Person; created: false }
  | { status: 'created'; person: Person; created: true }
  | { status: 'ambiguous'; candidates: Person[] };

export interface PersonRegistryOptions {
  /** Ids for new people; the default is a stable hash of kind and the first printed form, made unique. */
  newId?: (name: PrintedName, kind: PersonKind, taken: (id: string) => boolean) => string;
}

type Gender = 'male' | 'female' | 'neutral';

const HONORIFIC_GENDER: Record<string, Gender> = {
  mr: 'male',
  sir: 'male',
  lord: 'male',
  mrs: 'female',
  miss: 'female',
  ms: 'female',
  dame: 'female',
  lady: 'female',
};

function genderOf(honorific: string | undefined): Gender {
  if (!honorific) return 'neutral';
  return HONORIFIC_GENDER[honorific.replace(/\.$/, '').toLowerCase()] ?? 'neutral';
}

/** Honorifics that say nothing about the person beyond their office; a later specific one replaces them. */
function isGenericHonorific(honorific: string | undefined): boolean {
  return !honorific || /^(cllr|councillor)\.?$/i.test(honorific);
}

export function honorificsCompatible(a: string | undefined, b: string | undefined): boolean {
  const ga = genderOf(a);
  const gb = genderOf(b);
  return ga === 'neutral' || gb === 'neutral' || ga === gb;
}

function sameHonorific(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
}

/** The family-name comparison key: case, diacritics and apostrophe style folded; hyphens and spaces equivalent. */
export function familyKey(familyName: string): string {
  return fold(familyName)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

// Diminutives that are not simply a prefix of the full name; prefixes ("Geoff", "Chris", "Pete") need no entry.
const DIMINUTIVES: Array<[string, string[]]> = [
  ['michael', ['mike', 'mick', 'mickey', 'micky']],
  ['jennifer', ['jenny', 'jen', 'jenni', 'jennie']],
  ['katherine', ['kate', 'kathy', 'katie', 'kath']],
  ['catherine', ['kate', 'cathy', 'katie', 'cath']],
  ['elizabeth', ['liz', 'lizzie', 'beth', 'betty', 'libby', 'eliza']],
  ['margaret', ['maggie', 'peggy', 'meg', 'marge']],
  ['susan', ['sue', 'susie']],
  ['robert', ['bob', 'bobby', 'rob', 'robbie', 'bert']],
  ['william', ['bill', 'billy', 'will', 'willie']],
  ['richard', ['dick', 'rick', 'ricky', 'rich']],
  ['anthony', ['tony']],
  ['james', ['jim', 'jimmy', 'jamie']],
  ['john', ['jack', 'johnny']],
  ['thomas', ['tom', 'tommy']],
  ['edward', ['ted', 'teddy', 'ed', 'eddie', 'ned']],
  ['henry', ['harry', 'hal']],
  ['charles', ['charlie', 'chas', 'chuck']],
  ['christopher', ['kit']],
  ['andrew', ['andy', 'drew']],
  ['david', ['dave', 'davy']],
  ['daniel', ['dan', 'danny']],
  ['leonard', ['len', 'lenny']],
  ['patricia', ['pat', 'trish', 'tricia']],
  ['rebecca', ['becky', 'becca']],
  ['deborah', ['debbie', 'deb']],
  ['alexander', ['alex', 'sandy']],
  ['frederick', ['fred', 'freddie']],
  ['lawrence', ['larry', 'laurie']],
  ['nicholas', ['nick', 'nicky']],
  ['peter', ['pete']],
  ['sarah', ['sally']],
  ['valerie', ['val']],
];

const DIMINUTIVE_GROUPS = new Map<string, Set<string>>();
for (const [full, shorts] of DIMINUTIVES) {
  for (const form of [full, ...shorts]) {
    const group = DIMINUTIVE_GROUPS.get(form) ?? new Set<string>();
    group.add(full);
    DIMINUTIVE_GROUPS.set(form, group);
  }
}

export function givenNamesCompatible(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  if (x === y) return true;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  if (shorter.length >= 3 && longer.startsWith(shorter)) return true;
  const gx = DIMINUTIVE_GROUPS.get(x);
  const gy = DIMINUTIVE_GROUPS.get(y);
  if (gx && gy) for (const full of gx) if (gy.has(full)) return true;
  return false;
}

function isPrefix(short: string[], long: string[]): boolean {
  return short.every((initial, index) => long[index] === initial);
}

/** Index in `long` where a subsequence match of `short` starts, or -1. */
function subsequenceStart(short: string[], long: string[]): number {
  let position = 0;
  let start = -1;
  for (const initial of short) {
    while (position < long.length && long[position] !== initial) position++;
    if (position === long.length) return -1;
    if (start < 0) start = position;
    position++;
  }
  return start;
}

/**
 * How well two initial sequences agree (see the file header): 3 prefix, 2 subsequence from the first initial,
 * 1 subsequence from a later initial, 0 no initials on one side, undefined incompatible.
 */
export function initialsGrade(a: readonly string[], b: readonly string[]): 0 | 1 | 2 | 3 | undefined {
  const x = a.map((initial) => initial.toUpperCase());
  const y = b.map((initial) => initial.toUpperCase());
  if (x.length === 0 || y.length === 0) return 0;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (isPrefix(short, long)) return 3;
  if (short.length === long.length) return undefined;
  const start = subsequenceStart(short, long);
  if (start < 0) return undefined;
  return start === 0 ? 2 : 1;
}

interface Fit {
  person: Person;
  initials: 0 | 1 | 2 | 3;
  sameHonorific: boolean;
}

function fit(person: Person, name: PrintedName): Fit | undefined {
  if (!honorificsCompatible(person.honorific, name.honorific)) return undefined;
  if (person.givenName && name.givenName && !givenNamesCompatible(person.givenName, name.givenName)) return undefined;
  const initials = initialsGrade(name.initials, person.initials);
  if (initials === undefined) return undefined;
  return { person, initials, sameHonorific: sameHonorific(person.honorific, name.honorific) };
}

const titleWords = memoize((title: string): string => {
  const words = fold(title)
    .replace(/&/g, ' and ')
    .replace(/'s\b/g, 's')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word && word !== 'the');
  return [...new Set(words)].sort().join(' ');
});

/** Same job title, allowing the words to come in another order ("Law and Governance" / "Governance and Law"). */
export function sameJobTitle(a: string, b: string): boolean {
  const x = titleWords(a);
  return x !== '' && x === titleWords(b);
}

/** Roles that belong to one meeting, not to the person: never recorded as a job title. */
const MEETING_ROLE = /^(?:vice[-\s]?)?chair(?:man|woman|person)?$|^substitute\b|^(?:also\s+)?present$/i;

export function isMeetingRole(role: string): boolean {
  return MEETING_ROLE.test(role.trim());
}

/** Keeps only the candidates passing `test`, unless none would: a hint narrows but never empties. */
function narrow<T>(items: T[], test: (item: T) => boolean): T[] {
  const kept = items.filter(test);
  return kept.length > 0 ? kept : items;
}

function defaultId(name: PrintedName, kind: PersonKind, taken: (id: string) => boolean): string {
  const key = [kind, familyKey(name.familyName), name.initials.join(''), name.givenName ?? '', name.honorific ?? ''];
  let id = stableId('person', ...key);
  for (let n = 2; taken(id); n++) id = stableId('person', ...key, n);
  return id;
}

export class PersonRegistry {
  private readonly byId = new Map<string, Person>();
  private readonly byFamily = new Map<string, Person[]>();
  private readonly newId: NonNullable<PersonRegistryOptions['newId']>;

  /** `people`: records already known (e.g. loaded from the database); they are used as they are, not copied. */
  constructor(people: Iterable<Person> = [], options: PersonRegistryOptions = {}) {
    this.newId = options.newId ?? defaultId;
    for (const person of people) this.index(person);
  }

  private index(person: Person): void {
    if (this.byId.has(person.id)) throw new Error(`Duplicate person id ${person.id}`);
    this.byId.set(person.id, person);
    const key = familyKey(person.familyName);
    const list = this.byFamily.get(key) ?? [];
    list.push(person);
    this.byFamily.set(key, list);
  }

  get(id: string): Person | undefined {
    return this.byId.get(id);
  }

  all(): Person[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  /** People with this family name (folded as in resolution), of any kind. */
  withFamilyName(familyName: string): Person[] {
    return [...(this.byFamily.get(familyKey(familyName)) ?? [])];
  }

  resolve(name: PrintedName, context: ResolveContext = {}): Resolution {
    let fits = this.withFamilyName(name.familyName)
      .filter((person) => !context.kind || person.kind === context.kind)
      .map((person) => fit(person, name))
      .filter((item): item is Fit => item !== undefined);
    if (fits.length === 0) return { status: 'new' };

    const { preferIds, role } = context;
    if (preferIds && preferIds.size > 0) fits = narrow(fits, (item) => preferIds.has(item.person.id));
    if (role) fits = narrow(fits, (item) => titlesOf(item.person).some((title) => sameJobTitle(title, role)));
    const best = Math.max(...fits.map((item) => item.initials));
    fits = fits.filter((item) => item.initials === best);
    fits = narrow(fits, (item) => item.sameHonorific);

    if (fits.length === 1) return { status: 'matched', person: fits[0]!.person };
    return { status: 'ambiguous', candidates: fits.map((item) => item.person) };
  }

  /** Records a new person from a printed name, without looking for an existing one (use resolveOrAdd for that). */
  add(name: PrintedName, kind: PersonKind, jobTitle?: string): Person {
    const person: Person = {
      id: this.newId(name, kind, (id) => this.byId.has(id)),
      kind,
      ...(name.honorific ? { honorific: name.honorific } : {}),
      ...(name.givenName ? { givenName: name.givenName } : {}),
      initials: [...name.initials],
      familyName: name.familyName,
      postNominals: [...name.postNominals],
      jobTitles: [],
      aliases: [name.printed],
    };
    if (jobTitle) addJobTitle(person, jobTitle);
    this.index(person);
    return person;
  }

  /**
   * Enriches a person with what a printed form of their name adds, losing nothing: a specific honorific replaces a
   * missing or generic one, a given name fills a gap, a longer initial sequence that contains the known one replaces
   * it, post-nominals and the printed form are added. Conflicting details are kept as they were (the printed form
   * still goes into aliases, so nothing printed is lost).
   */
  merge(person: Person, name: PrintedName, jobTitle?: string): Person {
    if (name.honorific && isGenericHonorific(person.honorific)) person.honorific = name.honorific;
    if (name.givenName && !person.givenName) person.givenName = name.givenName;
    const known = person.initials.map((initial) => initial.toUpperCase());
    const printed = name.initials.map((initial) => initial.toUpperCase());
    if (printed.length > known.length && (known.length === 0 || subsequenceStart(known, printed) >= 0)) {
      person.initials = [...name.initials];
    }
    for (const postNominal of name.postNominals) {
      if (!person.postNominals.includes(postNominal)) person.postNominals.push(postNominal);
    }
    if (!person.aliases.includes(name.printed)) person.aliases.push(name.printed);
    if (jobTitle) addJobTitle(person, jobTitle);
    return person;
  }

  /**
   * Resolves a name and records what it says: a match is enriched, an unknown name becomes a new person of
   * `context.kind`, an ambiguous name is returned untouched for the caller to report. A role printed with the name
   * is kept as a job title unless it is a role at one meeting ("Chairman", "Vice-Chairman").
   */
  resolveOrAdd(name: PrintedName, context: ResolveContext & { kind: PersonKind }): ResolveOrAddResult {
    const jobTitle = context.role && !isMeetingRole(context.role) ? context.role.trim() : undefined;
    const resolution = this.resolve(name, context);
    switch (resolution.status) {
      case 'matched':
        return { status: 'matched', person: this.merge(resolution.person, name, jobTitle), created: false };
      case 'new':
        return { status: 'created', person: this.add(name, context.kind, jobTitle), created: true };
      case 'ambiguous':
        return resolution;
    }
  }
}

/** Records loaded from elsewhere may carry only jobTitle. */
function titlesOf(person: Person): string[] {
  return person.jobTitle ? [person.jobTitle, ...(person.jobTitles ?? [])] : (person.jobTitles ?? []);
}

function addJobTitle(person: Person, title: string): void {
  const trimmed = title.replace(/\s+/g, ' ').trim();
  if (!trimmed) return;
  person.jobTitle ??= trimmed;
  const titles: string[] = [];
  for (const candidate of [...titlesOf(person), trimmed]) {
    if (!titles.some((known) => sameJobTitle(known, candidate))) titles.push(candidate);
  }
  person.jobTitles = titles;
}
