/**
 * extractScrutiny: everything a paper says about scrutiny follow-up — tracking sheets, call-ins with their
 * recommendations and responses, and POSC recommendations carried by a Cabinet report. Pure: document in, records out.
 * A segment that cannot be read costs only itself, as an import issue.
 */
import type { ImportIssue, TextDocument } from '../../types.ts';
import { segmentDocument } from '../../segment.ts';
import { extractCallIn } from './call-in.ts';
import { cabinetReportOf, poscRecommendationsIn } from './cabinet-report.ts';
import { extractTrackingSheet } from './tracking-sheet.ts';
import type { ScrutinyExtract } from './types.ts';

export type * from './types.ts';

/** Call-ins in this format are the Cabinet Scrutiny Committee's unless the paper says whose they are. */
export const DEFAULT_CALL_IN_COMMITTEE = 'Cabinet Scrutiny Committee';

export function extractScrutiny(document: TextDocument): ScrutinyExtract {
  const segments = segmentDocument(document.lines);
  const extract: ScrutinyExtract = { trackingSheets: [], callIns: [], poscRecommendations: [], issues: [] };
  const fail = (kind: string, from: number, to: number, error: unknown): ImportIssue => ({
    severity: 'error',
    line: from,
    message: `${document.name}: could not read the ${kind} at lines ${from}-${to}: ${(error as Error).message}`,
  });

  let committee: string | undefined;
  for (const segment of segments) {
    try {
      if (segment.kind === 'tracking-sheet') {
        const { sheet, issues } = extractTrackingSheet(segment);
        extract.trackingSheets.push(sheet);
        extract.issues.push(...issues);
        committee ??= sheet.committee;
      } else if (segment.kind === 'report') {
        const cabinet = cabinetReportOf(segment);
        if (!cabinet) continue;
        extract.cabinetReport ??= cabinet.report;
        committee ??= cabinet.committee;
        extract.poscRecommendations.push(...poscRecommendationsIn(segment, cabinet.report.to));
      }
    } catch (error) {
      extract.issues.push(fail(segment.kind, segment.lineFrom, segment.lineTo, error));
    }
  }
  for (const segment of segments) {
    if (segment.kind !== 'call-in') continue;
    try {
      extract.callIns.push(extractCallIn(segment, committee ?? DEFAULT_CALL_IN_COMMITTEE));
    } catch (error) {
      extract.issues.push(fail('call-in', segment.lineFrom, segment.lineTo, error));
    }
  }
  return extract;
}
