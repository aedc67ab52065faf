/** Decisions a paper records (key and urgent decisions), with who made them. */
import { stableId } from '../../../domain/stable-id.ts';
import type { DecisionRecord } from '../../types.ts';
import { sourceOf } from '../context.ts';
import type { FileScope } from './scope.ts';

export function recordDecision(scope: FileScope, decision: DecisionRecord, bodyId: (printed: string) => string): void {
  const { ctx, batch, person } = scope;
  const makerId = decision.decisionMaker ? person(decision.decisionMaker, { kind: 'member', role: decision.decisionMakerRole }, decision.lineFrom) : undefined;
  const makerBodyId = decision.decisionMakerBody ? bodyId(decision.decisionMakerBody) : null;
  batch.add('decision', {
    id: stableId('decision', ctx.authorityName, decision.recordNumber ?? `${decision.date} ${decision.subject}`),
    authority_id: ctx.authorityId,
    decision_date: decision.date,
    decision_maker_person_id: makerId ?? null,
    decision_maker_role: decision.decisionMakerRole ?? null,
    decision_maker_body_id: makerBodyId,
    subject: decision.subject,
    text: decision.text,
    is_key: decision.key,
    is_urgent: decision.urgent,
    urgency_reason: decision.urgencyReason ?? null,
    record_number: decision.recordNumber ?? null,
    report_id: null,
    ...sourceOf(ctx, decision),
  });
}
