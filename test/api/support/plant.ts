/**
 * Records planted beside the imported seed papers, so the API tests see what the seeds lack: exempt content carrying
 * canary strings that must never be published, political groups and memberships, and a recorded vote by group.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema.ts';

export const CANARY = {
  exemptReportSubject: 'CANARY-7f3a exempt report subject',
  exemptReportText: 'CANARY-9b21 exempt report text',
  reportOnExemptItem: 'CANARY-41c8 report carried by an exempt item',
  exemptMinuteText: 'CANARY-d05e exempt minute text',
  exemptResolution: 'CANARY-6a9f exempt resolution',
  exemptMotion: 'CANARY-e2b7 motion voted on in private',
} as const;

export const ALL_CANARIES = Object.values(CANARY);

export interface Planted {
  decisionId: string;
  authorityId: string;
  meetingId: string;
  exemptItemId: string;
  exemptReportId: string;
  reportOnExemptItemId: string;
  publicReportId: string;
  publicItemId: string;
  publicVoteEventId: string;
  exemptVoteEventId: string;
  groupIds: string[];
  voters: { yes: string[]; no: string[]; abstain: string[] };
}

/** Plants the records in a database that already holds the imported seeds (one authority, its bodies and people). */
export async function plantOpenDataRecords(db: Kysely<Database>): Promise<Planted> {
  const authority = await db.selectFrom('authority').select('id').executeTakeFirstOrThrow();
  const body = await db.selectFrom('body').select('id').where('name', '=', 'Governance and Audit Committee').executeTakeFirstOrThrow();
  const people = await db.selectFrom('person').select('id').where('kind', '=', 'member').orderBy('id').limit(6).execute();
  const ids = people.map((person) => person.id);
  const authorityId = authority.id;

  const meetingId = 'meeting-planted0000001';
  await db
    .insertInto('meeting')
    .values({
      id: meetingId,
      body_id: body.id,
      date: '2011-11-23',
      start_time: '10:00',
      end_time: '12:30',
      location: 'Darent Room, Sessions House, County Hall, Maidstone',
    })
    .execute();

  const exemptReportId = 'report-planted0000001';
  const reportOnExemptItemId = 'report-planted0000002';
  const publicReportId = 'report-planted0000003';
  await db
    .insertInto('report')
    .values([
      {
        id: exemptReportId,
        authority_id: authorityId,
        subject: CANARY.exemptReportSubject,
        exempt: true,
        full_text: CANARY.exemptReportText,
        report_date: '2011-11-14',
      },
      {
        id: reportOnExemptItemId,
        authority_id: authorityId,
        subject: CANARY.reportOnExemptItem,
        exempt: false,
        full_text: CANARY.reportOnExemptItem,
        report_date: '2011-11-14',
      },
      {
        id: publicReportId,
        authority_id: authorityId,
        subject: 'Treasury management mid-year review',
        exempt: false,
        full_text: 'Borrowing stayed within the prudential limits.',
        report_date: '2011-11-14',
      },
    ])
    .execute();

  const publicItemId = 'agenda-item-planted001';
  const exemptItemId = 'agenda-item-planted002';
  const exemptReportItemId = 'agenda-item-planted003';
  await db
    .insertInto('agenda_item')
    .values([
      { id: publicItemId, meeting_id: meetingId, number: '1', position: 1, title: 'Treasury management mid-year review', report_id: publicReportId },
      {
        id: exemptItemId,
        meeting_id: meetingId,
        number: '2',
        position: 2,
        title: 'Contract award: cleaning services',
        exempt: true,
        exempt_paragraphs: [3],
        report_id: reportOnExemptItemId,
      },
      { id: exemptReportItemId, meeting_id: meetingId, number: '3', position: 3, title: 'Write-off of a debt', report_id: exemptReportId },
    ])
    .execute();

  const publicMinuteId = 'minute-planted0000001';
  const exemptMinuteId = 'minute-planted0000002';
  await db
    .insertInto('minute')
    .values([
      {
        id: publicMinuteId,
        meeting_id: meetingId,
        number: '16',
        position: 1,
        title: 'Treasury management mid-year review',
        agenda_item_id: publicItemId,
        text: 'The Committee noted the review.',
      },
      {
        id: exemptMinuteId,
        meeting_id: meetingId,
        number: '17',
        position: 2,
        title: 'Contract award: cleaning services',
        agenda_item_id: exemptItemId,
        text: CANARY.exemptMinuteText,
        exempt: true,
        exempt_paragraphs: [3],
      },
    ])
    .execute();
  await db
    .insertInto('resolution')
    .values([
      { id: 'resolution-planted0001', minute_id: publicMinuteId, position: 1, text: 'RESOLVED that the review be noted.' },
      { id: 'resolution-planted0002', minute_id: exemptMinuteId, position: 1, text: CANARY.exemptResolution },
    ])
    .execute();

  const groupIds = ['group-planted00000001', 'group-planted00000002'];
  await db
    .insertInto('political_group')
    .values([
      { id: groupIds[0]!, authority_id: authorityId, name: 'Conservative', abbreviation: 'Con' },
      { id: groupIds[1]!, authority_id: authorityId, name: 'Liberal Democrat', abbreviation: 'LD' },
    ])
    .execute();
  await db
    .insertInto('group_membership')
    .values(
      ids.map((personId, index) => ({
        id: `group-membership-planted${index}`,
        person_id: personId,
        group_id: groupIds[index < 4 ? 0 : 1]!,
        start_date: '2009-06-04',
      })),
    )
    .execute();
  await db
    .insertInto('membership')
    .values(
      ids.slice(0, 3).map((personId, index) => ({
        id: `membership-planted${index}`,
        person_id: personId,
        body_id: body.id,
        role: index === 0 ? 'Chairman' : 'member',
        start_date: '2011-05-12',
      })),
    )
    .execute();

  const voters = { yes: ids.slice(0, 3), no: ids.slice(3, 5), abstain: ids.slice(5, 6) };
  const publicVoteEventId = 'vote-event-planted0001';
  const exemptVoteEventId = 'vote-event-planted0002';
  await db
    .insertInto('vote_event')
    .values([
      {
        id: publicVoteEventId,
        meeting_id: meetingId,
        minute_id: publicMinuteId,
        motion_text: 'that the review be noted',
        mover_id: ids[0]!,
        seconder_id: ids[1]!,
        for_count: 3,
        against_count: 2,
        abstain_count: 1,
        result: 'Carried',
      },
      {
        id: exemptVoteEventId,
        meeting_id: meetingId,
        minute_id: exemptMinuteId,
        motion_text: CANARY.exemptMotion,
        for_count: 4,
        against_count: 0,
        abstain_count: 0,
        result: 'Carried',
      },
    ])
    .execute();
  const option = (personId: string) =>
    (voters.yes.includes(personId) ? 'for' : voters.no.includes(personId) ? 'against' : 'abstain') as 'for' | 'against' | 'abstain';
  await db
    .insertInto('vote')
    .values(ids.map((personId) => ({ vote_event_id: publicVoteEventId, person_id: personId, option: option(personId), printed_name: personId })))
    .execute();
  await db
    .insertInto('vote')
    .values(ids.slice(0, 4).map((personId) => ({ vote_event_id: exemptVoteEventId, person_id: personId, option: 'for' as const, printed_name: personId })))
    .execute();

  const decisionId = 'decision-planted000001';
  await db
    .insertInto('decision')
    .values({
      id: decisionId,
      authority_id: authorityId,
      decision_date: '2011-11-24',
      subject: 'Award of the cleaning services contract',
      text: 'The contract was awarded.',
      report_id: reportOnExemptItemId,
    })
    .execute();

  return {
    decisionId,
    authorityId,
    meetingId,
    exemptItemId,
    exemptReportId,
    reportOnExemptItemId,
    publicReportId,
    publicItemId,
    publicVoteEventId,
    exemptVoteEventId,
    groupIds,
    voters,
  };
}
