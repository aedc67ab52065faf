/**
 * The committee workflow (docs/back-office.md): when agendas and minutes were published and approved, and corrections
 * made to minutes at their approval. Public: publication and approval are public facts; corrections of exempt minutes
 * are left out, as the minutes are.
 */
import { bool, id, instant, text } from '../fields.ts';
import type { ExportSection, TableRows } from '../table-section.ts';

const publicRows = (rows: TableRows): TableRows => {
  const exemptMinutes = new Set((rows.minute ?? []).filter((row) => row.exempt === true).map((row) => row.id));
  return {
    meeting_workflow: rows.meeting_workflow ?? [],
    meeting_address: rows.meeting_address ?? [],
    minute_correction: (rows.minute_correction ?? []).filter((row) => !exemptMinutes.has(row.minute_id)),
  };
};

export const meetingWorkflowSection: ExportSection = {
  name: 'meetingWorkflow',
  about: 'Publication and approval of agendas and minutes, and corrections to minutes (docs/back-office.md).',
  publicRule: "Every meeting's workflow; corrections except those of exempt minutes.",
  publicRows,
  tables: [
    {
      key: 'meetings',
      table: 'meeting_workflow',
      about: "A meeting's workflow; `id` is the meeting's. Once `minutesApprovedAt` is set the meeting's record is locked.",
      fields: {
        id,
        agendaPublishedAt: instant.nullable(),
        agendaPublishedLate: bool,
        minutesPublishedAt: instant.nullable(),
        minutesApprovedAt: instant.nullable(),
        minutesApprovedAtMeetingId: id.nullable(),
        approvalUndoneReason: text.nullable(),
      },
    },
    {
      key: 'meetingAddresses',
      table: 'meeting_address',
      about: "An address a meeting had before its date or its committee's address changed; answered with a permanent redirect.",
      fields: { slug: text, meetingId: id },
      key_columns: ['slug'],
    },
    {
      key: 'minuteCorrections',
      table: 'minute_correction',
      about: 'A correction to a minute, agreed when the minutes were approved.',
      fields: { id, minuteId: id, text, reason: text },
    },
  ],
};
