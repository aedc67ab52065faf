/**
 * Kysely over the embedded database's worker (src/db/pglite-remote.ts). PGlite runs one statement at a time, so there
 * is one connection, taken in turn (as kysely-pglite-dialect does). The queue for it is bounded for requests: past
 * limits.maxWaiting waiting queries a request's query is refused at once (503, Retry-After) rather than joining a
 * queue nobody will live to see the end of; a waiting query whose client went away leaves the queue; a statement of a
 * request runs at most its context's statementTimeoutMs. Commands (no request) are never refused or timed.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { PgliteRemote } from './pglite-remote.ts';
import { ClientGoneError, currentQueryContext, type QueryLimits, statementTimedOut, WaitingRequests } from './query-context.ts';

class RemoteConnection implements DatabaseConnection {
  /** Inside a transaction a query is never dropped: its commit or rollback must reach the database. */
  inTransaction = false;

  constructor(
    private readonly remote: PgliteRemote,
    private readonly limits: QueryLimits,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const context = currentQueryContext();
    if (context?.signal.aborted && !this.inTransaction) throw new ClientGoneError();
    const timeout = context?.statementTimeoutMs;
    const answer = await this.remote.query(compiledQuery.sql, [...compiledQuery.parameters], timeout, () => statementTimedOut(this.limits, timeout ?? 0));
    return { rows: answer.rows as R[], ...(answer.affectedRows ? { numAffectedRows: BigInt(answer.affectedRows) } : {}) };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    const result = await this.executeQuery<R>(compiledQuery);
    for (let index = 0; index < result.rows.length; index += chunkSize) yield { rows: result.rows.slice(index, index + chunkSize) };
  }
}

interface Waiter {
  resolve(connection: DatabaseConnection): void;
  reject(error: Error): void;
  leave(): void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export class QueueingDriver implements Driver {
  private readonly connection: RemoteConnection;
  private busy = false;
  private readonly waiting: Waiter[] = [];
  private readonly requests: WaitingRequests;

  constructor(
    private readonly remote: PgliteRemote,
    limits: QueryLimits,
  ) {
    this.connection = new RemoteConnection(remote, limits);
    this.requests = new WaitingRequests(limits);
  }

  async init(): Promise<void> {}

  /** How many queries wait for the connection (for tests and diagnostics). */
  get queued(): number {
    return this.waiting.length;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.busy) {
      this.busy = true;
      return this.connection;
    }
    const context = currentQueryContext();
    const leave = this.requests.enter(context);
    return new Promise<DatabaseConnection>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, leave };
      if (context) {
        waiter.signal = context.signal;
        waiter.onAbort = () => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          leave();
          reject(new ClientGoneError());
        };
        context.signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiting.push(waiter);
    });
  }

  async releaseConnection(): Promise<void> {
    const next = this.waiting.shift();
    if (!next) {
      this.busy = false;
      return;
    }
    if (next.onAbort) next.signal?.removeEventListener('abort', next.onAbort);
    next.leave();
    next.resolve(this.connection);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(settings.isolationLevel ? `start transaction isolation level ${settings.isolationLevel}` : 'begin'));
    this.connection.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('commit'));
    } finally {
      this.connection.inTransaction = false;
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } finally {
      this.connection.inTransaction = false;
    }
  }

  async destroy(): Promise<void> {
    await this.remote.close();
  }
}

export class PgliteRemoteDialect implements Dialect {
  constructor(
    private readonly remote: PgliteRemote,
    private readonly limits: QueryLimits,
  ) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new QueueingDriver(this.remote, this.limits);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
