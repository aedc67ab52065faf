/**
 * Corrects what is recorded of a recommendation: its words, addressee, response deadline and the tracking notes.
 * Status has its own operation (statusChanger) because the state machine and the history govern it.
 */
import { formatShortDate } from '../../domain/dates.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as store from '../../db/repositories/scrutiny.ts';
import { NotFound, ValidationError } from '../../domain/errors.ts';
import { type Actor, expectVersion, type SeenVersion, writeOperation } from '../write-operation.ts';

export interface RecommendationEditorProps {
  database: DatabaseHandle;
  actor: Actor;
  recommendationId: string;
  text: string;
  addressee?: string;
  dueDate: string;
  notes?: string;
  /** The version the form was read at; a stale one is refused with a conflict and nothing is written. */
  expectedVersion?: SeenVersion;
}

export async function recommendationEditor(props: RecommendationEditorProps): Promise<void> {
  await writeOperation(
    { db: props.database.db, actor: props.actor, role: 'scrutiny-officer', refusal: 'Only scrutiny officers can change scrutiny records' },
    async ({ trx }) => {
      const recommendation = await store.findRecommendation(trx, props.recommendationId, { forUpdate: true });
      if (!recommendation) throw NotFound('Recommendation not found');
      expectVersion(recommendation, props.expectedVersion, 'recommendation', 'text');
      const problems: Array<{ field: string; message: string }> = [];
      if (!props.text.trim()) problems.push({ field: 'text', message: 'Enter the recommendation' });
      if (props.dueDate < recommendation.meeting_date) {
        problems.push({
          field: 'dueDate',
          message: `The response deadline must be on or after the meeting on ${formatShortDate(recommendation.meeting_date)}`,
        });
      }
      if (problems.length) throw ValidationError(problems);
      await store.updateRecommendation(trx, recommendation.id, {
        text: props.text.trim(),
        addressee: props.addressee?.trim() || null,
        due_date: props.dueDate,
        tracking_notes: props.notes?.trim() || null,
      });
    },
  );
}
