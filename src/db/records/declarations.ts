/** The declaration record: interests members declared at a meeting. */
import type { Db, NewRow } from '../types.ts';

export async function listDeclarations(db: Db, meetingId: string) {
  return db
    .selectFrom('declaration')
    .innerJoin('person', 'person.id', 'declaration.person_id')
    .select([
      'declaration.id',
      'declaration.kind',
      'declaration.reason',
      'declaration.agenda_item_number',
      'person.honorific',
      'person.given_name',
      'person.family_name',
    ])
    .where('declaration.meeting_id', '=', meetingId)
    .orderBy('declaration.created_at')
    .execute();
}

export async function insertDeclaration(db: Db, row: NewRow<'declaration'>): Promise<void> {
  await db.insertInto('declaration').values(row).execute();
}
