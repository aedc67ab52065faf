/**
 * The one contract every write operation goes through (the model: outline's commands). `writeOperation`
 *  1. refuses an actor without the role (democratic services pass every check; the command line and system jobs are
 *     trusted, as they run on the server),
 *  2. opens one transaction, so nothing is half-written,
 *  3. names the actor for the audit trigger (`quorum.actor`), so every row changed says who changed it,
 *  4. gives the work "today" from one London clock, injectable for tests,
 *  5. turns the database's refusals into conflicts: a unique key already taken, a lock or serialization failure, the
 *     approved-minutes lock trigger. A QuorumError thrown by the work leaves unchanged.
 *
 * A service is then its rule and its queries:
 *
 *   export async function widgetRenamer(props: { db: Kysely<Database>; actor: Actor; id: string; name: string }) {
 *     return writeOperation({ ...props, role: 'democratic-services' }, async ({ trx, today }) => { ... });
 *   }
 *
 * Bulk jobs that commit file by file (the paper importer, the export restorer, the OParl importer) open their own
 * transactions and name their actor with `setActor` in src/import and src/db; test/contract/write-operation-usage.test.ts
 * lists them.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { setActor } from '../db/actor.ts';
import type { Database } from '../db/schema.ts';
import { todayInLondon } from '../domain/dates.ts';
import { Conflict, Forbidden, QuorumError } from '../domain/errors.ts';
import { hasRole, type Role, type SessionUser } from '../domain/roles.ts';

export type Trx = Transaction<Database>;

/** A job the server runs by itself (the generator, a reminder run), named in the audit log by its job name. */
export interface SystemJob {
  job: string;
}

/** The actor of work nobody signed in does (a sign-in before it knows the account): the audit trigger's default name. */
export const SYSTEM: SystemJob = { job: 'system' };

/** Who makes a change: a signed-in account (the web), the command line, or a system job. */
export type Actor = SessionUser | 'cli' | SystemJob;

/** The name the audit log records for an actor: the account id, 'cli', or the job's name. */
export function auditName(actor: Actor): string {
  if (actor === 'cli') return 'cli';
  if ('job' in actor) return actor.job;
  return actor.id;
}

/** The signed-in account behind an actor, or undefined for the command line and system jobs. */
export function accountOf(actor: Actor): SessionUser | undefined {
  return actor === 'cli' || 'job' in actor ? undefined : actor;
}

/** The instant "now" comes from; tests pass a fixed one. */
export type Clock = () => Date;

export interface WriteOperationProps {
  db: Kysely<Database>;
  actor: Actor;
  /** Roles allowed (any one); omitted when any actor may make the change (checks on the record are the work's). */
  role?: Role | readonly Role[];
  /** What a refused account is told. */
  refusal?: string;
  clock?: Clock;
}

/** What the work is given. */
export interface WriteContext {
  trx: Trx;
  actor: Actor;
  /** Today's date in London ('YYYY-MM-DD'), from the operation's clock. */
  today: string;
  /** The operation's clock, for timestamps the work stores. */
  now: Date;
  /** Names another actor for the rest of the transaction: a sign-in learns whose account it is only inside it. */
  actAs(actor: Actor): Promise<void>;
}

const UNIQUE_VIOLATION = '23505';
/** serialization_failure, deadlock_detected, lock_not_available: another transaction holds what this one needs. */
const CONCURRENCY_FAILURES = new Set(['40001', '40P01', '55P03']);
/** The approved-minutes lock triggers' messages (migrations 0101 and 3001). */
const MINUTES_LOCK = /were approved as a correct record[\s\S]*locked|approval cannot be changed/;

/** Runs the work as the actor in one transaction, under the contract described at the top of this file. */
export async function writeOperation<T>(props: WriteOperationProps, work: (context: WriteContext) => Promise<T>): Promise<T> {
  assertRole(props.actor, props.role, props.refusal);
  const now = (props.clock ?? (() => new Date()))();
  try {
    return await props.db.transaction().execute(async (trx) => {
      await setActor(trx, auditName(props.actor));
      return work({ trx, actor: props.actor, today: todayInLondon(now), now, actAs: (actor) => setActor(trx, auditName(actor)) });
    });
  } catch (error) {
    throw asConflict(error);
  }
}

/** Refuses an account without one of the roles; the command line and system jobs pass. */
export function assertRole(actor: Actor, role: Role | readonly Role[] | undefined, refusal = 'You do not have permission to make this change'): void {
  if (role === undefined) return;
  const account = accountOf(actor);
  if (!account) return;
  const roles: Role[] = typeof role === 'string' ? [role] : [...role];
  if (!hasRole(account, ...roles)) throw Forbidden(refusal);
}

/** The database's refusals as conflicts; anything else unchanged. */
export function asConflict(error: unknown): unknown {
  if (error instanceof QuorumError || !(error instanceof Error)) return error;
  const { code, detail, constraint } = error as Error & { code?: string; detail?: string; constraint?: string };
  if (code === UNIQUE_VIOLATION) {
    return Conflict(`This would duplicate a record that already exists${detail ? `: ${detail}` : constraint ? ` (${constraint})` : ''}`, 'duplicate');
  }
  if (code && CONCURRENCY_FAILURES.has(code))
    return Conflict('Someone else was changing the same records at the same moment, so nothing was saved: try again', 'concurrent_change');
  if (MINUTES_LOCK.test(error.message)) return Conflict(error.message, 'minutes_locked');
  return error;
}

/** The version an edit form was read at: text from a form, a number from code. */
export const SeenVersionSchema = z.union([z.string().min(1), z.int()]);
export type SeenVersion = z.infer<typeof SeenVersionSchema>;

/** A save refused because the record changed after the form was read; currentVersion lets the form be shown again. */
export type StaleVersion = QuorumError & { currentVersion: number };

/**
 * The one optimistic-lock check. Every record edited in a form has an integer `version` that a trigger raises on
 * each update (migration 20261207_4701); the form carries the version it was read at. If the record has moved on,
 * someone else saved first and nothing is written. `what` names the record ("meeting"); `field`, when given, is the
 * form field the message belongs to. No version seen (a script, the command line) skips the check.
 */
export function expectVersion(current: { version: number }, seen: SeenVersion | undefined, what: string, field?: string): void {
  if (seen !== undefined && String(seen) !== String(current.version)) throw staleVersion(what, current.version, field);
}

export function staleVersion(what: string, currentVersion: number, field?: string): StaleVersion {
  const message = `Someone else changed this ${what} after you opened the page. Your changes have not been saved: check the ${what} as it is now, then make your changes again.`;
  const problems = field ? [{ field, message }] : undefined;
  return Object.assign(Conflict(field ? `${field}: ${message}` : message, 'conflict', problems), { currentVersion });
}

export function isStaleVersion(error: unknown): error is StaleVersion {
  return error instanceof QuorumError && error.id === 'conflict' && 'currentVersion' in error;
}
