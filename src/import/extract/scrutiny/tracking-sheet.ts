/**
 * The officers' tracking sheet: "Follow-up items from <committee> – Tracking sheet", a date, then a table of
 * Item / Date of meeting / Recommendation / Status / Notes, one row per recommendation still followed up.
 */
import type { ImportIssue, Segment } from '../../types.ts';
import { plainText } from '../../segment.ts';
import { findLongDate, parseShortDate } from '../dates.ts';
import type { TrackingRowRecord, TrackingSheetRecord } from './types.ts';

const TITLE = /^Follow-up items from (?:the )?(.+?)\s*[–—-]\s*Tracking sheet$/i;
const HEADER = /^Item\tDate of meeting\tRecommendation\tStatus(?:\tNotes)?$/i;

export function extractTrackingSheet(segment: Segment): { sheet: TrackingSheetRecord; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const lines = segment.lines.map(plainText);
  let title = '';
  let committee = '';
  let date: string | undefined;
  let inTable = false;
  const rows: TrackingRowRecord[] = [];
  lines.forEach((text, index) => {
    const line = segment.lineFrom + index;
    if (!text) return;
    const titled = TITLE.exec(text);
    if (titled && !title) {
      title = text;
      committee = titled[1]!.trim();
      return;
    }
    if (!inTable && !date && text.length <= 40) {
      date = findLongDate(text);
      if (date) return;
    }
    if (HEADER.test(text)) {
      inTable = true;
      return;
    }
    if (!inTable) return;
    const cells = text.split('\t').map((cell) => cell.trim());
    const meetingDate = parseShortDate(cells[1] ?? '');
    const number = Number(cells[2]);
    if (cells.length < 4 || !meetingDate || !Number.isInteger(number) || number < 1) {
      issues.push({
        severity: 'warning',
        line,
        message: `Tracking sheet row at line ${line} is not Item, Date of meeting, Recommendation, Status, Notes; skipped`,
      });
      return;
    }
    const notes = cells.slice(4).join(' ').trim();
    rows.push({ line, item: cells[0]!, meetingDate, recommendationNumber: number, status: cells[3]!.toUpperCase(), ...(notes ? { notes } : {}) });
  });
  if (!title) throw new Error('no "Follow-up items from … – Tracking sheet" title');
  if (!date) throw new Error('the tracking sheet prints no date');
  return { sheet: { title, committee, date, rows, lineFrom: segment.lineFrom, lineTo: segment.lineTo }, issues };
}
