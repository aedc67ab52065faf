/**
 * The covering report "Recommendations from <committee>" to Cabinet: who it goes to, and the recommendations of
 * Policy Overview and Scrutiny Committees it carries (paragraph 2(2): "Following the … POSC on <date> … the following
 * recommendation:" then the recommendation in quotation marks).
 */
import type { Segment } from '../../types.ts';
import { plainText } from '../../segment.ts';
import { findLongDate } from '../dates.ts';
import { extractReport } from '../report.ts';
import type { CabinetReportRecord, PoscRecommendationRecord } from './types.ts';

const SUBJECT = /^Recommendations from (?:the )?(.+?)(?:\s*[–—-]\s*.+)?$/i;
const FOLLOWING = /Following the (.+?) on (\d{1,2}\s+\w+\s+\d{4}).*recommendations?:?$/i;

const straightQuotes = (text: string) => text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');

/** The committee a Cabinet report carries recommendations from, or undefined when it is some other report. */
export function cabinetReportOf(segment: Segment): { report: CabinetReportRecord; committee: string } | undefined {
  const report = extractReport(segment);
  const subject = SUBJECT.exec(report.subject);
  if (!subject) return undefined;
  const to = report.to[0];
  return {
    committee: subject[1]!.trim(),
    report: {
      subject: report.subject,
      to: to?.bodyName ?? '',
      ...((to?.date ?? report.date) ? { date: to?.date ?? report.date } : {}),
      lineFrom: segment.lineFrom,
      lineTo: segment.lineTo,
    },
  };
}

export function poscRecommendationsIn(segment: Segment, to: string): PoscRecommendationRecord[] {
  const found: PoscRecommendationRecord[] = [];
  const lines = segment.lines.map(plainText);
  lines.forEach((text, index) => {
    const following = FOLLOWING.exec(straightQuotes(text));
    if (!following) return;
    const meetingDate = findLongDate(following[2]!);
    if (!meetingDate) return;
    // The recommendation is the next paragraph, in quotation marks.
    const offset = lines.slice(index + 1).findIndex((candidate) => candidate !== '');
    if (offset < 0) return;
    const at = index + 1 + offset;
    const quoted = /^["“](.+?)["”]?\.?$/.exec(lines[at]!);
    if (!quoted) return;
    const from = following[1]!
      .replace(/\s*\([A-Z]+\)\s*/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    found.push({ from, meetingDate, to, text: quoted[1]!.trim(), lineFrom: segment.lineFrom + index, lineTo: segment.lineFrom + at });
  });
  return found;
}
