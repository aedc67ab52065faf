/**
 * What every capability's persistence step is given and gives back: one signature for all of them,
 * `persistX(ctx: PersistContext, records): Promise<CapabilityOutcome>`, run in the importer's transaction (one per
 * file), so a capability's rows resolve against the same people and bodies as the committee records.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ImportIssue, SourceSpan } from '../types.ts';
import type { PeopleDirectory } from './people.ts';

export interface PersistContext {
  trx: Transaction<Database>;
  authorityId: string;
  authorityName: string;
  sourceId: string;
  people: PeopleDirectory;
  /** Body ids by canonical name; kept for the whole import run and added to here. */
  bodies: Map<string, string>;
  /** Who imports, for records that name who made a change (the scrutiny status history); 'import' when unsaid. */
  actor?: string;
  /** Months to a scrutiny response deadline (Config.scrutinyResponseMonths); the statute's default when unsaid. */
  scrutinyResponseMonths?: number;
}

/** Rows a step added, by what callers call them ("meetings", "scrutinyItems"). */
export type Counts = Record<string, number>;

/** What a persistence step reports: the rows it added and what it could not do (the importer stores the issues). */
export interface CapabilityOutcome {
  created: Counts;
  issues: ImportIssue[];
}

/** Adds to a count, leaving out nothing-added so outcomes list only what a paper gave. */
export function addCount(counts: Counts, name: string, n: number): void {
  if (n > 0) counts[name] = (counts[name] ?? 0) + n;
}

/** The source columns every imported record carries: the file and the lines it came from. */
export function sourceOf(ctx: Pick<PersistContext, 'sourceId'>, span: SourceSpan) {
  return { source_document_id: ctx.sourceId, source_line_from: span.lineFrom, source_line_to: span.lineTo };
}
