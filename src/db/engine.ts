import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql, type KyselyConfig } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from './schema.ts';
import { lockDataDir, type DataDirLock } from './lock.ts';
import { PgliteRemote } from './pglite-remote.ts';
import { PgliteRemoteDialect } from './pglite-dialect.ts';
import { guardedPool } from './postgres-guard.ts';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-context.ts';

export type Engine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  /** The database: every write, and every read that must see the latest commit (PostgreSQL: the primary). */
  db: Kysely<Database>;
  /**
   * A read replica (DATABASE_REPLICA_URL, opened by `quorum start` only), for anonymous public reads: never written
   * to, and it may lag the primary. Use it through readerFor and dataVersionFor (src/http/reader.ts), which pick it
   * only for an anonymous GET; docs/scaling.md says which routes do.
   */
  reader?: Kysely<Database>;
  engine: Engine;
  /** For the embedded engine: its folder. */
  dataDir?: string;
  /** Flushes the write-ahead log into the data files so the folder stays compact (embedded engine); a no-op on a server. */
  checkpoint(): Promise<void>;
  /** Bytes on disk: the data folder (embedded) or the database (server). */
  size(): Promise<number>;
  /**
   * The embedded engine only: calls back on every NOTIFY on the channel, after the notifying transaction commits and
   * before the query that committed it returns (this process is the database's only client).
   */
  listen?(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /**
   * Whether the database can serve, for /healthz. The embedded engine answers from its worker's state without a
   * query (a query would wait behind whatever slow statement is running, and a health check must not); a server is
   * asked `select 1`.
   */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
  /**
   * postgres://... of a read replica of databaseUrl, opened as the handle's reader. Deliberately not the Config's
   * name (databaseReplicaUrl): passing the Config opens the primary only, so commands other than `quorum start` never
   * connect to the replica.
   */
  replicaUrl?: string;
  /** Called after every query, for diagnostics and profiling (bench/db-work.ts replays each with its parameters). */
  onQuery?: (sql: string, milliseconds: number, parameters: readonly unknown[]) => void;
  /** How many of a request's queries may wait for the database (src/db/query-context.ts); the defaults when absent. */
  limits?: QueryLimits;
}

function queryLog(options: OpenOptions): KyselyConfig['log'] {
  const { onQuery } = options;
  if (!onQuery) return undefined;
  return (event) => onQuery(event.query.sql, event.queryDurationMillis, event.query.parameters);
}

const DATE_OID = 1082;
const INT8_OID = 20;
/** date[] (e.g. allowance_scheme.amended_on): read as text[] so its dates stay strings too, as PGlite gives them. */
const DATE_ARRAY_OID = 1182;
const TEXT_ARRAY_OID = 1009;

/** Opens the database the configuration names. One handle per process; pass it down. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.replicaUrl && !options.databaseUrl) throw new Error('A read replica needs a PostgreSQL server (DATABASE_URL); the embedded engine has none');
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.replicaUrl, queryLog(options), limits)
    : openPglite(options.dataDir, queryLog(options), limits);
}

/** Connections per pool: per process, so a server (or PgBouncer) in front of N processes needs N x this (docs/scaling.md). */
export const POOL_SIZE = 10;

async function connectPool(url: string, what: string): Promise<pg.Pool> {
  // Dates stay 'YYYY-MM-DD' strings: a council date has no time zone.
  const typeParsers = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === DATE_OID) return (value: string) => value;
      if (oid === INT8_OID) return (value: string) => value;
      if (oid === DATE_ARRAY_OID) return pg.types.getTypeParser(TEXT_ARRAY_OID as Parameters<typeof pg.types.getTypeParser>[0], format);
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types: typeParsers });
  // An idle connection the server closes (restart, failover, admin) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // No JIT compilation: the portal's queries are short, and on a fresh or unanalysed database their estimates pass
  // jit_above_cost, so PostgreSQL spent 1.3 s compiling a councillor's voting record that runs in 2 ms without it.
  // A SET per connection rather than a startup option, which PgBouncer refuses (docs/scaling.md).
  pool.on('connect', (client) => {
    client.query('set jit = off').catch(() => {});
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new Error(`Cannot connect to the ${what} at ${redact(url)}: ${(error as Error).message}`);
  }
  return pool;
}

async function openPostgres(url: string, replicaUrl: string | undefined, log: KyselyConfig['log'], limits: QueryLimits): Promise<DatabaseHandle> {
  const pool = await connectPool(url, 'PostgreSQL server');
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guardedPool(pool, limits) }), log });
  let reader: Kysely<Database> | undefined;
  if (replicaUrl) {
    try {
      const replicaPool = await connectPool(replicaUrl, 'read replica (DATABASE_REPLICA_URL)');
      reader = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guardedPool(replicaPool, limits) }), log });
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return {
    db,
    ...(reader ? { reader } : {}),
    engine: 'postgres',
    async checkpoint() {},
    async healthy() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    async size() {
      const result = await sql<{ size: string }>`select pg_database_size(current_database())::text as size`.execute(db);
      return Number(result.rows[0]?.size ?? 0);
    },
    async close() {
      try {
        await reader?.destroy();
      } finally {
        await db.destroy();
      }
    },
  };
}

/**
 * The embedded engine runs in a worker thread (src/db/pglite-worker.mjs), so a slow statement holds that thread, not
 * the server's. This process keeps the folder's lock; the worker only opens the database.
 */
async function openPglite(dataDir: string, log: KyselyConfig['log'], limits: QueryLimits): Promise<DatabaseHandle> {
  const lock: DataDirLock = lockDataDir(dataDir);
  const remote = new PgliteRemote({
    dataDir,
    // PostgreSQL's 128 MB of shared buffers live in the WebAssembly heap, which never shrinks; the data files are
    // read through the operating system's page cache anyway, so a smaller pool costs little and keeps a server
    // under load within its memory budget (bench/README.md, portal).
    // The write-ahead log kept for reuse after a checkpoint grows towards max_wal_size (1 GB by default) and stays:
    // smaller bounds keep the data folder close to the size of its data.
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB', '-c', 'min_wal_size=32MB', '-c', 'max_wal_size=256MB', '-c', 'wal_recycle=off'],
  });
  try {
    await remote.open();
  } catch (error) {
    await remote.close().catch(() => {});
    lock.release();
    throw new Error(`Cannot open the embedded database in ${dataDir}: ${(error as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PgliteRemoteDialect(remote, limits), log });
  return {
    db,
    engine: 'pglite',
    dataDir,
    async checkpoint() {
      await sql`checkpoint`.execute(db);
    },
    async listen(channel, onNotify) {
      return remote.listen(channel, onNotify);
    },
    async healthy() {
      return remote.running;
    },
    async size() {
      return folderSize(dataDir);
    },
    async close() {
      try {
        await db.destroy();
      } finally {
        lock.release();
      }
    },
  };
}

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderSize(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
