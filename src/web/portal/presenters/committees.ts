/** The committees list (by kind) and a committee's page (membership and meetings by year). */
import type { BodyKind } from '../../../db/schema.ts';
import type { BodyListRow, BodyRow, bodyAttendees, bodyMeetings, bodyMembers } from '../../../db/queries/portal/bodies.ts';
import { formatDate, formatShortDate, formatTime, paragraphs } from '../../meetings/presenters/meeting.ts';
import { committeeRole } from '../../../domain/members/roster.ts';

const ROLE_LABELS: Record<string, string> = { chair: 'Chair', 'vice-chair': 'Vice-chair', member: 'Member', substitute: 'Substitute' };
import { committeeHref, meetingHref, personHref } from './links.ts';
import { displayName } from './names.ts';
import { linkTo } from '../../../http/routes.ts';
import { t } from '../../i18n/index.ts';

const KIND_HEADINGS: Array<[BodyKind, string]> = [
  ['council', 'Full council'],
  ['cabinet', 'Cabinet'],
  ['committee', 'Committees'],
  ['sub-committee', 'Sub-committees'],
  ['panel', 'Panels'],
  ['board', 'Boards'],
  ['other', 'Other bodies'],
];

export function presentCommitteeList(rows: BodyListRow[]) {
  return KIND_HEADINGS.map(([kind, heading]) => ({
    heading: t(`bodyKinds.${kind}`, { defaultValue: heading }),
    bodies: rows
      .filter((row) => row.kind === kind)
      .map((row) => ({
        name: row.name,
        href: committeeHref(row.slug),
        meetingCount: Number(row.meeting_count ?? 0),
        ...(row.last_meeting_date ? { lastMeeting: formatShortDate(String(row.last_meeting_date)) } : {}),
        ...(row.next_meeting_date ? { nextMeeting: formatShortDate(String(row.next_meeting_date)) } : {}),
      })),
  })).filter((group) => group.bodies.length > 0);
}

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

export function presentCommittee(
  body: BodyRow,
  members: Rows<typeof bodyMembers>,
  attendees: Rows<typeof bodyAttendees>,
  meetings: Awaited<ReturnType<typeof bodyMeetings>>['rows'],
) {
  const years: Array<{ year: string; meetings: Array<{ href: string; date: string; time?: string; status?: string }> }> = [];
  for (const meeting of meetings) {
    const year = meeting.date.slice(0, 4);
    let group = years[years.length - 1];
    if (!group || group.year !== year) years.push((group = { year, meetings: [] }));
    group.meetings.push({
      href: meetingHref({ id: meeting.id, date: meeting.date, body_slug: body.slug }),
      date: formatDate(meeting.date),
      ...(meeting.start_time ? { time: formatTime(meeting.start_time) } : {}),
      ...(meeting.status !== 'held' && meeting.status !== 'scheduled' ? { status: meeting.status.charAt(0).toUpperCase() + meeting.status.slice(1) } : {}),
    });
  }
  const recordedMembers = members.map((row) => {
    const name = displayName(row) ?? row.family_name;
    const role = committeeRole(row.role) ?? row.role;
    return {
      name,
      href: personHref(row.person_id, name),
      role: t(`memberRoles.${role}`, { defaultValue: ROLE_LABELS[role] ?? role.charAt(0).toUpperCase() + role.slice(1) }),
      substitute: role === 'substitute',
      group: row.group_name ?? t('person.notRecorded'),
    };
  });
  const listed = attendees.map((row) => {
    const name = displayName(row) ?? row.family_name;
    return { name, href: personHref(row.person_id, name), role: row.role ?? undefined, meetingCount: Number(row.meeting_count) };
  });
  return {
    name: body.name,
    slug: body.slug,
    kind: t(`bodyKinds.${body.kind}`, { defaultValue: KIND_HEADINGS.find(([kind]) => kind === body.kind)?.[1] ?? 'Body' }),
    ...(body.parent_name && body.parent_slug ? { parent: { name: body.parent_name, href: committeeHref(body.parent_slug) } } : {}),
    members: recordedMembers.filter((member) => !member.substitute),
    substitutes: recordedMembers.filter((member) => member.substitute),
    termsOfReference: body.terms_of_reference ? paragraphs(body.terms_of_reference) : [],
    clerk:
      body.clerk_name || body.clerk_email || body.clerk_phone
        ? { name: body.clerk_name ?? undefined, email: body.clerk_email ?? undefined, phone: body.clerk_phone ?? undefined }
        : undefined,
    attendees: listed,
    years,
    icalHref: linkTo('feed.committee.ics', { slug: body.slug }),
    calendarHref: `${linkTo('meeting.list')}?body=${encodeURIComponent(body.slug)}`,
  };
}
