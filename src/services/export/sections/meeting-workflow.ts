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
    minute_correction: (rows.minute_correction ?? []).filter((row) => !exemptMinutes.has(row.minute_id)),
  };
};

export const meetingWorkflowSection: ExportSection = {
  name: 'meetingWorkflow',
  about: 'Publication and approval of agendas and minutes, and corrections to minutes (docs/back-office.md).',
  publicRule: 'Every meeting\'s workflow; corrections except those of exempt minutes.',
  publicRows,
  tables: [
    {
      key: 'meetings',
      table: 'meeting_workflow',
      about: 'A meeting\'s workflow; `id` is the meeting\'s. Once `minutesApprovedAt` is set the meeting\'s record is locked.',
      fields: {
        id,
        agendaPublishedAt: instant.nullable(),
        agendaPublishedLate: bool,
        minutesPublishedAt: instant.nullable(),
        minutesApprovedAt: instant.nullable(),
        minutesApprovedAtMeetingId: id.nullable(),
      },
    },
    { key: 'minuteCorrections', table: 'minute_correction', about: 'A correction to a minute, agreed when the minutes were approved.', fields: { id, minuteId: id, text, reason: text } },
  ],
};
