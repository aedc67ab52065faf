/**
 * The state one paper's scrutiny records are gathered in: rows are gathered here and written at the end, one statement
 * per table, parents first (a paper's recommendations went in one statement each, with their history, owners and
 * responses, and statements were most of the cost).
 */
import * as paperStore from '../../../db/repositories/paper-store.ts';
import type { NewRow } from '../../../db/types.ts';
import { canonicalBodyName } from '../../../domain/body-name.ts';
import { parsePrintedName } from '../../../domain/person-name.ts';
import type { ScrutinyStatus } from '../../../domain/scrutiny/status.ts';
import { slugify, stableId } from '../../../domain/stable-id.ts';
import type { ImportIssue } from '../../types.ts';
import { addCount, type Counts, type PersistContext } from '../context.ts';

export interface Pending {
  meetings: Array<NewRow<'meeting'>>;
  items: Map<string, NewRow<'scrutiny_item'>>;
  recommendations: Map<string, NewRow<'scrutiny_recommendation'>>;
  statusChanges: Array<NewRow<'scrutiny_status_change'>>;
  owners: Array<NewRow<'scrutiny_action_owner'>>;
  responses: Array<NewRow<'scrutiny_response'>>;
  sheets: Array<NewRow<'scrutiny_tracking_sheet'>>;
  trackingRows: Array<NewRow<'scrutiny_tracking_row'>>;
  /** Recommendations on record whose status a tracking sheet moves on. */
  statusUpdates: Map<string, ScrutinyStatus>;
}

export interface ScrutinyScope {
  ctx: PersistContext;
  /** Months to the response deadline. */
  months: number;
  /** For the status history: who imported it. */
  actor: string;
  created: Counts;
  issues: ImportIssue[];
  pending: Pending;
}

export function addItem(scope: ScrutinyScope, row: NewRow<'scrutiny_item'>): void {
  if (!scope.pending.items.has(row.id)) scope.pending.items.set(row.id, row);
}

export function recordHistory(scope: ScrutinyScope, recommendationId: string, from: ScrutinyStatus | null, to: ScrutinyStatus, date: string, reason: string) {
  scope.pending.statusChanges.push({ recommendation_id: recommendationId, from_status: from, to_status: to, effective_date: date, reason, actor: scope.actor });
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

/** A printed committee name to its body; a body new to the authority is written now (meetings refer to it). */
export async function resolveBody(scope: ScrutinyScope, printed: string): Promise<string> {
  const { ctx } = scope;
  const canonical = canonicalBodyName(printed.replace(/[’‘]/g, "'"), ctx.authorityName);
  const known = ctx.bodies.get(canonical.name);
  if (known) return known;
  const id = stableId('body', ctx.authorityName, canonical.name);
  addCount(
    scope.created,
    'bodies',
    await paperStore.insertNew(ctx.trx, 'body', [
      { id, authority_id: ctx.authorityId, name: canonical.name, slug: slugify(canonical.name), kind: canonical.kind },
    ]),
  );
  ctx.bodies.set(canonical.name, id);
  return id;
}
