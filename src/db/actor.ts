import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** Names who is making the transaction's changes, for the audit triggers (quorum_audit reads quorum.actor). */
export async function setActor(trx: Transaction<Database>, actor: string): Promise<void> {
  await sql`select set_config('quorum.actor', ${actor}, true)`.execute(trx);
}
