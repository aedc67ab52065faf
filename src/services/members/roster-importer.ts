/**
 * membersImporter: loads the members' roster (issue 18 item 2) — names, political group, ward, term of office,
 * contact details and committee roles — from a CSV or XLSX file.
 *
 * Every line is checked and planned against the record first; the officer sees the plan (what changes, line by line)
 * or every problem with its line, field and message. Nothing is written unless every line is sound, and then all of
 * it in one transaction (the audit trigger records each change with the officer as actor).
 *
 * What the file means, from the day `from`:
 * - a line names one member (by the `id` from an export, or by name); an unknown name is a new member;
 * - `group` is the member's political group from that day: a different group ends the old membership on the day
 *   before (domain/members/spans.ts); blank means no group (independent, not in a group);
 * - `committees` are the member's committee roles from that day; a committee no longer listed ends the day before;
 * - a column the file leaves out is left alone; a blank cell in a column it has clears that field;
 * - members not in the file are left alone, so a file may hold a few lines.
 */
import { RosterLineSchema, committeeRole, parseCommittees, type CommitteeEntry, type RosterColumn, type RosterLine } from '../../domain/members/roster.ts';
import { assignFrom, covers, type Span, type SpanChange } from '../../domain/members/spans.ts';
import { formatName, parsePrintedName } from '../../domain/person-name.ts';
import { slugify, stableId } from '../../domain/stable-id.ts';
import { formatShortDate as formatDate } from '../../domain/dates.ts';
import { isIsoDate } from '../../domain/allowances/dates.ts';
import { ValidationError } from '../../domain/errors.ts';
import * as store from '../../db/repositories/members.ts';
import { insertGroupMembership } from '../../db/records/group-memberships.ts';
import { insertMembership, setMembershipEnd } from '../../db/records/memberships.ts';
import { insertGroup } from '../../db/records/political-groups.ts';
import { asEditor, type CommitteeWriteProps, type Trx } from '../committee/context.ts';
import type { LineProblem, RosterFileLine } from './roster-file.ts';
import type { NewRow } from '../../db/types.ts';
import { ensureAuthority } from '../../db/records/authorities.ts';

export interface MembersImporterProps extends CommitteeWriteProps {
  authorityName: string;
  lines: readonly RosterFileLine[];
  /** The day the file's groups and committee roles take effect. */
  from: string;
  /** false: plan and report only (the preview); true: write, if every line is sound. */
  commit: boolean;
}

export interface PlannedLine {
  line: number;
  name: string;
  personId: string;
  isNew: boolean;
  /** What the line changes, in words ("Joins Green Party on 1 March 2026"), empty when nothing. */
  changes: string[];
}

export interface MembersImport {
  problems: LineProblem[];
  lines: PlannedLine[];
  committed: boolean;
}

type State = store.RosterState;
type Op = (trx: Trx) => Promise<void>;

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** Initials from given names, as councils print them: "Jenny Anne" -> J A. */
function initialsOf(givenName: string | undefined): string[] {
  return (givenName ?? '')
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase());
}

function displayName(line: { honorific?: string | null; given_name?: string | null; family_name: string }): string {
  return formatName({
    honorific: line.honorific ?? undefined,
    givenName: line.given_name ?? undefined,
    initials: [],
    familyName: line.family_name,
    postNominals: [],
  });
}

/** The member a line means: by id if given, else by family name and given name (or its initial); ambiguity is a problem. */
function matchMember(state: State, line: RosterLine): { id: string } | { problem: LineProblem['message'] } | undefined {
  if (line.id) {
    const found = state.members.find((member) => member.id === line.id);
    return found ? { id: found.id } : { problem: `There is no member with the id ${line.id}: leave it blank for a new member` };
  }
  const family = state.members.filter((member) => same(member.family_name, line.family_name));
  const given = line.given_name;
  const candidates = given
    ? family.filter((member) => (member.given_name ? same(member.given_name, given) : member.initials[0]?.toUpperCase() === given[0]!.toUpperCase()))
    : family;
  if (candidates.length > 1) return { problem: `${candidates.length} members are called ${displayName(line)}: put the id from the export in the id column` };
  return candidates[0] ? { id: candidates[0].id } : undefined;
}

function newPersonId(state: State, line: RosterLine): string {
  const key = ['member', line.family_name.toLowerCase(), initialsOf(line.given_name).join(''), line.given_name ?? '', line.honorific ?? ''];
  let id = stableId('person', ...key);
  for (let n = 2; state.takenIds.has(id); n++) id = stableId('person', ...key, n);
  state.takenIds.add(id);
  return id;
}

export async function membersImporter(props: MembersImporterProps): Promise<MembersImport> {
  if (!isIsoDate(props.from)) throw ValidationError([{ field: 'from', message: 'Enter the day the roster takes effect as a real date, like 2026-05-07' }]);
  return asEditor(props, async (trx) => {
    const state = await store.loadRosterState(trx);
    const authorityId = await ensureAuthority(trx, stableId('authority', props.authorityName), props.authorityName);
    const outcome = planRoster(state, authorityId, props);
    if (props.commit && outcome.problems.length === 0) {
      for (const op of outcome.ops) await op(trx);
    }
    return { problems: outcome.problems, lines: outcome.lines, committed: props.commit && outcome.problems.length === 0 };
  });
}

function planRoster(state: State, authorityId: string, props: MembersImporterProps): { problems: LineProblem[]; lines: PlannedLine[]; ops: Op[] } {
  const problems: LineProblem[] = [];
  const lines: PlannedLine[] = [];
  const ops: Op[] = [];
  const from = props.from;
  const dayText = formatDate(from);
  const has = (column: RosterColumn) => props.lines.some((line) => column in line.cells);
  const seenPeople = new Map<string, number>();
  const chairs = new Map<string, number>();
  const newGroups = new Map<string, string>();
  const newWards = new Map<string, string>();

  for (const fileLine of props.lines) {
    const problem = (field: string, message: string) => problems.push({ line: fileLine.line, field, message });
    const parsed = RosterLineSchema.safeParse(fileLine.cells);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(String(issue.path[0] ?? 'line'), issue.message);
      continue;
    }
    const line = parsed.data;
    const committees = line.committees ? parseCommittees(line.committees) : { entries: [] as CommitteeEntry[] };
    if ('problem' in committees) problem('committees', committees.problem);

    const match = matchMember(state, line);
    if (match && 'problem' in match) {
      problem(line.id ? 'id' : 'family_name', match.problem);
      continue;
    }
    const existing = match ? state.members.find((member) => member.id === match.id) : undefined;
    const personId = existing?.id ?? newPersonId(state, line);
    const earlier = seenPeople.get(personId);
    if (earlier) {
      problem(line.id ? 'id' : 'family_name', `${displayName(line)} is already on line ${earlier}`);
      continue;
    }
    seenPeople.set(personId, fileLine.line);
    const changes: string[] = [];

    // Ward: by name; a new name is a new ward, said so in the preview.
    let wardId: string | null | undefined;
    if (has('ward')) {
      if (!line.ward) wardId = null;
      else {
        const known = state.wards.find((ward) => same(ward.name, line.ward));
        wardId = known?.id ?? newWards.get(line.ward.toLowerCase());
        if (!wardId) {
          const slug = slugify(line.ward);
          if (!slug) {
            problem('ward', 'Enter a ward name with letters or numbers');
            continue;
          }
          const id = stableId('ward', props.authorityName, line.ward);
          wardId = id;
          newWards.set(line.ward.toLowerCase(), id);
          const name = line.ward;
          changes.push(`New ward: ${name}`);
          ops.push((trx) => store.insertWard(trx, { id, authority_id: authorityId, name, slug }));
        }
      }
    }

    // The person's own fields.
    const fields: Partial<NewRow<'person'>> = {};
    if (has('honorific')) fields.honorific = line.honorific ?? null;
    if (has('given_name')) {
      fields.given_name = line.given_name ?? null;
      if (line.given_name) fields.initials = initialsOf(line.given_name);
    }
    fields.family_name = line.family_name;
    if (wardId !== undefined) fields.ward_id = wardId;
    if (has('term_start')) fields.term_start = line.term_start ?? null;
    if (has('term_end')) fields.term_end = line.term_end ?? null;
    if (has('email')) fields.email = line.email ?? null;
    if (has('phone')) fields.phone = line.phone ?? null;
    if (existing) {
      const changed = Object.fromEntries(
        Object.entries(fields).filter(([key, value]) => JSON.stringify(existing[key as keyof typeof existing] ?? null) !== JSON.stringify(value ?? null)),
      );
      const labels: Record<string, string> = {
        honorific: 'honorific',
        given_name: 'given name',
        initials: '',
        family_name: 'family name',
        ward_id: 'ward',
        term_start: 'start of term',
        term_end: 'end of term',
        email: 'email',
        phone: 'telephone',
      };
      const named = Object.keys(changed)
        .map((key) => labels[key])
        .filter(Boolean);
      if (named.length) {
        changes.push(`Changes ${named.join(', ')}`);
        ops.push((trx) => store.updatePerson(trx, personId, changed));
      }
    } else {
      const parsedName = parsePrintedName(displayName(line));
      changes.unshift('New member');
      ops.push((trx) =>
        store.insertPerson(trx, {
          id: personId,
          authority_id: authorityId,
          kind: 'member',
          honorific: line.honorific ?? null,
          given_name: line.given_name ?? null,
          initials: line.given_name ? initialsOf(line.given_name) : (parsedName?.initials ?? []),
          family_name: line.family_name,
          post_nominals: [],
          job_title: null,
          ...fields,
        }),
      );
    }

    // Political group: one at a time.
    if (has('group')) {
      let groupId: string | null = null;
      if (line.group) {
        const known = state.groups.find((group) => same(group.name, line.group) || (group.abbreviation && same(group.abbreviation, line.group)));
        groupId = known?.id ?? newGroups.get(line.group.toLowerCase()) ?? null;
        if (!groupId) {
          const id = stableId('group', props.authorityName, line.group);
          groupId = id;
          newGroups.set(line.group.toLowerCase(), id);
          const name = line.group;
          changes.push(`New political group: ${name}`);
          ops.push((trx) => insertGroup(trx, { id, authority_id: authorityId, name, abbreviation: null }));
        }
      }
      const spans: Array<Span<string>> = state.groupSpans
        .filter((row) => row.person_id === personId)
        .map((row) => ({ id: row.id, value: row.group_id, start: row.start_date, end: row.end_date }));
      const outcome = assignFrom(spans, groupId, from);
      if ('laterSpan' in outcome)
        problem(
          'group',
          `${displayName(line)} has a group membership from ${formatDate(outcome.laterSpan.start!)}, after ${dayText}: choose a later date, or end that membership in the back office`,
        );
      else {
        const groupName = (id: string) => state.groups.find((group) => group.id === id)?.name ?? line.group ?? id;
        for (const change of outcome.changes) {
          if (change.kind === 'insert') changes.push(`Joins ${groupName(change.value)} on ${dayText}`);
          else {
            const span = spans.find((candidate) => candidate.id === change.id)!;
            changes.push(
              `Leaves ${groupName(span.value)} ${change.kind === 'end' ? `on ${formatDate(change.end)}` : '(membership from the same day removed)'}`,
            );
          }
        }
        ops.push(
          ...spanOps('group_membership', outcome.changes, (change) => ({
            id: stableId('group-membership', personId, change.value, from),
            person_id: personId,
            group_id: change.value,
            role: null,
            start_date: from,
            end_date: null,
          })),
        );
      }
    }

    // Committees: one role on each committee at a time; committees not listed end the day before.
    if (has('committees') && !('problem' in committees)) {
      const entries = committees.entries;
      const bodyIds = new Set<string>();
      for (const entry of entries) {
        const body = state.bodies.find((candidate) => same(candidate.name, entry.committee) || candidate.slug === slugify(entry.committee));
        if (!body) {
          problem('committees', `There is no committee called ${entry.committee}: create it in the back office first, or correct the name`);
          continue;
        }
        bodyIds.add(body.id);
        if (entry.role === 'chair' || entry.role === 'vice-chair') {
          const key = `${body.id}|${entry.role}`;
          const other = chairs.get(key);
          if (other) problem('committees', `${body.name} has a ${entry.role} on line ${other} already`);
          else chairs.set(key, fileLine.line);
        }
      }
      for (const row of state.committeeSpans) if (row.person_id === personId) bodyIds.add(row.body_id);
      for (const bodyId of bodyIds) {
        const body = state.bodies.find((candidate) => candidate.id === bodyId)!;
        const entry = entries.find((candidate) => same(candidate.committee, body.name) || slugify(candidate.committee) === body.slug);
        const spans: Array<Span<string>> = state.committeeSpans
          .filter((row) => row.person_id === personId && row.body_id === bodyId)
          .map((row) => ({ id: row.id, value: committeeRole(row.role) ?? row.role, start: row.start_date, end: row.end_date }));
        const outcome = assignFrom(spans, entry?.role ?? null, from);
        if ('laterSpan' in outcome) {
          problem(
            'committees',
            `${displayName(line)} has a membership of ${body.name} from ${formatDate(outcome.laterSpan.start!)}, after ${dayText}: choose a later date`,
          );
          continue;
        }
        for (const change of outcome.changes) {
          if (change.kind === 'insert') changes.push(`${body.name}: ${change.value} from ${dayText}`);
          else if (!outcome.changes.some((other) => other.kind === 'insert'))
            changes.push(`Leaves ${body.name} ${change.kind === 'end' ? `on ${formatDate(change.end)}` : ''}`.trim());
        }
        ops.push(
          ...spanOps('membership', outcome.changes, (change) => ({
            id: stableId('membership', personId, bodyId, change.value, from),
            person_id: personId,
            body_id: bodyId,
            role: change.value,
            start_date: from,
            end_date: null,
          })),
        );
      }
    }
    lines.push({ line: fileLine.line, name: displayName(line), personId, isNew: !existing, changes });
  }
  // The chair or vice-chair of a committee in the file must not also stay with another member who is not in it.
  for (const [key, line] of chairs) {
    const [bodyId, role] = key.split('|') as [string, string];
    const holder = state.committeeSpans.find(
      (row) =>
        row.body_id === bodyId &&
        committeeRole(row.role) === role &&
        covers({ start: row.start_date, end: row.end_date }, from) &&
        !seenPeople.has(row.person_id),
    );
    if (holder) {
      const name = state.members.find((member) => member.id === holder.person_id);
      const body = state.bodies.find((candidate) => candidate.id === bodyId)!;
      problems.push({
        line,
        field: 'committees',
        message: `${name ? displayName(name) : 'Another member'} is ${role} of ${body.name} on ${dayText}: add them to the file with their new role`,
      });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { problems, lines, ops };
}

function spanOps<R>(table: 'membership' | 'group_membership', changes: ReadonlyArray<SpanChange<string>>, row: (change: { value: string }) => R): Op[] {
  return changes.map((change): Op => {
    if (change.kind === 'end') return (trx) => setMembershipEnd(trx, table, change.id, change.end);
    if (change.kind === 'delete') return (trx) => store.deleteMembershipRow(trx, table, change.id);
    return table === 'membership'
      ? (trx) => insertMembership(trx, row(change) as NewRow<'membership'>)
      : (trx) => insertGroupMembership(trx, row(change) as NewRow<'group_membership'>);
  });
}
