/**
 * The types every database module shares, declared once: a query function takes `Db` so it runs alike on the
 * connection and inside a write operation's transaction; `Row` and `NewRow` are a table's selected and inserted
 * shapes. A test (types.test.ts) fails on a redeclaration elsewhere.
 */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type { Database };

/** The connection or an open transaction (a Transaction is a Kysely, so either is accepted). */
export type Db = Kysely<Database> | Transaction<Database>;

export type Row<T extends keyof Database> = Selectable<Database[T]>;
export type NewRow<T extends keyof Database> = Insertable<Database[T]>;
