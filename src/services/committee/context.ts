/**
 * What every committee write shares: the democratic-services role, the write-operation contract (one transaction,
 * the actor for the audit log, the minutes lock as a conflict), and the minutes lock checked before writing.
 */
import type { DatabaseHandle } from '../../db/engine.ts';
import { type EditableTable, lockVersion } from '../../db/records/guards.ts';
import { findWorkflow } from '../../db/records/meeting-workflow.ts';
import { formatShortDate } from '../../domain/dates.ts';
import { Conflict, type QuorumError, ValidationError } from '../../domain/errors.ts';
import { type Actor, type Clock, expectVersion, type SeenVersion, type Trx, writeOperation } from '../write-operation.ts';
import { findMeetingForEdit } from '../../db/records/meetings.ts';

export type Problems = Array<{ field: string; message: string }>;
export type { Trx };

export interface CommitteeWriteProps {
  database: DatabaseHandle;
  /** Who makes the change: a democratic services officer, the command line or a system job. */
  actor: Actor;
  clock?: Clock;
}

export { Conflict };

export function MinutesLocked(message: string): QuorumError {
  return Conflict(message, 'minutes_locked');
}

export function refuse(problems: Problems): void {
  if (problems.length) throw ValidationError(problems);
}

/** A committee write: democratic services only, under the write-operation contract. */
export async function asEditor<T>(props: CommitteeWriteProps, work: (trx: Trx, today: string) => Promise<T>): Promise<T> {
  return writeOperation(
    {
      db: props.database.db,
      actor: props.actor,
      role: 'democratic-services',
      refusal: 'Only democratic services officers can change committee records',
      clock: props.clock,
    },
    ({ trx, today }) => work(trx, today),
  );
}

/** Refuses any change to a meeting's minutes (and what hangs off them) once they are approved as a correct record. */
export async function assertMinutesOpen(trx: Trx, meetingId: string): Promise<void> {
  const workflow = await findWorkflow(trx, meetingId);
  if (!workflow?.minutes_approved_at) return;
  const approvedAt = workflow.minutes_approved_at_meeting_id ? await findMeetingForEdit(trx, workflow.minutes_approved_at_meeting_id) : undefined;
  throw MinutesLocked(
    `These minutes were approved as a correct record${approvedAt ? ` at the meeting of ${formatShortDate(approvedAt.date)}` : ''}, so they can no longer be changed. Record a correction instead.`,
  );
}

/** Locks the record and checks the editor's form was read at its current version (write-operation.ts expectVersion). */
export async function expectCurrent(trx: Trx, table: EditableTable, id: string, seen: SeenVersion, what: string): Promise<void> {
  const current = await lockVersion(trx, table, id);
  if (current) expectVersion(current, seen, what);
}
