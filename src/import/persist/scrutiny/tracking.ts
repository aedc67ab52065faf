/**
 * Tracking sheets as printed, row by row, each row linked to its recommendation: one of this paper's call-ins, or,
 * for an item this paper does not describe, the recommendation of an earlier paper (its status following the sheet
 * where the change is allowed) or a new record of what the sheet says.
 */
import * as store from '../../../db/repositories/scrutiny.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import { responseDeadline } from '../../../domain/scrutiny/deadline.ts';
import { checkTransition, importedStatus, isScrutinyStatus } from '../../../domain/scrutiny/status.ts';
import { compareTitles } from '../../../domain/scrutiny/titles.ts';
import { stableId } from '../../../domain/stable-id.ts';
import type { ScrutinyExtract, TrackingRowRecord, TrackingSheetRecord } from '../../extract/scrutiny/types.ts';
import type { CallInRecommendations } from './call-ins.ts';
import type { UnmatchedRow } from './match.ts';
import type { OnRecord } from './on-record.ts';
import { meetingId, type Places } from './places.ts';
import { addItem, recordHistory, type ScrutinyScope } from './scope.ts';

interface Found {
  places: Places;
  unmatched: UnmatchedRow[];
  callInRecommendations: CallInRecommendations;
  onRecord: OnRecord;
}

export function gatherTrackingSheets(scope: ScrutinyScope, extract: ScrutinyExtract, found: Found): void {
  const { ctx, batch } = scope;
  for (const sheet of extract.trackingSheets) {
    const committeeId = found.places.sheetBodies.get(sheet)!;
    const sheetId = stableId('scrutiny-tracking-sheet', committeeId, sheet.date);
    batch.add('scrutiny_tracking_sheet', {
      id: sheetId,
      body_id: committeeId,
      sheet_date: sheet.date,
      title: sheet.title,
      source_document_id: ctx.sourceId,
      source_line_from: sheet.lineFrom,
      source_line_to: sheet.lineTo,
    });
    for (const [index, row] of sheet.rows.entries()) {
      let recommendationId = found.callInRecommendations.get(`${row.meetingDate}|${row.recommendationNumber}|${row.item}`);
      if (!recommendationId && found.unmatched.some((entry) => entry.row === row)) {
        recommendationId = trackedElsewhere(scope, found, { committeeId, sheet, row });
      }
      batch.add('scrutiny_tracking_row', {
        id: stableId('scrutiny-tracking-row', sheetId, index + 1),
        sheet_id: sheetId,
        position: index + 1,
        item_printed: row.item,
        meeting_date: row.meetingDate,
        recommendation_number: row.recommendationNumber,
        status_printed: row.status,
        notes: row.notes ?? null,
        recommendation_id: recommendationId ?? null,
        source_line: row.line,
      });
    }
  }
}

interface SheetRow {
  committeeId: string;
  sheet: TrackingSheetRecord;
  row: TrackingRowRecord;
}

/** A row for an item this paper does not describe: the item on record (or gathered) with a title like the row's. */
function trackedElsewhere(scope: ScrutinyScope, found: Found, at: SheetRow): string | undefined {
  const { row } = at;
  const meeting = meetingId(found.places, at.committeeId, row.meetingDate);
  const items = [
    ...(found.onRecord.itemsByMeeting.get(meeting) ?? []),
    ...scope.batch.rowsOf('scrutiny_item').filter((candidate) => candidate.meeting_id === meeting),
  ];
  const item = items.find((candidate) => compareTitles(candidate.title, row.item) !== 'different');
  if (item) {
    if (compareTitles(item.title, row.item) === 'near') {
      scope.issues.push({
        severity: 'warning',
        line: row.line,
        message: `Tracking sheet row at line ${row.line} prints "${row.item}" where the record says "${item.title}"; kept as printed and linked. Check the paper.`,
      });
    }
    const existing = followExisting(scope, found.onRecord, item.id, at);
    if (existing) return existing;
  }
  return recordFromSheet(scope, found.onRecord, { meeting, itemId: item?.id }, at);
}

/** The item's recommendation of the row's number, gathered or on record, its status moved on where allowed. */
function followExisting(scope: ScrutinyScope, onRecord: OnRecord, itemId: string, { sheet, row }: SheetRow): string | undefined {
  const printed = row.status.toUpperCase();
  const gathered = scope.batch
    .rowsOf('scrutiny_recommendation')
    .find((candidate) => candidate.item_id === itemId && candidate.number === row.recommendationNumber);
  const existing = gathered ?? onRecord.recommendationsByItem.get(itemId)?.find((candidate) => candidate.number === row.recommendationNumber);
  if (!existing) return undefined;
  if (isScrutinyStatus(printed) && printed !== existing.status) {
    const check = checkTransition(existing.status, printed);
    if (check.allowed) {
      const from = existing.status;
      // Later rows of the paper see the status this one set.
      existing.status = printed;
      if (!gathered) scope.statusUpdates.set(existing.id, printed);
      recordHistory(scope, existing.id, from, printed, sheet.date, `Tracking sheet of ${sheet.date}, line ${row.line}`);
    } else {
      scope.issues.push({
        severity: 'warning',
        line: row.line,
        message: `Tracking sheet line ${row.line} says ${printed} but the record is ${existing.status}: ${check.reason}. Left as it was.`,
      });
    }
  }
  return existing.id;
}

/** A new record of what the sheet says: the item (unless known) and a recommendation whose words are in the minutes. */
function recordFromSheet(scope: ScrutinyScope, onRecord: OnRecord, on: { meeting: string; itemId: string | undefined }, at: SheetRow): string {
  const { ctx, batch } = scope;
  const { committeeId, sheet, row } = at;
  const itemId = on.itemId ?? stableId('scrutiny-item', on.meeting, row.item);
  if (!on.itemId) {
    addItem(scope, {
      id: itemId,
      authority_id: ctx.authorityId,
      kind: 'call-in',
      body_id: committeeId,
      meeting_id: on.meeting,
      title: row.item,
      ...store.ITEM_WITHOUT_DETAILS,
      addressed_to: null,
      source_document_id: ctx.sourceId,
      source_line_from: row.line,
      source_line_to: row.line,
    });
  }
  const id = stableId('scrutiny-recommendation', itemId, row.recommendationNumber);
  const printed = row.status.toUpperCase();
  const status = importedStatus({ printed, responses: 0 });
  if (!isScrutinyStatus(printed)) {
    scope.issues.push({
      severity: 'warning',
      line: row.line,
      message: `Tracking sheet line ${row.line}: "${row.status}" is not a status Quorum knows; recorded as ${status}.`,
    });
  }
  if (batch.has('scrutiny_recommendation', id) || onRecord.recommendationIds.has(id)) return id;
  batch.add('scrutiny_recommendation', {
    id,
    item_id: itemId,
    number: row.recommendationNumber,
    // The sheet prints only the number; the words are in the minutes of that meeting.
    text: null,
    context: null,
    addressee: null,
    status,
    due_date: responseDeadline(row.meetingDate, scope.months),
    tracking_notes: row.notes ?? null,
    published: true,
    source_document_id: ctx.sourceId,
    source_line_from: row.line,
    source_line_to: row.line,
  });
  recordHistory(scope, id, null, status, sheet.date, `Imported from the tracking sheet of ${formatShortDate(sheet.date)}, line ${row.line}`);
  return id;
}
