/** One published record of each register, made through the write operations, for tests of the open data (API). */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { forwardPlanEntryPublisher, forwardPlanEntrySaver } from '../../src/services/registers/forward-plan.ts';
import { interestSaver, registerPublisher, registerSubmitter } from '../../src/services/registers/interests.ts';
import { appointmentMaker, outsideBodySaver } from '../../src/services/registers/outside-bodies.ts';

export async function plantRegisters(db: Kysely<Database>, props: { bodyId: string; memberId: string }) {
  const actor = { job: 'test' };
  const { id: entryId } = await forwardPlanEntrySaver({
    db,
    actor,
    input: {
      subject: 'Planted key decision',
      decisionMakerBodyId: props.bodyId,
      plannedDate: '2027-03-01',
      keyDecision: true,
      privateMeeting: true,
      exemptParagraphs: [3],
      privateReasons: 'Prices',
      wards: ['Northgate'],
    },
  });
  await forwardPlanEntryPublisher({ db, actor, id: entryId, publishedOn: '2026-12-01' });
  await interestSaver({
    db,
    actor,
    personId: props.memberId,
    input: { category: 'employment', description: 'Planted employment', spousePartner: false, sensitive: false },
    today: '2026-12-01',
  });
  await interestSaver({
    db,
    actor,
    personId: props.memberId,
    input: { category: 'securities', description: 'Planted sensitive shares', spousePartner: true, sensitive: true },
    today: '2026-12-01',
  });
  await registerSubmitter({ db, actor, personId: props.memberId, today: '2026-12-01' });
  const version = await db
    .selectFrom('interest_register')
    .select('id')
    .where('person_id', '=', props.memberId)
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  await registerPublisher({ db, actor, versionId: version.id, today: '2026-12-02' });
  const { id: outsideBodyId } = await outsideBodySaver({ db, actor, input: { name: 'Planted Fire Authority', places: '3' } });
  await appointmentMaker({ db, actor, outsideBodyId, input: { personId: props.memberId, role: 'Member', startsOn: '2026-05-21' } });
  return { entryId, memberId: props.memberId, outsideBodyId };
}
