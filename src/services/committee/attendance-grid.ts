/**
 * attendanceGridSaver (issue 18 item 3): the whole attendance of a meeting from one form. The committee's members on
 * the meeting's day are each present, sent apologies or absent; a member who is not there may have a substitute;
 * officers and others are recorded as in attendance or also present. The grid replaces the meeting's attendance, so
 * an entry is corrected by changing it and removed by leaving it out (the audit log keeps what it said before).
 * The chair and vice-chair are named from the membership roles, not typed.
 */
import { z } from 'zod';
import { listAttendance, replaceAttendance } from '../../db/records/attendance.ts';
import { findWorkflow } from '../../db/records/meeting-workflow.ts';
import { listBodyMembersOn } from '../../db/records/memberships.ts';
import { listPeopleWithWards } from '../../db/records/people.ts';
import { distinctLabels, fullNameWithInitials } from '../../domain/members/attendance-names.ts';
import { committeeRole } from '../../domain/members/roster.ts';
import { NotFound } from '../../domain/errors.ts';
import { stableId } from '../../domain/stable-id.ts';
import { printedName } from './proceedings.ts';
import { asEditor, assertMinutesOpen, refuse, type CommitteeWriteProps, type Problems } from './context.ts';
import type { NewRow } from '../../db/types.ts';
import { findMeetingForEdit } from '../../db/records/meetings.ts';

const personId = z.string().min(1).max(200);

export const AttendanceGridSchema = z.object({
  /** One per member of the committee on the day. */
  members: z
    .array(z.object({ personId, status: z.enum(['present', 'apologies', 'absent'], 'Choose present, apologies or absent'), substituteId: personId.optional() }))
    .max(500),
  /** Officers and anyone else at the meeting. */
  others: z
    .array(
      z.object({
        personId,
        status: z.enum(['in-attendance', 'also-present'], 'Choose in attendance or also present'),
        role: z.string().trim().max(200).optional(),
      }),
    )
    .max(200),
});
export type AttendanceGrid = z.infer<typeof AttendanceGridSchema>;

const ROLE_TITLES: Record<string, string> = { chair: 'Chair', 'vice-chair': 'Vice-Chair' };

export async function attendanceGridSaver(props: CommitteeWriteProps & AttendanceGrid & { meetingId: string }): Promise<{ saved: number }> {
  return asEditor(props, async (trx) => {
    const meeting = await findMeetingForEdit(trx, props.meetingId);
    if (!meeting) throw NotFound('Meeting not found');
    await assertMinutesOpen(trx, meeting.id);
    const [members, people] = await Promise.all([listBodyMembersOn(trx, meeting.body_id, meeting.date), listPeopleWithWards(trx)]);
    const byId = new Map(people.map((person) => [person.id, person]));
    const labels = distinctLabels(people);
    const name = (id: string) => labels.get(id) ?? id;
    const problems: Problems = [];
    const memberIds = new Set(members.map((member) => member.id));
    const seen = new Map<string, string>();
    const rows: Array<NewRow<'attendance'>> = [];
    const once = (id: string, field: string) => {
      const earlier = seen.get(id);
      if (earlier) problems.push({ field, message: `${name(id)} is already recorded on this grid` });
      seen.set(id, field);
      return !earlier;
    };
    const row = (
      id: string,
      status: NewRow<'attendance'>['status'],
      extra: { role?: string | null; substituteFor?: string | null } = {},
    ): NewRow<'attendance'> => ({
      id: stableId('attendance', meeting.id, id, status),
      meeting_id: meeting.id,
      person_id: id,
      status,
      role: extra.role ?? null,
      printed_name: printedName(byId.get(id)!),
      substitute_for_person_id: extra.substituteFor ?? null,
      source_document_id: null,
      source_line_from: null,
      source_line_to: null,
    });

    for (const entry of props.members) {
      const field = `status-${entry.personId}`;
      if (!memberIds.has(entry.personId)) {
        problems.push({ field, message: `${name(entry.personId)} is not a member of ${meeting.body_name} on the day of the meeting` });
        continue;
      }
      if (!once(entry.personId, field)) continue;
      const membership = members.find((member) => member.id === entry.personId)!;
      const role = ROLE_TITLES[committeeRole(membership.role) ?? ''] ?? null;
      rows.push(row(entry.personId, entry.status, { role }));
      if (entry.substituteId) {
        const subField = `sub-${entry.personId}`;
        if (entry.status === 'present') problems.push({ field: subField, message: `${name(entry.personId)} was present, so nobody substituted for them` });
        else if (!byId.has(entry.substituteId) || byId.get(entry.substituteId)!.kind !== 'member')
          problems.push({ field: subField, message: 'Choose a councillor as the substitute' });
        else if (entry.substituteId === entry.personId) problems.push({ field: subField, message: 'A member cannot substitute for themselves' });
        else if (once(entry.substituteId, subField)) rows.push(row(entry.substituteId, 'substitute', { substituteFor: entry.personId }));
      }
    }
    const missing = members.filter((member) => !props.members.some((entry) => entry.personId === member.id));
    for (const member of missing) problems.push({ field: `status-${member.id}`, message: `Choose present, apologies or absent for ${name(member.id)}` });

    props.others.forEach((entry, index) => {
      const field = `other-${index}`;
      if (!byId.has(entry.personId)) problems.push({ field, message: 'Choose a person from the list' });
      else if (once(entry.personId, field)) rows.push(row(entry.personId, entry.status, { role: entry.role ?? byId.get(entry.personId)!.job_title ?? null }));
    });
    refuse(problems);
    await replaceAttendance(trx, meeting.id, rows);
    return { saved: rows.length };
  });
}

/** The grid as the form shows it: members with their current entry (present by default), then everyone else recorded. */
export async function attendanceGridView(props: Pick<CommitteeWriteProps, 'database'> & { meetingId: string }) {
  const db = props.database.db;
  const meeting = await findMeetingForEdit(db, props.meetingId);
  if (!meeting) throw NotFound('Meeting not found');
  const [members, people, attendance, workflow] = await Promise.all([
    listBodyMembersOn(db, meeting.body_id, meeting.date),
    listPeopleWithWards(db),
    listAttendance(db, meeting.id),
    findWorkflow(db, meeting.id),
  ]);
  const labels = distinctLabels(people);
  const memberIds = new Set(members.map((member) => member.id));
  const entryOf = (id: string) => attendance.find((row) => row.person_id === id);
  const substituteOf = (id: string) => attendance.find((row) => row.status === 'substitute' && row.substitute_for_person_id === id);
  return {
    meeting,
    locked: Boolean(workflow?.minutes_approved_at),
    members: members.map((member) => {
      const role = committeeRole(member.role);
      const recorded = entryOf(member.id)?.status;
      return {
        id: member.id,
        name: labels.get(member.id) ?? fullNameWithInitials(member),
        role: role === 'chair' || role === 'vice-chair' ? ROLE_TITLES[role] : undefined,
        // Present unless recorded otherwise: most members attend, and the clerk marks the exceptions.
        status: recorded === 'apologies' || recorded === 'absent' ? recorded : 'present',
        substituteId: substituteOf(member.id)?.person_id,
      };
    }),
    // Councillors who may substitute: every member not on the committee that day.
    substitutes: people
      .filter((person) => person.kind === 'member' && !memberIds.has(person.id))
      .map((person) => ({ id: person.id, name: labels.get(person.id)! })),
    everyone: people
      .filter((person) => !memberIds.has(person.id))
      .map((person) => ({
        id: person.id,
        name: `${labels.get(person.id)!}${person.kind === 'officer' ? ', officer' : ''}${person.job_title ? `, ${person.job_title}` : ''}`,
      })),
    others: attendance
      .filter((row) => row.status === 'in-attendance' || row.status === 'also-present')
      .map((row) => ({ personId: row.person_id, status: row.status, role: row.role ?? '' })),
    /** People recorded before the grid (for example imported) who are not members that day and not listed as others. */
    unlisted: attendance
      .filter((row) => !memberIds.has(row.person_id) && ['present', 'apologies', 'absent'].includes(row.status))
      .map((row) => row.printed_name),
  };
}
