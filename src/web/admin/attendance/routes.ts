/**
 * The attendance grid of a meeting (issue 18 item 3): one form, pre-filled with the committee's members on the day,
 * saved as a whole. Fields: status-<person id> and sub-<person id> per member; other-<n>, otherStatus-<n> and
 * otherRole-<n> per officer or other person in attendance (empty rows are ignored).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FeatureDeps } from '../../../http/feature.ts';
import { linkTo, ROUTES } from '../../../http/routes.ts';
import { attendanceGridSaver, AttendanceGridSchema, attendanceGridView } from '../../../services/committee/attendance-grid.ts';
import { formAction } from '../form-action.ts';
import { formErrors, type Problem } from '../../shared/forms.ts';
import { longDate } from '../presenters.ts';

const IdParams = z.object({ id: z.string().min(1).max(200) });
/** Blank rows offered for officers and others, beyond those already recorded. */
const SPARE_ROWS = 3;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The form's flat fields as the service's grid. */
export function gridFromForm(fields: Record<string, unknown>): unknown {
  const members = Object.keys(fields)
    .filter((name) => name.startsWith('status-'))
    .map((name) => {
      const id = name.slice('status-'.length);
      const substituteId = text(fields[`sub-${id}`]);
      return { personId: id, status: text(fields[name]) || undefined, ...(substituteId ? { substituteId } : {}) };
    });
  const others = Object.keys(fields)
    .filter((name) => /^other-\d+$/.test(name) && text(fields[name]))
    .map((name) => {
      const index = name.slice('other-'.length);
      const role = text(fields[`otherRole-${index}`]);
      return { personId: text(fields[name]), status: text(fields[`otherStatus-${index}`]) || 'in-attendance', ...(role ? { role } : {}) };
    });
  return { members, others };
}

export async function attendanceGridRoutes(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  app.get(ROUTES['admin.meeting.attendanceGrid'], (request, reply) => getMeetingAttendanceGrid(deps, request, reply));
  app.post(ROUTES['admin.meeting.attendanceGrid'], (request, reply) => postMeetingAttendanceGrid(deps, request, reply));
}

async function gridPage(
  deps: FeatureDeps,
  reply: FastifyReply,
  id: string,
  failure?: { values: Record<string, unknown>; problems: Problem[]; status: number },
) {
  const { database } = deps;
  const view = await attendanceGridView({ database, meetingId: id });
  const values = failure?.values;
  const members = view.members.map((member) => ({
    ...member,
    status: values ? text(values[`status-${member.id}`]) : member.status,
    substituteId: values ? text(values[`sub-${member.id}`]) : (member.substituteId ?? ''),
  }));
  const recordedOthers = values
    ? Object.keys(values)
        .filter((name) => /^other-\d+$/.test(name))
        .map((name) => ({
          personId: text(values[name]),
          status: text(values[`otherStatus-${name.slice(6)}`]),
          role: text(values[`otherRole-${name.slice(6)}`]),
        }))
    : view.others;
  const others = [
    ...recordedOthers.filter((row) => row.personId),
    ...Array.from({ length: SPARE_ROWS }, () => ({ personId: '', status: 'in-attendance', role: '' })),
  ];
  return reply.code(failure?.status ?? 200).view('admin/attendance-grid.njk', {
    pageTitle: `${failure ? 'Error: ' : ''}Attendance: ${view.meeting.body_name}, ${longDate(view.meeting.date)}`,
    meeting: { ...view.meeting, longDate: longDate(view.meeting.date) },
    locked: view.locked,
    members,
    substitutes: view.substitutes,
    everyone: view.everyone,
    others,
    unlisted: view.unlisted,
    errors: failure ? formErrors(failure.problems) : undefined,
    action: linkTo('admin.meeting.attendanceGrid', { id }),
    back: linkTo('admin.meeting', { id }),
  });
}

async function getMeetingAttendanceGrid(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  return gridPage(deps, reply, IdParams.parse(request.params).id);
}

async function postMeetingAttendanceGrid(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { id } = IdParams.parse(request.params);
  const values = (request.body ?? {}) as Record<string, unknown>;
  const grid = AttendanceGridSchema.safeParse(gridFromForm(values));
  if (!grid.success) {
    // Name the row: members[2].status -> the third member's radios.
    const problems = grid.error.issues.map((issue) => {
      const [list, index, key] = issue.path as [string, number, string];
      const entry = (gridFromForm(values) as { members: Array<{ personId: string }>; others: unknown[] })[list as 'members']?.[index];
      const field = list === 'members' && entry ? `${key === 'substituteId' ? 'sub' : 'status'}-${entry.personId}` : `other-${index}`;
      return { field, message: issue.message };
    });
    return gridPage(deps, reply, id, { values, problems, status: 400 });
  }
  return formAction({
    schema: z.object({}),
    body: {},
    run: async () => {
      await attendanceGridSaver({ database, actor: request.user!, meetingId: id, ...grid.data });
      return linkTo('admin.meeting', { id });
    },
    fail: (problems, status) => gridPage(deps, reply, id, { values, problems, status }),
    redirect: (url) => reply.redirect(url, 303),
  });
}
