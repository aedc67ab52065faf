/** The resolution record: what a minute resolved, revised without deleting (the audit log keeps every text). */
import type { Db, NewRow } from '../types.ts';

export async function listResolutions(db: Db, minuteIds: string[]) {
  if (!minuteIds.length) return [];
  return db
    .selectFrom('resolution')
    .selectAll()
    .where('minute_id', 'in', minuteIds)
    .where('withdrawn_at', 'is', null)
    .orderBy('minute_id')
    .orderBy('position')
    .execute();
}

export async function insertResolution(db: Db, row: NewRow<'resolution'>): Promise<void> {
  await db.insertInto('resolution').values(row).execute();
}

/**
 * Makes a draft minute's resolutions read `texts`, in order, without deleting any: a resolution in force is changed
 * in place (the audit log keeps its old text), a new one is added, and one no longer wanted is marked withdrawn.
 * A withdrawn resolution brought back at its old place is restored rather than added twice.
 */
export async function reviseResolutions(db: Db, minuteId: string, texts: string[], actor: string, newId: (position: number) => string): Promise<void> {
  const inForce = await db
    .selectFrom('resolution')
    .select(['id', 'position', 'text'])
    .where('minute_id', '=', minuteId)
    .where('withdrawn_at', 'is', null)
    .orderBy('position')
    .execute();
  for (const [index, text] of texts.entries()) {
    const position = index + 1;
    const current = inForce[index];
    if (current) {
      if (current.text !== text || current.position !== position)
        await db.updateTable('resolution').set({ text, position }).where('id', '=', current.id).execute();
      continue;
    }
    const id = newId(position);
    const restored = await db
      .updateTable('resolution')
      .set({ text, position, withdrawn_at: null, withdrawn_by: null })
      .where('id', '=', id)
      .where('minute_id', '=', minuteId)
      .executeTakeFirst();
    if (Number(restored.numUpdatedRows) === 0)
      await db.insertInto('resolution').values({ id, minute_id: minuteId, position, text, unanimous: false }).execute();
  }
  const gone = inForce.slice(texts.length).map((row) => row.id);
  if (gone.length) await db.updateTable('resolution').set({ withdrawn_at: new Date(), withdrawn_by: actor }).where('id', 'in', gone).execute();
}
