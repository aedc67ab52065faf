/**
 * Which tracking rows of a paper track which call-in of the same paper. A row whose title differs slightly from its
 * call-in is linked and reported, never silently merged or split; rows matching no call-in are tracked elsewhere.
 */
import { compareTitles } from '../../../domain/scrutiny/titles.ts';
import type { CallInRecord, ScrutinyExtract, TrackingRowRecord, TrackingSheetRecord } from '../../extract/scrutiny/types.ts';
import type { ImportIssue } from '../../types.ts';

export interface UnmatchedRow {
  sheet: TrackingSheetRecord;
  row: TrackingRowRecord;
}

export interface RowMatches {
  /** Tracking rows by call-in, then by recommendation number. */
  rowsByCallIn: Map<CallInRecord, Map<number, TrackingRowRecord>>;
  unmatched: UnmatchedRow[];
}

export function matchTrackingRows(extract: ScrutinyExtract, issues: ImportIssue[]): RowMatches {
  const rowsByCallIn = new Map<CallInRecord, Map<number, TrackingRowRecord>>();
  const unmatched: UnmatchedRow[] = [];
  for (const sheet of extract.trackingSheets) {
    for (const row of sheet.rows) {
      const found = callInOf(extract.callIns, row, issues);
      if (found) {
        const map = rowsByCallIn.get(found) ?? new Map<number, TrackingRowRecord>();
        map.set(row.recommendationNumber, row);
        rowsByCallIn.set(found, map);
      } else {
        unmatched.push({ sheet, row });
      }
    }
  }
  return { rowsByCallIn, unmatched };
}

/** The call-in of the row's meeting that has the row's recommendation and a title like the row's. */
function callInOf(callIns: CallInRecord[], row: TrackingRowRecord, issues: ImportIssue[]): CallInRecord | undefined {
  for (const callIn of callIns) {
    if (callIn.meetingDate !== row.meetingDate || !callIn.recommendations.some((r) => r.number === row.recommendationNumber)) continue;
    const match = compareTitles(row.item, callIn.title);
    if (match === 'different') continue;
    if (match === 'near') {
      issues.push({
        severity: 'warning',
        line: row.line,
        message: `Tracking sheet row at line ${row.line} prints "${row.item}" where the call-in of ${callIn.meetingDate} (line ${callIn.lineFrom}) says "${callIn.title}"; kept as printed and linked to recommendation ${row.recommendationNumber} of that call-in. Check the paper.`,
      });
    }
    return callIn;
  }
  return undefined;
}
