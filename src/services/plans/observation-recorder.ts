/**
 * observationRecorder: records one figure of an indicator (the back office form). Validates, then writes in one
 * transaction marked with the actor for the audit log. A figure for a period already reported on the same day
 * replaces it (a correction); the audit log keeps the old value.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as plans from '../../db/repositories/plans.ts';
import { stableId } from '../../domain/stable-id.ts';
import { type Actor, writeOperation } from '../write-operation.ts';
import { PlanInputError, problemsFromIssues } from './input-error.ts';
import { ObservationInputSchema } from './observation-schema.ts';

export interface ObservationRecorderProps {
  db: Kysely<Database>;
  /** Indicator id or slug. */
  indicator: string;
  /** Raw form fields: period, value, asAt, commentary. */
  input: Record<string, unknown>;
  actor: Actor;
}

export async function observationRecorder(props: ObservationRecorderProps): Promise<{ id: string }> {
  const indicator = await plans.findIndicator(props.db, props.indicator);
  if (!indicator) throw PlanInputError([{ field: 'indicator', message: 'no such indicator' }]);
  const parsed = ObservationInputSchema.safeParse(props.input);
  if (!parsed.success) {
    throw PlanInputError(problemsFromIssues(parsed.error.issues));
  }
  const { period, value, asAt, commentary } = parsed.data;
  const id = stableId('observation', indicator.id, period, asAt);
  await writeOperation({ db: props.db, actor: props.actor, role: 'officer', refusal: 'Only officers can change plans and indicators' }, async ({ trx }) => {
    await plans.upsertObservations(trx, [
      {
        id,
        indicator_id: indicator.id,
        period,
        value,
        as_at: asAt,
        commentary: commentary ?? null,
        printed_label: null,
        source_document_id: null,
        source_line_from: null,
        source_line_to: null,
      },
    ]);
  });
  return { id };
}
