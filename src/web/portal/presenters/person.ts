/**
 * A person's public page: roles, memberships, attendance record, declarations, questions and voting record.
 * Where the papers do not record something (political groups, committee memberships), the page says "not
 * recorded" instead of guessing.
 */
import type {
  AttendanceRecordRow,
  CouncillorRow,
  PersonProfileRow,
  PersonHeading,
  PersonVoteRow,
  VoteSummary,
  personDeclarations,
  personGroups,
  personMemberships,
  personQuestions,
  personRecordedRoles,
} from '../../../db/queries/portal/people.ts';
import { formatShortDate, paragraphs } from '../../meetings/presenters/meeting.ts';
import { committeeHref, meetingHref, minuteAnchor, personHref } from './links.ts';
import { displayName } from './names.ts';
import { presentPhoto } from './photo.ts';
import type { PhotoSummary } from '../../../db/repositories/photos.ts';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

export type VoteOption = 'for' | 'against' | 'abstain';
const OPTION_LABELS: Record<VoteOption, string> = { for: 'For', against: 'Against', abstain: 'Abstained' };

/** The option most of the group chose, or undefined when no group is recorded or the group split evenly. */
export function groupMajority(counts: Record<VoteOption, number>): VoteOption | undefined {
  const ranked = (Object.entries(counts) as Array<[VoteOption, number]>).sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] === 0) return undefined;
  if (second && second[1] === top[1]) return undefined;
  return top[0];
}

/** 7 of 8 -> "88%"; nothing expected -> "Not applicable". */
export function percentage(attended: number, expected: number): string {
  if (expected === 0) return 'Not applicable';
  return `${Math.round((attended / expected) * 100)}%`;
}

function dateRange(start: string | null, end: string | null): string {
  if (start && end) return `${formatShortDate(start)} to ${formatShortDate(end)}`;
  if (start) return `Since ${formatShortDate(start)}`;
  if (end) return `Until ${formatShortDate(end)}`;
  return 'Dates not recorded';
}

export interface PersonPageInput {
  person: PersonHeading;
  profile?: PersonProfileRow | undefined;
  memberships: Rows<typeof personMemberships>;
  groups: Rows<typeof personGroups>;
  roles: Rows<typeof personRecordedRoles>;
  attendance: AttendanceRecordRow[];
  declarations: Rows<typeof personDeclarations>;
  questions: Rows<typeof personQuestions>;
  /** One page of the votes, newest first. */
  votes: PersonVoteRow[];
  /** The whole public record in figures, for the summary (kept on write). */
  voteSummary: VoteSummary;
}

export function presentPerson(input: PersonPageInput) {
  const { person } = input;
  const name = displayName(person) ?? person.family_name;
  const totals = input.attendance.reduce(
    (sum, row) => ({ expected: sum.expected + row.expected, attended: sum.attended + row.attended, apologies: sum.apologies + row.apologies }),
    { expected: 0, attended: 0, apologies: 0 },
  );
  const profile = input.profile;

  const votes = input.votes.map((row) => {
    const majority = groupMajority({ for: row.group_for, against: row.group_against, abstain: row.group_abstain });
    let comparison: string;
    if (!row.group_name) comparison = 'Political group not recorded';
    else if (!majority) comparison = `${row.group_name}: no majority`;
    else
      comparison =
        majority === row.option ? `With ${row.group_name} majority` : `Against ${row.group_name} majority (${OPTION_LABELS[majority].toLowerCase()})`;
    const meeting = { id: row.meeting_id, date: row.date, body_slug: row.body_slug };
    return {
      date: formatShortDate(row.date),
      subject: row.minute_title ? `Minute ${row.minute_number}: ${row.minute_title}` : (row.motion_text ?? 'Recorded vote'),
      href: `${meetingHref(meeting)}${row.minute_number ? `#${minuteAnchor(row.minute_number)}` : '#votes'}`,
      body: row.body_name,
      vote: OPTION_LABELS[row.option],
      result: row.result.charAt(0).toUpperCase() + row.result.slice(1),
      comparison,
      withGroup: majority ? majority === row.option : undefined,
    };
  });
  // The kept figures follow groupMajority's rule (vote_group_majority, migration 20261208_0600).
  const { recorded, compared, withGroup } = input.voteSummary;

  return {
    name,
    kind: person.kind === 'member' ? 'Councillor' : person.kind === 'officer' ? 'Officer' : 'Person',
    jobTitle: person.job_title ?? undefined,
    ward: profile?.ward_name ? { name: profile.ward_name, slug: profile.ward_slug } : undefined,
    term: profile && (profile.term_start || profile.term_end) ? dateRange(profile.term_start, profile.term_end) : undefined,
    email: profile?.email ?? undefined,
    phone: profile?.phone ?? undefined,
    currentGroup: input.groups.find((group) => group.end_date === null)?.name,
    groups: input.groups.map((group) => ({ name: group.name, role: group.role ?? undefined, dates: dateRange(group.start_date, group.end_date) })),
    memberships: input.memberships.map((membership) => ({
      body: membership.body_name,
      href: committeeHref(membership.body_slug),
      role: membership.role.charAt(0).toUpperCase() + membership.role.slice(1),
      dates: dateRange(membership.start_date, membership.end_date),
    })),
    roles: input.roles.map((role) => ({
      role: role.role ?? '',
      body: role.body_name,
      href: committeeHref(role.body_slug),
      lastDate: formatShortDate(String(role.last_date)),
    })),
    attendance: input.attendance.map((row) => ({
      body: row.body_name,
      href: committeeHref(row.body_slug),
      expected: row.expected,
      attended: row.attended,
      apologies: row.apologies,
      absent: row.expected - row.attended - row.apologies,
      percentage: percentage(row.attended, row.expected),
      /** Width of the bar in the chart, 0-100. */
      bar: row.expected ? Math.round((row.attended / row.expected) * 100) : 0,
    })),
    attendanceTotal: { ...totals, absent: totals.expected - totals.attended - totals.apologies, percentage: percentage(totals.attended, totals.expected) },
    declarations: input.declarations.map((row) => {
      const meeting = { id: row.meeting_id, date: row.date, body_slug: row.body_slug };
      const item = row.minute_number
        ? `Minute ${row.minute_number}: ${row.minute_title ?? ''}`.replace(/: $/, '')
        : row.agenda_item_number
          ? `Agenda item ${row.agenda_item_number}${row.agenda_item_title ? `: ${row.agenda_item_title}` : ''}`
          : undefined;
      return {
        date: formatShortDate(row.date),
        meeting: row.body_name,
        href: `${meetingHref(meeting)}#declarations`,
        kind: row.kind.charAt(0).toUpperCase() + row.kind.slice(1),
        reason: row.reason,
        ...(item ? { item } : {}),
      };
    }),
    questions: input.questions.map((row) => {
      const askedTo = displayName(row);
      const meeting = { id: row.meeting_id, date: row.date, body_slug: row.body_slug };
      return {
        date: formatShortDate(row.date),
        meeting: row.body_name,
        href: `${meetingHref(meeting)}#questions`,
        askedTo: [askedTo, row.to_role].filter(Boolean).join(', ') || 'Not recorded',
        ...(askedTo && row.asked_to_id ? { askedToHref: personHref(row.asked_to_id, askedTo) } : {}),
        question: paragraphs(row.question_text),
        answered: Boolean(row.answer_text),
      };
    }),
    votes,
    voteSummary:
      recorded === 0
        ? undefined
        : compared === 0
          ? `${recorded} recorded ${recorded === 1 ? 'vote' : 'votes'}. Political group not recorded, so no comparison with a group majority.`
          : `Voted with their group's majority in ${withGroup} of ${compared} recorded ${compared === 1 ? 'vote' : 'votes'} where the group's majority is known.`,
  };
}

export function presentCouncillors(rows: CouncillorRow[], photos: ReadonlyMap<string, PhotoSummary> = new Map()) {
  return rows.map((row) => {
    const name = displayName(row) ?? row.family_name;
    return {
      name,
      href: personHref(row.id, name),
      photo: presentPhoto(row.id, photos.get(row.id), 60),
      group: row.group_name ?? 'Not recorded',
      ward: row.ward_name ?? 'Not recorded',
      meetingsAttended: Number(row.meetings_attended ?? 0),
    };
  });
}
