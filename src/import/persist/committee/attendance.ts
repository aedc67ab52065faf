/**
 * Who attended a meeting, and the officers a paper names. Members printed with a group ("(Labour)") become members
 * of that group.
 */
import type { PartyName } from '../../../domain/political-party.ts';
import { splitRoleAndParty } from '../../../domain/political-party.ts';
import { stableId } from '../../../domain/stable-id.ts';
import type { AttendanceRecord, MeetingRecord } from '../../types.ts';
import { sourceOf } from '../context.ts';
import type { PersonContext } from '../people.ts';
import type { FileScope } from './scope.ts';

/**
 * Present members first, since the attendance lists print names in full and later short forms resolve against them.
 * Returns the ids of the people present.
 */
export function recordAttendance(scope: FileScope, meeting: MeetingRecord, meetingId: string): Set<string> {
  const { ctx, batch, person } = scope;
  const presentIds = new Set<string>();
  const ordered = [...meeting.attendance].sort((a, b) => attendanceOrder(a) - attendanceOrder(b));
  for (const record of ordered) {
    // "(Labour)" beside a name is the member's group, not a role at the meeting.
    const { party, role } = record.role && !record.officer ? splitRoleAndParty(record.role) : { party: undefined, role: record.role };
    const context: PersonContext = {
      kind: record.officer ? 'officer' : 'member',
      role,
      preferIds: presentIds,
      jobTitle: record.officer ? record.role : undefined,
    };
    const personId = person(record.name, context, record.lineFrom);
    if (!personId) continue;
    if (record.status === 'present' || record.status === 'substitute') presentIds.add(personId);
    if (party) addGroupMember(scope, party, personId);
    const substituteFor = record.substituteFor ? person(record.substituteFor, { kind: 'member' }, record.lineFrom) : undefined;
    batch.add('attendance', {
      id: stableId('attendance', meetingId, personId, record.status),
      meeting_id: meetingId,
      person_id: personId,
      status: record.status,
      role: role ?? null,
      printed_name: record.name.printed,
      substitute_for_person_id: substituteFor ?? null,
      ...sourceOf(ctx, record),
    });
  }
  return presentIds;
}

/** Officers the paper names (the meeting's contact): on record as officers of the council, not as attending. */
export function recordOfficers(scope: FileScope, meeting: MeetingRecord): void {
  for (const officer of meeting.officers ?? []) {
    scope.person(officer.name, { kind: 'officer', ...(officer.jobTitle ? { jobTitle: officer.jobTitle, role: officer.jobTitle } : {}) }, officer.lineFrom);
  }
}

/**
 * A member printed with a group: the group (added when new) and the membership (added when not on record). The paper
 * shows membership on the meeting's date only, so the membership's start and end stay unknown (null).
 */
function addGroupMember(scope: FileScope, party: PartyName, personId: string): void {
  let group = scope.groups.get(party.name);
  if (!group) {
    const id = stableId('political-group', scope.ctx.authorityName, party.name);
    scope.batch.add('political_group', { id, authority_id: scope.ctx.authorityId, name: party.name, abbreviation: party.abbreviation ?? null });
    group = { id, memberIds: new Set() };
    scope.groups.set(party.name, group);
  }
  if (group.memberIds.has(personId)) return;
  group.memberIds.add(personId);
  scope.batch.add('group_membership', {
    id: stableId('group-membership', personId, group.id),
    person_id: personId,
    group_id: group.id,
    role: null,
    start_date: null,
    end_date: null,
  });
}

/** Members present first, then the rest: short forms in apologies resolve against full names. */
function attendanceOrder(record: AttendanceRecord): number {
  if (record.status === 'present') return 0;
  if (record.status === 'substitute') return 1;
  if (record.status === 'also-present') return 2;
  if (record.status === 'in-attendance') return 3;
  return 4;
}
