/**
 * Scrutiny (docs/scrutiny.md): call-ins, reviews and their recommendations, who owns each, the executive's
 * responses, every change of status, the tracking sheets, and the reminders sent.
 * Public: only published recommendations (an unpublished one is still being drafted), the items that carry them,
 * their responses and status history (without the officer's account), no owners' instructions, tracking notes or
 * reminders (they name officers' e-mail addresses).
 */
import { bool, day, id, instant, int, json, source, text, texts } from '../fields.ts';
import type { ExportSection, TableRows } from '../table-section.ts';

const publicRows = (rows: TableRows): TableRows => {
  const recommendations = (rows.scrutiny_recommendation ?? []).filter((row) => row.published === true);
  const recommendationIds = new Set(recommendations.map((row) => row.id));
  const itemIds = new Set(recommendations.map((row) => row.item_id));
  const ofPublished = (table: string) => (rows[table] ?? []).filter((row) => recommendationIds.has(row.recommendation_id));
  return {
    scrutiny_item: (rows.scrutiny_item ?? []).filter((row) => itemIds.has(row.id)),
    scrutiny_recommendation: recommendations.map((row) => ({ ...row, tracking_notes: null })),
    scrutiny_action_owner: ofPublished('scrutiny_action_owner').map((row) => ({ ...row, instruction: null })),
    scrutiny_response: ofPublished('scrutiny_response'),
    scrutiny_status_change: ofPublished('scrutiny_status_change').map((row) => ({ ...row, actor: '' })),
    scrutiny_tracking_sheet: rows.scrutiny_tracking_sheet ?? [],
    scrutiny_tracking_row: (rows.scrutiny_tracking_row ?? []).map((row) =>
      row.recommendation_id === null || recommendationIds.has(row.recommendation_id) ? row : { ...row, recommendation_id: null },
    ),
  };
};

export const scrutinySection: ExportSection = {
  name: 'scrutiny',
  about: 'Scrutiny items (call-ins, reviews), their recommendations and what became of them (docs/scrutiny.md).',
  publicRule:
    "Published recommendations only, with the items that carry them, their responses and status history (`actor` empty), their owners without `instruction`, `trackingNotes` null; every tracking sheet, a row's `recommendationId` null when it points at an unpublished recommendation; no reminders.",
  publicRows,
  tables: [
    {
      key: 'items',
      table: 'scrutiny_item',
      about: 'A call-in, a review or a recommendation of the Policy Overview and Scrutiny Committee.',
      json: ['call_in_points'],
      fields: {
        id,
        authorityId: id,
        kind: text.describe('`call-in` | `review` | `posc-recommendation`'),
        bodyId: id.describe('The scrutiny body.'),
        meetingId: id.describe('The meeting that considered it.'),
        title: text,
        subtitle: text.nullable(),
        portfolioPrinted: text.nullable(),
        portfolioHolderId: id.nullable(),
        synopsis: text.nullable(),
        callInReason: text.nullable(),
        callInPoints: json.describe('`[{ letter, text }]`: the points of a call-in.'),
        witnesses: texts,
        decisionId: id.nullable().describe('The decision called in.'),
        reportId: id.nullable(),
        addressedTo: text.nullable(),
        executiveResponse: text.nullable(),
        executiveResponseDate: day.nullable(),
        ...source,
      },
    },
    {
      key: 'recommendations',
      table: 'scrutiny_recommendation',
      about: 'One recommendation of an item, tracked until it is implemented or closed.',
      fields: {
        id,
        itemId: id,
        number: int,
        text: text.nullable(),
        context: text.nullable(),
        addressee: text.nullable(),
        status: text.describe('One of the statuses in docs/scrutiny.md, e.g. `PENDING`, `RESPONSE RECEIVED`.'),
        dueDate: day.describe('When the response is due.'),
        receivedOn: day.nullable().describe('When the executive received it; null: the day of the meeting that made it.'),
        trackingNotes: text.nullable(),
        published: bool,
        version: int.describe('Bumped by every update (stale saves are refused).'),
        ...source,
      },
    },
    {
      key: 'actionOwners',
      table: 'scrutiny_action_owner',
      about: 'Who must act on a recommendation.',
      fields: { id, recommendationId: id, personId: id.nullable(), printed: text, instruction: text.nullable(), position: int },
    },
    {
      key: 'responses',
      table: 'scrutiny_response',
      about: "The executive's response to a recommendation.",
      fields: { id, recommendationId: id, text, responseDate: day.nullable(), responderId: id.nullable(), responderPrinted: text.nullable(), ...source },
    },
    {
      key: 'statusChanges',
      table: 'scrutiny_status_change',
      about: "Every change of a recommendation's status, append-only.",
      identity: 'id',
      order: (row) => [Number(row.id)],
      fields: {
        id: id.describe("A number, as text (the history's own sequence)."),
        recommendationId: id,
        fromStatus: text.nullable(),
        toStatus: text,
        effectiveDate: day,
        reason: text,
        actor: text.describe('Who made the change (as in the audit log).'),
        createdAt: instant.describe('When the change was recorded: part of the history, so kept.'),
      },
    },
    {
      key: 'trackingSheets',
      table: 'scrutiny_tracking_sheet',
      about: 'A recommendations tracking sheet as printed in a paper.',
      fields: { id, bodyId: id, sheetDate: day, title: text, ...source },
    },
    {
      key: 'trackingRows',
      table: 'scrutiny_tracking_row',
      about: 'A line of a tracking sheet.',
      fields: {
        id,
        sheetId: id,
        position: int,
        itemPrinted: text,
        meetingDate: day,
        recommendationNumber: int,
        statusPrinted: text,
        notes: text.nullable(),
        recommendationId: id.nullable(),
        sourceLine: int.nullable(),
      },
    },
    {
      key: 'reminders',
      table: 'scrutiny_reminder',
      about: 'A reminder e-mail sent about overdue or due recommendations; kept so a restored Quorum does not send it again.',
      identity: 'id',
      order: (row) => [Number(row.id)],
      fields: {
        id: id.describe('A number, as text.'),
        kind: text.describe('`before-deadline` | `after-deadline` | `weekly-digest`'),
        dedupeKey: text,
        personId: id,
        email: text,
        recommendationIds: texts,
        asAt: day,
        subject: text,
        messageId: text.nullable(),
        sentAt: instant,
      },
    },
  ],
};
