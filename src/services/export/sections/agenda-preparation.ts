/**
 * Preparing agendas (docs/back-office.md): bodies' standing items and report requests. Never public: a request holds
 * what an officer submitted before it was cleared; a cleared report is exported as a report with its agenda item.
 */
import { day, id, instant, int, text } from '../fields.ts';
import type { ExportSection } from '../table-section.ts';

export const agendaPreparationSection: ExportSection = {
  name: 'agendaPreparation',
  about: "Bodies' standing items, and reports requested from officers for agenda items (docs/back-office.md).",
  publicRule: 'Left out.',
  tables: [
    {
      key: 'standingItems',
      table: 'standing_item',
      about: "One of a body's standing items; every new meeting's agenda starts with them in `position` order.",
      fields: { id, bodyId: id, position: int, title: text },
    },
    {
      key: 'reportRequests',
      table: 'report_request',
      about: "A report asked of an officer for an agenda item by a deadline: requested, submitted, returned or cleared (then `reportId` is the item's report).",
      fields: {
        id,
        agendaItemId: id,
        officerAccountId: text.describe('The account asked (accounts are not exported).'),
        officerName: text,
        deadline: day,
        note: text.nullable(),
        state: text.describe('`requested`, `submitted`, `returned` or `cleared`'),
        submittedText: text.nullable(),
        originalFileSha256: text.nullable().describe('The uploaded file (an entry in `files`).'),
        originalFilename: text.nullable(),
        originalMediaType: text.nullable(),
        submittedAt: instant.nullable(),
        returnedReason: text.nullable(),
        clearedAt: instant.nullable(),
        reportId: id.nullable(),
      },
    },
  ],
};
