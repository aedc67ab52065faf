/**
 * A small council for the registers' tests (names invented): a council, a cabinet and a scrutiny committee, members
 * (one the scrutiny chair, one a cabinet member with a linked councillor account), an officer, and a cabinet meeting.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { insertAuthority, insertBody, insertMeeting, insertPerson } from '../support/factories.ts';

export async function seedRegistersCouncil(db: Kysely<Database>) {
  const authority = await insertAuthority(db, { name: 'Shire County Council' });
  const council = await insertBody(db, authority.id, { name: 'County Council', slug: 'county-council', kind: 'council' });
  const cabinet = await insertBody(db, authority.id, { name: 'Cabinet', slug: 'cabinet', kind: 'cabinet' });
  const scrutiny = await insertBody(db, authority.id, { name: 'Scrutiny Committee', slug: 'scrutiny-committee', kind: 'committee' });
  const chair = await insertPerson(db, authority.id, { honorific: 'Mrs', given_name: 'Alice', family_name: 'Chairwood' });
  const cabinetMember = await insertPerson(db, authority.id, { honorific: 'Mr', given_name: 'Bernard', family_name: 'Portfolio' });
  const councillor = await insertPerson(db, authority.id, { honorific: 'Ms', given_name: 'Carys', family_name: 'Register' });
  const other = await insertPerson(db, authority.id, { honorific: 'Mr', given_name: 'Dafydd', family_name: 'Declarer' });
  const officer = await insertPerson(db, authority.id, {
    honorific: 'Ms',
    given_name: 'Eira',
    family_name: 'Director',
    kind: 'officer',
    job_title: 'Director of Highways',
  });
  const cabinetMeeting = await insertMeeting(db, cabinet.id, { date: '2027-01-13' });
  const urgentMeeting = await insertMeeting(db, cabinet.id, { date: '2026-12-03' });
  return { authority, council, cabinet, scrutiny, chair, cabinetMember, councillor, other, officer, cabinetMeeting, urgentMeeting };
}
