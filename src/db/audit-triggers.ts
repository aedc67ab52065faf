import type { Kysely } from 'kysely';
import { runSqlScript } from './sql-script.ts';

/**
 * Puts a table under the audit trail (quorum_audit(), migration 0001): every insert, update and delete is copied to
 * the append-only audit_log with the actor. Every migration that creates a table calls this for it.
 */
export async function addAuditTriggers(db: Kysely<any>, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await runSqlScript(
      db,
      `create trigger ${table}_audit_insert after insert or delete on ${table} for each row execute function quorum_audit();
         create trigger ${table}_audit_update before update on ${table} for each row execute function quorum_audit();`,
    );
  }
}
