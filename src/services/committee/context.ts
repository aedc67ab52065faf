/**
 * What every committee write shares: the democratic-services check, one transaction with the actor set for the
 * audit log, the minutes lock, and the errors officers see (field problems, conflicts, locked minutes).
 */
import type { Transaction } from 'kysely';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as store from '../../db/repositories/committee-admin.ts';
import type { Database } from '../../db/schema.ts';
import { hasRole, type SessionUser } from '../../domain/roles.ts';
import { formatShortDate } from '../../domain/dates.ts';
import { Conflict, Forbidden as Refused, QuorumError, ValidationError } from '../../domain/errors.ts';

export type Problems = Array<{ field: string; message: string }>;
export type Trx = Transaction<Database>;

/** Who is making the change: a signed-in account (the web) or the command line. */
export type Editor = SessionUser | 'cli';

export interface CommitteeWriteProps {
  database: DatabaseHandle;
  by: Editor;
}

export { Conflict };

export function MinutesLocked(message: string): QuorumError {
  return Conflict(message, 'minutes_locked');
}

export function Forbidden(message = 'Only democratic services officers can change committee records'): QuorumError {
  return Refused(message);
}

export function refuse(problems: Problems): void {
  if (problems.length) throw ValidationError(problems);
}

const LOCK_MESSAGE = /were approved as a correct record[\s\S]*locked|approval cannot be changed/;

/** One transaction, as the editor, with the database's lock trigger turned into the same message the services give. */
export async function asEditor<T>(props: CommitteeWriteProps, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (props.by !== 'cli' && !hasRole(props.by, 'democratic-services')) throw Forbidden();
  const actor = props.by === 'cli' ? 'cli' : props.by.id;
  try {
    return await props.database.db.transaction().execute(async (trx) => {
      await store.setActor(trx, actor);
      return work(trx);
    });
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (!(error instanceof QuorumError) && LOCK_MESSAGE.test(message)) throw MinutesLocked(message);
    throw error;
  }
}

/** Refuses any change to a meeting's minutes (and what hangs off them) once they are approved as a correct record. */
export async function assertMinutesOpen(trx: Trx, meetingId: string): Promise<void> {
  const workflow = await store.findWorkflow(trx, meetingId);
  if (!workflow?.minutes_approved_at) return;
  const approvedAt = workflow.minutes_approved_at_meeting_id ? await store.findMeeting(trx, workflow.minutes_approved_at_meeting_id) : undefined;
  throw MinutesLocked(
    `These minutes were approved as a correct record${approvedAt ? ` at the meeting of ${formatShortDate(approvedAt.date)}` : ''}, so they can no longer be changed. Record a correction instead.`,
  );
}

/** The version the editor saw must still be current; otherwise someone else saved first. */
export function staleVersion(what: string): QuorumError {
  return Conflict(`Someone else changed this ${what} while you were editing it. Your changes have not been saved: check the current version below, then make your changes again.`);
}
