/**
 * The meeting page of the back office: everything about one meeting on one page (agenda, publication, attendance,
 * declarations, minutes and their approval), each section its own form. When one form fails, the page is rendered
 * again with that form's values and errors and the others as they were.
 */
import type { FastifyReply } from 'fastify';
import type { DatabaseHandle } from '../../../db/engine.ts';
import * as store from '../../../db/queries/admin/meeting-pages.ts';
import { listReportRequestsOfMeeting } from '../../../db/repositories/agenda-preparation.ts';
import { REPORT_REQUEST_STATE_LABELS } from '../../../domain/agenda/report-requests.ts';
import { NotFound } from '../../../http/errors.ts';
import { formErrors, type Problem } from '../../shared/forms.ts';
import { meetingStart } from '../../../domain/meetings/approval-order.ts';
import { longDate, personItems, personName, selectItems, stamp } from '../presenters.ts';
import { meetingDocumentsIndex } from '../../../services/documents/meeting-documents-index.ts';
import { presentMeetingDocuments } from '../../meetings/presenters/meeting-documents.ts';
import { listPersonChoices } from '../../../db/records/people.ts';
import { findMeetingForEdit } from '../../../db/records/meetings.ts';
import { listAgendaItemRows } from '../../../db/records/agenda-items.ts';

export type HubForm =
  | 'details'
  | 'cancel'
  | 'agenda'
  | 'publish'
  | 'withdrawAgenda'
  | 'attendance'
  | 'declaration'
  | 'minute'
  | 'publishMinutes'
  | 'withdrawMinutes'
  | 'approve'
  | 'undoApproval'
  | 'withdraw';

export interface HubFailure {
  form: HubForm;
  values: Record<string, unknown>;
  problems: Problem[];
  status: number;
}

const ATTENDANCE_LABELS: Record<string, string> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
  substitute: 'Substitute',
  'also-present': 'Also present',
  'in-attendance': 'In attendance',
};

export async function renderMeetingHub(reply: FastifyReply, database: DatabaseHandle, meetingId: string, failure?: HubFailure): Promise<unknown> {
  const db = database.db;
  const meeting = await findMeetingForEdit(db, meetingId);
  if (!meeting) throw NotFound('Meeting not found');
  const [workflow, items, attendance, declarations, minutes, people, later, voteEvents, documents] = await Promise.all([
    store.findWorkflow(db, meeting.id),
    listAgendaItemRows(db, meeting.id),
    store.listAttendance(db, meeting.id),
    store.listDeclarations(db, meeting.id),
    store.listMinutes(db, meeting.id),
    listPersonChoices(db),
    store.listLaterMeetingsOfBody(db, meeting.body_id, meeting.date),
    store.listMeetingVoteEvents(db, meetingId),
    meetingDocumentsIndex(db, { meetingId: meeting.id, audience: 'officers' }),
  ]);
  const requests = new Map(
    (await listReportRequestsOfMeeting(db, meeting.id)).map((row) => [
      row.agenda_item_id,
      { id: row.id, stateLabel: REPORT_REQUEST_STATE_LABELS[row.state], officer: row.officer_name, deadline: longDate(row.deadline) },
    ]),
  );
  const resolutions = await store.listResolutions(
    db,
    minutes.map((minute) => minute.id),
  );
  const approvedAt = workflow?.minutes_approved_at_meeting_id ? await findMeetingForEdit(db, workflow.minutes_approved_at_meeting_id) : undefined;
  const form = (name: HubForm, prefix: string) => {
    const failed = failure?.form === name ? failure : undefined;
    return { values: failed?.values ?? {}, errors: failed?.problems.length ? formErrors(failed.problems, prefix) : undefined };
  };
  const attendanceForm = form('attendance', 'attendance-');
  const declarationForm = form('declaration', 'declaration-');
  const approveForm = form('approve', 'approve-');
  const locked = Boolean(workflow?.minutes_approved_at);
  // Only meetings that have begun can approve minutes (domain/meetings/approval-order.ts); the service checks again.
  const now = Date.now();
  const begun = later.filter((row) => meetingStart({ date: row.date, startTime: row.start_time }).getTime() <= now);
  const published = !workflow || Boolean(workflow.agenda_published_at || workflow.minutes_published_at);
  return reply.code(failure?.status ?? 200).view('admin/meeting.njk', {
    pageTitle: `${failure ? 'Error: ' : ''}${meeting.body_name}, ${longDate(meeting.date)}`,
    meeting: { ...meeting, longDate: longDate(meeting.date) },
    workflow: {
      agendaPublished: stamp(workflow?.agenda_published_at),
      agendaLate: workflow?.agenda_published_late ?? false,
      minutesPublished: stamp(workflow?.minutes_published_at),
      minutesApproved: stamp(workflow?.minutes_approved_at),
      approvedAt: approvedAt ? { id: approvedAt.id, longDate: longDate(approvedAt.date) } : undefined,
      locked,
      undoneReason: workflow?.approval_undone_reason ?? undefined,
      /** Nothing public yet: the meeting may be deleted; otherwise withdrawn with a reason. */
      deletable: !published && !locked,
      withdrawable: published && !locked && !meeting.withdrawn_at,
    },
    items: items.map((item) => ({ ...item, request: requests.get(item.id) })),
    meetingDocuments: presentMeetingDocuments(documents, 'restricted'),
    attendance: attendance.map((row) => ({
      ...row,
      statusLabel: ATTENDANCE_LABELS[row.status] ?? row.status,
      substituteFor: row.substitute_for_family_name
        ? personName({ honorific: null, given_name: row.substitute_for_given_name, family_name: row.substitute_for_family_name })
        : undefined,
    })),
    declarations: declarations.map((row) => ({ ...row, name: personName(row) })),
    minutes: minutes.map((minute) => ({
      ...minute,
      resolutions: resolutions.filter((resolution) => resolution.minute_id === minute.id),
      votes: voteEvents.filter((event) => event.minute_id === minute.id),
    })),
    forms: {
      details: form('details', 'details-'),
      cancel: form('cancel', 'cancel-'),
      agenda: form('agenda', 'agenda-'),
      publish: form('publish', 'publish-'),
      attendance: {
        ...attendanceForm,
        people: personItems(people, attendanceForm.values.personId),
        substitutes: personItems(people, attendanceForm.values.substituteForPersonId, 'Not a substitute'),
      },
      declaration: { ...declarationForm, people: personItems(people, declarationForm.values.personId) },
      minute: form('minute', 'minute-'),
      publishMinutes: form('publishMinutes', 'publishMinutes-'),
      approve: {
        ...approveForm,
        meetings: selectItems(
          begun.map((row) => ({ value: row.id, text: longDate(row.date) })),
          approveForm.values.atMeetingId,
          'Choose the meeting',
        ),
      },
      undoApproval: form('undoApproval', 'undoApproval-'),
      withdraw: form('withdraw', 'withdraw-'),
    },
    error: failure ? formErrors(failure.problems, `${failure.form}-`) : undefined,
  });
}
