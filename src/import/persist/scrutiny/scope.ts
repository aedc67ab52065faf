/**
 * The state one paper's scrutiny records are gathered in: rows are gathered in a write batch and written at the end,
 * every table in one statement, parents first (a paper's recommendations went in one statement each, with their
 * history, owners and responses, and statements were most of the cost).
 */
import type { NewRow } from '../../../db/types.ts';
import { canonicalBodyName } from '../../../domain/body-name.ts';
import { parsePrintedName } from '../../../domain/person-name.ts';
import type { ScrutinyStatus } from '../../../domain/scrutiny/status.ts';
import { slugify, stableId } from '../../../domain/stable-id.ts';
import type { ImportIssue } from '../../types.ts';
import type { PersistContext } from '../context.ts';
import { WriteBatch } from '../write-batch.ts';

/** The scrutiny tables, parents first (a new body's meetings, a meeting's items, an item's recommendations...). */
const TABLES = [
  { table: 'body', count: 'bodies' },
  { table: 'meeting', count: 'meetings' },
  { table: 'scrutiny_item', count: 'scrutinyItems' },
  { table: 'scrutiny_recommendation', count: 'scrutinyRecommendations' },
  { table: 'scrutiny_status_change' },
  { table: 'scrutiny_action_owner', count: 'scrutinyOwners' },
  { table: 'scrutiny_response', count: 'scrutinyResponses' },
  { table: 'scrutiny_tracking_sheet', count: 'scrutinyTrackingSheets' },
  { table: 'scrutiny_tracking_row', count: 'scrutinyTrackingRows' },
] as const;

export type ScrutinyBatch = WriteBatch<(typeof TABLES)[number]['table']>;

export const scrutinyBatch = (): ScrutinyBatch => new WriteBatch(TABLES);

export interface ScrutinyScope {
  ctx: PersistContext;
  /** Months to the response deadline. */
  months: number;
  /** For the status history: who imported it. */
  actor: string;
  issues: ImportIssue[];
  batch: ScrutinyBatch;
  /** Recommendations on record whose status a tracking sheet moves on. */
  statusUpdates: Map<string, ScrutinyStatus>;
}

export function addItem(scope: ScrutinyScope, row: NewRow<'scrutiny_item'>): void {
  scope.batch.add('scrutiny_item', row);
}

export function recordHistory(scope: ScrutinyScope, recommendationId: string, from: ScrutinyStatus | null, to: ScrutinyStatus, date: string, reason: string) {
  scope.batch.append('scrutiny_status_change', {
    recommendation_id: recommendationId,
    from_status: from,
    to_status: to,
    effective_date: date,
    reason,
    actor: scope.actor,
  });
}

export const where = (lineFrom: number, lineTo: number) => `lines ${lineFrom}-${lineTo}`;

export const recommendationId = (itemId: string, number: number) => stableId('scrutiny-recommendation', itemId, number);

/** A printed name to a person; one that is not a name, or could mean several people, is reported and not linked. */
export function resolvePerson(scope: ScrutinyScope, printed: string, kind: 'member' | 'officer', line: number, role?: string): string | undefined {
  const name = parsePrintedName(printed);
  if (!name) {
    scope.issues.push({ severity: 'warning', line, message: `"${printed}" is not a name; not linked to a person` });
    return undefined;
  }
  const outcome = scope.ctx.people.resolve(name, { kind, ...(role ? { role } : {}) });
  if (outcome.status === 'ambiguous') {
    scope.issues.push({
      severity: 'warning',
      line,
      message: `"${printed}" could mean ${outcome.candidates.join(' or ')}; not linked. Check the paper and link it by hand.`,
    });
    return undefined;
  }
  return outcome.personId;
}

/** A printed committee name to its body; a body new to the authority is added to the batch (meetings refer to it). */
export function resolveBody(scope: ScrutinyScope, printed: string): string {
  const { ctx } = scope;
  const canonical = canonicalBodyName(printed.replace(/[’‘]/g, "'"), ctx.authorityName);
  const known = ctx.bodies.get(canonical.name);
  if (known) return known;
  const id = stableId('body', ctx.authorityName, canonical.name);
  scope.batch.add('body', { id, authority_id: ctx.authorityId, name: canonical.name, slug: slugify(canonical.name), kind: canonical.kind });
  ctx.bodies.set(canonical.name, id);
  return id;
}
