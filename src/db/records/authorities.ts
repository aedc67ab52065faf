/** The authority record: the council whose records these are. */
import type { Db } from '../types.ts';

/** The authority of this name, created if new; returns its id (an existing one keeps its own). */
export async function ensureAuthority(db: Db, id: string, name: string): Promise<string> {
  await db
    .insertInto('authority')
    .values({ id, name })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('authority').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}
