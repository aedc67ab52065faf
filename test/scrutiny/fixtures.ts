/** A small scrutiny world written straight to the database: a committee meeting, a Cabinet Member and two officers. */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { insertAuthority, insertBody, insertMeeting, insertPerson } from '../support/factories.ts';

export async function seedScrutinyWorld(db: Kysely<Database>) {
  const authority = await insertAuthority(db);
  const committee = await insertBody(db, authority.id, { name: 'Cabinet Scrutiny Committee', slug: 'cabinet-scrutiny-committee', kind: 'committee' });
  const meeting = await insertMeeting(db, committee.id, { date: '2011-12-13' });
  const cabinetMember = await insertPerson(db, authority.id, { honorific: 'Mrs', given_name: 'Jenny', family_name: 'Whittle', kind: 'member' });
  const officer = await insertPerson(db, authority.id, { given_name: 'Paul', family_name: 'Brightwell', kind: 'officer' });
  const silent = await insertPerson(db, authority.id, { given_name: 'Tony', family_name: 'Doran', kind: 'officer' });
  await db.updateTable('person').set({ email: 'paul.brightwell@example.gov.uk' }).where('id', '=', officer.id).execute();
  await db.updateTable('person').set({ email: 'jenny.whittle@example.gov.uk' }).where('id', '=', cabinetMember.id).execute();
  return {
    authorityId: authority.id,
    committeeId: committee.id,
    meetingId: meeting.id as string,
    cabinetMemberId: cabinetMember.id as string,
    officerId: officer.id as string,
    silentOfficerId: silent.id as string,
  };
}
