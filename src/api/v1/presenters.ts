/**
 * Rows to the JSON API's records: pure functions, typed by the zod schemas that document them.
 */
import type { z } from 'zod';
import { formatName } from '../../domain/person-name.ts';
import type {
  ApiBodyRow,
  ApiDecisionRow,
  ApiMeetingRow,
  ApiPersonRow,
  bodyMembershipsOf,
  groupMembershipsOf,
  meetingDetails,
} from '../../db/queries/api/committee.ts';
import type { AbsoluteLink } from '../links.ts';
import { isoTimestamp } from '../../domain/dates.ts';
import { withQuery } from '../links.ts';
import type { BodySchema, DecisionSchema, MeetingSchema, MeetingSummarySchema, PersonSchema } from './schemas.ts';

const clock = (value: string | null) => (value === null ? null : value.slice(0, 5));

export function presentBody(link: AbsoluteLink, row: ApiBodyRow): z.infer<typeof BodySchema> {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    kind: row.kind,
    parentId: row.parent_id,
    created: isoTimestamp(row.created_at),
    modified: isoTimestamp(row.updated_at),
    links: {
      self: link('api.body', { id: row.id }),
      meetings: withQuery(link('api.meetings'), { body: row.id }),
      oparl: link('oparl.organization', { id: row.id }),
    },
  };
}

type GroupMembership = Awaited<ReturnType<typeof groupMembershipsOf>>[number];
type BodyMembership = Awaited<ReturnType<typeof bodyMembershipsOf>>[number];

export function presentPerson(link: AbsoluteLink, row: ApiPersonRow, groups: GroupMembership[], bodies: BodyMembership[]): z.infer<typeof PersonSchema> {
  return {
    id: row.id,
    kind: row.kind,
    name: formatName({
      honorific: row.honorific ?? undefined,
      givenName: row.given_name ?? undefined,
      initials: row.initials,
      familyName: row.family_name,
      postNominals: row.post_nominals,
    }),
    honorific: row.honorific,
    givenName: row.given_name,
    initials: row.initials,
    familyName: row.family_name,
    postNominals: row.post_nominals,
    jobTitle: row.job_title,
    politicalGroups: groups.map((group) => ({
      id: group.group_id,
      name: group.group_name,
      role: group.role,
      startDate: group.start_date,
      endDate: group.end_date,
    })),
    bodies: bodies.map((body) => ({ id: body.body_id, name: body.body_name, role: body.role, startDate: body.start_date, endDate: body.end_date })),
    created: isoTimestamp(row.created_at),
    modified: isoTimestamp(row.updated_at),
    links: { self: link('api.person', { id: row.id }), oparl: link('oparl.person', { id: row.id }) },
  };
}

export function presentMeetingSummary(link: AbsoluteLink, row: ApiMeetingRow): z.infer<typeof MeetingSummarySchema> {
  return {
    id: row.id,
    bodyId: row.body_id,
    bodyName: row.body_name,
    date: row.date,
    startTime: clock(row.start_time),
    endTime: clock(row.end_time),
    location: row.location,
    status: row.status,
    kind: row.kind,
    created: isoTimestamp(row.created_at),
    modified: isoTimestamp(row.updated_at),
    links: { self: link('api.meeting', { id: row.id }), oparl: link('oparl.meeting', { id: row.id }), web: link('meeting.show', { id: row.id }) },
  };
}

type MeetingDetails = Awaited<ReturnType<typeof meetingDetails>>;

export function presentMeeting(link: AbsoluteLink, row: ApiMeetingRow, details: MeetingDetails): z.infer<typeof MeetingSchema> {
  return {
    ...presentMeetingSummary(link, row),
    minutesStatus: row.minutes_status,
    agendaItems: details.agendaItems.map((item) => ({
      id: item.id,
      number: item.number,
      title: item.title,
      description: item.description,
      exempt: item.exempt,
      exemptParagraphs: item.exempt_paragraphs,
      pageFrom: item.page_from,
      pageTo: item.page_to,
      reportId: item.report_id,
      kind: item.kind,
      motions: details.notices
        .filter((notice) => notice.agenda_item_id === item.id)
        .map((notice) => ({ text: notice.text, moverId: notice.mover_id, seconderId: notice.seconder_id, result: notice.result })),
    })),
    minutes: details.minutes.map((minute) => ({
      id: minute.id,
      number: minute.number,
      title: minute.title,
      agendaItemId: minute.agenda_item_id,
      exempt: minute.exempt,
      exemptParagraphs: minute.exempt_paragraphs,
      text: minute.text,
      resolutions: details.resolutions
        .filter((resolution) => resolution.minute_id === minute.id)
        .map((resolution) => ({ text: resolution.text, unanimous: resolution.unanimous })),
    })),
    attendance: details.attendance.map((entry) => ({ personId: entry.person_id, status: entry.status, role: entry.role, printedName: entry.printed_name })),
    voteEvents: details.voteEvents.map((event) => link('api.voteEvent', { id: event.id })),
  };
}

export function presentDecision(link: AbsoluteLink, row: ApiDecisionRow): z.infer<typeof DecisionSchema> {
  return {
    id: row.id,
    decisionDate: row.decision_date,
    subject: row.subject,
    text: row.text,
    decisionMakerPersonId: row.decision_maker_person_id,
    decisionMakerRole: row.decision_maker_role,
    decisionMakerBodyId: row.decision_maker_body_id,
    isKey: row.is_key,
    isUrgent: row.is_urgent,
    urgencyReason: row.urgency_reason,
    recordNumber: row.record_number,
    reportId: row.report_id,
    created: isoTimestamp(row.created_at),
    modified: isoTimestamp(row.updated_at),
    links: { self: link('api.decision', { id: row.id }), report: row.report_id ? link('oparl.paper', { id: row.report_id }) : null },
  };
}
