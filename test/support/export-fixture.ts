/**
 * A small committee record with one of everything the JSON export covers, written straight through Kysely so the
 * export tests do not depend on the paper importer.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

export const fixture = {
  authority: 'authority-testshire',
  source: 'source-0001',
  people: { chair: 'person-chair', member: 'person-member', substitute: 'person-substitute', officer: 'person-officer' },
  group: 'group-independents',
  bodies: { council: 'body-council', committee: 'body-planning', subCommittee: 'body-planning-sub' },
  // Ids deliberately sort against dates, so the test sees meetings ordered by date and not by id.
  meetings: { earlier: 'meeting-zz-earlier', later: 'meeting-aa-later' },
  reports: { public: 'report-public', exempt: 'report-exempt' },
  agendaItems: { minutes: 'item-1', application: 'item-2', exempt: 'item-3' },
  minutes: { approval: 'minute-1', application: 'minute-2', exempt: 'minute-3' },
  voteEvent: 'vote-event-1',
  decision: 'decision-1',
} as const;

/** Inserts the fixture in one transaction, as a known actor so the audit log can be checked. */
export async function insertExportFixture(db: Kysely<Database>): Promise<void> {
  const f = fixture;
  const src = (from: number, to: number) => ({ source_document_id: f.source, source_line_from: from, source_line_to: to });
  await db.transaction().execute(async (trx) => {
    await sql`select set_config('quorum.actor', 'test:fixture', true)`.execute(trx);
    await trx.insertInto('authority').values({ id: f.authority, name: 'Testshire County Council' }).execute();
    await trx
      .insertInto('source_document')
      .values({
        id: f.source,
        content_hash: 'sha256:0f1e2d',
        file_name: 'planning-2011-05-12.pdf',
        format: 'pdf',
        kinds: ['summons', 'minutes'],
        bytes: 48_213,
        line_count: 412,
        imported_at: '2026-11-20T09:15:30.123Z',
      })
      .execute();
    await trx
      .insertInto('person')
      .values([
        {
          id: f.people.chair,
          authority_id: f.authority,
          kind: 'member',
          honorific: 'Mr',
          given_name: 'Keith',
          initials: ['K', 'A'],
          family_name: 'Ferrin',
          post_nominals: ['MBE'],
        },
        { id: f.people.member, authority_id: f.authority, kind: 'member', honorific: 'Mrs', given_name: 'Jenny', family_name: 'Whittle' },
        {
          id: f.people.substitute,
          authority_id: f.authority,
          kind: 'member',
          honorific: 'Mr',
          initials: ['P', 'M'],
          family_name: 'Hill',
          post_nominals: ['OBE'],
        },
        { id: f.people.officer, authority_id: f.authority, kind: 'officer', given_name: 'Anna', family_name: "O'Brien", job_title: 'Head of Planning' },
      ])
      .execute();
    await trx
      .insertInto('person_alias')
      .values([
        { person_id: f.people.chair, printed: 'Mr K A Ferrin, MBE' },
        { person_id: f.people.chair, printed: 'Mr Ferrin' },
        { person_id: f.people.member, printed: 'Mrs Jenny Whittle' },
      ])
      .execute();
    await trx.insertInto('political_group').values({ id: f.group, authority_id: f.authority, name: 'Independent Group', abbreviation: 'Ind' }).execute();
    await trx
      .insertInto('group_membership')
      .values({ id: 'group-membership-1', person_id: f.people.member, group_id: f.group, role: 'Leader', start_date: '2009-06-04' })
      .execute();
    // The sub-committee sorts before its parent by id, so a restore must order bodies parents first.
    await trx
      .insertInto('body')
      .values([
        { id: f.bodies.council, authority_id: f.authority, name: 'County Council', slug: 'county-council', kind: 'council' },
        {
          id: f.bodies.committee,
          authority_id: f.authority,
          name: 'Planning Applications Committee',
          slug: 'planning-applications-committee',
          kind: 'committee',
          parent_id: f.bodies.council,
        },
        {
          id: f.bodies.subCommittee,
          authority_id: f.authority,
          name: 'Planning Site Visits Sub-Committee',
          slug: 'planning-site-visits',
          kind: 'sub-committee',
          parent_id: f.bodies.committee,
        },
      ])
      .execute();
    await trx
      .insertInto('membership')
      .values([
        { id: 'membership-1', person_id: f.people.chair, body_id: f.bodies.committee, role: 'chairman', start_date: '2009-06-04', end_date: '2013-05-01' },
        { id: 'membership-2', person_id: f.people.member, body_id: f.bodies.committee },
      ])
      .execute();
    await trx
      .insertInto('report')
      .values([
        {
          id: f.reports.public,
          authority_id: f.authority,
          subject: 'Application SE/10/1234: erection of a waste transfer station',
          by_text: ['Head of Planning Applications Group'],
          to_text: ['Planning Applications Committee – 12 May 2011'],
          report_date: '2011-04-28',
          classification: 'Unrestricted',
          summary: 'Application for a waste transfer station.',
          recommendations: 'Permission be granted subject to conditions.',
          contact: "Anna O'Brien 01622 221000",
          background_documents: 'The application file.',
          full_text: 'Full text of the report.\nSecond line.',
          ...src(120, 260),
        },
        {
          id: f.reports.exempt,
          authority_id: f.authority,
          subject: 'Disposal of land at Example Farm',
          classification: 'Exempt',
          exempt: true,
          full_text: 'Commercially sensitive terms.',
        },
      ])
      .execute();
    await trx
      .insertInto('meeting')
      .values([
        { id: f.meetings.earlier, body_id: f.bodies.committee, date: '2011-03-16', start_time: '10:00' },
        {
          id: f.meetings.later,
          body_id: f.bodies.committee,
          date: '2011-05-12',
          start_time: '10:00',
          end_time: '12:45',
          location: 'Council Chamber, Sessions House, County Hall, Maidstone',
          status: 'held',
          kind: 'ordinary',
          ...src(1, 412),
        },
      ])
      .execute();
    await trx
      .insertInto('agenda_item')
      .values([
        // Inserted out of order: the export orders children by position.
        {
          id: f.agendaItems.exempt,
          meeting_id: f.meetings.later,
          number: 'C1',
          position: 3,
          title: 'Disposal of land',
          description: 'Terms of the disposal.',
          exempt: true,
          exempt_paragraphs: [3, 5],
          report_id: f.reports.exempt,
        },
        {
          id: f.agendaItems.minutes,
          meeting_id: f.meetings.later,
          number: 'A3',
          position: 1,
          title: 'Minutes of the meeting on 16 March 2011',
          page_from: 1,
          page_to: 6,
          ...src(10, 12),
        },
        {
          id: f.agendaItems.application,
          meeting_id: f.meetings.later,
          number: 'B1',
          position: 2,
          title: 'Application SE/10/1234',
          description: 'Waste transfer station.',
          page_from: 7,
          page_to: 40,
          report_id: f.reports.public,
          ...src(13, 20),
        },
      ])
      .execute();
    await trx
      .insertInto('attendance')
      .values([
        {
          id: 'attendance-1',
          meeting_id: f.meetings.later,
          person_id: f.people.chair,
          status: 'present',
          role: 'Chairman',
          printed_name: 'Mr K A Ferrin, MBE',
          ...src(3, 3),
        },
        { id: 'attendance-2', meeting_id: f.meetings.later, person_id: f.people.member, status: 'apologies', printed_name: 'Mrs J Whittle' },
        {
          id: 'attendance-3',
          meeting_id: f.meetings.later,
          person_id: f.people.substitute,
          status: 'substitute',
          printed_name: 'Mr P M Hill, OBE',
          substitute_for_person_id: f.people.member,
        },
        {
          id: 'attendance-4',
          meeting_id: f.meetings.later,
          person_id: f.people.officer,
          status: 'in-attendance',
          role: 'Head of Planning',
          printed_name: "Ms A O'Brien",
        },
      ])
      .execute();
    await trx
      .insertInto('minute')
      .values([
        {
          id: f.minutes.approval,
          meeting_id: f.meetings.later,
          number: '1',
          position: 1,
          title: 'Minutes',
          agenda_item_id: f.agendaItems.minutes,
          agenda_item_number: 'A3',
          text: 'RESOLVED that the Minutes of the meeting held on 16 March 2011 are correctly recorded.',
          approves_meeting_date: '2011-03-16',
          approves_meeting_id: f.meetings.earlier,
          ...src(30, 32),
        },
        {
          id: f.minutes.application,
          meeting_id: f.meetings.later,
          number: '2',
          position: 2,
          title: 'Application SE/10/1234',
          agenda_item_id: f.agendaItems.application,
          agenda_item_number: 'B1',
          text: 'The Committee considered the report.',
          application_reference: 'SE/10/1234',
          ...src(33, 80),
        },
        {
          id: f.minutes.exempt,
          meeting_id: f.meetings.later,
          number: '3',
          position: 3,
          title: 'Disposal of land',
          agenda_item_id: f.agendaItems.exempt,
          agenda_item_number: 'C1',
          text: 'The Committee agreed the terms in the exempt report.',
          exempt: true,
          exempt_paragraphs: [3],
        },
      ])
      .execute();
    await trx
      .insertInto('resolution')
      .values([
        { id: 'resolution-2b', minute_id: f.minutes.application, position: 2, text: 'the applicant be informed accordingly.' },
        { id: 'resolution-2a', minute_id: f.minutes.application, position: 1, text: 'permission be granted subject to conditions; and', unanimous: false },
        { id: 'resolution-3', minute_id: f.minutes.exempt, position: 1, text: 'the disposal be agreed.', unanimous: true },
      ])
      .execute();
    await trx
      .insertInto('motion')
      .values([
        {
          id: 'motion-2',
          minute_id: f.minutes.application,
          position: 1,
          text: 'That permission be refused.',
          mover_id: f.people.substitute,
          seconder_id: f.people.chair,
        },
        { id: 'motion-3', minute_id: f.minutes.exempt, position: 1, text: 'That the disposal be agreed.', mover_id: f.people.chair },
      ])
      .execute();
    await trx
      .insertInto('declaration')
      .values({
        id: 'declaration-1',
        meeting_id: f.meetings.later,
        person_id: f.people.substitute,
        agenda_item_id: f.agendaItems.application,
        minute_id: f.minutes.application,
        agenda_item_number: 'B1',
        kind: 'personal',
        reason: 'He lives near the site.',
        ...src(25, 26),
      })
      .execute();
    await trx
      .insertInto('vote_event')
      .values({
        id: f.voteEvent,
        meeting_id: f.meetings.later,
        minute_id: f.minutes.application,
        motion_text: 'That permission be refused.',
        mover_id: f.people.substitute,
        seconder_id: f.people.chair,
        for_count: 1,
        against_count: 1,
        abstain_count: 0,
        result: 'lost',
        ...src(60, 64),
      })
      .execute();
    await trx
      .insertInto('vote')
      .values([
        { vote_event_id: f.voteEvent, person_id: f.people.substitute, option: 'for', printed_name: 'Mr P M Hill' },
        { vote_event_id: f.voteEvent, person_id: f.people.chair, option: 'against', printed_name: 'Mr K A Ferrin' },
      ])
      .execute();
    await trx
      .insertInto('question')
      .values({
        id: 'question-1',
        meeting_id: f.meetings.later,
        position: 1,
        asked_by_id: f.people.member,
        asked_to_id: f.people.chair,
        to_role: 'Chairman',
        question_text: 'When will the site visit take place?',
        answer_text: null,
      })
      .execute();
    await trx
      .insertInto('decision')
      .values({
        id: f.decision,
        authority_id: f.authority,
        decision_date: '2011-05-20',
        decision_maker_person_id: f.people.officer,
        decision_maker_role: 'Head of Planning',
        decision_maker_body_id: f.bodies.committee,
        subject: 'Conditions for SE/10/1234',
        text: 'The conditions were settled.',
        is_key: true,
        is_urgent: true,
        urgency_reason: 'The permission lapses otherwise.',
        record_number: '11/01234',
        report_id: f.reports.public,
        ...src(300, 320),
      })
      .execute();
  });
}
