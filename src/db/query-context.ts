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
  /**
   * With this many requests already waiting for the database, another request's query is refused at once (503 with
   * Retry-After). Requests, not queries: a page runs several queries side by side, and a request already waiting
   * is let finish (refusing its second query would waste the first's wait).
   */
  maxWaiting: number;
  /** The Retry-After given with that refusal, seconds. */
  retryAfterSeconds: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxWaiting: 128, retryAfterSeconds: 5 };

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

/** The requests with a query waiting for the database, counted once each however many queries they have waiting. */
export class WaitingRequests {
  private readonly queries = new Map<QueryContext, number>();

  constructor(private readonly limits: QueryLimits) {}

  /**
   * Counts a query of the current request (if any) as waiting, or throws: the client has gone (ClientGoneError), or
   * the queue is full (BusyError). Returns what to call when it stops waiting.
   */
  enter(context: QueryContext | undefined): () => void {
    if (!context) return () => {};
    if (context.signal.aborted) throw new ClientGoneError();
    const mine = this.queries.get(context) ?? 0;
    if (mine === 0 && this.queries.size >= this.limits.maxWaiting) throw queueFull(this.limits);
    this.queries.set(context, mine + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const count = (this.queries.get(context) ?? 1) - 1;
      if (count > 0) this.queries.set(context, count);
      else this.queries.delete(context);
    };
  }
}
