/**
 * claimDecider: a democratic services officer approves or rejects a submitted claim. A claim is decided once; the
 * audit log keeps who decided, when, and the claim as it was.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from '../../db/repositories/allowances.ts';
import { assertRole, writeOperation } from '../write-operation.ts';
import type { SessionUser } from '../../domain/roles.ts';
import { AllowanceForbidden, AllowanceNotFound, AllowanceRuleError } from './errors.ts';

export interface ClaimDeciderProps {
  db: Kysely<Database>;
  actor: SessionUser;
  claimId: string;
  decision: 'approve' | 'reject';
  /** Required when rejecting: the member is told why. */
  note?: string;
  decidedOn: string;
}

export async function claimDecider(props: ClaimDeciderProps): Promise<void> {
  assertRole(props.actor, 'democratic-services', 'Only democratic services officers approve claims');
  const note = props.note?.trim() || null;
  if (props.decision === 'reject' && !note) throw AllowanceRuleError([{ field: 'note', rule: 'Say why the claim is rejected' }]);
  await writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    const claim = await repo.findClaim(trx, props.claimId);
    if (!claim) throw AllowanceNotFound('No such claim');
    if (claim.person_id === props.actor.personId) throw AllowanceForbidden('You cannot decide your own claim');
    const updated = await repo.decideClaim(trx, props.claimId, {
      status: props.decision === 'approve' ? 'approved' : 'rejected',
      decided_by: props.actor.id,
      decided_on: props.decidedOn,
      decision_note: note,
    });
    if (updated === 0) throw AllowanceRuleError([{ field: 'decision', rule: `This claim was already ${claim.status}` }]);
  });
}
