/**
 * The same limits for a PostgreSQL server as the embedded engine's queue gives (src/db/pglite-dialect.ts), around the
 * pg pool Kysely takes connections from: a request's query is refused at once (503, Retry-After) when
 * limits.maxWaiting queries already wait for a connection, is dropped when its client has gone, and runs under the
 * server's own statement_timeout, set on the connection only when it differs from what the connection has (so a
 * server process, whose queries are nearly all requests', pays one SET per connection, not one per query).
 * Commands run outside any request: no limit, statement_timeout 0.
 */
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { ClientGoneError, currentQueryContext, type QueryLimits, statementTimedOut, WaitingRequests } from './query-context.ts';

/** PostgreSQL's query_canceled: statement_timeout's error. */
const QUERY_CANCELED = '57014';

/** Each connection's statement_timeout as last set here (absent: unknown, set it before the next query). */
const timeouts = new WeakMap<pg.PoolClient, number>();

function guardClient(client: pg.PoolClient, limits: QueryLimits): PostgresPoolClient {
  async function run<R>(text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    const wanted = currentQueryContext()?.statementTimeoutMs ?? 0;
    // A rollback undoes a SET made in its transaction: know nothing after one. And no SET goes before it: after a
    // failed statement the transaction accepts only a rollback, and a SET there would fail and hide the first error.
    const rollback = /^\s*rollback/i.test(text);
    try {
      if (!rollback && timeouts.get(client) !== wanted) {
        await client.query(`set statement_timeout = ${Math.max(0, Math.floor(wanted))}`);
        timeouts.set(client, wanted);
      }
      if (rollback) timeouts.delete(client);
      return (await client.query(text, [...parameters])) as unknown as PostgresQueryResult<R>;
    } catch (error) {
      timeouts.delete(client);
      if ((error as { code?: string }).code === QUERY_CANCELED && wanted > 0) throw statementTimedOut(limits, wanted);
      throw error;
    }
  }
  return {
    query: ((textOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) =>
      typeof textOrCursor === 'string' ? run(textOrCursor, parameters ?? []) : client.query(textOrCursor as never)) as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  };
}

function poolMax(pool: pg.Pool): number {
  return (pool as pg.Pool & { options: { max: number } }).options.max;
}

/** pool, as Kysely's PostgresDialect takes it, with the limits of a request's queries. */
export function guardedPool(pool: pg.Pool, limits: QueryLimits): PostgresPool {
  const requests = new WaitingRequests(limits);
  return {
    async connect() {
      const context = currentQueryContext();
      // Waiting starts only when every connection is taken (pg lends an idle one at once).
      const leave = pool.idleCount > 0 || pool.totalCount < poolMax(pool) ? () => {} : requests.enter(context);
      let client: pg.PoolClient;
      try {
        if (context?.signal.aborted) throw new ClientGoneError();
        client = await pool.connect();
      } finally {
        leave();
      }
      if (context?.signal.aborted) {
        client.release();
        throw new ClientGoneError();
      }
      return guardClient(client, limits);
    },
    end: () => pool.end(),
  };
}
