/**
 * The state one file's committee records are built in: the batch of rows, what is known, the issues, and how names
 * become people and bodies. Each step of the committee import takes it and adds to it.
 */
import type { NewRow } from '../../../db/types.ts';
import * as store from '../../../db/repositories/paper-store.ts';
import { canonicalBodyName } from '../../../domain/body-name.ts';
import { printedNameKey } from '../../../domain/import-review/corrections.ts';
import { splitRoleAndParty } from '../../../domain/political-party.ts';
import { slugify, stableId } from '../../../domain/stable-id.ts';
import type { ImportIssue, PaperExtract, PrintedName } from '../../types.ts';
import type { PersistContext } from '../context.ts';
import type { PersonContext } from '../people.ts';
import type { CommitteeBatch } from './batch.ts';
import type { Known } from './known.ts';

export type ResolvePerson = (name: PrintedName, context: PersonContext, line: number) => string | undefined;

/** Political groups by name, with their members: on record, or added by this file. */
export type Groups = Map<string, { id: string; memberIds: Set<string> }>;

export interface FileScope {
  ctx: PersistContext;
  batch: CommitteeBatch;
  known: Known;
  issues: ImportIssue[];
  person: ResolvePerson;
  /** New minutes approving an earlier meeting, with their meeting's body, linked once every meeting is known. */
  approvals: Array<{ row: NewRow<'minute'>; bodyId: string }>;
  groups: Groups;
}

/** A printed name to a person; an ambiguous one is reported, never guessed. */
export function personResolver(ctx: PersistContext, issues: ImportIssue[]): ResolvePerson {
  return (name, context, line) => {
    const outcome = ctx.people.resolve(name, context);
    if (outcome.status === 'ambiguous') {
      issues.push({
        severity: 'warning',
        line,
        message: `"${name.printed}" could mean ${outcome.candidates.join(' or ')}; not linked. Check the paper and link it by hand.`,
      });
      return undefined;
    }
    return outcome.personId;
  };
}

/** An officer's name link for the printed name, when there is one; otherwise the usual resolution. */
export function linkedFirst(resolve: ResolvePerson, links: Map<string, string>): ResolvePerson {
  return (name, context, line) => links.get(printedNameKey(name.printed)) ?? resolve(name, context, line);
}

/** A printed body name to its id; a body new to the authority is added to the batch. */
export function bodyResolver(ctx: PersistContext, batch: CommitteeBatch): (printed: string) => string {
  return (printed) => {
    const canonical = canonicalBodyName(printed, ctx.authorityName);
    const found = ctx.bodies.get(canonical.name);
    if (found) return found;
    const id = stableId('body', ctx.authorityName, canonical.name);
    batch.add('body', { id, authority_id: ctx.authorityId, name: canonical.name, slug: slugify(canonical.name), kind: canonical.kind });
    ctx.bodies.set(canonical.name, id);
    return id;
  };
}

/** Political groups printed beside members' names: loaded only when the paper prints any. */
export async function loadGroups(ctx: PersistContext, extract: PaperExtract): Promise<Groups> {
  const groups: Groups = new Map();
  const printsGroups = extract.meetings.some((meeting) => meeting.attendance.some((record) => record.role && splitRoleAndParty(record.role).party));
  if (!printsGroups) return groups;
  for (const group of await store.loadPoliticalGroups(ctx.trx, ctx.authorityId)) groups.set(group.name, { id: group.id, memberIds: new Set(group.memberIds) });
  return groups;
}
