/**
 * progressUpdater: adds a progress update to an action (date, RAG, narrative, author), optionally saying a measure
 * is completed. Updates are never edited or removed: they are the history that lets the plan be read as at any day.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import * as plans from '../../db/repositories/plans.ts';
import { randomUUID } from 'node:crypto';
import { type Actor, writeOperation } from '../write-operation.ts';
import { PlanInputError, problemsFromIssues } from './input-error.ts';

export const ProgressUpdateSchema = z.object({
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'must be a real date'),
  rag: z.enum(['red', 'amber', 'green'], { message: 'choose red, amber or green' }),
  narrative: z.string().trim().min(1, 'enter what has happened').max(5000, 'must be 5000 characters or fewer'),
  measureId: z
    .string()
    .trim()
    .optional()
    .transform((text) => (text ? text : undefined)),
  // A checkbox: present ("yes") when ticked, absent otherwise.
  measureCompleted: z
    .enum(['yes', 'on', 'true', ''], { message: 'tick the box or leave it' })
    .optional()
    .transform((value) => value === 'yes' || value === 'on' || value === 'true'),
});
export type ProgressUpdateInput = z.infer<typeof ProgressUpdateSchema>;

export interface ProgressUpdaterProps {
  db: Kysely<Database>;
  actionId: string;
  input: Record<string, unknown>;
  author: { name: string; personId: string | null };
  actor: Actor;
}

export async function progressUpdater(props: ProgressUpdaterProps): Promise<{ id: string }> {
  const action = await plans.findAction(props.db, props.actionId);
  if (!action) throw PlanInputError([{ field: 'action', message: 'no such action' }]);
  const parsed = ProgressUpdateSchema.safeParse(props.input);
  if (!parsed.success) throw PlanInputError(problemsFromIssues(parsed.error.issues));
  const input = parsed.data;
  if (input.measureId && !(await plans.measureBelongsToAction(props.db, input.measureId, action.id))) {
    throw PlanInputError([{ field: 'measureId', message: `is not a measure of action ${action.ref}` }]);
  }
  if (input.measureCompleted && !input.measureId) throw PlanInputError([{ field: 'measureId', message: 'choose the measure that is completed' }]);
  // Two updates may say the same thing on the same day; each is its own record.
  const id = `progress-${randomUUID()}`;
  await writeOperation({ db: props.db, actor: props.actor, role: 'officer', refusal: 'Only officers can change plans and indicators' }, async ({ trx }) => {
    await plans.insertProgressUpdate(trx, {
      id,
      action_id: action.id,
      measure_id: input.measureId ?? null,
      update_date: input.date,
      rag: input.rag,
      narrative: input.narrative,
      measure_completed: input.measureCompleted,
      author_name: props.author.name,
      author_person_id: props.author.personId,
    });
  });
  return { id };
}
