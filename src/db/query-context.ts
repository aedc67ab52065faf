/**
 * What the database layer knows of the request a query is made for: whether its client is still there, and how long
 * one statement may take. The web sets it once per request (src/server/app.ts); commands (migrations, imports,
 * backups) run outside any request and so without a time limit. AsyncLocalStorage carries it through every await,
 * so nothing between the route and the engine passes it on.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { BusyError, QuorumError } from '../domain/errors.ts';

export interface QueryContext {
  /** Aborted when the client went away: its queries not yet started are dropped. */
  signal: AbortSignal;
  /** A statement running longer is cancelled (PostgreSQL's statement_timeout; the embedded engine's worker is restarted). */
  statementTimeoutMs: number;
}

const storage = new AsyncLocalStorage<QueryContext>();

/** Runs fn, and everything it awaits, as work for one request. */
export function runForRequest<T>(context: QueryContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentQueryContext(): QueryContext | undefined {
  return storage.getStore();
}

/** The limits of the database layer, one set per handle (OpenOptions.limits). */
export interface QueryLimits {
  /** Queries waiting for the database beyond this many are refused at once (503 with Retry-After). */
  maxWaiting: number;
  /** The Retry-After given with that refusal, seconds. */
  retryAfterSeconds: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxWaiting: 64, retryAfterSeconds: 5 };

/** Statements of a request run at most this long by default (the web's setting, src/server/app.ts). */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

export function queueFull(limits: QueryLimits): BusyError {
  return new BusyError('overloaded', 'Quorum is busy just now: please try again in a few seconds', limits.retryAfterSeconds);
}

export function statementTimedOut(limits: QueryLimits, milliseconds: number): BusyError {
  return new BusyError('statement_timeout', `The database took longer than ${milliseconds} ms to answer; please try again later`, limits.retryAfterSeconds);
}

/** Thrown for a query of a request whose client has gone: nobody will read the answer (nor this 503). */
export class ClientGoneError extends QuorumError {
  constructor() {
    super('unavailable', 'client_gone', 'The client went away before its query ran');
    this.name = 'ClientGoneError';
  }
}
